import type { Knex } from 'knex';

// Photos for articles: each upload is resized once into a few widths (WebP and a JPEG fallback) and
// kept under <upload dir>/beelden/<sha256 of the upload>/; the uploaded original itself is not kept.
// A row says what the variants are and what readers see with the photo (alt, caption, credit).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('images', (t) => {
    t.increments('id').primary();
    t.string('sha256', 64).notNullable(); // of the uploaded bytes: the folder of its variants
    t.string('original_name', 255).notNullable();
    t.string('media_type', 100).notNullable(); // of the upload, checked from its first bytes
    t.integer('size').notNullable(); // bytes of the upload
    t.integer('width').notNullable(); // of the largest variant
    t.integer('height').notNullable();
    t.text('variants').notNullable(); // JSON: the widths made, smallest first
    t.string('alt', 300).notNullable();
    t.string('caption', 500).notNullable().defaultTo('');
    t.string('credit', 200).notNullable().defaultTo('');
    t.integer('uploaded_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['sha256']);
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('images');
}
