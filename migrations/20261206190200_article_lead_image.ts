import type { Knex } from 'knex';

// One lead image per article (images.id): on the voorpagina, in the feeds and as og:image. No
// foreign key: a column with one cannot be added to SQLite's articles table in place; the media
// library deletes only an image that no article uses, and a lead image that is gone is not shown.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.integer('lead_image_id').nullable();
    t.index(['lead_image_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.dropIndex(['lead_image_id']);
  });
  // Plain ALTER TABLE … DROP COLUMN: knex would rebuild the table on SQLite, which the search triggers on articles do not survive.
  await knex.raw('alter table articles drop column lead_image_id');
}
