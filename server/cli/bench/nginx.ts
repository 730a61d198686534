// nginx from Debian (/usr/sbin/nginx) in front of app servers, as docs/production.md recommends:
// the repository's deploy/nginx/stadslog.conf with only its machine-specific values replaced (the
// app servers' ports, the TLS certificate, the public/ folder, the listening addresses), run as a
// child process (not the system's nginx: no daemon, its own prefix folder, pid, logs and temp
// folders), on free loopback ports, with a self-signed certificate made for 127.0.0.1.
// Used by the tests (test/helpers/nginx.ts) and by `npm run bench -- --proxy`.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './servers';

const ROOT = path.join(__dirname, '..', '..', '..');
const NGINX_CONF = path.join(ROOT, 'deploy', 'nginx', 'stadslog.conf');
const NGINX = '/usr/sbin/nginx';
const START_TIMEOUT_MS = 10_000;

export interface Nginx {
  /** https://127.0.0.1:PORT, what a reader's browser talks to. */
  baseUrl: string;
  /** The plain-http port's address (it only redirects to https). */
  httpUrl: string;
  /** The certificate to trust for baseUrl (and for any server block added with `extra`). */
  ca: Buffer;
  pid: number;
  /** nginx's error log so far, to explain a failure. */
  errorLog(): string;
  /** SIGTERM, nginx's fast stop (SIGQUIT would wait for keep-alive clients); resolves when it has exited. */
  stop(): Promise<void>;
}

/** Where nginx runs, for a server block of one's own beside Stadslog's. */
export interface NginxFolder {
  dir: string;
  certificate: string;
  key: string;
}

export interface NginxOptions {
  /** nginx's worker processes: 1 in the tests; "auto" (Debian's default, one per core) in the bench. */
  workers?: number | 'auto';
  /** The access log: on, as in Debian's nginx.conf, unless false. */
  accessLog?: boolean;
  /** More server blocks for the http block (the bench's reference), given nginx's folder. */
  extra?: (folder: NginxFolder) => string;
}

/** Replaces `from` in the config, which must be there exactly once: a changed config fails here, clearly. */
function replaceOnce(conf: string, from: string, to: string): string {
  const parts = conf.split(from);
  if (parts.length !== 2) throw new Error(`${NGINX_CONF}: expected "${from}" exactly once, found it ${parts.length - 1} times`);
  return parts.join(to);
}

/** The repository's config for this machine: upstream ports, listening ports, certificate, public/. */
function configFor(upstreamPorts: readonly number[], httpPort: number, httpsPort: number, folder: NginxFolder, publicDir: string): string {
  let conf = fs.readFileSync(NGINX_CONF, 'utf8');
  conf = replaceOnce(conf, 'server 127.0.0.1:3001 ', `server 127.0.0.1:${upstreamPorts[0]} `);
  conf = replaceOnce(conf, 'server 127.0.0.1:3002 ', `server 127.0.0.1:${upstreamPorts[1]} `);
  conf = replaceOnce(conf, '    listen 80;\n', `    listen 127.0.0.1:${httpPort};\n`);
  conf = replaceOnce(conf, '    listen [::]:80;\n', '');
  conf = replaceOnce(conf, '    listen 443 ssl http2;\n', `    listen 127.0.0.1:${httpsPort} ssl http2;\n`);
  conf = replaceOnce(conf, '    listen [::]:443 ssl http2;\n', '');
  conf = replaceOnce(conf, '/etc/letsencrypt/live/stadslog.example.nl/fullchain.pem', folder.certificate);
  conf = replaceOnce(conf, '/etc/letsencrypt/live/stadslog.example.nl/privkey.pem', folder.key);
  return replaceOnce(conf, '/srv/stadslog/current/public/', `${publicDir}/`);
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Starts nginx in front of the app servers on these ports; resolves when it accepts connections. */
export async function startNginx(upstreamPorts: readonly number[], options: NginxOptions = {}): Promise<Nginx> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} ontbreekt: apt-get install -y nginx (.ci/run doet dat)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-nginx-'));
  const folder: NginxFolder = { dir, certificate: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      folder.key,
      '-out',
      folder.certificate,
    ],
    { stdio: 'ignore' },
  );
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  fs.writeFileSync(path.join(dir, 'stadslog.conf'), configFor(upstreamPorts, httpPort, httpsPort, folder, path.join(ROOT, 'public')));
  for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, temp));
  // The main config a Debian nginx.conf would be, pointing into the temp folder. As root, the workers
  // run as root too (nginx's default "nobody" could not write the temp folders made here).
  const runAs = process.getuid?.() === 0 ? 'user root;\n' : '';
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${runAs}worker_processes ${options.workers ?? 1};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log ${options.accessLog === false ? 'off' : `${dir}/access.log`};
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/stadslog.conf;
${options.extra?.(folder) ?? ''}}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      gone = true;
      fs.rmSync(dir, { recursive: true, force: true });
      resolve();
    }),
  );
  const errorLog = () => {
    try {
      return output + fs.readFileSync(path.join(dir, 'error.log'), 'utf8');
    } catch {
      return output;
    }
  };
  const stop = async () => {
    if (!gone) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await connects(httpsPort))) {
    if (gone) throw new Error(`nginx stopped while starting:\n${output}`);
    if (Date.now() > deadline) {
      const log = errorLog();
      await stop();
      throw new Error(`nginx did not listen on ${httpsPort} within ${START_TIMEOUT_MS} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl: `https://127.0.0.1:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    ca: fs.readFileSync(folder.certificate),
    pid: child.pid!,
    errorLog,
    stop,
  };
}
