import type { Knex } from 'knex';

// The text of attached PDFs in the search index (issue 22): one entry per attachment whose file's
// text was read (files.text, text_status 'done'; attachments/file-text.ts reads it once per file),
// id = the attachment's id × 4 + 2, kind 'bijlage', title the attachment's title. Kept by triggers
// like the rest of search_entries (migrations/20261206140100_search_analysed.ts): when an
// attachment is added, renamed or removed, when its file's text arrives, and when its article goes.
const SQLITE_VERSION = '(abs(random()) % 9007199254740991)';
const PG_VERSION = '(random() * 9e15)::bigint';

const TRIGGERS_SQLITE = [
  'search_bijlage_ai',
  'search_bijlage_au',
  'search_bijlage_ad',
  'search_bijlage_file_au',
  'search_bijlage_article_ad',
];

function upsert(select: string, version: string): string {
  return `insert into search_entries (id, kind, ref_id, article_id, title, body, fields, stale, version)
    select x.id * 4 + 2, 'bijlage', x.id, x.article_id, x.title, f.text, '', 1, ${version}
    from article_attachments x join files f on f.sha256 = x.file_sha256
    where ${select} and f.text_status = 'done' and f.text <> ''
    on conflict (id) do update set article_id = excluded.article_id, title = excluded.title, body = excluded.body,
      fields = excluded.fields, stale = 1, version = excluded.version`;
}

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`create function search_entry_bijlage_changed() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then delete from search_entries where id = old.id::bigint * 4 + 2; end if;
        if tg_op in ('INSERT', 'UPDATE') then ${upsert('x.id = new.id', PG_VERSION).replace('x.id * 4', 'x.id::bigint * 4')}; end if;
        return null;
      end $$`);
    await knex.raw(`create trigger search_entry_bijlage after insert or delete or update of title, article_id, file_sha256 on article_attachments
      for each row execute function search_entry_bijlage_changed()`);
    await knex.raw(`create function search_entry_file_changed() returns trigger language plpgsql as $$
      begin
        delete from search_entries e using article_attachments x
          where e.id = x.id::bigint * 4 + 2 and x.file_sha256 = new.sha256 and not (new.text_status = 'done' and new.text <> '');
        ${upsert('x.file_sha256 = new.sha256', PG_VERSION).replace('x.id * 4', 'x.id::bigint * 4')};
        return null;
      end $$`);
    await knex.raw(`create trigger search_entry_file after update of text, text_status on files
      for each row execute function search_entry_file_changed()`);
    await knex.raw(upsert('true', PG_VERSION).replace('x.id * 4', 'x.id::bigint * 4'));
    return;
  }
  const stmts = [
    `create trigger search_bijlage_ai after insert on article_attachments begin ${upsert('x.id = new.id', SQLITE_VERSION)}; end`,
    `create trigger search_bijlage_au after update of title, article_id, file_sha256 on article_attachments begin
      delete from search_entries where id = old.id * 4 + 2; ${upsert('x.id = new.id', SQLITE_VERSION)}; end`,
    `create trigger search_bijlage_ad after delete on article_attachments begin delete from search_entries where id = old.id * 4 + 2; end`,
    `create trigger search_bijlage_file_au after update of text, text_status on files begin
      delete from search_entries where kind = 'bijlage'
        and ref_id in (select id from article_attachments where file_sha256 = new.sha256)
        and not (new.text_status = 'done' and new.text <> '');
      ${upsert('x.file_sha256 = new.sha256', SQLITE_VERSION)}; end`,
    // Attachments go with their article (a cascade): their entries too, whichever way it happens.
    `create trigger search_bijlage_article_ad after delete on articles begin delete from search_entries where article_id = old.id and kind = 'bijlage'; end`,
  ];
  for (const sql of stmts) await knex.raw(sql);
  await knex.raw(upsert('true', SQLITE_VERSION));
}

export async function down(knex: Knex): Promise<void> {
  await knex('search_entries').where('kind', 'bijlage').del();
  if (knex.client.config.client === 'pg') {
    await knex.raw('drop function if exists search_entry_bijlage_changed() cascade');
    await knex.raw('drop function if exists search_entry_file_changed() cascade');
    return;
  }
  for (const name of TRIGGERS_SQLITE) await knex.raw(`drop trigger if exists ${name}`);
}
