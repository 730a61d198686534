import type { Knex } from 'knex';

// Live updates on PostgreSQL (issue 25): which transaction wrote each change. A change's id is handed
// out when its transaction writes it, not when that commits, so the log's newest id is no safe place
// to start from: a change with a lower id may still be committing. With the transaction's id beside it
// a page's position can also name the oldest transaction still open when it was read (server/live/
// changes.ts), and a stream replays that one's changes too. SQLite has one writer at a time: there the
// newest id is exact, and the log stays as it was.
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  // A transaction always has an id here: the trigger runs after its write to reacties.
  await knex.raw('alter table live_changes add column xid xid8 not null default pg_current_xact_id()');
  await knex.raw('create index live_changes_xid_index on live_changes (xid)');
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('alter table live_changes drop column xid');
}
