import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // IPs, addresses and websites that moderators marked as spam: their next reactie is spam at once.
  await knex.schema.createTable('spam_memory', (t) => {
    t.increments('id').primary();
    t.string('kind', 10).notNullable(); // ip | email | url
    t.string('value', 254).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['kind', 'value']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('spam_memory');
}
