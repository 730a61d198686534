import type { Knex } from 'knex';

// Indexes for what runs on every post and every voorpagina, checked against the query plans in
// test/db/query-plans.test.ts: without them a post on a weblog with a million reacties scanned them
// all (the per-IP limit, the flood check per address, the duplicate check on a busy article), and
// the voorpagina sorted every published article to show ten.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.index(['ip', 'created_at']);
    t.index(['author_email_key', 'created_at']);
    t.index(['article_id', 'author_email_key']);
  });
  await knex.schema.alterTable('articles', (t) => {
    t.index(['status', 'pinned', 'published_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.dropIndex(['status', 'pinned', 'published_at']);
  });
  await knex.schema.alterTable('reacties', (t) => {
    t.dropIndex(['article_id', 'author_email_key']);
    t.dropIndex(['author_email_key', 'created_at']);
    t.dropIndex(['ip', 'created_at']);
  });
}
