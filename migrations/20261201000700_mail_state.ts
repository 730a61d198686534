import type { Knex } from 'knex';

// Where the mail jobs are: the last approved reactie already announced (a cursor on
// status_changed_at, id) and when moderators last got a digest. One row per job.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('mail_state', (t) => {
    t.string('name', 50).primary();
    t.timestamp('at', { useTz: true }).notNullable();
    t.integer('last_id').notNullable().defaultTo(0);
  });
  // Reacties approved from now on are announced; moderators have had no digest yet.
  await knex('mail_state').insert([
    { name: 'approved', at: new Date(), last_id: 0 },
    { name: 'moderator-digest', at: new Date(0), last_id: 0 },
  ]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('mail_state');
}
