// A fake Akismet on 127.0.0.1 that speaks the real protocol: form-encoded POSTs to /1.1/…,
// "true"/"false"/"valid" bodies and X-akismet-* headers. Tests set how it answers and read what it got.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMode = 'ham' | 'spam' | 'discard' | 'invalid' | 'error-header' | 'http-500' | 'hang';

export interface FakeRequest {
  path: string;
  params: Record<string, string>;
}

export const FAKE_KEY = 'test-akismet-key';
const REQUIRED = ['api_key', 'blog', 'user_ip'];

export interface FakeAkismet {
  url: string;
  mode: FakeMode;
  requests: FakeRequest[];
  /** While set, comment-check answers wait for it: a test acts while Akismet is "thinking". */
  gate: Promise<void> | null;
  /** Stop answering: later calls meet a closed port. */
  close(): Promise<void>;
}

export async function startFakeAkismet(mode: FakeMode = 'ham'): Promise<FakeAkismet> {
  const hanging = new Set<http.ServerResponse>();
  const fake: FakeAkismet = { url: '', mode, requests: [], gate: null, close: () => Promise.resolve() };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const params = Object.fromEntries(new URLSearchParams(raw));
      const path = req.url ?? '';
      fake.requests.push({ path, params });
      const send = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
        res.end(body);
      };
      if (req.method !== 'POST' || (req.headers['content-type'] ?? '').indexOf('application/x-www-form-urlencoded') !== 0)
        return send(400, 'bad request');
      if (path === '/1.1/verify-key') {
        const key = params.api_key ?? params.key;
        return key === FAKE_KEY
          ? send(200, 'valid')
          : send(200, 'invalid', {
              'X-akismet-debug-help': 'We were unable to parse your blog URI',
              'X-akismet-alert-code': '10003',
              'X-akismet-alert-msg': 'Your subscription has been suspended.',
            });
      }
      if (params.api_key !== FAKE_KEY) return send(200, 'invalid', { 'X-akismet-debug-help': 'The API key is invalid.' });
      const missing = REQUIRED.find((p) => !(p in params));
      if (missing) return send(200, `Missing required field: ${missing}.`, { 'X-akismet-debug-help': `Missing ${missing}` });
      if (path === '/1.1/submit-spam' || path === '/1.1/submit-ham') return send(200, 'Thanks for making the web a better place.');
      if (path !== '/1.1/comment-check') return send(404, 'not found');
      if (fake.gate) await fake.gate;
      const guid = `guid-${fake.requests.length}`;
      switch (fake.mode) {
        case 'ham':
          return send(200, 'false', { 'X-akismet-guid': guid });
        case 'spam':
          return send(200, 'true', { 'X-akismet-guid': guid });
        case 'discard':
          return send(200, 'true', { 'X-akismet-guid': guid, 'X-akismet-pro-tip': 'discard' });
        case 'invalid':
          return send(200, 'invalid', { 'X-akismet-debug-help': 'The API key is invalid.' });
        case 'error-header':
          return send(200, 'false', {
            'X-akismet-error': 'Something went wrong',
            'X-akismet-alert-code': '10001',
            'X-akismet-alert-msg': 'Usage limit exceeded',
          });
        case 'http-500':
          return send(500, 'Internal Server Error');
        case 'hang':
          hanging.add(res);
          return; // never answers
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

export function checks(fake: FakeAkismet): FakeRequest[] {
  return fake.requests.filter((r) => r.path === '/1.1/comment-check');
}

/** Holds comment-check answers until the returned function is called. */
export function holdAnswers(fake: FakeAkismet): () => void {
  let release = () => undefined as void;
  fake.gate = new Promise<void>((resolve) => (release = resolve));
  return () => {
    fake.gate = null;
    release();
  };
}

/** Resolves once the fake has received `n` comment-check requests. */
export async function requestsArrived(fake: FakeAkismet, n: number): Promise<void> {
  while (checks(fake).length < n) await new Promise((r) => setTimeout(r, 5));
}
