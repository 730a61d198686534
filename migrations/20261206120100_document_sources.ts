import type { Knex } from 'knex';

// The text a council document was recognised from (pasted, or read from its PDF), kept with the
// article with the editor's corrections from the review step and what that recognition filled in,
// so the editor can later recognise the same text again (after a parser update, or to change a
// correction) without losing the corrections or what they changed by hand since. One row per
// article at most; an article written by hand has none.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('document_sources', (t) => {
    t.integer('article_id').primary().references('id').inTable('articles').onDelete('CASCADE');
    t.text('source_text').notNullable();
    // JSON: [{ line, role, number? }], the editor's corrections by input line.
    t.text('corrections').notNullable();
    // JSON: what the recognition with those corrections filled in (title, kind, body, fields, questions).
    t.text('recognised').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('document_sources');
}
