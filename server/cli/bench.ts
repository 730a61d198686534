// npm run bench [-- --articles 5000 --reacties 100000 --requests 400]
// Fills a fresh SQLite database the size of twenty years of a busy city weblog, then measures the
// pages residents open most (voorpagina, an older page, a busy article) and the memory it took.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../app';
import { testConfig } from '../config';
import { createDb, type Db } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { FormTokens } from '../http/form-token';
import { recountAll } from '../reacties/counters';
import { renderMarkdown } from '../shared/markdown';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} moet een positief geheel getal zijn.`);
    process.exit(1);
  }
  return value;
}

function progress(label: string, done: number, total: number): void {
  const line = `  ${label}: ${done.toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')}`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || done % Math.ceil(total / 10) === 0) console.log(line);
}

// Rows per insert statement: SQLite allows 999 bound variables, and a reactie row has 14.
const BATCH = 60;
const DAY_MS = 86_400_000;

async function fill(db: Db, articles: number, reacties: number): Promise<number> {
  const start = Date.now() - articles * DAY_MS;
  const body = 'De gemeenteraad besprak gisteren het voorstel.\n\nHet college wil de Markt opnieuw inrichten.';
  const html = renderMarkdown(body);
  for (let i = 0; i < articles; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(articles, i + BATCH); j++) {
      const at = new Date(start + j * DAY_MS);
      rows.push({
        slug: `artikel-${j}`,
        title: `Artikel ${j}: nieuws uit de stad`,
        kind: 'nieuws',
        body_markdown: body,
        body_html: html,
        excerpt_markdown: '',
        excerpt_html: html,
        author_name: 'Redactie',
        status: 'published',
        published_at: at,
        pinned: false,
        reacties_open: true,
        reactie_count: 0,
        created_at: at,
        updated_at: at,
      });
    }
    await db('articles').insert(rows);
    progress('artikelen', Math.min(articles, i + BATCH), articles);
  }
  // A few articles draw most of the discussion, as in real life: the last one gets a big thread.
  const busy = articles;
  for (let i = 0; i < reacties; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(reacties, i + BATCH); j++) {
      const articleId = j % 5 === 0 ? busy : 1 + (j % articles);
      const at = new Date(start + (articleId - 1) * DAY_MS + j);
      rows.push({
        article_id: articleId,
        parent_id: null,
        author_name: `Bewoner ${j % 900}`,
        author_email: `b${j % 900}@example.nl`,
        author_email_key: `b${j % 900}@example.nl`,
        author_url: null,
        body: `Reactie ${j}: eens met de vorige spreker.`,
        status: j % 20 === 0 ? 'pending' : 'approved',
        ip: '192.0.2.1',
        user_agent: 'bench',
        created_at: at,
        status_changed_at: at,
      });
    }
    await db('reacties').insert(rows);
    progress('reacties', Math.min(reacties, i + BATCH), reacties);
  }
  console.log('  tellers opnieuw berekenen…');
  await recountAll(db);
  return busy;
}

async function measure(
  baseUrl: string,
  urlPath: string,
  requests: number,
): Promise<{ p50: number; p95: number; max: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const started = process.hrtime.bigint();
    bytes = await new Promise<number>((resolve, reject) => {
      http
        .get(`${baseUrl}${urlPath}`, (res) => {
          let n = 0;
          res.on('data', (c: Buffer) => (n += c.length));
          res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`${urlPath}: HTTP ${res.statusCode}`))));
        })
        .on('error', reject);
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1], bytes };
}

async function main(): Promise<void> {
  const articles = option('articles', 5000);
  const reacties = option('reacties', 100_000);
  const requests = option('requests', 300);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  console.log(
    `Stadslog benchmark: ${articles.toLocaleString('nl-NL')} artikelen, ${reacties.toLocaleString('nl-NL')} reacties (SQLite in ${dir})`,
  );
  const db = createDb(file);
  try {
    await migrateLatest(db);
    const busy = await fill(db, articles, reacties);
    const config = testConfig({ databaseUrl: file });
    const app = createApp({
      config,
      db,
      logger: pino({ level: 'silent' }),
      formTokens: new FormTokens(config.sessionSecret),
      clock: () => new Date(),
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const busyRow = await db('articles').where({ id: busy }).first('slug', 'published_at', 'reactie_count');
    const d = new Date(busyRow.published_at);
    const busyPath = `/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${busyRow.slug}`;
    const pages: Array<[string, string]> = [
      ['voorpagina', '/'],
      [`voorpagina, pagina ${Math.ceil(articles / 20)}`, `/?pagina=${Math.ceil(articles / 20)}`],
      [`druk artikel (${Number(busyRow.reactie_count).toLocaleString('nl-NL')} reacties)`, busyPath],
    ];
    console.log(`\n  ${'pagina'.padEnd(40)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'grootte'.padStart(10)}`);
    for (const [label, urlPath] of pages) {
      const n = label.startsWith('druk') ? Math.max(10, Math.floor(requests / 10)) : requests;
      const r = await measure(baseUrl, urlPath, n);
      console.log(
        `  ${label.padEnd(40)} ${r.p50.toFixed(1).padStart(6)}ms ${r.p95.toFixed(1).padStart(6)}ms ${r.max.toFixed(1).padStart(6)}ms ${(r.bytes / 1024).toFixed(0).padStart(7)} KB`,
      );
    }
    const mem = process.memoryUsage();
    console.log(`\n  geheugen: ${(mem.rss / 1048576).toFixed(0)} MB RSS, ${(mem.heapUsed / 1048576).toFixed(0)} MB heap`);
    server.close();
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error('De benchmark liep vast:', err);
  process.exit(1);
});
