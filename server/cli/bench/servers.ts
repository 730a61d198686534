// The two servers the benchmark measures, each its own process: Stadslog as it runs in production
// (the built server, NODE_ENV=production) and the bare node:http reference serving the same bytes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { request, type Origin } from './timing';

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

export async function freePort(): Promise<number> {
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

// BENCH_CPU_PROF=<folder>: every server the benchmark starts writes a V8 CPU profile there when it stops
// (open it in Chrome's DevTools), to see where a measured request spends its time.
const profiling = (): string[] =>
  process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];

async function start(args: string[], env: NodeJS.ProcessEnv, port: number, what: string): Promise<Server> {
  const child = spawn(process.execPath, [...profiling(), ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
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

export interface StadslogOptions {
  /** The port to listen on (nginx's upstream); a free one by default. */
  port?: number;
  /** Shared by the app servers behind one proxy: a form token made by one is good on the other. */
  sessionSecret?: string;
  /** The address readers use (the proxy's); the server's own by default. */
  baseUrl?: string;
}

/** The built Stadslog in production mode on the given database. */
export async function startStadslog(databaseUrl: string, o: StadslogOptions = {}): Promise<Server> {
  const port = o.port ?? (await freePort());
  return start(
    [path.join('dist', 'server', 'main.js')],
    {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      SESSION_SECRET: o.sessionSecret ?? crypto.randomBytes(32).toString('hex'),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: o.baseUrl ?? `http://127.0.0.1:${port}`,
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

/** Fetches each path from Stadslog, plain and as a browser asks for it: the bytes the reference will serve. */
export async function fetchPages(origin: Origin, paths: string[], browserHeaders: Record<string, string>): Promise<ServedPage[]> {
  const out: ServedPage[] = [];
  for (const p of paths) {
    const res = await request(origin, p);
    const compressed = await request(origin, p, { headers: browserHeaders });
    out.push({
      path: p,
      status: res.status,
      contentType: String(res.headers['content-type'] ?? ''),
      body: res.body,
      gzip: compressed.status === res.status && compressed.headers['content-encoding'] === 'gzip' ? compressed.body : undefined,
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
