import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('pages', (t) => {
    t.string('slug', 60).primary(); // over-deze-weblog, privacy
    t.string('title', 200).notNullable();
    t.text('body_markdown').notNullable();
    t.text('body_html').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('pages');
}
