import type { Knex } from 'knex';

// What an editor is typing, saved by the editor's page every few seconds (server-side, per user),
// so a crash or a lost session loses nothing: opening the article again offers it back. One row
// per user and article (article_id null: a new article); a save of the article removes it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('editor_drafts', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.integer('article_id').nullable().references('id').inTable('articles').onDelete('CASCADE');
    t.timestamp('saved_at', { useTz: true }).notNullable();
    // JSON: the form's fields as typed (names as in the form: titel, tekst, doc__…, vraag_1, …).
    t.text('form').notNullable();
    t.index(['user_id', 'article_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('editor_drafts');
}
