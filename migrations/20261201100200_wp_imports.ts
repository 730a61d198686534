import type { Knex } from 'knex';

// What `npm run import:wxr` brought in from WordPress: the WordPress id of each author, category,
// post and comment and the row it became here, so a second run of the same export skips it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('wp_imports', (t) => {
    t.string('kind', 20).notNullable(); // author | category | post | comment
    t.string('wp_id', 100).notNullable(); // the numeric id, or the login for an author
    t.integer('local_id').notNullable();
    t.primary(['kind', 'wp_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('wp_imports');
}
