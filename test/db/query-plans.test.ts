// Every query behind the busiest pages and a post uses an index on both databases: the queries are
// caught as the app runs them, then explained. On PostgreSQL sequential scans are switched off for
// the explain, so a plan that still scans a table has no index it could use (tables this small
// would otherwise always be scanned).
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';
import { onPostgres } from '../helpers/db';
import { articlePath } from '../../server/articles/queries';
import { heldEditsCountQuery } from '../../server/reacties/editing/edit-queries';
import { dueRechecksQuery } from '../../server/reacties/spam/spam-queries';

// Tables that grow with the weblog (PostgreSQL names them in its plans) …
const LARGE = [
  'search_entries',
  'reacties',
  'articles',
  'article_fields',
  'document_questions',
  'dossier_articles',
  'audit_log',
  'sessions',
  'rate_limits',
];
// … and the ones that hold a handful of rows, which SQLite may read whole.
// CONSTANT: the one row of a select without a table (its scalar subqueries are checked on their own).
const SMALL = ['counters', 'reactie_status_deltas', 'settings', 'users', 'pages', 'dossiers', 'CONSTANT'];
// A recursive walk's own rows (a search result's chain of parents), read by primary key into it.
const WALKS = ['ancestors'];
// A search's window: the newest rows of a full-text match, as many as its limit, read into it.
const WINDOWS = ['newest'];

interface Caught {
  sql: string;
  bindings: unknown[];
}

async function explain(t: TestApp, q: Caught): Promise<string> {
  if (onPostgres) {
    return t.db.transaction(async (trx) => {
      await trx.raw('set local enable_seqscan = off');
      // The caught SQL has PostgreSQL's own $1, $2 …; knex.raw takes ? in order.
      const order = [...q.sql.matchAll(/\$(\d+)/g)].map((m) => q.bindings[Number(m[1]) - 1]);
      const rows = await trx.raw(`explain ${q.sql.replace(/\?/g, '\\?').replace(/\$\d+/g, '?')}`, order as never);
      return (rows.rows as Array<Record<string, string>>).map((r) => r['QUERY PLAN']).join('\n');
    });
  }
  const rows = await t.db.raw<Array<{ detail: string }>>(`explain query plan ${q.sql}`, q.bindings as never);
  return rows.map((r) => r.detail).join('\n');
}

/** What in a plan reads a large table whole, or sorts all of it to show one page. `partial`: indexes with a where clause. */
function problems(plan: string, sql: string, partial: ReadonlySet<string>): string[] {
  if (onPostgres) return LARGE.filter((table) => new RegExp(`Seq Scan on ${table}\\b`).test(plan)).map((table) => `reads all of ${table}`);
  const found: string[] = [];
  // SQLite names the table or its alias: "SCAN reacties", "SCAN r USING COVERING INDEX …" (the whole index).
  // A full-text match ("SCAN search_fts VIRTUAL TABLE INDEX 0:M…") reads the matching rows only.
  // A partial index ("… where stale = 1") holds only the rows its condition picks: scanning it is no full read.
  for (const m of plan.matchAll(/\bSCAN (\w+)\b(?! VIRTUAL TABLE INDEX \d+:M)(?: USING (?:COVERING )?INDEX (\w+))?/g))
    if (!SMALL.includes(m[1]) && !WALKS.includes(m[1]) && !WINDOWS.includes(m[1]) && !(m[2] && partial.has(m[2])))
      found.push(`reads all of ${m[1]}`);
  // A sorted page of rows (not of groups, as the counts beside a filter are) must follow an index;
  // search results are ranked, so they sort what matched, not everything.
  const ranked = /VIRTUAL TABLE INDEX \d+:M/.test(plan);
  // The match first, or first into a window (a co-routine the rest then joins to).
  const window = /^CO-ROUTINE (\w+)\n/.exec(plan)?.[1];
  const matchFirst = window !== undefined && WINDOWS.includes(window) ? plan.slice(plan.indexOf('\n') + 1) : plan;
  if (ranked && !/^SCAN \w+ VIRTUAL TABLE INDEX/.test(matchFirst)) found.push('runs the full-text match once per row of another table');
  if (/TEMP B-TREE FOR ORDER BY/.test(plan) && !ranked && /\border by\b[\s\S]*\blimit\b/i.test(sql) && !/\bgroup by\b/i.test(sql))
    found.push('sorts everything to show one page');
  return found;
}

describe('query plans of the busiest pages and a post', () => {
  let t: TestApp;
  const caught: Caught[] = [];
  const listen = (q: { sql: string; bindings?: unknown[] }) => {
    if (/^\s*select/i.test(q.sql)) caught.push({ sql: q.sql, bindings: q.bindings ?? [] });
  };
  before(async () => {
    t = await createTestApp({ pageCacheBytes: 0 });
    const article = await buildArticle(t.db);
    for (let i = 0; i < 5; i++) await buildReactie(t.db, article);
    const fields = { datum: '2018-01-15', afzender: 'College van B&W', partijen: ['D66'], portefeuillehouder: 'Jan Mesu' };
    await buildArticle(t.db, {
      kind: 'schriftelijke-vragen',
      document: { fields, questions: [{ number: 1, question: 'Waarom?', answer: null }] },
    });
    await buildArticle(t.db, { kind: 'memo', document: { fields: { afzender: 'College van B&W' }, questions: [] } });
    t.db.on('query', listen);
    const path = articlePath(article);
    await request(t.app).get('/').expect(200);
    await request(t.app).get('/?pagina=2').expect(404);
    await request(t.app).get(path).expect(200);
    await request(t.app).get(`${path}?reacties=1`).expect(200);
    assert.equal((await postReactieForm(request.agent(t.app), path, {})).status, 303);
    await request(t.app).get('/documenten').expect(200);
    // /documenten by the documents' own date: each filter, a month, and oldest first.
    for (const query of [
      'soort=schriftelijke-vragen',
      'jaar=2018',
      'jaar=2018&maand=1&volgorde=oudste',
      'afzender=College%20van%20B%26W',
      'partij=D66&soort=schriftelijke-vragen',
      'portefeuillehouder=Jan%20Mesu&jaar=2018',
    ])
      await request(t.app).get(`/documenten?${query}`).expect(200);
    await request(t.app).get('/zoeken?q=artikel%20reactie').expect(200);
    t.db.removeListener('query', listen);
  });
  after(async () => t.close());

  it('reads no large table from start to end', async () => {
    assert.ok(caught.length > 10, `caught ${caught.length} queries`);
    const scans: string[] = [];
    const partial = onPostgres
      ? new Set<string>()
      : new Set(
          (await t.db('sqlite_master').where({ type: 'index' }).whereRaw("sql like '% where %'").select('name')).map(
            (r: { name: string }) => r.name,
          ),
        );
    for (const q of caught) {
      const plan = await explain(t, q);
      for (const problem of problems(plan, q.sql, partial)) scans.push(`${problem}: ${q.sql}\n${plan}`);
    }
    assert.deepEqual(scans, []);
  });

  it('finds the few reacties with a held edit, a featuring or a due recheck in indexes that hold only those', async () => {
    const now = new Date();
    const queries = [
      { query: heldEditsCountQuery(t.db), index: 'reacties_pending_edit_at_partial' },
      { query: t.db('reacties').where('pending_edit_at', '>', now).count({ n: '*' }), index: 'reacties_pending_edit_at_partial' },
      { query: dueRechecksQuery(t.db, now, 10), index: 'reacties_recheck_next_at_partial' },
    ];
    for (const { query, index } of queries) {
      const native = query.toSQL().toNative();
      const plan = await explain(t, { sql: native.sql, bindings: [...native.bindings] });
      assert.match(plan, new RegExp(`\\b${index}\\b`), `${native.sql}\n${plan}`);
    }
  });

  it('reads the sitemap’s articles from an index alone, not the articles’ rows with their texts', async () => {
    const sitemap: Caught[] = [];
    const catchAll = (q: { sql: string; bindings?: unknown[] }) => {
      if (/^\s*select/i.test(q.sql) && /\barticles\b/.test(q.sql)) sitemap.push({ sql: q.sql, bindings: q.bindings ?? [] });
    };
    t.db.on('query', catchAll);
    try {
      const res = await request(t.app).get('/sitemap.xml').expect(200);
      assert.match(res.text, /<loc>[^<]+\/documenten<\/loc>/);
    } finally {
      t.db.removeListener('query', catchAll);
    }
    assert.equal(sitemap.length, 2, sitemap.map((q) => q.sql).join('\n'));
    for (const q of sitemap) {
      const plan = await explain(t, q);
      const alone = onPostgres
        ? /Index Only Scan using articles_public_list_index on articles/
        : /USING COVERING INDEX articles_public_list_index/;
      assert.match(plan, alone, `${q.sql}\n${plan}`);
    }
  });
});
