// npm run bench:live [-- --clients 5000 --others 500 --posts 5 --clicks 1000 --reader-processes 2 --database postgres://…/empty]
// Live updates (issue 25): two built app servers (NODE_ENV=production) on one database — the
// PostgreSQL database given (empty or a Stadslog one), else a new SQLite file both share. `clients`
// readers keep an article's event stream open on server A, `others` on server B. Reacties are posted
// through A's reactie form, one at a time; for each, the time from sending the POST until each
// reader has the event, for A's readers (one server) and B's (the other server: NOTIFY on
// PostgreSQL, the change-log poll on SQLite). Server A's memory (RSS) before and with the readers.
// The readers live in `reader-processes` forked processes (bench/live-readers.ts), which note when
// each event arrived on the machine's monotonic clock, the clock this process notes the POST on.
// Each reader names its own address in X-Forwarded-For (TRUST_PROXY=1), as readers behind a proxy
// do: the per-address limit is not what is measured.
// Then appreciation under concurrency: `clicks` readers, each from its own address, press "Waarderen"
// under one reactie at the same moment, half through A and half through B; every click must count
// exactly once, in the rows and in the reactie's counter.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
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
import { monotonicMs, runReaders, type ReadersAnswer, type ReadersOrder } from './bench/live-readers';

const READERS_ARG = '--lezers';

const BENCH_EMAIL = 'lezer.benchmark@example.nl';
// A reader that has not heard of a reactie after this long counts as not reached.
const DELIVERY_WAIT_MS = 15_000;

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

/**
 * The processor time a process has used (user + system), from /proc: whether the readers' processes
 * or the server is what the deliveries wait for. Linux counts it in ticks of 10 ms (USER_HZ 100).
 */
function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command's name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const mb = (bytes: number) => `${nl(bytes / 1024 / 1024)} MB`;
const load = () =>
  `load average ${os
    .loadavg()
    .map((v) => nl(v, 1))
    .join(' / ')}`;

/** A forked process holding readers (bench/live-readers.ts), and a way to wait for its answers. */
interface ReaderProcess {
  child: ChildProcess;
  ask<T extends ReadersAnswer['type']>(
    order: ReadersOrder,
    type: T,
    match?: (answer: Extract<ReadersAnswer, { type: T }>) => boolean,
  ): Promise<Extract<ReadersAnswer, { type: T }>>;
}

function readerProcess(): ReaderProcess {
  const child = fork(__filename, [READERS_ARG], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: Array<{
    match: (answer: ReadersAnswer) => boolean;
    resolve: (answer: ReadersAnswer) => void;
    reject: (err: Error) => void;
  }> = [];
  child.on('message', (answer: ReadersAnswer) => {
    if (answer.type === 'failed') {
      for (const w of waiting.splice(0)) w.reject(new Error(`lezersproces: ${answer.message}`));
      return;
    }
    const at = waiting.findIndex((w) => w.match(answer));
    if (at !== -1) waiting.splice(at, 1)[0].resolve(answer);
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`Een lezersproces stopte (code ${code}).`));
  });
  return {
    child,
    ask: (order, type, match) =>
      new Promise((resolve, reject) => {
        waiting.push({
          match: (answer) => answer.type === type && (!match || match(answer as never)),
          resolve: resolve as (answer: ReadersAnswer) => void,
          reject,
        });
        child.send(order);
      }),
  };
}

/** `total` split over `parts` as evenly as can be: [first, count] per part. */
function shares(total: number, parts: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let first = 0;
  for (let i = 0; i < parts; i++) {
    const count = Math.floor(total / parts) + (i < total % parts ? 1 : 0);
    out.push([first, count]);
    first += count;
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function post(server: Server, path: string, n: number): Promise<{ id: number; sentAt: number; answeredAt: number }> {
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
  const sentAt = monotonicMs();
  const res = await fetch(`${server.url}${path}/reacties`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.77' },
    body,
    redirect: 'manual',
  });
  const answeredAt = monotonicMs();
  const id = /#reactie-(\d+)/.exec(res.headers.get('location') ?? '')?.[1];
  if (res.status !== 303 || !id) throw new Error(`Plaatsen mislukte (status ${res.status}).`);
  return { id: Number(id), sentAt, answeredAt };
}

function delivery(parts: Array<{ times: number[]; missed: number } | undefined>) {
  const times = parts.flatMap((p) => p?.times ?? []).sort((a, b) => a - b);
  const missed = parts.reduce((sum, p) => sum + (p?.missed ?? 0), 0);
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
  const flags = parseFlags(process.argv.slice(2), ['clients', 'others', 'posts', 'clicks', 'database', 'reader-processes']);
  const count = (name: string, fallback: number) => {
    const v = flags[name] === undefined ? fallback : Number(flags[name]);
    if (!Number.isInteger(v) || v < 1) throw new UsageError(`--${name} moet een positief geheel getal zijn.`);
    return v;
  };
  const clients = count('clients', 5000);
  const others = count('others', 500);
  const postCount = count('posts', 5);
  const clicks = count('clicks', 1000);
  const readerProcesses = count('reader-processes', 2);
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
  console.log(
    `Live-benchmark: ${nl(clients)} lezers op server A, ${nl(others)} op server B, in ${readerProcesses} eigen processen; ` +
      `${postCount} reacties; ${where}.`,
  );

  console.log('Bouwen…');
  build();
  const servers: Server[] = [];
  const readerProcs: ReaderProcess[] = [];
  try {
    const a = await startStadslog(databaseUrl);
    servers.push(a);
    const b = await startStadslog(databaseUrl);
    servers.push(b);
    const p = articlePath(article);
    await fetch(`${a.url}${p}`).then((r) => r.arrayBuffer());
    const idleRss = rssOf(a.pid);
    for (let i = 0; i < readerProcesses; i++) readerProcs.push(readerProcess());
    const started = performance.now();
    const onA = shares(clients, readerProcesses);
    const onB = shares(others, readerProcesses);
    await Promise.all(
      readerProcs.map(async (proc, i) => {
        const [firstA, countA] = onA[i];
        const [firstB, countB] = onB[i];
        await proc.ask({ type: 'open', label: 'A', baseUrl: a.url, articleId: article.id, first: firstA, count: countA }, 'opened');
        await proc.ask(
          { type: 'open', label: 'B', baseUrl: b.url, articleId: article.id, first: clients + firstB, count: countB },
          'opened',
        );
      }),
    );
    console.log(`${nl(clients + others)} verbindingen open in ${nl((performance.now() - started) / 1000, 1)} s.`);
    await new Promise((r) => setTimeout(r, 2000));
    const openRss = rssOf(a.pid);

    const loadBefore = load();
    const pids = { a: a.pid, b: b.pid, readers: readerProcs.map((r) => r.child.pid!) };
    const cpuBefore = { a: cpuMsOf(pids.a), b: cpuMsOf(pids.b), readers: pids.readers.map(cpuMsOf) };
    const deliveriesStarted = performance.now();
    const posts: Array<{ id: number; sentAt: number; answeredAt: number }> = [];
    for (let i = 1; i <= postCount; i++) {
      const posted = await post(a, p, i);
      posts.push(posted);
      await Promise.all(
        readerProcs.map((proc) => proc.ask({ type: 'watch', id: posted.id, waitMs: DELIVERY_WAIT_MS }, 'heard', (h) => h.id === posted.id)),
      );
      await new Promise((r) => setTimeout(r, 500));
    }
    const loadAfter = load();
    const deliveriesMs = performance.now() - deliveriesStarted;
    const cpu = {
      a: cpuMsOf(pids.a) - cpuBefore.a,
      b: cpuMsOf(pids.b) - cpuBefore.b,
      readers: pids.readers.map((pid, i) => cpuMsOf(pid) - cpuBefore.readers[i]),
    };
    const reports = await Promise.all(
      readerProcs.map((proc) => proc.ask({ type: 'report', posts: posts.map(({ id, sentAt }) => ({ id, sentAt })) }, 'report')),
    );
    const sameServer = delivery(reports.map((r) => r.byLabel.A));
    const otherServer = delivery(reports.map((r) => r.byLabel.B));
    const answered = posts.map((q) => q.answeredAt - q.sentAt).sort((x, y) => x - y);
    const ms = (v: number) => `${nl(v)} ms`;
    console.log('');
    console.log(
      `Server A (RSS): zonder lezers ${mb(idleRss)}, met ${nl(clients)} open verbindingen ${mb(openRss)}, na de reacties ${mb(rssOf(a.pid))}; piek ${mb(a.peakRss())}.`,
    );
    console.log(`Plaatsen (POST tot antwoord): mediaan ${ms(percentile(answered, 50))}, max ${ms(answered[answered.length - 1])}.`);
    console.log(
      `Bezorgd op dezelfde server:  ${nl(sameServer.n)} meldingen, p50 ${ms(sameServer.p50)}, p99 ${ms(sameServer.p99)}, max ${ms(sameServer.max)}; niet aangekomen: ${sameServer.missed}.`,
    );
    console.log(
      `Bezorgd op de andere server: ${nl(otherServer.n)} meldingen, p50 ${ms(otherServer.p50)}, p99 ${ms(otherServer.p99)}, max ${ms(otherServer.max)}; niet aangekomen: ${otherServer.missed}.`,
    );
    console.log(
      `(Gemeten vanaf het versturen van de POST tot de melding bij de lezer, op de monotone klok van de machine; de lezers in ` +
        `${readerProcesses} eigen processen, de benchmark en beide servers delen de machine. Voor: ${loadBefore}; na: ${loadAfter}.)`,
    );

    console.log(
      `Processortijd tijdens de ${postCount} bezorgingen (${ms(deliveriesMs)} op de klok, waarvan ${ms(postCount * 500)} wachten): ` +
        `server A ${ms(cpu.a)}, server B ${ms(cpu.b)}, lezersprocessen ${cpu.readers.map(ms).join(' en ')}.`,
    );

    for (const proc of readerProcs) proc.child.send({ type: 'close' } satisfies ReadersOrder);
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
    for (const proc of readerProcs) if (proc.child.exitCode === null) proc.child.kill();
    for (const s of servers) await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Forked by main() with READERS_ARG: a process that only holds readers.
if (process.argv[2] === READERS_ARG) runReaders();
else
  main().catch((err) => {
    console.error(err instanceof UsageError ? err.message : err);
    process.exit(1);
  });
