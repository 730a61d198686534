import type { Knex } from 'knex';

// An article's body is Markdown (written here) or HTML (moved in from WordPress, sanitised): the
// editor and the renderer need to know which, so an imported article can be opened and saved again.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.string('body_format', 10).notNullable().defaultTo('markdown'); // markdown | html
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.dropColumn('body_format');
  });
}
