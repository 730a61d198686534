import type { Knex } from 'knex';

// A resident may edit their own reactie for a short while after posting. `edited_at` is when the
// shown text last changed ("bewerkt om …"). An edit of a published reactie that the spam checks
// hold waits in `pending_body` (with its HTML) while the old text stays public, until a moderator
// approves (the new text replaces the old) or rejects it (the old text stays). Plain ADD COLUMNs:
// no table rebuild, so the search triggers on reacties are left as they are.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.timestamp('edited_at', { useTz: true }).nullable();
    t.text('pending_body').nullable();
    t.text('pending_body_html').nullable();
    t.timestamp('pending_edit_at', { useTz: true }).nullable();
    // The moderators' list of held edits reads only those rows.
    t.index(['pending_edit_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropIndex(['pending_edit_at']);
    t.dropColumn('pending_edit_at');
    t.dropColumn('pending_body_html');
    t.dropColumn('pending_body');
    t.dropColumn('edited_at');
  });
}
