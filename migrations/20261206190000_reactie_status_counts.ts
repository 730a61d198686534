import type { Knex } from 'knex';

// The moderation queue's tab counts without counting a million rows (issue 26): every change of a
// reactie's status (a new reactie, a moderator's decision, a purge, an AVG erasure, a delete) adds
// a row (status, ±1) to reactie_status_deltas, written by triggers so that no code path can forget
// it. Only inserts: concurrent posts never wait for one another on a counter row. A tab count sums
// the rows per status; housekeeping folds them into one row per status (server/reacties/queue/status-counts.ts).
// The table is derived: db:copy skips it (the target's triggers make it as the rows arrive).
const SQLITE_TRIGGERS = [
  `create trigger reactie_status_count_ai after insert on reacties
     begin insert into reactie_status_deltas (status, delta) values (new.status, 1); end`,
  `create trigger reactie_status_count_au after update of status on reacties when old.status <> new.status
     begin insert into reactie_status_deltas (status, delta) values (old.status, -1), (new.status, 1); end`,
  `create trigger reactie_status_count_ad after delete on reacties
     begin insert into reactie_status_deltas (status, delta) values (old.status, -1); end`,
];

// PostgreSQL: statement triggers with transition tables, so a bulk insert (an import, the benchmark's
// million reacties) adds one row per status, not one per reactie. Column lists and transition
// tables don't mix, so the update trigger compares old and new rows itself.
const PG_FUNCTIONS = [
  `create function reactie_status_count_ins() returns trigger language plpgsql as $$
   begin
     insert into reactie_status_deltas (status, delta) select status, count(*) from changed group by status;
     return null;
   end $$`,
  `create function reactie_status_count_del() returns trigger language plpgsql as $$
   begin
     insert into reactie_status_deltas (status, delta) select status, -count(*) from changed group by status;
     return null;
   end $$`,
  `create function reactie_status_count_upd() returns trigger language plpgsql as $$
   begin
     insert into reactie_status_deltas (status, delta)
       select status, sum(delta) from (
         select o.status, -1 as delta from before_rows o join after_rows n on n.id = o.id where n.status <> o.status
         union all
         select n.status, 1 as delta from before_rows o join after_rows n on n.id = o.id where n.status <> o.status
       ) moved group by status;
     return null;
   end $$`,
];

const PG_TRIGGERS = [
  `create trigger reactie_status_count_ins after insert on reacties referencing new table as changed
     for each statement execute function reactie_status_count_ins()`,
  `create trigger reactie_status_count_del after delete on reacties referencing old table as changed
     for each statement execute function reactie_status_count_del()`,
  `create trigger reactie_status_count_upd after update on reacties referencing old table as before_rows new table as after_rows
     for each statement execute function reactie_status_count_upd()`,
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reactie_status_deltas', (t) => {
    t.increments('id');
    t.string('status', 16).notNullable();
    t.integer('delta').notNullable();
  });
  const pg = knex.client.config.client === 'pg';
  for (const sql of pg ? [...PG_FUNCTIONS, ...PG_TRIGGERS] : SQLITE_TRIGGERS) await knex.raw(sql);
  // The reacties already there: one row per status.
  await knex.raw('insert into reactie_status_deltas (status, delta) select status, count(*) from reacties group by status');
}

export async function down(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  if (pg) {
    for (const name of ['ins', 'del', 'upd']) {
      await knex.raw(`drop trigger if exists reactie_status_count_${name} on reacties`);
      await knex.raw(`drop function if exists reactie_status_count_${name}()`);
    }
  } else {
    for (const name of ['ai', 'au', 'ad']) await knex.raw(`drop trigger if exists reactie_status_count_${name}`);
  }
  await knex.schema.dropTable('reactie_status_deltas');
}
