import type { Knex } from 'knex';

// Live updates on article pages (issue 25): every change to a reactie a reader could notice (posted,
// status, text, placeholder, withdrawn, featured, deleted) is a row here, written by triggers so that
// no code path can forget it. The id orders the changes: it is the Server-Sent Events id a browser
// sends back as Last-Event-ID. Only ids and whether the reactie was shown before; what a reader may
// see is decided when the change is read (server/live/). On PostgreSQL the trigger also wakes the
// other app servers (NOTIFY stadslog_live; one notification per transaction, the payload is empty).
const WAS_SHOWN = (row: string) => `(${row}.status = 'approved' or ${row}.removed_reason is not null)`;
const WATCHED = 'status, removed_reason, body, withdrawn_at, edited_at, featured_at';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('live_changes', (t) => {
    t.increments('id').primary();
    t.integer('article_id').notNullable();
    t.integer('reactie_id').notNullable();
    t.boolean('was_shown').notNullable();
    t.index(['article_id', 'id']);
  });
  if (knex.client.config.client === 'pg') {
    await knex.raw(`create function live_reacties_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into live_changes (article_id, reactie_id, was_shown) values (new.article_id, new.id, false);
        elsif tg_op = 'UPDATE' then
          insert into live_changes (article_id, reactie_id, was_shown) values (new.article_id, new.id, ${WAS_SHOWN('old')});
        else
          insert into live_changes (article_id, reactie_id, was_shown) values (old.article_id, old.id, ${WAS_SHOWN('old')});
        end if;
        perform pg_notify('stadslog_live', '');
        return null;
      end $$`);
    await knex.raw(`create trigger live_reacties after insert or delete or update of ${WATCHED} on reacties
      for each row execute function live_reacties_changed()`);
    return;
  }
  const insert = (row: string, wasShown: string) =>
    `insert into live_changes (article_id, reactie_id, was_shown) values (${row}.article_id, ${row}.id, ${wasShown});`;
  await knex.raw(`create trigger live_reacties_ai after insert on reacties begin ${insert('new', '0')} end`);
  await knex.raw(`create trigger live_reacties_au after update of ${WATCHED} on reacties begin ${insert('new', WAS_SHOWN('old'))} end`);
  await knex.raw(`create trigger live_reacties_ad after delete on reacties begin ${insert('old', WAS_SHOWN('old'))} end`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('drop trigger if exists live_reacties on reacties');
    await knex.raw('drop function if exists live_reacties_changed()');
  } else {
    for (const name of ['live_reacties_ai', 'live_reacties_au', 'live_reacties_ad']) await knex.raw(`drop trigger if exists ${name}`);
  }
  await knex.schema.dropTable('live_changes');
}
