import type { Knex } from 'knex';

// The trigger that keeps a reactie's search entry (search_entry_reactie, PostgreSQL) found the
// reactie with its key and its status in one condition (`id = rid and status = 'approved' and …`).
// PL/pgSQL keeps a generic plan of each statement after a few calls; planned on a table without
// statistics (a new database, or one long transaction: a WordPress import, the benchmark's million
// reacties) it read the reactie through the index on status, every approved reactie for each one
// written: the benchmark's data stopped at about 100.000 reacties after 14 minutes. Now the reactie is
// read by its key alone, and what its status means is decided on the row: one lookup instead of two,
// the same plan whatever the planner knows. A running older version is unaffected (same name, same
// entries). SQLite's triggers are single statements on the new row: nothing to change there.
const SHOWN_ENTRY = `create or replace function search_entry_reactie(rid integer) returns void language plpgsql as $$
    declare r record;
    begin
      select id, article_id, body, status, author_email_key into r from reacties where id = rid;
      if found and r.status = 'approved' and r.author_email_key <> '' then
        insert into search_entries (id, kind, ref_id, article_id, title, body, fields, stale, version)
          values (r.id::bigint * 4 + 1, 'reactie', r.id, r.article_id, '', r.body, '', 1, (random() * 9e15)::bigint)
          on conflict (id) do update set article_id = excluded.article_id, title = excluded.title, body = excluded.body,
            fields = excluded.fields, stale = 1, version = excluded.version;
      else
        delete from search_entries where id = rid::bigint * 4 + 1;
      end if;
    end $$`;

const PREVIOUS = `create or replace function search_entry_reactie(rid integer) returns void language plpgsql as $$
    begin
      delete from search_entries e using reacties s
        where e.id = rid::bigint * 4 + 1 and s.id = rid and not (s.status = 'approved' and s.author_email_key <> '');
      insert into search_entries (id, kind, ref_id, article_id, title, body, fields, stale, version)
      select s.id::bigint * 4 + 1, 'reactie', s.id, s.article_id, '', s.body, '', 1, (random() * 9e15)::bigint
      from reacties s where s.id = rid and s.status = 'approved' and s.author_email_key <> ''
      on conflict (id) do update set article_id = excluded.article_id, title = excluded.title, body = excluded.body,
        fields = excluded.fields, stale = 1, version = excluded.version;
    end $$`;

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(SHOWN_ENTRY);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(PREVIOUS);
}
