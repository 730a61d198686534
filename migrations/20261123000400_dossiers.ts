import type { Knex } from 'knex';

// Dossiers (thema's): editors group articles under a title with an introduction and the people or
// organisations that took part ("wie doen mee", one per line). An article may be in several dossiers.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('dossiers', (t) => {
    t.increments('id').primary();
    t.string('slug', 120).notNullable().unique();
    t.string('title', 200).notNullable();
    t.text('intro_markdown').notNullable();
    t.text('intro_html').notNullable();
    t.text('participants').notNullable(); // one per line, as the editors typed them
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('dossier_articles', (t) => {
    t.integer('dossier_id').notNullable().references('id').inTable('dossiers').onDelete('CASCADE');
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.timestamp('added_at', { useTz: true }).notNullable();
    t.primary(['dossier_id', 'article_id']);
    // The article page asks which dossiers an article is in.
    t.index(['article_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('dossier_articles');
  await knex.schema.dropTable('dossiers');
}
