// npm run db:copy: a whole site moves from its SQLite file into PostgreSQL, and on the copy a reader,
// an editor and a resident see exactly what they saw before. The PostgreSQL test server is there in
// the SQLite run as well, so this file runs in both.
import assert from 'node:assert/strict';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { testConfig } from '../../server/config';
import { createDb, type Db } from '../../server/db/knex';
import { copyDatabase, CopyError } from '../../server/db/copy/copy';
import { FormTokens } from '../../server/http/form-token';
import { seedDemoContent, type DemoAccount } from '../../server/demo/demo-content';
import { articlePath, type Article } from '../../server/articles/queries';
import { addArticleToDossier, createDossier } from '../../server/dossiers/queries';
import { insertAttachment, lockFile } from '../../server/attachments/queries';
import { recountWithin } from '../../server/reacties/counters';
import { saveSpamSettings } from '../../server/spam/settings';
import { toBool, toDate } from '../../server/db/rows';
import { createEmptyPostgresDatabase, createSqliteTestDatabase, type TestDatabase } from '../helpers/db';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, postReactieForm } from '../helpers/http';

function appOn(db: Db, databaseUrl: string): Express {
  const config = testConfig({ databaseUrl });
  return createApp({
    config,
    db,
    logger: pino({ level: 'silent' }),
    formTokens: new FormTokens(config.sessionSecret),
    clock: () => new Date(),
  });
}

async function login(app: Express, email: string, password: string) {
  const agent = request.agent(app);
  const page = await agent.get('/beheer/inloggen').expect(200);
  const res = await agent
    .post('/beheer/inloggen')
    .type('form')
    .send({ _token: hiddenInput(page.text, '_token'), email, wachtwoord: password, terug: '/beheer' });
  return { agent, res };
}

/** Rows as the app reads them, the same on both databases: dates as ISO text, booleans as booleans. */
function normalised(rows: Array<Record<string, unknown>>, dates: string[], bools: string[] = []) {
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (dates.includes(k)) out[k] = v === null ? null : toDate(v).toISOString();
      else if (bools.includes(k)) out[k] = toBool(v);
      else if (typeof v === 'number' || typeof v === 'bigint') out[k] = Number(v);
      else out[k] = v;
    }
    return out;
  });
}

const CONTENT_TABLES = ['articles', 'reacties', 'users', 'article_fields', 'document_questions', 'dossiers', 'sessions', 'audit_log'];

async function rowCounts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await db(t).count({ n: '*' }).first())?.n);
  return out;
}

describe('npm run db:copy: SQLite to PostgreSQL', function () {
  this.timeout(60_000);
  let source: TestDatabase;
  let target: { url: string; drop(): Promise<void> };
  let copy: Db;
  let sourceApp: Express;
  let copyApp: Express;
  let accounts: DemoAccount[];
  let motie: Article;
  let editorCookie: string;
  let result: Awaited<ReturnType<typeof copyDatabase<Awaited<ReturnType<typeof recountWithin>>>>>;

  before(async () => {
    source = await createSqliteTestDatabase();
    const now = new Date();
    accounts = (await seedDemoContent(source.db, now))!.accounts;
    motie = await buildArticle(source.db, {
      kind: 'motie',
      title: 'Motie bomen aan de Singel',
      document: {
        fields: {
          onderwerp: 'Bomen aan de Singel',
          datum: '2026-10-01',
          partijen: ['GroenLinks', 'D66'],
          status: 'aangenomen',
          stemmen_voor: 20,
          stemmen_tegen: 9,
        },
        questions: [],
      },
    });
    await buildArticle(source.db, {
      kind: 'memo',
      title: 'Memo parkeren in de binnenstad',
      document: { fields: { onderwerp: 'Parkeren', portefeuillehouder: 'Jan Mesu', datum: '2026-09-01' }, questions: [] },
    });
    const draft = await buildArticle(source.db, { title: 'Nog een concept', status: 'draft' });
    const first = await buildReactie(source.db, motie, { body: 'Eindelijk worden de bomen beschermd.' });
    await buildReactie(source.db, motie, { parentId: first, body: 'Mee eens, de Singel is op zijn mooist met bomen.' });
    const held = await buildReactie(source.db, motie, { status: 'pending', body: 'Deze wacht nog op een moderator.' });
    await buildReactie(source.db, motie, { parentId: held, body: 'Antwoord onder een wachtende reactie.' });
    await buildReactie(source.db, motie, { status: 'spam', body: 'Goedkope horloges kopen' });
    await buildReactie(source.db, motie, { status: 'trash', body: 'Weggegooide reactie' });
    await buildReactie(source.db, draft, { body: 'Reactie op een concept' });
    const dossier = await createDossier(
      source.db,
      {
        title: 'De Singel',
        slug: 'de-singel',
        introMarkdown: 'Alles over de **Singel**.',
        participants: 'Gemeente Peelstad\nBomenstichting',
      },
      now,
    );
    await addArticleToDossier(source.db, dossier.id, motie.id, now);
    await source.db.transaction(async (trx) => {
      await lockFile(trx, { sha256: 'a'.repeat(64), mediaType: 'application/pdf', size: 1234 }, now);
      await insertAttachment(
        trx,
        { articleId: motie.id, sha256: 'a'.repeat(64), title: 'Stemverhouding', originalName: 'stemmen.pdf' },
        now,
      );
    });
    await saveSpamSettings(source.db, { minFillSeconds: 0, floodSeconds: 0, perMinutePerIp: 1000 });
    sourceApp = appOn(source.db, source.url);
    // A logged-in editor: a session row, audit log lines and rate-limit counters in the source.
    const editor = accounts.find((a) => a.role === 'editor')!;
    const { agent, res } = await login(sourceApp, editor.email, editor.password);
    assert.equal(res.status, 303);
    editorCookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('stadslog.sid='))!
      .split(';')[0];
    await agent.get('/beheer').expect(200);

    target = await createEmptyPostgresDatabase();
    result = await copyDatabase({ from: source.url, to: target.url, beforeCommit: (trx) => recountWithin(trx) });
    copy = createDb(target.url);
    copyApp = appOn(copy, target.url);
  });

  after(async () => {
    await copy?.destroy();
    await target?.drop();
    await source?.drop();
  });

  it('copies every table of the source, migration bookkeeping aside, with the same row counts', async () => {
    const names = result.tables.map((t) => t.name);
    const inSource: string[] = (await source.db('sqlite_master').where({ type: 'table' }).select('name'))
      .map((r: { name: string }) => r.name)
      .filter((n: string) => !n.startsWith('sqlite_') && !n.startsWith('knex_'))
      // The search index (SQLite's full-text table, its shadow tables, the entries and words), the
      // queue's per-status counts and the live updates' change log: the target's triggers build its own.
      .filter(
        (n: string) =>
          !n.startsWith('search_fts') && !['search_entries', 'search_words', 'reactie_status_deltas', 'live_changes'].includes(n),
      );
    assert.deepEqual([...names].sort(), inSource.sort());
    // Parents before children.
    assert.ok(names.indexOf('articles') < names.indexOf('reacties'));
    assert.ok(names.indexOf('users') < names.indexOf('articles'));
    assert.ok(names.indexOf('files') < names.indexOf('article_attachments'));
    for (const { name, rows } of result.tables) {
      assert.equal(rows, Number((await source.db(name).count({ n: '*' }).first())?.n), name);
      assert.equal(Number((await copy(name).count({ n: '*' }).first())?.n), rows, name);
    }
    assert.ok(result.tables.find((t) => t.name === 'sessions')!.rows >= 1);
    assert.equal(result.checked!.corrected.articles, 0);
    assert.equal(result.checked!.corrected.total, false);
  });

  it('keeps reacties, users and document fields row for row, ids and password hashes included', async () => {
    const reactieDates = ['created_at', 'status_changed_at', 'recheck_next_at', 'recheck_claimed_until'];
    assert.deepEqual(
      normalised(await copy('reacties').orderBy('id'), reactieDates, ['recheck_needed', 'removed_by_reports']),
      normalised(await source.db('reacties').orderBy('id'), reactieDates, ['recheck_needed', 'removed_by_reports']),
    );
    assert.deepEqual(
      normalised(await copy('users').orderBy('id'), ['created_at', 'last_login_at']),
      normalised(await source.db('users').orderBy('id'), ['created_at', 'last_login_at']),
    );
    const order = ['article_id', 'key', 'position'];
    assert.deepEqual(
      normalised(await copy('article_fields').orderBy(order), []),
      normalised(await source.db('article_fields').orderBy(order), []),
    );
    const articleDates = ['published_at', 'created_at', 'updated_at', 'answers_added_at'];
    // The version is the page cache's key: the copy's recount moves it, which is right for a new site.
    const content = (rows: Array<Record<string, unknown>>) => rows.map(({ version: _version, ...rest }) => rest);
    assert.deepEqual(
      content(normalised(await copy('articles').orderBy('id'), articleDates, ['pinned', 'reacties_open', 'is_page'])),
      content(normalised(await source.db('articles').orderBy('id'), articleDates, ['pinned', 'reacties_open', 'is_page'])),
    );
  });

  it('shows the same voorpagina, reactie counts and running total included', async () => {
    const before = await request(sourceApp).get('/').expect(200);
    const after = await request(copyApp).get('/').expect(200);
    // Two visible reacties on the motie: the held one, the reply under it, spam and trash are not counted.
    assert.match(after.text, new RegExp(`href="${articlePath(motie)}#reacties" class="reactie-count">2 reacties<`));
    const published = await source.db('articles').where({ status: 'published' }).sum({ n: 'reactie_count' }).first();
    const total = /class="reactie-total">([\d.]+)</.exec(after.text)?.[1];
    assert.equal(total, String(published?.n));
    assert.equal(result.checked!.total, Number(published?.n));
    assert.equal(after.text, before.text);
  });

  it('shows an article with its thread, its document card, dossier and attachment', async () => {
    const path = articlePath(motie);
    const after = await request(copyApp).get(path).expect(200);
    assert.match(after.text, /Eindelijk worden de bomen beschermd\./);
    assert.match(after.text, /Mee eens, de Singel is op zijn mooist met bomen\./);
    assert.doesNotMatch(after.text, /Deze wacht nog op een moderator|Antwoord onder een wachtende|Goedkope horloges|Weggegooide/);
    assert.match(after.text, /aangenomen/);
    assert.match(after.text, /De Singel/);
    assert.match(after.text, /Stemverhouding/);
    const before = await request(sourceApp).get(path).expect(200);
    const thread = (html: string) => html.replace(/name="_token" value="[^"]*"/g, '');
    assert.equal(thread(after.text), thread(before.text));
    const dossier = await request(copyApp).get('/dossiers/de-singel').expect(200);
    assert.match(dossier.text, /Bomenstichting/);
  });

  it('filters /documenten the same way', async () => {
    for (const query of ['', '?soort=motie', '?partij=D66', '?portefeuillehouder=Jan%20Mesu', '?soort=schriftelijke-vragen']) {
      const before = await request(sourceApp).get(`/documenten${query}`).expect(200);
      const after = await request(copyApp).get(`/documenten${query}`).expect(200);
      assert.equal(after.text, before.text, query);
    }
    assert.match((await request(copyApp).get('/documenten?soort=motie')).text, /Motie bomen aan de Singel/);
  });

  it('finds the same articles and reacties in the copy, indexed by its own triggers', async () => {
    const links = (html: string) => [...html.matchAll(/<li class="search-result">[\s\S]*?<h2><a href="([^"]+)">/g)].map((m) => m[1]).sort();
    for (const q of ['Singel', 'beschermd']) {
      const before = links((await request(sourceApp).get(`/zoeken?q=${q}`).expect(200)).text);
      const after = links((await request(copyApp).get(`/zoeken?q=${q}`).expect(200)).text);
      assert.ok(before.length > 0, q);
      assert.deepEqual(after, before, q);
    }
  });

  it('lets an account log in with its copied password, and keeps a session that was open', async () => {
    const admin = accounts.find((a) => a.role === 'admin')!;
    const { agent, res } = await login(copyApp, admin.email, admin.password);
    assert.equal(res.status, 303);
    assert.match((await agent.get('/beheer/logboek').expect(200)).text, /login/);
    const wrong = await login(copyApp, admin.email, 'niet-het-goede-wachtwoord');
    assert.equal(wrong.res.status, 401);
    await request(copyApp).get('/beheer').set('Cookie', editorCookie).expect(200);
  });

  it('gives new rows fresh ids: the sequences start past the copied ones', async () => {
    const maxBefore = Number((await copy('reacties').max({ m: 'id' }).first())?.m);
    const res = await postReactieForm(request.agent(copyApp), articlePath(motie), { reactie: 'Een nieuwe reactie op de kopie.' });
    assert.equal(res.status, 303);
    const row = await copy('reacties').where({ body: 'Een nieuwe reactie op de kopie.' }).first();
    assert.ok(Number(row.id) > maxBefore, `${row.id} > ${maxBefore}`);
    const [audit] = await copy('audit_log').insert({ at: new Date(), actor: 'systeem', action: 'test' }).returning('id');
    assert.ok(Number(audit.id) > Number((await source.db('audit_log').max({ m: 'id' }).first())?.m));
  });

  it('refuses a target that is not empty, and changes nothing there', async () => {
    const counts = await rowCounts(copy, CONTENT_TABLES);
    await assert.rejects(
      copyDatabase({ from: source.url, to: target.url }),
      (err: Error) =>
        err instanceof CopyError && /is niet leeg: .*articles \(\d+\)/.test(err.message) && /Er is niets veranderd/.test(err.message),
    );
    assert.deepEqual(await rowCounts(copy, CONTENT_TABLES), counts);
  });
});

describe('npm run db:copy: a copy that fails halfway', function () {
  this.timeout(60_000);
  let source: TestDatabase;
  let target: { url: string; drop(): Promise<void> };

  before(async () => {
    source = await createSqliteTestDatabase();
    target = await createEmptyPostgresDatabase();
  });
  after(async () => {
    await target.drop();
    await source.drop();
  });

  it('copies a reply stored before its parent (a higher parent id) by setting the reference afterwards', async () => {
    const article = await buildArticle(source.db, { title: 'Volgorde' });
    const parent = await buildReactie(source.db, article, { body: 'Ouder' });
    const reply = await buildReactie(source.db, article, { parentId: parent, body: 'Antwoord' });
    // Swap the ids, as an import could have left them: the reply now comes first.
    await source.db.raw('PRAGMA foreign_keys = OFF');
    await source.db('reacties').where({ id: parent }).update({ id: 1000 });
    await source.db('reacties').where({ id: reply }).update({ id: 10, parent_id: 1000 });
    await source.db.raw('PRAGMA foreign_keys = ON');
    const other = await createEmptyPostgresDatabase();
    try {
      await copyDatabase({ from: source.url, to: other.url, batchSize: 1 });
      const db = createDb(other.url);
      assert.deepEqual(
        (await db('reacties').orderBy('id').select('id', 'parent_id')).map((r) => [r.id, r.parent_id]),
        [
          [10, 1000],
          [1000, null],
        ],
      );
      await db.destroy();
    } finally {
      await other.drop();
    }
  });

  it('refuses a source that an older or a newer version of Stadslog left, before touching the target', async () => {
    const last = await source.db('knex_migrations').orderBy('id', 'desc').first();
    await source.db('knex_migrations').where({ id: last.id }).del();
    try {
      await assert.rejects(
        copyDatabase({ from: source.url, to: target.url }),
        /is nog niet bijgewerkt \(1 migraties ontbreken\)\. Draai eerst: DATABASE_URL=/,
      );
    } finally {
      await source.db('knex_migrations').insert(last);
    }
    await source.db('knex_migrations').insert({ name: '20991231000000_uit_de_toekomst', batch: 99, migration_time: new Date() });
    try {
      await assert.rejects(
        copyDatabase({ from: source.url, to: target.url }),
        /nieuwere versie van Stadslog \(onbekende migraties: 20991231000000_uit_de_toekomst\)/,
      );
    } finally {
      await source.db('knex_migrations').where({ name: '20991231000000_uit_de_toekomst' }).del();
    }
    const db = createDb(target.url);
    try {
      assert.equal(
        (await db.raw("select count(*) as n from information_schema.tables where table_schema = 'public'")).rows[0].n,
        0,
        'target untouched',
      );
    } finally {
      await db.destroy();
    }
  });

  it('leaves the target empty when a row cannot be written, and says so in Dutch', async () => {
    // A reactie of an article that does not exist: PostgreSQL refuses it after articles went in.
    await source.db.raw('PRAGMA foreign_keys = OFF');
    await source.db('reacties').insert({
      article_id: 9999,
      author_name: 'Wees',
      author_email: 'wees@example.nl',
      author_email_key: 'wees@example.nl',
      body: 'Zonder artikel',
      status: 'approved',
      created_at: Date.now(),
      status_changed_at: Date.now(),
    });
    await source.db.raw('PRAGMA foreign_keys = ON');
    let progressed = 0;
    await assert.rejects(
      copyDatabase({ from: source.url, to: target.url, onProgress: () => progressed++ }),
      (err: Error) =>
        err instanceof CopyError &&
        /Kopiëren mislukt bij tabel reacties/.test(err.message) &&
        /in zijn geheel teruggedraaid/.test(err.message),
    );
    assert.ok(progressed > 0, 'it did start');
    const db = createDb(target.url);
    try {
      assert.deepEqual(await rowCounts(db, ['articles', 'reacties', 'users']), { articles: 0, reacties: 0, users: 0 });
      // The sequences were not touched either: the first article gets id 1.
      const [row] = await db('articles')
        .insert({
          slug: 'x',
          title: 'x',
          body_markdown: '',
          body_html: '',
          excerpt_markdown: '',
          excerpt_html: '',
          author_name: 'x',
          status: 'draft',
          created_at: new Date(),
          updated_at: new Date(),
        })
        .returning('id');
      assert.equal(row.id, 1);
    } finally {
      await db.destroy();
    }
  });
});
