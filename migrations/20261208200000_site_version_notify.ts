import type { Knex } from 'knex';

// The page cache's site version (counters.site_version) kept in each app server's memory on
// PostgreSQL: every change of it wakes the app servers (NOTIFY stadslog_site_version with the row's
// name and new value, delivered at commit), so a voorpagina hit needs no read. The version is its own
// row plus slot rows (site_version/N, made by the first change on their slot: counters.ts), so an
// insert notifies as an update does. A trigger, so that no code path
// that moves the version can forget it. SQLite has no notifications: it reads the version per request.
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(`create function site_version_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('stadslog_site_version', new.name || ' ' || new.value::text);
      return null;
    end $$`);
  await knex.raw(`create trigger site_version_notify after insert or update of value on counters
    for each row when (new.name = 'site_version' or new.name like 'site_version/%') execute function site_version_changed()`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('drop trigger if exists site_version_notify on counters');
  await knex.raw('drop function if exists site_version_changed()');
}
