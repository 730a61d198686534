import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('articles', (t) => {
    t.increments('id').primary();
    t.string('slug', 120).notNullable().unique();
    t.string('title', 200).notNullable();
    t.string('kind', 30).notNullable().defaultTo('nieuws'); // nieuws | raadsvragen | college
    t.text('body_markdown').notNullable();
    t.text('body_html').notNullable();
    t.text('excerpt_markdown').notNullable();
    t.text('excerpt_html').notNullable();
    t.string('author_name', 100).notNullable();
    t.integer('author_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('status', 20).notNullable(); // draft | published (scheduled = published with a future published_at)
    t.timestamp('published_at', { useTz: true }).nullable();
    t.boolean('pinned').notNullable().defaultTo(false);
    t.boolean('reacties_open').notNullable().defaultTo(true);
    t.integer('reactie_count').notNullable().defaultTo(0); // visible (approved) reacties, kept by server/reacties/counters
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['status', 'published_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('articles');
}
