// The real server (server/main.ts) as a child process, for tests about what only a process shows:
// several app servers on one database, SIGTERM, kill -9. Every process started here is killed by
// killAllServers(), which each test file calls in after(), also when a test failed.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../server/cli/bench/servers';

/** A port nobody listens on now (the benchmark's helper; the tests use the same). */
export { freePort };

const ROOT = path.resolve(__dirname, '../..');
// Shared by every instance, so a session or form token made by one is good on another.
const SHARED_SESSION_SECRET = 'two-instances-share-this-session-secret-0123456789';
// Starting takes about a second (tsx compiles on the fly, migrations are checked); a loaded machine is
// much slower: 16 s for one server at a load average of 18 on the 2-core test machine, twice that for two at once.
const START_TIMEOUT_MS = 90_000;

export interface StartOptions {
  /** The port to listen on (a proxy's upstream); a free one by default. */
  port?: number;
  /** The checkout to run (another release's tree, with node_modules linked); this one by default. */
  root?: string;
}

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  pid: number;
  /** Sends a signal (SIGTERM by default); SIGKILL is kill -9. */
  stop(signal?: NodeJS.Signals): void;
  /** Resolves when the process has exited, with its code or the signal that ended it. */
  exited: Promise<ServerExit>;
  /** What it wrote to stdout and stderr, to explain a failure. */
  output(): string;
}

const running = new Set<ChildProcess>();

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `node --import tsx server/main.ts` (faster than `npx tsx`, which starts a second node)
 * on the given database and waits until it answers HTTP. NODE_ENV=test: production would mark the
 * session cookie Secure, which a client on plain http never sends back.
 */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  { port: givenPort, root = ROOT }: StartOptions = {},
): Promise<ServerProcess> {
  const port = givenPort ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      SESSION_SECRET: SHARED_SESSION_SECRET,
      REACTIE_RATE_LIMIT: '10000',
      LOGIN_RATE_LIMIT: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<ServerExit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  let gone: ServerExit | null = null;
  void exited.then((exit) => (gone = exit));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answers(`${baseUrl}/`))) {
    if (gone) throw new Error(`the server exited while starting (${JSON.stringify(gone)}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer on ${baseUrl} within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl,
    port,
    pid: child.pid!,
    stop: (signal = 'SIGTERM') => void child.kill(signal),
    exited,
    output: () => output,
  };
}

/** kill -9 every server still running; for after() hooks. */
export async function killAllServers(): Promise<void> {
  const exits = [...running].map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGKILL'))));
  await Promise.all(exits);
}
