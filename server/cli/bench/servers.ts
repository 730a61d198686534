// The two servers the benchmark measures, each its own process: Stadslog as it runs in production
// (the built server, NODE_ENV=production) and the bare node:http reference serving the same bytes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

export interface Server {
  url: string;
  pid: number;
  /** Peak resident memory so far, from /proc (VmHWM), in bytes; 0 where /proc is missing. */
  peakRss(): number;
  stop(): Promise<void>;
}

export function build(): void {
  const res = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('npm run build mislukte.');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function peakRssOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Waits until the server answers at all, or the process dies. */
async function ready(child: ChildProcess, url: string, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} stopte bij het starten (code ${child.exitCode}).`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${what} startte niet binnen een minuut.`);
}

async function start(args: string[], env: NodeJS.ProcessEnv, port: number, what: string): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await ready(child, `${url}/`, what);
  return {
    url,
    pid: child.pid!,
    peakRss: () => peakRssOf(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The built Stadslog in production mode on the given database. */
export async function startStadslog(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  return start(
    [path.join('dist', 'server', 'main.js')],
    {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      // The posting run comes from one machine but stands for many residents: each request names
      // its own address in X-Forwarded-For, and the per-address limit is as high as it goes.
      TRUST_PROXY: '1',
      REACTIE_RATE_LIMIT: '10000',
    },
    port,
    'Stadslog',
  );
}

export interface ServedPage {
  path: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** The same page as Stadslog sent it to a browser that accepts gzip (the compressed bytes). */
  gzip?: Buffer;
}

/** One GET with the raw answer: node's fetch would unpack a compressed body. */
function getRaw(url: string, headers: Record<string, string>): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? ''), body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Fetches each path from Stadslog, plain and as a browser asks for it: the bytes the reference will serve. */
export async function fetchPages(url: string, paths: string[], browserHeaders: Record<string, string>): Promise<ServedPage[]> {
  const out: ServedPage[] = [];
  for (const p of paths) {
    const res = await fetch(`${url}${p}`, { redirect: 'manual' });
    const compressed = await getRaw(`${url}${p}`, browserHeaders);
    out.push({
      path: p,
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body: Buffer.from(await res.arrayBuffer()),
      gzip: compressed.status === res.status && compressed.encoding === 'gzip' ? compressed.body : undefined,
    });
  }
  return out;
}

/** The bare node:http server serving `pages` from memory (bench-reference.ts). */
export async function startReference(pages: ServedPage[], dir: string): Promise<Server> {
  const list = pages.map((p, i) => {
    const bodyFile = path.join(dir, `page-${i}.html`);
    fs.writeFileSync(bodyFile, p.body);
    const gzipFile = p.gzip ? path.join(dir, `page-${i}.html.gz`) : undefined;
    if (gzipFile) fs.writeFileSync(gzipFile, p.gzip!);
    return { path: p.path, status: p.status, contentType: p.contentType, bodyFile, gzipFile };
  });
  const pagesFile = path.join(dir, 'pages.json');
  fs.writeFileSync(pagesFile, JSON.stringify(list));
  const port = await freePort();
  return start(
    [path.join('dist', 'server', 'cli', 'bench-reference.js'), pagesFile, String(port)],
    { PATH: process.env.PATH },
    port,
    'De referentieserver',
  );
}
