import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // The learning filter's spam probability when the reactie came in: the queue sorts on it.
  await knex.schema.alterTable('reacties', (t) => {
    t.float('spam_score').nullable();
    t.index(['status', 'spam_score']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropIndex(['status', 'spam_score']);
    t.dropColumn('spam_score');
  });
}
