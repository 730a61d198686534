import type { Knex } from 'knex';

// The public articles in order of publication with what the sitemap needs of each (slug, dates):
// with 10.000 articles the sitemap and the count of public articles (sitemap, voorpagina, archive)
// read the whole articles table on PostgreSQL, 37 MB because every row holds its text and HTML
// (3.787 buffers, a sequential scan and a sort: 15 to 475 ms on the busy test machine). From this
// index alone they read 106 buffers (the list in 15 ms, the count in 2,6 ms on the same machine;
// issue 26, BENCHMARKS.md). PostgreSQL keeps the listed columns in the index's leaves (include);
// SQLite has no include, so there they are the index's last columns, which serves the same reads.
const NAME = 'articles_public_list_index';

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`create index ${NAME} on articles (status, published_at, id) include (is_page, slug, created_at, updated_at)`);
    return;
  }
  await knex.raw(`create index ${NAME} on articles (status, published_at, id, is_page, slug, created_at, updated_at)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`drop index ${NAME}`);
}
