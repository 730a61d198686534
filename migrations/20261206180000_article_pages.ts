import type { Knex } from 'knex';

// A page moved in from WordPress (post type "page") is an article that is a page: it keeps its
// address, text and reacties, but is in no listing (voorpagina, feeds, archive, sitemap, the
// site's reactie total). Its parent page, when it had one, is page_parent_id. No foreign key: a
// column with one cannot be added to SQLite's articles table in place; a parent that is gone is
// simply not shown (articles/queries.ts pageFamily).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.boolean('is_page').notNullable().defaultTo(false);
    t.integer('page_parent_id').nullable();
    t.index(['page_parent_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.dropIndex(['page_parent_id']);
  });
  // Plain ALTER TABLE … DROP COLUMN: knex would rebuild the table on SQLite, which the search triggers on articles do not survive.
  for (const column of ['page_parent_id', 'is_page']) await knex.raw(`alter table articles drop column ${column}`);
}
