import type { Knex } from 'knex';

// Accent folding for PostgreSQL search where the unaccent extension could not be created (not
// installed, or no CREATE privilege on the database): 20261201000500_search_index then made the
// stadslog_dutch configuration without it. Here an immutable SQL function, stadslog_fold(),
// spells Latin letters with accents as their base letter (café → cafe, ĳ → ij) and the index
// functions fold every text before to_tsvector, so `cafe` finds `café` as with unaccent. The query
// side needs nothing: server/search/query.ts folds the words typed before they reach PostgreSQL.
// Where unaccent is in the configuration this migration does nothing. SQLite folds in FTS5.

// Letters that decompose (NFD) into a base letter and marks: the base is what is left.
const DECOMPOSING = 'àáâãäåāăąǎèéêëēĕėęěìíîïĩīĭįıòóôõöōŏőǒùúûüũūŭůűųǔýÿŷçćĉċčñńņňśŝşšźżžďģğĝġĥĵķĺļľŕŗřţťŵ';
// Letters with a stroke do not decompose.
const STROKED: Record<string, string> = { ø: 'o', đ: 'd', ħ: 'h', ł: 'l', ŧ: 't', ŀ: 'l' };
// More than one letter: translate() maps one to one, so these are replaced first.
const SPELLED = [
  ['ĳ', 'ij'],
  ['Ĳ', 'IJ'],
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
  ['œ', 'oe'],
  ['Œ', 'OE'],
];

function translation(): { from: string; to: string } {
  let from = '';
  let to = '';
  const add = (letter: string, base: string) => {
    from += letter;
    to += base;
    from += letter.toLocaleUpperCase('nl-NL').length === 1 ? letter.toLocaleUpperCase('nl-NL') : '';
    to += letter.toLocaleUpperCase('nl-NL').length === 1 ? base.toUpperCase() : '';
  };
  for (const letter of DECOMPOSING) add(letter, letter === 'ı' ? 'i' : letter.normalize('NFD').replace(/\p{M}/gu, ''));
  for (const [letter, base] of Object.entries(STROKED)) add(letter, base);
  // ı's capital is I, already plain: leave it out.
  const pairs = [...from].map((c, i) => [c, [...to][i]]).filter(([c, b]) => c !== b);
  return { from: pairs.map(([c]) => c).join(''), to: pairs.map(([, b]) => b).join('') };
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function foldFunction(): string {
  const { from, to } = translation();
  if ([...from].length !== [...to].length) throw new Error('stadslog_fold: translation lists differ in length');
  const spelled = SPELLED.reduce((sql, [letter, base]) => `replace(${sql}, ${quote(letter)}, ${quote(base)})`, '$1');
  return `create function stadslog_fold(text) returns text language sql immutable parallel safe as $$
    select translate(${spelled}, ${quote(from)}, ${quote(to)}) $$`;
}

/** The index functions of 20261201000500_search_index, with every text passed through `fold`. */
function indexFunctions(fold: (sql: string) => string): string[] {
  const tsv = (sql: string) => `to_tsvector('stadslog_dutch', ${fold(sql)})`;
  const vector = `setweight(${tsv('s.title')}, 'A') || setweight(${tsv('s.fields')}, 'B') || setweight(${tsv('s.body')}, 'C')`;
  return [
    `create or replace function search_refresh_article(aid integer) returns void language plpgsql as $$
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
    end $$`,
    `create or replace function search_refresh_reactie(rid integer) returns void language plpgsql as $$
    begin
      delete from search_entries where kind = 'reactie' and ref_id = rid;
      insert into search_entries (kind, ref_id, article_id, title, body, fields, document)
      select 'reactie', s.id, s.article_id, '', s.body, '', setweight(${tsv('s.body')}, 'C')
      from reacties s where s.id = rid and s.status = 'approved' and s.author_email_key <> '';
    end $$`,
  ];
}

async function configHasUnaccent(knex: Knex): Promise<boolean> {
  const found = await knex.raw(`select 1 from pg_ts_config_map m
    join pg_ts_config c on c.oid = m.mapcfg join pg_ts_dict d on d.oid = m.mapdict
    where c.cfgname = 'stadslog_dutch' and d.dictname = 'unaccent' limit 1`);
  return found.rows.length > 0;
}

async function reindex(knex: Knex): Promise<void> {
  await knex.raw('select search_refresh_article(id) from articles');
  await knex.raw('select search_refresh_reactie(id) from reacties');
}

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg' || (await configHasUnaccent(knex))) return;
  await knex.raw(foldFunction());
  for (const sql of indexFunctions((text) => `stadslog_fold(${text})`)) await knex.raw(sql);
  await reindex(knex);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  const folded = await knex.raw("select 1 from pg_proc where proname = 'stadslog_fold'");
  if (folded.rows.length === 0) return;
  for (const sql of indexFunctions((text) => text)) await knex.raw(sql);
  await knex.raw('drop function stadslog_fold(text)');
  await reindex(knex);
}
