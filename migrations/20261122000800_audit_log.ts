import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // Append-only: the app only ever inserts here.
  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id').primary();
    t.timestamp('at', { useTz: true }).notNullable();
    t.integer('user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('actor', 254).notNullable(); // e-mail of the account, or "systeem"
    t.string('action', 60).notNullable(); // login.success, reactie.approve, article.update, …
    t.string('subject_type', 30).nullable();
    t.integer('subject_id').nullable();
    t.text('detail').nullable();
    t.index(['subject_type', 'subject_id']);
    t.index(['at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
}
