import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // Hit counters for rate limits, shared by every app process through the database.
  await knex.schema.createTable('rate_limits', (t) => {
    t.string('key', 300).primary();
    t.integer('hits').notNullable();
    t.bigInteger('reset_at').notNullable(); // epoch milliseconds
    t.index(['reset_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rate_limits');
}
