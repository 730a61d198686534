import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('counters', (t) => {
    t.string('name', 50).primary();
    t.integer('value').notNullable().defaultTo(0);
  });
  await knex('counters').insert({ name: 'reacties_visible', value: 0 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('counters');
}
