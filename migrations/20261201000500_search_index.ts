import type { Knex } from 'knex';

// The search index (/zoeken): one row per article and per findable reactie, kept by triggers, so
// every change the app makes (editor saves, document fields, publish, moderation, moderator edits,
// AVG erasure, deletes) reaches the index without the features that make it knowing about search.
// Never indexed: e-mail addresses, IPs, names. A reactie has a row only while it is approved and
// not anonymised (an emptied author_email_key marks an AVG erasure); articles always have one, and
// whether one is public (published and due) is asked at query time, since time passes without writes.
//
// SQLite: an FTS5 table, case and accents folded by its tokenizer; the rowid is the article id × 2
// or the reactie id × 2 + 1, so a trigger finds its row without a scan.
// PostgreSQL: a table with a weighted tsvector and a GIN index, in a copy of the `dutch`
// configuration that removes accents first (the unaccent extension), so `cafe` finds `café`.
const TRIGGERS_SQLITE = [
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

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') await upPostgres(knex);
  else await upSqlite(knex);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('drop table if exists search_entries');
    await knex.raw('drop function if exists search_articles_changed() cascade');
    await knex.raw('drop function if exists search_parts_changed() cascade');
    await knex.raw('drop function if exists search_reacties_changed() cascade');
    await knex.raw('drop function if exists search_refresh_article(integer)');
    await knex.raw('drop function if exists search_refresh_reactie(integer)');
    await knex.raw('drop text search configuration if exists stadslog_dutch');
    // The unaccent extension stays: other things in the database may use it.
    return;
  }
  for (const name of TRIGGERS_SQLITE) await knex.raw(`drop trigger if exists ${name}`);
  await knex.raw('drop table if exists search_fts');
}

// ĳ is one letter to the tokenizer; the markers \x02 and \x03 are what snippets are marked with.
const fold = (sql: string): string => `replace(replace(replace(replace(${sql}, 'ĳ', 'ij'), 'Ĳ', 'IJ'), char(2), ''), char(3), '')`;

function sqliteArticleRow(id: string): string {
  return `insert into search_fts (rowid, kind, ref_id, article_id, title, body, fields)
    select a.id * 2, 'article', a.id, a.id, ${fold('a.title')},
      ${fold(`a.excerpt_markdown || ' ' || a.body_markdown || coalesce((select ' ' || group_concat(q.question || ' ' || coalesce(q.answer, ''), ' ') from document_questions q where q.article_id = a.id), '')`)},
      ${fold(`coalesce((select group_concat(f.value, ' ') from article_fields f where f.article_id = a.id), '')`)}
    from articles a where a.id = ${id}`;
}

function sqliteRefreshArticle(id: string): string {
  return `delete from search_fts where rowid = ${id} * 2; ${sqliteArticleRow(id)};`;
}

function sqliteReactieRow(r: string): string {
  return `insert into search_fts (rowid, kind, ref_id, article_id, title, body, fields)
    select ${r}.id * 2 + 1, 'reactie', ${r}.id, ${r}.article_id, '', ${fold(`${r}.body`)}, ''
    where ${r}.status = 'approved' and ${r}.author_email_key <> ''`;
}

async function upSqlite(knex: Knex): Promise<void> {
  await knex.raw(`create virtual table search_fts using fts5(
    kind unindexed, ref_id unindexed, article_id unindexed, title, body, fields,
    tokenize = 'unicode61 remove_diacritics 2')`);
  const stmts = [
    `create trigger search_articles_ai after insert on articles begin ${sqliteRefreshArticle('new.id')} end`,
    `create trigger search_articles_au after update of title, body_markdown, excerpt_markdown on articles begin ${sqliteRefreshArticle('new.id')} end`,
    `create trigger search_articles_ad after delete on articles begin delete from search_fts where rowid = old.id * 2; end`,
  ];
  for (const [table, short] of [
    ['article_fields', 'fields'],
    ['document_questions', 'questions'],
  ]) {
    stmts.push(
      `create trigger search_${short}_ai after insert on ${table} begin ${sqliteRefreshArticle('new.article_id')} end`,
      `create trigger search_${short}_au after update on ${table} begin ${sqliteRefreshArticle('old.article_id')} ${sqliteRefreshArticle('new.article_id')} end`,
      `create trigger search_${short}_ad after delete on ${table} begin ${sqliteRefreshArticle('old.article_id')} end`,
    );
  }
  stmts.push(
    `create trigger search_reacties_ai after insert on reacties begin ${sqliteReactieRow('new')}; end`,
    `create trigger search_reacties_au after update of body, status, author_email_key, article_id on reacties
      begin delete from search_fts where rowid = old.id * 2 + 1; ${sqliteReactieRow('new')}; end`,
    `create trigger search_reacties_ad after delete on reacties begin delete from search_fts where rowid = old.id * 2 + 1; end`,
  );
  for (const sql of stmts) await knex.raw(sql);
  // Backfill what is there already.
  await knex.raw(sqliteArticleRow('a.id')); // every article: a.id = a.id
  await knex.raw(sqliteReactieRow('r').replace(' where ', ' from reacties r where '));
}

async function upPostgres(knex: Knex): Promise<void> {
  // A trusted extension since PostgreSQL 13: the database owner may create it.
  await knex.raw('create extension if not exists unaccent');
  await knex.raw('create text search configuration stadslog_dutch (copy = pg_catalog.dutch)');
  await knex.raw('alter text search configuration stadslog_dutch alter mapping for hword, hword_part, word with unaccent, dutch_stem');
  await knex.raw(`create table search_entries (
    kind text not null,
    ref_id integer not null,
    article_id integer not null,
    title text not null,
    body text not null,
    fields text not null,
    document tsvector not null,
    primary key (kind, ref_id)
  )`);
  await knex.raw('create index search_entries_document on search_entries using gin (document)');
  const vector = `setweight(to_tsvector('stadslog_dutch', s.title), 'A') || setweight(to_tsvector('stadslog_dutch', s.fields), 'B') || setweight(to_tsvector('stadslog_dutch', s.body), 'C')`;
  await knex.raw(`create function search_refresh_article(aid integer) returns void language plpgsql as $$
    begin
      delete from search_entries where kind = 'article' and ref_id = aid;
      insert into search_entries (kind, ref_id, article_id, title, body, fields, document)
      select 'article', s.id, s.id, s.title, s.body, s.fields, ${vector}
      from (
        select a.id, a.title,
          a.excerpt_markdown || ' ' || a.body_markdown || coalesce((select ' ' || string_agg(q.question || ' ' || coalesce(q.answer, ''), ' ' order by q.number) from document_questions q where q.article_id = a.id), '') as body,
          coalesce((select string_agg(f.value, ' ' order by f.key, f.position) from article_fields f where f.article_id = a.id), '') as fields
        from articles a where a.id = aid
      ) s;
    end $$`);
  await knex.raw(`create function search_refresh_reactie(rid integer) returns void language plpgsql as $$
    begin
      delete from search_entries where kind = 'reactie' and ref_id = rid;
      insert into search_entries (kind, ref_id, article_id, title, body, fields, document)
      select 'reactie', s.id, s.article_id, '', s.body, '', setweight(to_tsvector('stadslog_dutch', s.body), 'C')
      from reacties s where s.id = rid and s.status = 'approved' and s.author_email_key <> '';
    end $$`);
  await knex.raw(`create function search_articles_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then delete from search_entries where kind = 'article' and ref_id = old.id;
      else perform search_refresh_article(new.id);
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger search_articles after insert or delete or update of title, body_markdown, excerpt_markdown on articles
    for each row execute function search_articles_changed()`);
  // A document is saved by deleting its fields and inserting them again in one statement: the
  // article is indexed once per statement, not once per field.
  await knex.raw(`create function search_parts_changed() returns trigger language plpgsql as $$
    declare aid integer;
    begin
      for aid in select distinct article_id from changed loop perform search_refresh_article(aid); end loop;
      return null;
    end $$`);
  for (const table of ['article_fields', 'document_questions']) {
    await knex.raw(`create trigger search_${table}_ins after insert on ${table} referencing new table as changed
      for each statement execute function search_parts_changed()`);
    await knex.raw(`create trigger search_${table}_upd after update on ${table} referencing new table as changed
      for each statement execute function search_parts_changed()`);
    await knex.raw(`create trigger search_${table}_del after delete on ${table} referencing old table as changed
      for each statement execute function search_parts_changed()`);
  }
  await knex.raw(`create function search_reacties_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then delete from search_entries where kind = 'reactie' and ref_id = old.id;
      else perform search_refresh_reactie(new.id);
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger search_reacties after insert or delete or update of body, status, author_email_key, article_id on reacties
    for each row execute function search_reacties_changed()`);
  // Backfill what is there already.
  await knex.raw('select search_refresh_article(id) from articles');
  await knex.raw('select search_refresh_reactie(id) from reacties');
}
