import type { Knex } from 'knex';

// /documenten lists, filters and counts council documents by their own date (the `datum` field),
// or by the day they were published when they have none. That date is kept on the article
// (YYYY-MM-DD, null for news), written with every save, so the list follows an index in order and
// stops after a page, and the counts per year and month read a range of it.
// Plain ALTER TABLE and CREATE INDEX on both databases: knex's alterTable rebuilds an SQLite table,
// which the search index's triggers on articles (20261201000500) do not survive.
const TIME_ZONE = 'Europe/Amsterdam';
const BATCH = 500;

const dayFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE });

function amsterdamDay(value: unknown): string {
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return dayFormat.format(date);
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table articles add column document_date varchar(10) null');
  const rows: Array<{ id: number; published_at: unknown; created_at: unknown; datum: string | null }> = await knex('articles as a')
    .whereNot('a.kind', 'nieuws')
    .leftJoin('article_fields as f', function () {
      this.on('f.article_id', '=', 'a.id').andOn('f.key', '=', knex.raw('?', ['datum']));
    })
    .select('a.id', 'a.published_at', 'a.created_at', 'f.value as datum');
  for (let i = 0; i < rows.length; i += BATCH) {
    await knex.transaction(async (trx) => {
      for (const r of rows.slice(i, i + BATCH)) {
        const date = r.datum && /^\d{4}-\d{2}-\d{2}$/.test(r.datum) ? r.datum : amsterdamDay(r.published_at ?? r.created_at);
        await trx('articles').where({ id: r.id }).update({ document_date: date });
      }
    });
  }
  await knex.raw('create index articles_status_document_date_id_index on articles (status, document_date, id)');
  await knex.raw('create index articles_kind_status_document_date_id_index on articles (kind, status, document_date, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index articles_kind_status_document_date_id_index');
  await knex.raw('drop index articles_status_document_date_id_index');
  await knex.raw('alter table articles drop column document_date');
}
