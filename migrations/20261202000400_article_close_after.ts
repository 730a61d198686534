import type { Knex } from 'knex';

// Reacties close by themselves this many days after an article is published: null follows the
// site's setting (reacties.closeAfterDays), 0 never closes, a number overrides the setting.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.integer('reacties_close_after_days').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.dropColumn('reacties_close_after_days');
  });
}
