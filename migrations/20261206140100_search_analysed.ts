import type { Knex } from 'knex';
import * as previous from './20261201000500_search_index';

// The search index, analysed by the app (issue 22): the Dutch analyser (server/search/analyser/)
// runs in TypeScript, so SQLite and PostgreSQL index the same words, stems and compound parts.
//
// Triggers still notice every change (editor saves, document fields, publish, moderation, moderator
// edits, AVG erasure, deletes) without the features that make them knowing about search: they
// keep one row per article and per findable reactie in search_entries with its plain text, marked
// stale with a fresh random version. The search feature analyses stale rows (before every search,
// in the background, and with `npm run search:reindex`) and writes the tokens: into the FTS5 tables
// on SQLite (rowid = the entry's id; search_fts for articles and what belongs to them,
// search_fts_reacties for reacties, so a search of articles never walks a million reacties), into
// the entry's tsvector on PostgreSQL (a GIN index for each of the two groups). A row is
// only marked analysed when its version is still the one that was read, so a change made meanwhile
// is never lost. search_words holds the words seen, for "Bedoelde je …?".
//
// Entry ids: an article's id × 4, a reactie's id × 4 + 1 (room for attachments later). Never
// indexed: e-mail addresses, IPs, names; a reactie has a row only while it is approved and not
// anonymised (an emptied author_email_key marks an AVG erasure).
const OLD_TRIGGERS_SQLITE = [
  'search_articles_ai',
  'search_articles_au',
  'search_articles_ad',
  'search_fields_ai',
  'search_fields_au',
  'search_fields_ad',
  'search_questions_ai',
  'search_questions_au',
  'search_questions_ad',
  'search_reacties_ai',
  'search_reacties_au',
  'search_reacties_ad',
];

const NEW_TRIGGERS_SQLITE = [
  'search_entries_ad',
  'search_article_ai',
  'search_article_au',
  'search_article_ad',
  'search_field_ai',
  'search_field_au',
  'search_field_ad',
  'search_question_ai',
  'search_question_au',
  'search_question_ad',
  'search_reactie_ai',
  'search_reactie_au',
  'search_reactie_ad',
];

const ARTICLE_BODY_SQLITE = `a.excerpt_markdown || ' ' || a.body_markdown || coalesce((select ' ' || group_concat(q.question || ' ' || coalesce(q.answer, ''), ' ') from document_questions q where q.article_id = a.id), '')`;
const ARTICLE_FIELDS_SQLITE = `coalesce((select group_concat(f.value, ' ') from article_fields f where f.article_id = a.id), '')`;

// A fresh version: random, and within what JavaScript numbers hold exactly.
const SQLITE_VERSION = '(abs(random()) % 9007199254740991)';

const UPSERT_TAIL = `on conflict (id) do update set article_id = excluded.article_id, title = excluded.title, body = excluded.body,
  fields = excluded.fields, stale = 1, version = excluded.version`;

function sqliteArticleRow(id: string): string {
  return `insert into search_entries (id, kind, ref_id, article_id, title, body, fields, stale, version)
    select a.id * 4, 'article', a.id, a.id, a.title, ${ARTICLE_BODY_SQLITE}, ${ARTICLE_FIELDS_SQLITE}, 1, ${SQLITE_VERSION}
    from articles a where a.id = ${id} ${UPSERT_TAIL};`;
}

function sqliteReactieRow(r: string): string {
  return `insert into search_entries (id, kind, ref_id, article_id, title, body, fields, stale, version)
    select ${r}.id * 4 + 1, 'reactie', ${r}.id, ${r}.article_id, '', ${r}.body, '', 1, ${SQLITE_VERSION}
    where ${r}.status = 'approved' and ${r}.author_email_key <> '' ${UPSERT_TAIL};`;
}

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') await upPostgres(knex);
  else await upSqlite(knex);
  await knex.schema.createTable('search_words', (t) => {
    t.string('word', 40).primary();
    t.integer('entries').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('search_words');
  if (knex.client.config.client === 'pg') {
    await knex.raw('drop table if exists search_entries');
    await knex.raw('drop function if exists search_entry_article_changed() cascade');
    await knex.raw('drop function if exists search_entry_parts_changed() cascade');
    await knex.raw('drop function if exists search_entry_reactie_changed() cascade');
    await knex.raw('drop function if exists search_entry_article(integer)');
    await knex.raw('drop function if exists search_entry_reactie(integer)');
  } else {
    for (const name of NEW_TRIGGERS_SQLITE) await knex.raw(`drop trigger if exists ${name}`);
    await knex.raw('drop table if exists search_fts');
    await knex.raw('drop table if exists search_fts_reacties');
    await knex.raw('drop table if exists search_entries');
  }
  // The index as it was: the databases' own analysers, kept by triggers.
  await previous.up(knex);
}

async function createEntries(knex: Knex, document: boolean): Promise<void> {
  await knex.schema.createTable('search_entries', (t) => {
    t.bigInteger('id').primary();
    t.string('kind', 16).notNullable();
    t.integer('ref_id').notNullable();
    t.integer('article_id').notNullable().index();
    t.text('title').notNullable();
    t.text('body').notNullable();
    t.text('fields').notNullable();
    t.integer('stale').notNullable().defaultTo(1);
    t.bigInteger('version').notNullable().defaultTo(0);
    if (document) t.specificType('document', 'tsvector');
  });
  await knex.raw('create index search_entries_stale on search_entries (id) where stale = 1');
}

async function upSqlite(knex: Knex): Promise<void> {
  for (const name of OLD_TRIGGERS_SQLITE) await knex.raw(`drop trigger if exists ${name}`);
  await knex.raw('drop table if exists search_fts');
  await createEntries(knex, false);
  // The analysed tokens, as words separated by spaces: folded words in order (title, fields, body:
  // exact matches and phrases), and the stems and compound parts of every word.
  for (const table of ['search_fts', 'search_fts_reacties']) {
    await knex.raw(`create virtual table ${table} using fts5(title, fields, body, stems, parts,
      tokenize = 'unicode61 remove_diacritics 0')`);
  }
  const stmts = [
    `create trigger search_entries_ad after delete on search_entries begin
      delete from search_fts where rowid = old.id; delete from search_fts_reacties where rowid = old.id; end`,
    `create trigger search_article_ai after insert on articles begin ${sqliteArticleRow('new.id')} end`,
    `create trigger search_article_au after update of title, body_markdown, excerpt_markdown on articles begin ${sqliteArticleRow('new.id')} end`,
    `create trigger search_article_ad after delete on articles begin delete from search_entries where id = old.id * 4; end`,
  ];
  for (const [table, short] of [
    ['article_fields', 'field'],
    ['document_questions', 'question'],
  ]) {
    stmts.push(
      `create trigger search_${short}_ai after insert on ${table} begin ${sqliteArticleRow('new.article_id')} end`,
      `create trigger search_${short}_au after update on ${table} begin ${sqliteArticleRow('old.article_id')} ${sqliteArticleRow('new.article_id')} end`,
      `create trigger search_${short}_ad after delete on ${table} begin ${sqliteArticleRow('old.article_id')} end`,
    );
  }
  stmts.push(
    `create trigger search_reactie_ai after insert on reacties begin ${sqliteReactieRow('new')} end`,
    `create trigger search_reactie_au after update of body, status, author_email_key, article_id on reacties begin
      delete from search_entries where id = old.id * 4 + 1 and not (new.status = 'approved' and new.author_email_key <> '');
      ${sqliteReactieRow('new')} end`,
    `create trigger search_reactie_ad after delete on reacties begin delete from search_entries where id = old.id * 4 + 1; end`,
  );
  for (const sql of stmts) await knex.raw(sql);
  // Everything there already, to be analysed.
  await knex.raw(sqliteArticleRow('a.id').replace(' where a.id = a.id ', ' where true '));
  await knex.raw(sqliteReactieRow('r').replace(' where ', ' from reacties r where '));
}

async function upPostgres(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists search_entries');
  await knex.raw('drop function if exists search_articles_changed() cascade');
  await knex.raw('drop function if exists search_parts_changed() cascade');
  await knex.raw('drop function if exists search_reacties_changed() cascade');
  await knex.raw('drop function if exists search_refresh_article(integer)');
  await knex.raw('drop function if exists search_refresh_reactie(integer)');
  await knex.raw('drop text search configuration if exists stadslog_dutch');
  await createEntries(knex, true);
  // Articles (with their attachments) and reacties are searched apart: each group its own index.
  await knex.raw(`create index search_entries_articles on search_entries using gin (document) where kind <> 'reactie'`);
  await knex.raw(`create index search_entries_reacties on search_entries using gin (document) where kind = 'reactie'`);
  const version = '(random() * 9e15)::bigint';
  const tail = UPSERT_TAIL;
  await knex.raw(`create function search_entry_article(aid integer) returns void language plpgsql as $$
    begin
      insert into search_entries (id, kind, ref_id, article_id, title, body, fields, stale, version)
      select a.id::bigint * 4, 'article', a.id, a.id, a.title,
        a.excerpt_markdown || ' ' || a.body_markdown || coalesce((select ' ' || string_agg(q.question || ' ' || coalesce(q.answer, ''), ' ' order by q.number) from document_questions q where q.article_id = a.id), ''),
        coalesce((select string_agg(f.value, ' ' order by f.key, f.position) from article_fields f where f.article_id = a.id), ''),
        1, ${version}
      from articles a where a.id = aid ${tail};
    end $$`);
  await knex.raw(`create function search_entry_reactie(rid integer) returns void language plpgsql as $$
    begin
      delete from search_entries e using reacties s
        where e.id = rid::bigint * 4 + 1 and s.id = rid and not (s.status = 'approved' and s.author_email_key <> '');
      insert into search_entries (id, kind, ref_id, article_id, title, body, fields, stale, version)
      select s.id::bigint * 4 + 1, 'reactie', s.id, s.article_id, '', s.body, '', 1, ${version}
      from reacties s where s.id = rid and s.status = 'approved' and s.author_email_key <> '' ${tail};
    end $$`);
  await knex.raw(`create function search_entry_article_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then delete from search_entries where id = old.id::bigint * 4;
      else perform search_entry_article(new.id);
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger search_entry_article after insert or delete or update of title, body_markdown, excerpt_markdown on articles
    for each row execute function search_entry_article_changed()`);
  // A document is saved by deleting its fields and inserting them again in one statement: the
  // article is marked once per statement, not once per field.
  await knex.raw(`create function search_entry_parts_changed() returns trigger language plpgsql as $$
    declare aid integer;
    begin
      for aid in select distinct article_id from changed loop perform search_entry_article(aid); end loop;
      return null;
    end $$`);
  for (const table of ['article_fields', 'document_questions']) {
    await knex.raw(`create trigger search_entry_${table}_ins after insert on ${table} referencing new table as changed
      for each statement execute function search_entry_parts_changed()`);
    await knex.raw(`create trigger search_entry_${table}_upd after update on ${table} referencing new table as changed
      for each statement execute function search_entry_parts_changed()`);
    await knex.raw(`create trigger search_entry_${table}_del after delete on ${table} referencing old table as changed
      for each statement execute function search_entry_parts_changed()`);
  }
  await knex.raw(`create function search_entry_reactie_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then delete from search_entries where id = old.id::bigint * 4 + 1;
      else perform search_entry_reactie(new.id);
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger search_entry_reactie after insert or delete or update of body, status, author_email_key, article_id on reacties
    for each row execute function search_entry_reactie_changed()`);
  await knex.raw('select search_entry_article(id) from articles');
  await knex.raw('select search_entry_reactie(id) from reacties');
}
