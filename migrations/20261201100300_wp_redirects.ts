import type { Knex } from 'knex';

// The old WordPress paths of imported articles (/2015/05/27/slug, /2015/05/slug, /slug, an
// attachment's page), normalised, each answered with a 301 to the article's current permalink.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('wp_redirects', (t) => {
    t.string('path', 500).primary();
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.index(['article_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('wp_redirects');
}
