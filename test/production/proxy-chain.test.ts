// The deployment docs/production.md recommends, as it runs: nginx with the repository's config
// (deploy/nginx/stadslog.conf) over TLS in front of two app servers (real processes, production
// mode, TRUST_PROXY=1) on one database (PostgreSQL, or one SQLite file in WAL mode). Every request
// goes through nginx, as a reader's would; which app server answers is nginx's choice.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { LENIENT_SPAM_SETTINGS } from '../helpers/app';
import { buildArticle, buildUser } from '../helpers/builders';
import { hiddenInput } from '../helpers/http';
import { CookieClient } from '../helpers/cookie-client';
import { freePort, killAllServers, startServer, type ServerProcess } from '../helpers/server-process';
import { proxyRequest, proxyTransport, startProxy, stopAllProxies, type Proxy } from '../helpers/nginx';
import { countOn, totalOn } from '../helpers/voorpagina';
import { dataOf, openEventStream, type EventStream, type StreamEvent } from '../helpers/event-stream';
import { saveSpamSettings } from '../../server/spam/settings';
import { articlePath, type Article } from '../../server/articles/queries';
import { countVisibleReacties } from '../../server/reacties/counters';

const ROOT = path.resolve(__dirname, '../..');
const METRICS_TOKEN = 'proxy-chain-metrics-token-0123456789';
const RATE_LIMIT = 3;

/** A one-page PDF, padded with comment lines to about `size` bytes. */
function buildPdf(size: number): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const line = `%${'x'.repeat(78)}\n`;
  const filler = Math.max(0, Math.floor((size - out.length - 300) / line.length));
  out += line.repeat(filler);
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A multipart/form-data body with a title and one file, as the attachment form sends it. */
function multipart(title: string, filename: string, file: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----stadslog${Date.now().toString(36)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="titel"\r\n\r\n${title}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('the recommended deployment: nginx in front of two app servers', function () {
  this.timeout(240_000);
  let database: TestDatabase;
  let uploads: string;
  let proxy: Proxy;
  let a: ServerProcess;
  let b: ServerProcess;
  let article: Article;
  let seq = 0;
  const unique = (what: string) => `${what} ${Date.now().toString(36)}-${++seq}`;
  // Each resident has an address of their own on the loopback network (127.0.0.0/8), as nginx sees it.
  let nextResident = 10;
  const residentAddress = () => `127.0.0.${nextResident++}`;
  const html = (res: { body: Buffer }) => res.body.toString('utf8');
  const get = (pathAndQuery: string, headers: Record<string, string> = {}) => proxyRequest(proxy, pathAndQuery, { headers });

  /** Reads the reactie form through the proxy and posts it back (each request may reach either server). */
  async function postReactie(client: CookieClient, text: string, email: string, target = article) {
    const page = await client.get(`${proxy.baseUrl}${articlePath(target)}`);
    assert.equal(page.status, 200);
    return client.post(`${proxy.baseUrl}${articlePath(target)}/reacties`, {
      _token: hiddenInput(page.text, '_token'),
      naam: 'Bewoner',
      email,
      website: '',
      reactie: text,
      antwoord_op: '',
    });
  }

  /** The requests one app server counted for a route (its own /metrics, asked directly, not through nginx). */
  async function countedBy(server: ServerProcess, method: string, route: string): Promise<number> {
    const res = await fetch(`${server.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    const text = await res.text();
    const pattern = new RegExp(
      `^stadslog_http_request_duration_seconds_count\\{method="${method}",route="${route}",status_class="\\dxx"\\} (\\d+)$`,
      'gm',
    );
    return [...text.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  before(async () => {
    database = await createTestDatabase();
    await saveSpamSettings(database.db, LENIENT_SPAM_SETTINGS);
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-proxy-bijlagen-'));
    article = await buildArticle(database.db, { title: 'Nieuwe fietsenstalling bij het station' });
    const ports = [await freePort(), await freePort()];
    proxy = await startProxy(ports);
    const env = {
      NODE_ENV: 'production',
      TRUST_PROXY: '1',
      BASE_URL: proxy.baseUrl,
      UPLOAD_DIR: uploads,
      REACTIE_RATE_LIMIT: String(RATE_LIMIT),
      METRICS_TOKEN,
    };
    [a, b] = await Promise.all([startServer(database.url, env, { port: ports[0] }), startServer(database.url, env, { port: ports[1] })]);
  });
  after(async () => {
    await stopAllProxies();
    await killAllServers();
    await database?.drop();
    if (uploads) fs.rmSync(uploads, { recursive: true, force: true });
  });

  it('answers /gezondheid through the proxy, and sends plain http to https', async () => {
    const res = await get('/gezondheid', { accept: 'application/json' });
    assert.equal(res.status, 200, proxy.errorLog());
    assert.equal(res.headers['cache-control'], 'no-store');
    const report = JSON.parse(html(res)) as { status: string; checks: { database: { ok: boolean } } };
    assert.equal(report.status, 'ok');
    assert.equal(report.checks.database.ok, true);

    const plain = await fetch(`${proxy.httpUrl}/gezondheid`, { redirect: 'manual' });
    assert.equal(plain.status, 301);
    assert.match(plain.headers.get('location') ?? '', /^https:\/\/127\.0\.0\.1\/gezondheid$/);
  });

  it('serves the static files itself, gzipped, with the same cache time as the app', async () => {
    const css = fs.readFileSync(path.join(ROOT, 'public/css/site.css'));
    const res = await get('/static/css/site.css', { 'accept-encoding': 'gzip' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/css');
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.ok(zlib.gunzipSync(res.body).equals(css), 'the bytes of public/css/site.css');
    assert.equal(res.headers['cache-control'], 'public, max-age=86400');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    // Not from an app server: every answer of the app has its Content-Security-Policy (helmet).
    assert.equal(res.headers['content-security-policy'], undefined);
    // The app's own /static answer has the same cache time (production): nginx changes nothing for the browser.
    const direct = await fetch(`${a.baseUrl}/static/css/site.css`);
    assert.equal(direct.headers.get('cache-control'), res.headers['cache-control']);

    assert.equal((await get('/static/css/bestaat-niet.css')).status, 404);
  });

  it('takes a reactie posted through either server, held for a moderator who approves it, and every reader sees it at once', async () => {
    const resident = new CookieClient(proxyTransport(proxy, residentAddress()));
    const text = unique('Graag ook overdekte plekken voor bakfietsen');
    const posted = await postReactie(resident, text, 'bewoner.bakfiets@example.nl');
    assert.equal(posted.status, 303, posted.text.slice(0, 500));
    const row = await database.db('reacties').where({ body: text }).first('id', 'status', 'ip');
    assert.equal(row?.status, 'pending', 'a first reactie of an address waits for a moderator');

    // Both servers warm: each has the article and the voorpagina in its page cache, without the reactie.
    for (let i = 0; i < 4; i++) {
      assert.doesNotMatch(html(await get(articlePath(article))), new RegExp(text));
      assert.equal(countOn(html(await get('/')), article), 0);
    }

    const moderator = new CookieClient(proxyTransport(proxy, residentAddress()));
    const csrf = await moderator.login(proxy.baseUrl, (await buildUser(database.db, 'moderator')).email);
    const queue = await moderator.get(`${proxy.baseUrl}/beheer/reacties`);
    assert.equal(queue.status, 200);
    assert.match(queue.text, new RegExp(text));
    const approved = await moderator.post(`${proxy.baseUrl}/beheer/reacties/${row.id}/goedkeuren`, {
      _csrf: csrf,
      terug: '/beheer/reacties',
    });
    assert.equal(approved.status, 303);

    // Whichever server answers, from its page cache or not: the reactie, and the counts with it.
    for (let i = 0; i < 4; i++) {
      assert.match(html(await get(articlePath(article))), new RegExp(text), `article page, request ${i + 1}`);
      const home = html(await get('/'));
      assert.equal(countOn(home, article), 1, `voorpagina, request ${i + 1}`);
      assert.equal(totalOn(home), await countVisibleReacties(database.db, article.id));
    }
  });

  it('spreads the requests over both app servers', async () => {
    for (let i = 0; i < 3; i++) {
      assert.equal(
        (await postReactie(new CookieClient(proxyTransport(proxy, residentAddress())), unique('Verdeeld'), `verdeeld-${i}@example.nl`))
          .status,
        303,
      );
    }
    for (const server of [a, b]) {
      assert.ok((await countedBy(server, 'GET', '/:year/:month/:slug')) > 0, `${server.baseUrl} answered article pages`);
      assert.ok((await countedBy(server, 'GET', '/')) > 0, `${server.baseUrl} answered the voorpagina`);
    }
    const posts =
      (await countedBy(a, 'POST', '/:year/:month/:slug/reacties')) + (await countedBy(b, 'POST', '/:year/:month/:slug/reacties'));
    assert.equal(posts, 4, 'every post reached exactly one app server, once');
  });

  it('sees the reader at the address nginx saw: a header they send themselves changes nothing, and the rate limit counts each reader', async () => {
    const address = residentAddress();
    const forging = new CookieClient(proxyTransport(proxy, address, { 'x-forwarded-for': '203.0.113.9' }));
    const text = unique('Met een verzonnen adres');
    assert.equal((await postReactie(forging, text, 'verzonnen@example.nl')).status, 303);
    const row = await database.db('reacties').where({ body: text }).first('ip');
    assert.equal(row?.ip, address, 'the address nginx saw, not the one the reader sent, nor nginx’s own');

    // The limit is per reader: one reader's fourth reactie is refused (text kept), the next reader's first is not.
    const busy = residentAddress();
    for (let i = 1; i <= RATE_LIMIT + 1; i++) {
      const res = await postReactie(new CookieClient(proxyTransport(proxy, busy)), unique(`Limiet ${i}`), `limiet-${i}@example.nl`);
      if (i <= RATE_LIMIT) {
        assert.equal(res.status, 303, `post ${i}`);
      } else {
        assert.equal(res.status, 429, `post ${i}`);
        assert.match(res.text, /veel reacties geplaatst\. Wacht nog 10 minuten/);
        assert.match(res.text, /Limiet 4 [^<]*<\/textarea>/);
      }
    }
    assert.equal(
      (await postReactie(new CookieClient(proxyTransport(proxy, residentAddress())), unique('Ander adres'), 'ander@example.nl')).status,
      303,
    );
  });

  it('gzips a kept page once: the app sends it compressed and nginx passes it on', async () => {
    await get('/');
    for (let i = 0; i < 3; i++) {
      const res = await get('/', { 'accept-encoding': 'gzip' });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], 'gzip', `request ${i + 1}`);
      const page = zlib.gunzipSync(res.body).toString('utf8');
      assert.match(page, /^<!doctype html>/i, 'one gunzip gives the page');
      assert.match(page, /Nieuwe fietsenstalling bij het station/);
    }
    // A page with a person's form token is not compressed by anyone.
    const login = await get('/beheer/inloggen', { 'accept-encoding': 'gzip' });
    assert.equal(login.status, 200);
    assert.equal(login.headers['content-encoding'], undefined);
    assert.match(html(login), /Inloggen/);
  });

  it('takes an editor’s attachment through the proxy and gives it to a reader; a file over 20 MB gets a Dutch answer', async () => {
    const editor = new CookieClient(proxyTransport(proxy, residentAddress()));
    const csrf = await editor.login(proxy.baseUrl, (await buildUser(database.db, 'editor')).email);
    const upload = async (file: Buffer, name: string) => {
      const form = multipart('Tekening fietsenstalling', name, file);
      return proxyRequest(proxy, `/beheer/artikelen/${article.id}/bijlagen?_csrf=${encodeURIComponent(csrf)}`, {
        method: 'POST',
        headers: { cookie: editor.cookieHeader(), 'content-type': form.contentType },
        body: form.body,
      });
    };
    const pdf = buildPdf(300_000);
    const stored = await upload(pdf, 'Tekening fietsenstalling.pdf');
    assert.equal(stored.status, 303, html(stored).slice(0, 500));

    const page = html(await get(articlePath(article)));
    const link = /href="(\/bijlagen\/\d+\/[^"]+)"/.exec(page)?.[1];
    assert.ok(link, 'the article page lists the attachment');
    const file = await get(link);
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    // Revalidated on every use (a replaced file keeps its address): the ETag comes through nginx as the app made it.
    assert.equal(file.headers['cache-control'], 'public, no-cache');
    assert.match(String(file.headers.etag), /^"[0-9a-f]{64}"$/);
    assert.ok(file.body.equals(pdf), 'the same bytes');
    const again = await get(link, { 'if-none-match': String(file.headers.etag) });
    assert.equal(again.status, 304, 'the same file again costs no bytes');

    // Just over the app's limit: the app reads it and answers with the editor page and its message.
    const overAppLimit = await upload(buildPdf(20 * 1024 * 1024 + 100_000), 'groot.pdf');
    assert.equal(overAppLimit.status, 413);
    assert.match(html(overAppLimit), /Dit bestand is groter dan 20 MB/);
    // Over nginx's limit: nginx answers itself, in Dutch.
    const overProxyLimit = await upload(buildPdf(23 * 1024 * 1024), 'nog-groter.pdf');
    assert.equal(overProxyLimit.status, 413);
    assert.match(html(overProxyLimit), /Een bijlage mag hoogstens 20 MB zijn/);
  });

  it('streams live updates through the proxy unbuffered: readers on either server see a reactie approved on one of them', async () => {
    // Several readers, so nginx gives streams to both app servers (each connection is its own choice).
    const streams: EventStream[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        const live = await openEventStream(`${proxy.baseUrl}/artikel/${article.id}/live`, {}, { ca: proxy.ca, from: residentAddress() });
        streams.push(live);
        assert.equal(live.status, 200, live.raw());
      }
      const resident = new CookieClient(proxyTransport(proxy, residentAddress()));
      const text = unique('Live door de proxy');
      assert.equal((await postReactie(resident, text, 'live.proxy@example.nl')).status, 303);
      const row = await database.db('reacties').where({ body: text }).first('id');
      const moderator = new CookieClient(proxyTransport(proxy, residentAddress()));
      const csrf = await moderator.login(proxy.baseUrl, (await buildUser(database.db, 'moderator')).email);
      const approved = await moderator.post(`${proxy.baseUrl}/beheer/reacties/${row.id}/goedkeuren`, {
        _csrf: csrf,
        terug: '/beheer/reacties',
      });
      assert.equal(approved.status, 303);
      const isNew = (e: StreamEvent) => e.event === 'reactie' && dataOf<{ soort: string; reactie: number }>(e).reactie === Number(row.id);
      for (const [i, live] of streams.entries()) {
        const event = await live.next(isNew, `the approved reactie on stream ${i + 1}`);
        assert.equal(dataOf<{ soort: string }>(event).soort, 'nieuw');
        assert.doesNotMatch(live.raw(), /live\.proxy@example\.nl/, 'never the e-mail address');
      }
    } finally {
      for (const live of streams) live.close();
    }
  });

  it('keeps the counters exact after everything above, on the voorpagina of both servers', async () => {
    const visible = await countVisibleReacties(database.db, article.id);
    for (let i = 0; i < 4; i++) {
      const home = html(await get('/'));
      assert.equal(countOn(home, article), visible);
      assert.equal(totalOn(home), visible);
    }
  });

  it('answers with a Dutch page when no app server answers', async () => {
    a.stop('SIGTERM');
    b.stop('SIGTERM');
    assert.deepEqual(await Promise.all([a.exited, b.exited]), [
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    const res = await get('/');
    assert.equal(res.status, 503);
    assert.equal(res.headers['retry-after'], '30');
    assert.match(html(res), /De website is even niet bereikbaar/);
  });
});
