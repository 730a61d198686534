import type { Knex } from 'knex';

// Search on PostgreSQL (issue 22): an article's tsvector (a few kilobytes) was kept out of line, in the
// table's TOAST relation, so every article the articles' statement looked at (search/postgres-index.ts,
// newestArticles: the newest 500 matches, checked with @@ and ranked with ts_rank) was first fetched
// chunk by chunk through the TOAST index. Stored MAIN it stays in the row, compressed, up to a page;
// only a document too large for any page (a long attachment's) still goes out of line. Measured at
// 10.000 articles and 1.000.000 reacties: the check of the newest 560 articles 3,0 → 0,7 ms, the whole
// articles' statement about 40 % less. The storage applies to rows written from now on, so the
// articles' and attachments' rows are written once more here (the reacties' short documents were in
// line already). SQLite's full-text index needs nothing.
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('alter table search_entries alter column document set storage main');
  // `|| ''::tsvector` makes a new value; the same one written back would keep its TOAST pointer.
  await knex.raw("update search_entries set document = document || ''::tsvector where kind <> 'reactie'");
  // Every entry written again waits in the GIN index's pending list (a few megabytes for 10.000 articles),
  // which each search reads whole until a vacuum merges it: merged here, and the planner's statistics renewed.
  await knex.raw("select gin_clean_pending_list('search_entries_articles'::regclass)");
  await knex.raw('analyze search_entries');
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('alter table search_entries alter column document set storage extended');
}
