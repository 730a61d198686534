import type { Knex } from 'knex';

// A reactie that had been public and was taken off by the moderation (or hidden after readers'
// reports) keeps its place in the thread: a placeholder with the reason, so its replies stay in
// context. removed_reason is set while it is off the page for that reason, null otherwise; the
// thread, the counters and the search treat such a reactie as a link in the chain, not as shown.
// Plain ADD COLUMN: on SQLite this does not rebuild the table (the search triggers stay).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.string('removed_reason', 30).nullable();
  });
  await knex.schema.alterTable('reacties', (t) => {
    // Hidden by readers' reports, waiting for a moderator (not yet a moderator's decision).
    t.boolean('removed_by_reports').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropColumn('removed_by_reports');
    t.dropColumn('removed_reason');
  });
}
