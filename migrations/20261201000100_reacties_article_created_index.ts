import type { Knex } from 'knex';

// An article's approved reacties, newest first (its reacties feed), read along one index: without
// it SQLite walks the site-wide (status, created_at) index until it has found enough of one article.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.index(['article_id', 'status', 'created_at'], 'reacties_article_status_created_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropIndex(['article_id', 'status', 'created_at'], 'reacties_article_status_created_index');
  });
}
