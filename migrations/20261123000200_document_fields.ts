import type { Knex } from 'knex';

// Council documents as data: an article's type decides its structured fields (one row per value,
// lists as several rows with a position, dates as YYYY-MM-DD text), so they can be filtered on
// both databases with plain indexes; written questions keep their numbered answers as pairs.
export async function up(knex: Knex): Promise<void> {
  // The old kinds become document types: a letter from the college is a 'brief', raadsvragen are
  // 'schriftelijke-vragen'.
  await knex('articles').where({ kind: 'college' }).update({ kind: 'brief' });
  await knex('articles').where({ kind: 'raadsvragen' }).update({ kind: 'schriftelijke-vragen' });
  await knex.schema.alterTable('articles', (t) => {
    t.timestamp('answers_added_at', { useTz: true }).nullable();
    t.index(['kind', 'status', 'published_at']);
  });
  await knex.schema.createTable('article_fields', (t) => {
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.string('key', 40).notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.string('value', 500).notNullable();
    t.primary(['article_id', 'key', 'position']);
    t.index(['key', 'value']);
  });
  await knex.schema.createTable('document_questions', (t) => {
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.integer('number').notNullable();
    t.text('question').notNullable();
    t.text('answer').nullable();
    t.primary(['article_id', 'number']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('document_questions');
  await knex.schema.dropTable('article_fields');
  await knex.schema.alterTable('articles', (t) => {
    t.dropIndex(['kind', 'status', 'published_at']);
    t.dropColumn('answers_added_at');
  });
  await knex('articles').where({ kind: 'schriftelijke-vragen' }).update({ kind: 'raadsvragen' });
  await knex('articles').where({ kind: 'brief' }).update({ kind: 'college' });
  await knex('articles').whereIn('kind', ['memo', 'raadsinformatiebrief', 'motie']).update({ kind: 'nieuws' });
}
