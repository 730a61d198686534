import type { Knex } from 'knex';

// Outgoing e-mail, sent by a background worker: a page only adds a row, so a slow or failing SMTP
// server never slows or breaks it. Rows are claimed with a conditional update of next_attempt_at.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('mail_queue', (t) => {
    t.increments('id').primary();
    t.string('to', 254).notNullable();
    t.string('to_key', 254).notNullable(); // emailKey(to), for AVG erasure
    // emailKey of the resident whose name and words the mail quotes (a reply), for AVG erasure too.
    t.string('about_key', 254).nullable();
    t.string('subject', 300).notNullable();
    t.text('text').notNullable();
    t.text('html').nullable();
    t.text('headers').nullable(); // JSON object
    // The same mail is queued once, even when two app servers see the same event.
    t.string('dedupe_key', 200).nullable().unique();
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
    // null once sent or given up
    t.timestamp('next_attempt_at', { useTz: true }).nullable();
    t.timestamp('sent_at', { useTz: true }).nullable();
    t.string('last_error', 500).nullable();
    t.index(['next_attempt_at']);
    t.index(['to_key']);
    t.index(['about_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('mail_queue');
}
