// An outgoing GET to an address someone else chose: only listed hosts, only public addresses (again
// after every redirect), connected to the address checked (DNS rebinding fails), failures that do
// not tell an open port from a closed one. A server on 127.0.0.1 stands in for the old site only
// where a test lets it (loopbackPortsForTests); a second one stands in for an internal service and
// must never be asked.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedGet, hostAllowlist, parseHost, type GuardedGetOptions, type GuardedResponse } from '../../server/http/guarded-fetch';

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function bodyOf(res: GuardedResponse): Promise<string> {
  if (!res.ok) assert.fail(`not fetched: ${res.why}`);
  const parts: Buffer[] = [];
  for await (const chunk of res.body) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString();
}

describe('http: guarded outgoing GET', function () {
  this.timeout(10_000);
  let site: { server: http.Server; port: number };
  let internal: { server: http.Server; port: number };
  let closedPort: number;
  const internalHits: string[] = [];
  const siteHosts: string[] = [];

  before(async () => {
    site = await listen((req, res) => {
      siteHosts.push(req.headers.host ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/file') return void res.writeHead(200, { 'Content-Length': '9' }).end('het foto!');
      if (url.pathname === '/go') return void res.writeHead(302, { Location: url.searchParams.get('to') ?? '/' }).end();
      if (url.pathname.startsWith('/hop/')) {
        const n = Number(url.pathname.slice(5));
        return void res.writeHead(301, { Location: n > 1 ? `/hop/${n - 1}` : '/file' }).end();
      }
      if (url.pathname === '/slow') {
        res.writeHead(200, { 'Content-Length': '1000' });
        res.write('begin');
        return; // never ends
      }
      res.writeHead(404).end('weg');
    });
    internal = await listen((req, res) => {
      internalHits.push(req.url ?? '');
      res.writeHead(200).end('geheim');
    });
    const closed = await listen(() => undefined);
    closedPort = closed.port;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
  });
  after(async () => {
    for (const s of [site.server, internal.server]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    assert.deepEqual(internalHits, [], 'the internal service was never asked');
  });

  const anyHost = () => true;
  const options = (extra: Partial<GuardedGetOptions> = {}): GuardedGetOptions => ({
    allowed: anyHost,
    signal: AbortSignal.timeout(5000),
    ...extra,
  });
  const testSite = () => options({ loopbackPortsForTests: [site.port] });

  it('refuses loopback, link-local and other internal addresses in every notation, without asking them', async () => {
    const before = siteHosts.length;
    for (const url of [
      `http://127.0.0.1:${site.port}/file`,
      `http://localhost:${site.port}/file`,
      `http://[::1]:${site.port}/file`,
      `http://[::ffff:127.0.0.1]:${site.port}/file`,
      `http://2130706433:${site.port}/file`,
      `http://0x7f.1:${site.port}/file`,
      `http://0177.0.0.1:${site.port}/file`,
      `http://127.1:${site.port}/file`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00::1]/',
      'http://10.0.0.1/',
      'http://0/',
    ])
      assert.deepEqual(await guardedGet(url, options()), { ok: false, why: 'address' }, url);
    assert.equal(siteHosts.length, before, 'nothing was asked');
  });

  it('fetches from the test’s own stand-in for an old site, and from nowhere else on loopback', async () => {
    assert.equal(await bodyOf(await guardedGet(`http://127.0.0.1:${site.port}/file`, testSite())), 'het foto!');
    assert.deepEqual(await guardedGet(`http://127.0.0.1:${internal.port}/`, testSite()), { ok: false, why: 'address' });
  });

  it('checks every redirect again: into loopback, [::1], 169.254.169.254, decimal, hex and octal forms, a name for loopback', async () => {
    for (const to of [
      `http://127.0.0.1:${internal.port}/`,
      `http://[::1]:${internal.port}/`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      `http://2130706433:${internal.port}/`,
      `http://0x7f.1:${internal.port}/`,
      `http://0177.0.0.01:${internal.port}/`,
      `http://localhost:${internal.port}/`,
      `http://[::ffff:7f00:1]:${internal.port}/`,
      'http://192.168.1.1/',
    ]) {
      const url = `http://127.0.0.1:${site.port}/go?to=${encodeURIComponent(to)}`;
      assert.deepEqual(await guardedGet(url, testSite()), { ok: false, why: 'address' }, to);
    }
  });

  it('answers the same for an open and a closed port, refused or allowed', async () => {
    const via = (to: string) => `http://127.0.0.1:${site.port}/go?to=${encodeURIComponent(to)}`;
    const open = await guardedGet(via(`http://127.0.0.1:${internal.port}/`), testSite());
    const closed = await guardedGet(via(`http://127.0.0.1:${closedPort}/`), testSite());
    assert.deepEqual(open, closed);
    // Even where a test allows both ports: a 404 and a refused connection are both "failed".
    const both = options({ loopbackPortsForTests: [site.port, closedPort] });
    assert.deepEqual(await guardedGet(`http://127.0.0.1:${site.port}/nergens`, both), { ok: false, why: 'failed' });
    assert.deepEqual(await guardedGet(`http://127.0.0.1:${closedPort}/`, both), { ok: false, why: 'failed' });
  });

  it('follows a few redirects, not more, and only to http(s) on the list', async () => {
    assert.equal(await bodyOf(await guardedGet(`http://127.0.0.1:${site.port}/hop/5`, testSite())), 'het foto!');
    assert.deepEqual(await guardedGet(`http://127.0.0.1:${site.port}/hop/6`, testSite()), { ok: false, why: 'failed' });
    const listed = options({ allowed: hostAllowlist([`127.0.0.1:${site.port}`]), loopbackPortsForTests: [site.port] });
    assert.equal(await bodyOf(await guardedGet(`http://127.0.0.1:${site.port}/hop/1`, listed)), 'het foto!');
    for (const to of ['https://ander.example/x.jpg', 'file:///etc/passwd', 'ftp://127.0.0.1/x', `http://127.0.0.1:${internal.port}/`]) {
      const url = `http://127.0.0.1:${site.port}/go?to=${encodeURIComponent(to)}`;
      assert.deepEqual(await guardedGet(url, listed), { ok: false, why: 'host' }, to);
    }
    assert.deepEqual(await guardedGet(`http://gebruiker:wachtwoord@127.0.0.1:${site.port}/file`, testSite()), { ok: false, why: 'host' });
  });

  it('connects to the address it checked: a second DNS answer (rebinding) is never asked for', async () => {
    const answers = [[{ address: '127.0.0.1', family: 4 }], [{ address: '169.254.169.254', family: 4 }]];
    const asked: string[] = [];
    const resolve = (hostname: string) => {
      asked.push(hostname);
      return Promise.resolve(answers[Math.min(asked.length - 1, 1)]);
    };
    const res = await guardedGet(`http://oud.example.nl:${site.port}/file`, { ...testSite(), resolve });
    assert.equal(await bodyOf(res), 'het foto!');
    assert.deepEqual(asked, ['oud.example.nl'], 'one lookup, whose answer was checked and used');
    assert.equal(siteHosts.at(-1), `oud.example.nl:${site.port}`, 'the name still goes into Host');
  });

  it('refuses a name with one internal answer among public ones, and a name without an answer', async () => {
    const mixed = () =>
      Promise.resolve([
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ]);
    assert.deepEqual(await guardedGet('http://gemengd.example.nl/x', options({ resolve: mixed })), { ok: false, why: 'address' });
    const none = () => Promise.reject(new Error('ENOTFOUND'));
    assert.deepEqual(await guardedGet('http://bestaat-niet.example.nl/x', options({ resolve: none })), { ok: false, why: 'failed' });
  });

  it('stops a body that does not end within the time given', async () => {
    const res = await guardedGet(`http://127.0.0.1:${site.port}/slow`, {
      ...testSite(),
      signal: AbortSignal.timeout(300),
    });
    assert.ok(res.ok);
    await assert.rejects(async () => {
      for await (const _ of res.body) {
        // read until the time is up
      }
    });
  });

  it('reads a host list: the host at its default port, other ports only when named', () => {
    const allowed = hostAllowlist([
      'Oud.Example.nl',
      'media.example.nl:8080',
      'https://blog.example.nl:8443/pad',
      '[2001:db8::1]',
      'niet een host/pad',
    ]);
    const yes = [
      'http://oud.example.nl/a',
      'https://oud.example.nl./a',
      'http://media.example.nl/a',
      'http://media.example.nl:8080/a',
      'https://blog.example.nl:8443/',
      'http://[2001:db8::1]/',
    ];
    const no = [
      'http://oud.example.nl:8080/a',
      'http://media.example.nl:8081/',
      'http://ander.example.nl/',
      'http://example.nl/',
      'http://sub.oud.example.nl/',
    ];
    for (const url of yes) assert.ok(allowed(new URL(url)), url);
    for (const url of no) assert.ok(!allowed(new URL(url)), url);
    assert.deepEqual(parseHost('media.example.nl:8080'), { host: 'media.example.nl', port: '8080' });
    for (const bad of ['', ' ', 'a/b', 'http://', 'media.example.nl/pad', 'user@media.example.nl', '2001:db8::1'])
      assert.equal(parseHost(bad), null, bad);
  });
});
