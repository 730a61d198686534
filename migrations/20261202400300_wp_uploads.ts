import type { Knex } from 'knex';

// The files of WordPress's uploads folder that an import took over as attachments: the path under
// /wp-content/uploads/ (normalised: decoded, lower case) and the attachment it became, so the old
// address (and WordPress's resized copies of an image) answers with a 301 to the attachment.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('wp_uploads', (t) => {
    t.string('path', 500).primary();
    t.integer('attachment_id').notNullable().references('id').inTable('article_attachments').onDelete('CASCADE');
    t.index(['attachment_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('wp_uploads');
}
