import type { Knex } from 'knex';

// Tags: light labels on articles, as WordPress has them (a weblog moving in brings hundreds).
// Unlike a dossier a tag has no introduction, participants or beheer page of its own: a name,
// a slug for its page (/tags/slug) and the articles that carry it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tags', (t) => {
    t.increments('id').primary();
    t.string('slug', 120).notNullable().unique();
    t.string('name', 100).notNullable();
  });
  await knex.schema.createTable('article_tags', (t) => {
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.integer('tag_id').notNullable().references('id').inTable('tags').onDelete('CASCADE');
    t.primary(['article_id', 'tag_id']);
    // A tag's page lists its articles.
    t.index(['tag_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('article_tags');
  await knex.schema.dropTable('tags');
}
