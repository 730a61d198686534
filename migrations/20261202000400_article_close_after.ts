import type { Knex } from 'knex';

// Reacties close by themselves this many days after an article is published: null follows the
// site's setting (reacties.closeAfterDays), 0 never closes, a number overrides the setting.
// Plain ALTER TABLE on both databases: knex's alterTable rebuilds an SQLite table for this, which
// the search index's triggers on articles (20261201000500) do not survive.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table articles add column reacties_close_after_days integer null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table articles drop column reacties_close_after_days');
}
