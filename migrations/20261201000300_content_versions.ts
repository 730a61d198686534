import type { Knex } from 'knex';

// Versions for the page cache: an article's version moves with every change to what its page shows
// (its reacties, dossiers, attachments), the site version with every change the voorpagina shows.
// Kept in the database, so several app servers see each other's changes at once.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.integer('version').notNullable().defaultTo(0);
  });
  await knex('counters').insert({ name: 'site_version', value: 0 });
}

export async function down(knex: Knex): Promise<void> {
  await knex('counters').where({ name: 'site_version' }).delete();
  await knex.schema.alterTable('articles', (t) => {
    t.dropColumn('version');
  });
}
