import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reacties', (t) => {
    t.increments('id').primary();
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.integer('parent_id').nullable().references('id').inTable('reacties');
    t.string('author_name', 100).notNullable();
    t.string('author_email', 254).notNullable();
    t.string('author_email_key', 254).notNullable(); // lower-cased, for "has this address been approved before"
    t.string('author_url', 200).nullable();
    t.text('body').notNullable();
    t.string('status', 20).notNullable(); // pending | approved | spam | trash
    t.string('previous_status', 20).nullable(); // what "restore" returns a trashed reactie to
    t.string('ip', 45).nullable();
    t.string('user_agent', 500).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('status_changed_at', { useTz: true }).notNullable();
    t.index(['article_id', 'status']);
    t.index(['author_email_key', 'status']);
    t.index(['status', 'created_at']);
    t.index(['parent_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reacties');
}
