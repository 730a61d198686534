import type { Knex } from 'knex';

// "Uitgelicht door de redactie" (issue 25): when an editor or moderator featured a reactie; null when
// it is not featured. Who did it is in the audit log; the public moderation log says that it happened.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.timestamp('featured_at', { useTz: true }).nullable();
    t.index(['article_id', 'featured_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropIndex(['article_id', 'featured_at']);
    t.dropColumn('featured_at');
  });
}
