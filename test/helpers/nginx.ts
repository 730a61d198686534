// nginx from Debian (/usr/sbin/nginx) in front of app servers, as docs/production.md recommends:
// the repository's deploy/nginx/stadslog.conf with only its machine-specific values replaced (the
// app servers' ports, the TLS certificate, the public/ folder, the listening addresses), run as a
// child process (not the system's nginx: no daemon, its own prefix folder, pid, logs and temp
// folders), on free loopback ports, with a self-signed certificate made for 127.0.0.1.
// stopAllProxies() kills every one still running; each test file calls it in after().
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { freePort } from './server-process';
import type { Transport } from './cookie-client';

const ROOT = path.resolve(__dirname, '../..');
const NGINX_CONF = path.join(ROOT, 'deploy/nginx/stadslog.conf');
const NGINX = '/usr/sbin/nginx';
const START_TIMEOUT_MS = 10_000;

export interface Proxy {
  /** https://127.0.0.1:PORT, what a reader's browser talks to. */
  baseUrl: string;
  /** The plain-http port's address (it only redirects to https). */
  httpUrl: string;
  /** The certificate to trust for baseUrl. */
  ca: Buffer;
  /** nginx's error log so far, to explain a failure. */
  errorLog(): string;
}

const running = new Set<ChildProcess>();

/** Replaces `from` in the config, which must be there exactly once: a changed config fails here, clearly. */
function replaceOnce(conf: string, from: string, to: string): string {
  const parts = conf.split(from);
  if (parts.length !== 2) throw new Error(`${NGINX_CONF}: expected "${from}" exactly once, found it ${parts.length - 1} times`);
  return parts.join(to);
}

/** The repository's config for this machine: upstream ports, listening ports, certificate, public/. */
function configFor(upstreamPorts: readonly number[], httpPort: number, httpsPort: number, tlsDir: string, publicDir: string): string {
  let conf = fs.readFileSync(NGINX_CONF, 'utf8');
  conf = replaceOnce(conf, 'server 127.0.0.1:3001 ', `server 127.0.0.1:${upstreamPorts[0]} `);
  conf = replaceOnce(conf, 'server 127.0.0.1:3002 ', `server 127.0.0.1:${upstreamPorts[1]} `);
  conf = replaceOnce(conf, '    listen 80;\n', `    listen 127.0.0.1:${httpPort};\n`);
  conf = replaceOnce(conf, '    listen [::]:80;\n', '');
  conf = replaceOnce(conf, '    listen 443 ssl http2;\n', `    listen 127.0.0.1:${httpsPort} ssl http2;\n`);
  conf = replaceOnce(conf, '    listen [::]:443 ssl http2;\n', '');
  conf = replaceOnce(conf, '/etc/letsencrypt/live/stadslog.example.nl/fullchain.pem', path.join(tlsDir, 'cert.pem'));
  conf = replaceOnce(conf, '/etc/letsencrypt/live/stadslog.example.nl/privkey.pem', path.join(tlsDir, 'key.pem'));
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
export async function startProxy(upstreamPorts: readonly number[]): Promise<Proxy> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} ontbreekt: apt-get install -y nginx (.ci/run doet dat)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-nginx-'));
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
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  fs.writeFileSync(path.join(dir, 'stadslog.conf'), configFor(upstreamPorts, httpPort, httpsPort, dir, path.join(ROOT, 'public')));
  for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, temp));
  // The main config a Debian nginx.conf would be, pointing into the temp folder. As root, the workers
  // run as root too (nginx's default "nobody" could not write the temp folders made here).
  const runAs = process.getuid?.() === 0 ? 'user root;\n' : '';
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${runAs}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/stadslog.conf;
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let gone = false;
  child.once('exit', () => {
    gone = true;
    running.delete(child);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const errorLog = () => {
    try {
      return output + fs.readFileSync(path.join(dir, 'error.log'), 'utf8');
    } catch {
      return output;
    }
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await connects(httpsPort))) {
    if (gone) throw new Error(`nginx stopped while starting:\n${output}`);
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${httpsPort} within ${START_TIMEOUT_MS} ms:\n${errorLog()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl: `https://127.0.0.1:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    ca: fs.readFileSync(path.join(dir, 'cert.pem')),
    errorLog,
  };
}

/** Stops every nginx started here (SIGQUIT would wait for keep-alive clients; SIGTERM is nginx's fast stop). */
export async function stopAllProxies(): Promise<void> {
  await Promise.all([...running].map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire (not decompressed). */
  body: Buffer;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** The client's own address, one of 127.0.0.0/8: a reader nginx tells apart from the others. */
  from?: string;
}

/** One HTTPS request through the proxy, from a chosen loopback address, without a connection kept. */
export function proxyRequest(
  proxy: Proxy,
  pathAndQuery: string,
  { method = 'GET', headers = {}, body, from }: RawRequest = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${proxy.baseUrl}${pathAndQuery}`,
      { method, headers, ca: proxy.ca, localAddress: from, agent: false, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from the proxy for ${method} ${pathAndQuery}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A CookieClient transport through the proxy from one loopback address (a resident of their own), with headers of its own. */
export function proxyTransport(proxy: Proxy, from?: string, extraHeaders: Record<string, string> = {}): Transport {
  return async (url, sent) => {
    const target = new URL(url);
    const body = sent.body?.toString();
    const form: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' };
    const headers = { ...extraHeaders, ...sent.headers, ...form };
    const res = await proxyRequest(proxy, `${target.pathname}${target.search}`, { method: sent.method, headers, body, from });
    const setCookie = res.headers['set-cookie'] ?? [];
    const location = res.headers.location ?? null;
    return { status: res.status, text: res.body.toString('utf8'), location, setCookies: setCookie };
  };
}
