import type { Knex } from 'knex';

// Attachments on articles: each stored file once, named by the sha256 of its bytes (files), and the
// links from articles to those files with a title (article_attachments). A file is deleted from
// disk only when no link uses it any more.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('files', (t) => {
    t.string('sha256', 64).primary(); // lower-case hex; also the file's name under the upload folder
    t.string('media_type', 100).notNullable(); // checked from the file's first bytes
    t.integer('size').notNullable(); // bytes
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('article_attachments', (t) => {
    t.increments('id').primary();
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.string('file_sha256', 64).notNullable().references('sha256').inTable('files');
    t.string('title', 200).notNullable();
    t.string('original_name', 255).notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['article_id', 'position']);
    t.index(['file_sha256']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('article_attachments');
  await knex.schema.dropTable('files');
}
