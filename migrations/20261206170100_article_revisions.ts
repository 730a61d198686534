import type { Knex } from 'knex';

// Revisions of articles: every save from the editor keeps one row with a copy of what the editor
// wrote (title, body, kind, document fields, questions and answers, tags) as JSON, who saved it and
// when. The article counts its saves (articles.revision): a row's number is the count after its
// save, so a save keeps at most one row (the unique index), and the editor's form says which
// revision it was opened at (a save from an older form is refused instead of overwriting).
// Readers never read this table: the article page shows the correction note and "Bijgewerkt op"
// from the article's own row (correction_note, corrected_at, text_updated_at).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.integer('revision').notNullable().defaultTo(0);
    // The public "Correctie: in een eerdere versie stond …", plain text; null when there is none.
    t.text('correction_note').nullable();
    t.timestamp('corrected_at', { useTz: true }).nullable();
    // When the title or text last changed while the article was public: "Bijgewerkt op …".
    t.timestamp('text_updated_at', { useTz: true }).nullable();
  });
  await knex.schema.createTable('article_revisions', (t) => {
    t.increments('id').primary();
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.integer('number').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.integer('user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    // The editor's name at the time (the account may be renamed or removed later); null: before the history began.
    t.text('author').nullable();
    // "Titel en tekst gewijzigd", "Teruggezet naar versie 3": made when the row is kept.
    t.text('summary').notNullable();
    // JSON: { title, kind, body, bodyFormat, excerpt, fields, questions, tags, correctionNote }.
    t.text('content').notNullable();
    t.unique(['article_id', 'number']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('article_revisions');
  // Plain ALTER TABLE … DROP COLUMN: knex would rebuild the table on SQLite, which the search triggers on articles do not survive.
  for (const column of ['text_updated_at', 'corrected_at', 'correction_note', 'revision'])
    await knex.raw(`alter table articles drop column ${column}`);
}
