// The real server process stopped as an operator or a crash would stop it: SIGTERM lets the requests
// in flight finish and closes the database cleanly; kill -9 in the middle of a burst of reacties
// loses nothing that was acknowledged, stores nothing twice and leaves the counters exact.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { LENIENT_SPAM_SETTINGS } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput } from '../helpers/http';
import { anonymousGet, runConcurrently } from '../helpers/cookie-client';
import { killAllServers, startServer, type ServerExit, type ServerProcess } from '../helpers/server-process';
import { createDb, type Db } from '../../server/db/knex';
import { saveSpamSettings } from '../../server/spam/settings';
import { articlePath, type Article } from '../../server/articles/queries';
import { countVisibleReacties, recountAll, siteReactieTotal } from '../../server/reacties/counters';

// Enough reacties that the page takes a while to render (a page of 500 reacties is some 600 KB of HTML).
const BIG_THREAD = 3000;

/** Stores `n` approved reacties under an article in bulk, then sets the counters from them. */
async function fillThread(db: Db, article: Article, n: number): Promise<void> {
  const at = new Date(Date.now() - 3600_000);
  const rows = Array.from({ length: n }, (_, j) => ({
    article_id: article.id,
    parent_id: null,
    author_name: `Bewoner ${j}`,
    author_email: `b${j}@example.nl`,
    author_email_key: `b${j}@example.nl`,
    author_url: null,
    body: `Reactie ${j} in de lange draad: eens met de vorige spreker, maar het kan beter.`,
    status: 'approved',
    ip: '192.0.2.1',
    user_agent: 'durability test',
    created_at: at,
    status_changed_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500) await db('reacties').insert(rows.slice(i, i + 500));
  await recountAll(db);
}

interface HeldResponse {
  status: number;
  body: string;
  /** The Content-Length header. */
  length: string | undefined;
  /** When the last byte arrived. */
  at: number;
}

interface HeldRequest {
  /** Resolves once the server has read the headers and answered 100 Continue: it has the request. */
  accepted: Promise<void>;
  /** Sends what is left of the body. */
  finish(): void;
  response: Promise<HeldResponse>;
}

/**
 * A request the server has in hand but cannot finish yet: headers with Expect: 100-continue, the
 * body (if any) held back until finish(). Node answers 100 Continue when it hands the request to
 * the app, so the test knows for certain the request is in flight, without guessing a delay.
 */
function heldRequest(server: ServerProcess, method: string, path: string, body = ''): HeldRequest {
  const req = http.request(`${server.baseUrl}${path}`, {
    method,
    agent: new http.Agent({ keepAlive: true }),
    headers: {
      expect: '100-continue',
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}),
    },
  });
  const accepted = new Promise<void>((resolve) => req.once('continue', resolve));
  const response = new Promise<HeldResponse>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () =>
        resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), length: res.headers['content-length'], at: Date.now() }),
      );
      res.once('error', reject);
    });
  });
  req.flushHeaders();
  const half = Math.floor(body.length / 2);
  void accepted.then(() => req.write(body.slice(0, half)));
  return { accepted, finish: () => req.end(body.slice(half)), response };
}

/** Whether a new TCP connection to the port is refused now. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);
}

const reactieForm = (token: string, text: string, email: string) =>
  new URLSearchParams({ _token: token, naam: 'Bewoner', email, website: '', reactie: text, antwoord_op: '' }).toString();

describe('durability of the server process', function () {
  this.timeout(60_000);
  let database: TestDatabase;
  // The test's own connection; on SQLite closed while a test needs the server to be the only one.
  let db: Db;
  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    await saveSpamSettings(db, LENIENT_SPAM_SETTINGS);
  });
  after(async () => {
    await killAllServers();
    if (db !== database?.db) await db?.destroy();
    await database?.drop();
  });

  it('on SIGTERM finishes the requests in flight, refuses new connections, closes the database and exits 0', async () => {
    const big = await buildArticle(db, { title: 'Lange draad over de markt' });
    await fillThread(db, big, BIG_THREAD);
    const small = await buildArticle(db);
    if (!onPostgres) {
      // The server is then the only connection to the file: closing it cleanly checkpoints and removes the -wal file.
      await db.destroy();
    }
    const server = await startServer(database.url);
    const token = hiddenInput((await anonymousGet(`${server.baseUrl}${articlePath(small)}`)).text, '_token');
    const text = `Verstuurd terwijl de server stopte ${Date.now()}`;

    const page = heldRequest(server, 'GET', articlePath(big));
    const post = heldRequest(server, 'POST', `${articlePath(small)}/reacties`, reactieForm(token, text, 'stoppen@example.nl'));
    await within(Promise.all([page.accepted, post.accepted]), 10_000, 'the server takes both requests');
    page.finish();
    const signalledAt = Date.now();
    server.stop('SIGTERM');
    let exit: ServerExit | null = null;
    void server.exited.then((e) => (exit = e));

    assert.ok(await waitFor(() => refused(server.port), 5000), 'new connections are refused once SIGTERM arrived');
    assert.equal(exit, null, 'the process waits for the request still in flight');
    post.finish();
    const [got, posted] = await within(Promise.all([page.response, post.response]), 20_000, 'both answers');
    assert.equal(got.status, 200);
    assert.ok(got.at > signalledAt, 'the page came after SIGTERM');
    assert.match(got.body, /<h1[^>]*>Lange draad over de markt<\/h1>/);
    // The whole page: as long as the server said it would be, to the end of the HTML, with the thread.
    assert.equal(Buffer.byteLength(got.body), Number(got.length), 'the body is as long as Content-Length says');
    assert.match(got.body, /<\/html>\s*$/);
    assert.match(got.body, /Reactie \d+ in de lange draad/);
    assert.equal(posted.status, 303, posted.body.slice(0, 300));

    // Soon after the last answer: a keep-alive connection left open would hold it for keepAliveTimeout (5 s).
    const answeredAt = Math.max(got.at, posted.at);
    const ended = await within(server.exited, 10_000, 'exit after SIGTERM');
    const exitedAfter = Date.now() - answeredAt;
    const walLeft = !onPostgres && fs.existsSync(`${database.url}-wal`);
    if (!onPostgres) db = createDb(database.url);
    assert.deepEqual(ended, { code: 0, signal: null }, server.output());
    assert.ok(exitedAfter < 3000, `exited ${exitedAfter} ms after the last answer`);
    assert.equal(walLeft, false, 'the database was closed cleanly: its WAL is checkpointed and gone');
    if (!onPostgres) assert.deepEqual(await db.raw('PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
    assert.equal((await db('reacties').where({ body: text })).length, 1, 'the reactie posted during shutdown is stored');
    assert.equal(Number((await db('articles').where({ id: big.id }).first('reactie_count')).reactie_count), BIG_THREAD);
  });

  it('after kill -9 in a burst of reacties keeps every acknowledged one exactly once, with exact counters', async () => {
    // Open again if the SIGTERM test stopped before it reopened its connection.
    if (!onPostgres && db === database.db) db = createDb(database.url);
    const article = await buildArticle(db, { title: 'Drukke discussie' });
    // Posts from this address are published at once (it had an approved reactie), so the counters move.
    await buildReactie(db, article, { authorEmail: 'vaste-bewoner@example.nl', status: 'approved' });
    const server = await startServer(database.url);
    const url = `${server.baseUrl}${articlePath(article)}`;
    const texts = Array.from({ length: 200 }, (_, i) => `Reactie ${i} uit de burst ${Date.now().toString(36)}`);
    const acknowledged: string[] = [];
    let killed = false;
    await runConcurrently(texts.length, 10, async (i) => {
      if (killed) return;
      try {
        const page = await anonymousGet(url);
        const email = i % 2 ? 'vaste-bewoner@example.nl' : `nieuw-${i}@example.nl`;
        const res = await fetch(`${url}/reacties`, {
          method: 'POST',
          body: reactieForm(hiddenInput(page.text, '_token'), texts[i], email),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          redirect: 'manual',
        });
        if (res.status !== 303) throw new Error(`post ${i} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        // Every 303 counts, also one that arrived just as another worker killed the server.
        acknowledged.push(texts[i]);
        if (acknowledged.length === 80 && !killed) {
          killed = true;
          server.stop('SIGKILL');
        }
      } catch (err) {
        // Refused or cut off by the kill: not acknowledged, so it may or may not be stored.
        if (!killed) throw err;
      }
    });
    assert.deepEqual(await within(server.exited, 5000, 'exit after kill -9'), { code: null, signal: 'SIGKILL' });
    assert.ok(acknowledged.length >= 80);

    const restarted = await startServer(database.url);
    assert.equal((await anonymousGet(`${restarted.baseUrl}${articlePath(article)}`)).status, 200, 'the server starts on the same database');
    const stored: Array<{ body: string; n: number }> = await db('reacties')
      .whereIn('body', texts)
      .groupBy('body')
      .select('body', db.raw('count(*) as n'));
    const times = new Map(stored.map((r) => [r.body, Number(r.n)]));
    for (const text of acknowledged) assert.equal(times.get(text), 1, `acknowledged and stored once: ${text}`);
    for (const [text, n] of times) assert.equal(n, 1, `stored once: ${text}`);
    assert.ok(times.size < texts.length, 'the kill came in the middle of the burst');

    // The stored counters as they are, against a count from scratch.
    const articles: Array<{ id: number; status: string; reactie_count: number }> = await db('articles').select(
      'id',
      'status',
      'reactie_count',
    );
    let total = 0;
    for (const a of articles) {
      const visible = await countVisibleReacties(db, a.id);
      assert.equal(Number(a.reactie_count), visible, `article ${a.id}: stored count against a count from scratch`);
      if (a.status === 'published') total += visible;
    }
    assert.ok(total > BIG_THREAD, 'the burst published reacties');
    assert.equal(await siteReactieTotal(db), total);
  });
  it('on SIGTERM lets the requests whose clients went away finish before it closes the database', async () => {
    const big = await buildArticle(db, { title: 'Nog een lange draad' });
    await fillThread(db, big, BIG_THREAD);
    const server = await startServer(database.url, { LOG_LEVEL: 'error' });
    // Readers who ask for the long page (a cookie: rendered, not from the cache) and close the tab at once.
    const gone = Array.from(
      { length: 8 },
      (_, i) =>
        new Promise<void>((resolve) => {
          const socket = net.connect(server.port, '127.0.0.1', () => {
            socket.write(`GET ${articlePath(big)}?reacties=1&lezer=${i} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: weg=${i}\r\n\r\n`);
            setTimeout(() => {
              socket.destroy();
              resolve();
            }, 15);
          });
          socket.on('error', () => resolve());
        }),
    );
    await Promise.all(gone);
    server.stop('SIGTERM');
    const ended = await within(server.exited, 15_000, 'exit after SIGTERM');
    assert.deepEqual(ended, { code: 0, signal: null }, server.output());
    assert.doesNotMatch(server.output(), /aborted|request failed|error/i, 'no request met a closed database');
  });
});
