import type { Knex } from 'knex';

// A resident may edit their own reactie for a short while after posting. `edited_at` is when the
// shown text last changed ("bewerkt om …"). An edit of a published reactie that the spam checks
// hold waits in `pending_body` (with its HTML) while the old text stays public, until a moderator
// approves (the new text replaces the old) or rejects it (the old text stays).
// Plain ALTER TABLE on both databases: knex's alterTable may rebuild an SQLite table, which the
// search index's triggers on reacties (20261201000500) do not survive.
export async function up(knex: Knex): Promise<void> {
  const timestamp = knex.client.config.client === 'pg' ? 'timestamptz' : 'datetime';
  await knex.raw(`alter table reacties add column edited_at ${timestamp} null`);
  await knex.raw('alter table reacties add column pending_body text null');
  await knex.raw('alter table reacties add column pending_body_html text null');
  await knex.raw(`alter table reacties add column pending_edit_at ${timestamp} null`);
  // The moderators' list of held edits reads only those rows.
  await knex.raw('create index reacties_pending_edit_at_index on reacties (pending_edit_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index reacties_pending_edit_at_index');
  for (const column of ['pending_edit_at', 'pending_body_html', 'pending_body', 'edited_at'])
    await knex.raw(`alter table reacties drop column ${column}`);
}
