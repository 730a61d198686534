// import:wxr --fetch-uploads never reaches an internal address: not the machine itself, not the
// local network, not 169.254.169.254, not through a redirect, not through another notation of the
// address; only the old site's own hosts and those given (--allow-host); and its report does not
// tell an open port from a closed one. A server on 127.0.0.1 ("intern") stands in for an internal
// service and must never be asked; another ("oud") stands in for the old site where a test says
// so (forTests: a resolver for oud.example.nl and permission for that one loopback port).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { importWxr, type ImportOptions } from '../../server/imports/import';
import type { FetchPolicy } from '../../server/imports/upload-files';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const ROOT = path.join(__dirname, '..', '..');

/** An export of `site` with one post (wp id 101) and an attachment per URL (ids 1, 2, …). */
function wxr(site: string, urls: string[]): string {
  const attachments = urls.map(
    (url, i) => `
	<item>
		<title><![CDATA[Bijlage ${i + 1}]]></title>
		<wp:post_id>${i + 1}</wp:post_id>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_parent>101</wp:post_parent>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[${url}]]></wp:attachment_url>
	</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Oud</title>
	<link>${site}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<item>
		<title><![CDATA[Nieuwe fietsenstalling]]></title>
		<content:encoded><![CDATA[<p>De stalling.</p>]]></content:encoded>
		<wp:post_id>101</wp:post_id>
		<wp:post_date><![CDATA[2015-05-27 12:00:00]]></wp:post_date>
		<wp:post_name><![CDATA[fietsenstalling]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>${attachments.join('')}
</channel>
</rss>`;
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('imports: --fetch-uploads fetches from the old site only, never from an internal address', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let oud: { server: http.Server; port: number };
  let intern: { server: http.Server; port: number };
  let closedPort: number;
  const internHits: string[] = [];
  const oudHits: string[] = [];

  before(async () => {
    oud = await listen((req, res) => {
      oudHits.push(req.url ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/go') return void res.writeHead(302, { Location: url.searchParams.get('to') ?? '/' }).end();
      if (url.pathname.startsWith('/wp-content/uploads/2015/05/') && url.pathname.endsWith('.jpg'))
        return void res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(JPEG);
      res.writeHead(404).end('weg');
    });
    // Answers anything with image bytes: were it ever asked, its answer would be published.
    intern = await listen((req, res) => {
      internHits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(JPEG);
    });
    const closed = await listen(() => undefined);
    closedPort = closed.port;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
  });
  beforeEach(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bijlagen-'));
    t = await createTestApp({ uploadDir });
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
    assert.deepEqual(internHits, [], 'the internal service was never asked');
  });
  after(async () => {
    for (const s of [oud.server, intern.server]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  // oud.example.nl (and media.) is the test's old site: the name resolves to the loopback port
  // allowed for it. Other names ("localhost") go to the system's resolver.
  const testSite = (hosts: string[] = []): FetchPolicy => ({
    hosts,
    forTests: {
      resolve: (name) =>
        name.endsWith('.example.nl') ? Promise.resolve([{ address: '127.0.0.1', family: 4 }]) : dns.promises.lookup(name, { all: true }),
      loopbackPorts: [oud.port],
    },
  });
  const run = async (site: string, urls: string[], fetch: FetchPolicy) => {
    const options: ImportOptions = {
      pingbacks: 'skip',
      ipRetentionDays: 30,
      now: new Date('2015-06-20T12:00:00Z'),
      uploads: { uploadDir, sources: { fetch, maxBytes: 20_000, timeoutMs: 5000 } },
    };
    const report = await importWxr(t.db, [wxr(site, urls)], options);
    return { report, text: report.lines().join('\n') };
  };
  /** The attachments a reader sees under the article, and the files stored. */
  const attachmentsShown = async () => {
    const page = await request(t.app).get('/2015/05/fietsenstalling').expect(200);
    const files = fs.readdirSync(uploadDir).filter((f) => f !== '.tmp' && f !== 'beelden');
    return { links: [...new Set([...page.text.matchAll(/\/bijlagen\/\d+\/[^"<\s]+/g)].map((m) => m[0]))], files: files.length };
  };
  const nothingShown = { links: [], files: 0 };

  it('does not fetch from an old site on 127.0.0.1 without a test’s explicit permission, and says so plainly', async () => {
    const site = `http://127.0.0.1:${oud.port}`;
    const { report, text } = await run(site, [`${site}/wp-content/uploads/2015/05/stalling.jpg`], { hosts: [] });
    assert.equal(report.count('attachment'), 0, text);
    assert.match(text, /overgeslagen \(bestand niet opgehaald\): 1/);
    assert.match(
      text,
      /Niet overgenomen bestanden:\n {2}http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2015\/05\/stalling\.jpg \(bij bericht 101\): niet opgehaald: adres niet toegestaan$/m,
    );
    assert.deepEqual(oudHits, [], 'not asked');
    assert.deepEqual(await attachmentsShown(), nothingShown);
  });

  it('fetches from the export’s own host, and from another host only when it is given (--allow-host)', async () => {
    const site = `http://oud.example.nl:${oud.port}`;
    const media = `http://media.example.nl:${oud.port}/wp-content/uploads/2015/05/media.jpg`;
    const urls = [`${site}/wp-content/uploads/2015/05/stalling.jpg`, media];
    let { report, text } = await run(site, urls, testSite());
    assert.equal(report.count('attachment'), 1, text);
    assert.match(
      text,
      /media\.jpg \(bij bericht 101\): niet opgehaald: adres niet toegestaan \(niet van de oude site; andere hosts met --allow-host\)/,
    );
    assert.deepEqual((await attachmentsShown()).links, ['/bijlagen/1/stalling.jpg']);

    ({ report, text } = await run(site, urls, testSite([`media.example.nl:${oud.port}`])));
    assert.equal(report.count('attachment'), 1, text);
    assert.equal(report.skippedCount('attachment', 'al geïmporteerd'), 1, text);
    assert.deepEqual((await attachmentsShown()).links, ['/bijlagen/1/stalling.jpg', '/bijlagen/2/media.jpg']);
  });

  it('refuses internal addresses however they are written, and redirects into them, even for hosts given on the command line', async () => {
    const site = `http://oud.example.nl:${oud.port}`;
    const targets = [
      `http://127.0.0.1:${intern.port}/x.jpg`,
      `http://[::1]:${intern.port}/x.jpg`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      `http://2130706433:${intern.port}/x.jpg`,
      `http://0x7f.1:${intern.port}/x.jpg`,
      `http://localhost:${intern.port}/x.jpg`,
      `http://[::ffff:127.0.0.1]:${intern.port}/x.jpg`,
    ];
    // Listed as if an admin had typed them all after --allow-host: the address check still refuses.
    const hosts = [
      `127.0.0.1:${intern.port}`,
      `[::1]:${intern.port}`,
      '169.254.169.254',
      `localhost:${intern.port}`,
      `[::ffff:127.0.0.1]:${intern.port}`,
    ];
    const urls = [...targets, ...targets.map((to) => `${site}/go?to=${encodeURIComponent(to)}`)];
    const { report, text } = await run(site, urls, testSite(hosts));
    assert.equal(report.count('attachment'), 0, text);
    assert.match(text, new RegExp(`overgeslagen \\(bestand niet opgehaald\\): ${urls.length}`));
    const refused = text.split('\n').filter((line) => line.endsWith(': niet opgehaald: adres niet toegestaan'));
    assert.equal(refused.length, urls.length, text);
    assert.equal(oudHits.filter((u) => u.startsWith('/go')).length, targets.length, 'each redirect was asked for, and not followed');
    assert.deepEqual(await attachmentsShown(), nothingShown);
  });

  it('reports an open and a closed port alike', async () => {
    const site = `http://oud.example.nl:${oud.port}`;
    const to = (port: number) => `${site}/go?to=${encodeURIComponent(`http://127.0.0.1:${port}/x.jpg`)}`;
    const lines = (text: string, url: string) =>
      text
        .split('\n')
        .find((l) => l.includes(url))!
        .replace(url, 'URL');
    const { text } = await run(site, [to(intern.port), to(closedPort)], testSite([`127.0.0.1:${intern.port}`, `127.0.0.1:${closedPort}`]));
    assert.equal(lines(text, to(intern.port)), lines(text, to(closedPort)));
    assert.match(lines(text, to(closedPort)), /: niet opgehaald: adres niet toegestaan$/);
    // A missing file on the old site and a port that does not answer read the same too.
    const policy = testSite([`127.0.0.1:${closedPort}`]);
    policy.forTests!.loopbackPorts!.push(closedPort);
    const gone = `${site}/wp-content/uploads/2015/05/weg.png`;
    const shut = `http://127.0.0.1:${closedPort}/wp-content/uploads/2015/05/x.jpg`;
    const second = await run(site, [gone, shut], policy);
    assert.equal(lines(second.text, gone), lines(second.text, shut));
    assert.match(lines(second.text, gone), /: niet opgehaald$/);
  });

  it('the command offers no way around the guard: --allow-host 127.0.0.1 still fetches nothing from it', async () => {
    const site = `http://127.0.0.1:${oud.port}`;
    const file = path.join(uploadDir, 'export.xml');
    fs.writeFileSync(file, wxr(site, [`${site}/wp-content/uploads/2015/05/stalling.jpg`]));
    const before = oudHits.length;
    const res = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        path.join(ROOT, 'node_modules', '.bin', 'tsx'),
        [path.join('server', 'cli', 'import-wxr.ts'), '--fetch-uploads', '--allow-host', `127.0.0.1:${oud.port}`, '--dry-run', file],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.deps.config.databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'test' } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    assert.equal(res.status, 0, res.stderr);
    assert.match(
      res.stdout,
      /Bijlage niet overgenomen: http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2015\/05\/stalling\.jpg \(bij bericht 101\): niet opgehaald: adres niet toegestaan\n/,
    );
    assert.equal(oudHits.length, before, 'not asked');
  });
});
