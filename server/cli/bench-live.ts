// npm run bench:live [-- --clients 5000 --others 500 --posts 5 --clicks 1000 --database postgres://…/empty]
// Live updates (issue 25): two built app servers (NODE_ENV=production) on one database — the
// PostgreSQL database given (empty or a Stadslog one), else a new SQLite file both share. `clients`
// readers keep an article's event stream open on server A, `others` on server B. Reacties are posted
// through A's reactie form, one at a time; for each, the time from sending the POST until each
// reader has the event, for A's readers (one server) and B's (the other server: NOTIFY on
// PostgreSQL, the change-log poll on SQLite). Server A's memory (RSS) before and with the readers.
// Each reader names its own address in X-Forwarded-For (TRUST_PROXY=1), as readers behind a proxy
// do: the per-address limit is not what is measured.
// Then appreciation under concurrency: `clicks` readers, each from its own address, press "Waarderen"
// under one reactie at the same moment, half through A and half through B; every click must count
// exactly once, in the rows and in the reactie's counter.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { articlePath, createArticle } from '../articles/queries';
import { createDb, isPostgresUrl } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { storeReactie } from '../reacties/queries';
import { saveSpamSettings } from '../spam/settings';
import { parseFlags, UsageError } from './cli-support';
import { nl } from './bench/format';
import { formToken } from './bench/load';
import { build, startStadslog, type Server } from './bench/servers';

const BENCH_EMAIL = 'lezer.benchmark@example.nl';
// A reader that has not heard of a reactie after this long counts as not reached.
const DELIVERY_WAIT_MS = 15_000;
const OPEN_CONCURRENCY = 200;

interface Reader {
  req: http.ClientRequest;
  tail: string;
  /** Reactie id → when this reader heard of it (ms, performance.now()). */
  heard: Map<number, number>;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

const mb = (bytes: number) => `${nl(bytes / 1024 / 1024)} MB`;

/** One reader with the article open: its event stream, and when each "nieuw" arrived. */
function openReader(baseUrl: string, articleId: number, n: number): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n & 255) + 1}`;
    const req = http.get(`${baseUrl}/artikel/${articleId}/live`, {
      agent,
      headers: { Accept: 'text/event-stream', 'X-Forwarded-For': address },
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`lezer ${n}: status ${res.statusCode}`));
      res.setEncoding('utf8');
      const reader: Reader = { req, tail: '', heard: new Map() };
      res.once('data', () => resolve(reader));
      res.on('data', (chunk: string) => {
        const at = performance.now();
        const text = reader.tail + chunk;
        for (const m of text.matchAll(/"soort":"nieuw","reactie":(\d+)/g))
          if (!reader.heard.has(Number(m[1]))) reader.heard.set(Number(m[1]), at);
        reader.tail = text.slice(-64);
      });
    });
    req.on('error', reject);
  });
}

async function openReaders(baseUrl: string, articleId: number, count: number, offset: number): Promise<Reader[]> {
  const readers: Reader[] = [];
  for (let i = 0; i < count; i += OPEN_CONCURRENCY) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + OPEN_CONCURRENCY); j++) batch.push(openReader(baseUrl, articleId, offset + j));
    readers.push(...(await Promise.all(batch)));
  }
  return readers;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function post(server: Server, path: string, n: number): Promise<{ id: number; sentAt: number }> {
  const page = await fetch(`${server.url}${path}`);
  const token = formToken(await page.text());
  if (!token) throw new Error('Geen reactieformulier op de artikelpagina.');
  const body = new URLSearchParams({
    _token: token,
    antwoord_op: '',
    naam: 'Lezer Benchmark',
    email: BENCH_EMAIL,
    website: '',
    reactie: `Live-benchmark ${n}: wordt deze reactie bij iedereen meteen gemeld?`,
    url: '',
  }).toString();
  const sentAt = performance.now();
  const res = await fetch(`${server.url}${path}/reacties`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.77' },
    body,
    redirect: 'manual',
  });
  const id = /#reactie-(\d+)/.exec(res.headers.get('location') ?? '')?.[1];
  if (res.status !== 303 || !id) throw new Error(`Plaatsen mislukte (status ${res.status}).`);
  return { id: Number(id), sentAt };
}

async function waitUntilHeard(readers: Reader[], id: number): Promise<void> {
  const deadline = Date.now() + DELIVERY_WAIT_MS;
  while (Date.now() < deadline && readers.some((r) => !r.heard.has(id))) await new Promise((r) => setTimeout(r, 20));
}

function delivery(readers: Reader[], posts: Array<{ id: number; sentAt: number }>) {
  const times: number[] = [];
  let missed = 0;
  for (const p of posts)
    for (const r of readers) {
      const at = r.heard.get(p.id);
      if (at === undefined) missed++;
      else times.push(at - p.sentAt);
    }
  times.sort((a, b) => a - b);
  return { n: times.length, missed, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] ?? NaN };
}

/** `clicks` readers press "Waarderen" on one reactie at once; how many each server accepted, and how long it took. */
async function clickAtOnce(servers: Server[], path: string, reactieId: number, clicks: number) {
  // Each server's own form token (the bench starts each with its own secret).
  const bodies = await Promise.all(
    servers.map(async (server) => {
      const html = await (await fetch(`${server.url}${path}`)).text();
      const token = /class="waardering-form"[^>]*>\s*<input type="hidden" name="_token" value="([^"]+)"/.exec(html)?.[1];
      if (!token) throw new Error('Geen waarderingsformulier op de artikelpagina.');
      return new URLSearchParams({ _token: token, actie: 'waarderen' }).toString();
    }),
  );
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: clicks }, (_, n) =>
      fetch(`${servers[n % servers.length].url}/reactie/${reactieId}/waarderen`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          'x-forwarded-for': `10.200.${(n >> 8) & 255}.${(n & 255) + 1}`,
        },
        body: bodies[n % servers.length],
      }).then(
        (res) => res.arrayBuffer().then(() => res.status),
        () => 0,
      ),
    ),
  );
  return {
    ok: statuses.filter((s) => s === 200).length,
    failed: statuses.filter((s) => s !== 200).length,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['clients', 'others', 'posts', 'clicks', 'database']);
  const count = (name: string, fallback: number) => {
    const v = flags[name] === undefined ? fallback : Number(flags[name]);
    if (!Number.isInteger(v) || v < 1) throw new UsageError(`--${name} moet een positief geheel getal zijn.`);
    return v;
  };
  const clients = count('clients', 5000);
  const others = count('others', 500);
  const postCount = count('posts', 5);
  const clicks = count('clicks', 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bench-live-'));
  const databaseUrl = typeof flags.database === 'string' ? flags.database : path.join(dir, 'live.sqlite');

  const db = createDb(databaseUrl);
  await migrateLatest(db);
  await saveSpamSettings(db, { minFillSeconds: 0, floodSeconds: 0, perMinutePerIp: 1000 });
  const now = new Date();
  const article = await createArticle(
    db,
    {
      title: `Live-benchmark ${now.toISOString()}`,
      slug: `live-benchmark-${now.getTime()}`,
      kind: 'nieuws',
      bodyMarkdown: 'Een artikel dat veel lezers tegelijk open hebben.',
      excerptMarkdown: '',
      authorName: 'Redactie',
      status: 'published',
      publishedAt: new Date(now.getTime() - 60_000),
      pinned: false,
      reactiesOpen: true,
    },
    null,
    now,
  );
  // A known address: its reacties appear at once under the default policy, as a regular's do.
  const earlier = await storeReactie(
    db,
    {
      articleId: article.id,
      parentId: null,
      authorName: 'Lezer Benchmark',
      authorEmail: BENCH_EMAIL,
      authorUrl: null,
      body: 'Eerdere reactie.',
      status: 'approved',
      ip: null,
      userAgent: null,
    },
    now,
  );
  await db.destroy();
  const where = isPostgresUrl(databaseUrl) ? 'PostgreSQL (LISTEN/NOTIFY)' : `SQLite (${databaseUrl}, de wijzigingen gepeild)`;
  console.log(`Live-benchmark: ${nl(clients)} lezers op server A, ${nl(others)} op server B, ${postCount} reacties; ${where}.`);

  console.log('Bouwen…');
  build();
  const servers: Server[] = [];
  const readers: Reader[] = [];
  try {
    const a = await startStadslog(databaseUrl);
    servers.push(a);
    const b = await startStadslog(databaseUrl);
    servers.push(b);
    const p = articlePath(article);
    await fetch(`${a.url}${p}`).then((r) => r.arrayBuffer());
    const idleRss = rssOf(a.pid);
    const started = performance.now();
    const onA = await openReaders(a.url, article.id, clients, 0);
    const onB = await openReaders(b.url, article.id, others, clients);
    readers.push(...onA, ...onB);
    console.log(`${nl(clients + others)} verbindingen open in ${nl((performance.now() - started) / 1000, 1)} s.`);
    await new Promise((r) => setTimeout(r, 2000));
    const openRss = rssOf(a.pid);

    const posts: Array<{ id: number; sentAt: number }> = [];
    for (let i = 1; i <= postCount; i++) {
      const posted = await post(a, p, i);
      posts.push(posted);
      await waitUntilHeard(readers, posted.id);
      await new Promise((r) => setTimeout(r, 500));
    }
    const sameServer = delivery(onA, posts);
    const otherServer = delivery(onB, posts);
    const ms = (v: number) => `${nl(v)} ms`;
    console.log('');
    console.log(
      `Server A (RSS): zonder lezers ${mb(idleRss)}, met ${nl(clients)} open verbindingen ${mb(openRss)}, na de reacties ${mb(rssOf(a.pid))}; piek ${mb(a.peakRss())}.`,
    );
    console.log(
      `Bezorgd op dezelfde server:  ${nl(sameServer.n)} meldingen, p50 ${ms(sameServer.p50)}, p99 ${ms(sameServer.p99)}, max ${ms(sameServer.max)}; niet aangekomen: ${sameServer.missed}.`,
    );
    console.log(
      `Bezorgd op de andere server: ${nl(otherServer.n)} meldingen, p50 ${ms(otherServer.p50)}, p99 ${ms(otherServer.p99)}, max ${ms(otherServer.max)}; niet aangekomen: ${otherServer.missed}.`,
    );
    console.log('(Gemeten vanaf het versturen van de POST tot de melding bij de lezer; de benchmark en beide servers delen de machine.)');

    for (const r of readers.splice(0)) r.req.destroy();
    const clicked = await clickAtOnce([a, b], p, earlier.id, clicks);
    const check = createDb(databaseUrl);
    const rows = Number((await check('reactie_waarderingen').where({ reactie_id: earlier.id }).count({ n: '*' }).first())?.n);
    const counter = Number((await check('reacties').where({ id: earlier.id }).first('waarderingen'))?.waarderingen);
    await check.destroy();
    const exact = rows === clicked.ok && counter === clicked.ok;
    console.log(
      `Waarderingen: ${nl(clicks)} klikken tegelijk op één reactie (via A en B) in ${nl(clicked.seconds, 1)} s: ${nl(clicked.ok)} aanvaard, ` +
        `${nl(clicked.failed)} fouten; opgeslagen ${nl(rows)}, teller ${nl(counter)}: ${exact ? 'exact' : 'NIET EXACT'}.`,
    );
    if (!exact || clicked.failed > 0) throw new Error('De waarderingen zijn niet exact geteld: zie hierboven.');
  } finally {
    for (const r of readers) r.req.destroy();
    for (const s of servers) await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exit(1);
});
