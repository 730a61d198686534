import type { Knex } from 'knex';

// An article's body is Markdown (written here) or HTML (moved in from WordPress, sanitised): the
// editor and the renderer need to know which, so an imported article can be opened and saved again.
// Plain ALTER TABLE on both databases: knex's alterTable rebuilds an SQLite table for this, which
// the search index's triggers on articles (20261201000500) do not survive.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table articles add column body_format varchar(10) not null default 'markdown'`); // markdown | html
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table articles drop column body_format');
}
