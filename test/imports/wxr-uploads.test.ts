// WordPress uploads as attachments: files from a local copy of wp-content/uploads and fetched from
// a small HTTP server on 127.0.0.1 standing in for the old site (allowed for this test only, with
// forTests.loopbackPorts: no command can do that); each failing file named with its
// reason while the rest comes in; bodies pointed at the new addresses; old addresses (and resized
// copies) answering with a 301; a second run taking over only what is new.
import assert from 'node:assert/strict';
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
const PDF = Buffer.from('%PDF-1.4\n% een rapport\n');
const BIG_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 1)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const MAX_BYTES = 2000;

function wxr(site: string): string {
  const attachment = (id: number, file: string, title: string) => `
	<item>
		<title><![CDATA[${title}]]></title>
		<link>${site}/2015/05/27/stalling/${id}/</link>
		<wp:post_id>${id}</wp:post_id>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_parent>101</wp:post_parent>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[${site}/wp-content/uploads/2015/05/${file}]]></wp:attachment_url>
	</item>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Oud</title>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	${attachment(7, 'stalling.jpg', 'De stalling')}
	<item>
		<title><![CDATA[Nieuwe fietsenstalling]]></title>
		<link>${site}/2015/05/27/fietsenstalling/</link>
		<content:encoded><![CDATA[<p><img src="${site}/wp-content/uploads/2015/05/stalling-300x200.jpg" alt="Stalling" /></p>
<p>Lees <a href="${site}/wp-content/uploads/2015/05/rapport.pdf">het rapport</a> of <a href="/wp-content/uploads/2015/05/stalling.jpg">de foto</a>.</p>
<p>Elders: <a href="https://ander.example/wp-content/uploads/2015/05/stalling.jpg">niet van ons</a>.</p>]]></content:encoded>
		<wp:post_id>101</wp:post_id>
		<wp:post_date><![CDATA[2015-05-27 12:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2015-05-27 10:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[fietsenstalling]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>
	${attachment(8, 'rapport.pdf', 'Het rapport')}
	${attachment(9, 'groot.jpg', 'Te groot')}
	${attachment(10, 'tekening.svg', 'Een tekening')}
	${attachment(11, 'weg.png', 'Verdwenen')}
</channel>
</rss>`;
}

describe('imports: WordPress uploads as attachments', function () {
  this.timeout(30_000);
  let t: TestApp;
  let server: http.Server;
  let site: string;
  let uploadDir: string;
  let localUploads: string;
  const asked: string[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      asked.push(req.url ?? '');
      const files: Record<string, Buffer> = {
        '/wp-content/uploads/2015/05/rapport.pdf': PDF,
        '/wp-content/uploads/2015/05/groot.jpg': BIG_JPEG,
        '/wp-content/uploads/2015/05/tekening.svg': SVG,
        '/wp-content/uploads/2015/05/stalling.jpg': JPEG,
      };
      const body = files[req.url ?? ''];
      if (!body) return void res.writeHead(404).end('weg');
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bijlagen-'));
    localUploads = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-wp-uploads-'));
    fs.mkdirSync(path.join(localUploads, '2015', '05'), { recursive: true });
    fs.writeFileSync(path.join(localUploads, '2015', '05', 'stalling.jpg'), JPEG);
    t = await createTestApp({ uploadDir });
  });
  after(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(uploadDir, { recursive: true, force: true });
    fs.rmSync(localUploads, { recursive: true, force: true });
  });

  const fetchFromTestSite = (): FetchPolicy => ({ hosts: [], forTests: { loopbackPorts: [Number(new URL(site).port)] } });
  const options = (sources: { dir?: string; fetch?: FetchPolicy }, heard: string[]): ImportOptions => ({
    pingbacks: 'skip',
    ipRetentionDays: 30,
    now: new Date('2015-06-20T12:00:00Z'),
    uploads: { uploadDir, sources: { ...sources, maxBytes: MAX_BYTES, timeoutMs: 5000 } },
    onAttachment: (done, total, failure) => heard.push(failure ? `${done}/${total} ${failure}` : `${done}/${total}`),
  });
  const storedFiles = () => fs.readdirSync(uploadDir).filter((f) => f !== '.tmp' && f !== 'beelden'); // beelden: photo variants (images/), none for these fake JPEGs;

  it('takes over the local copy, names each missing file, and goes on', async () => {
    const heard: string[] = [];
    const report = await importWxr(t.db, [wxr(site)], options({ dir: localUploads }, heard));
    assert.equal(report.count('attachment'), 1, report.lines().join('\n'));
    assert.equal(report.count('post'), 1);
    assert.equal(report.skippedCount('attachment', 'bestand ontbreekt in de map met uploads'), 4);
    assert.equal(heard.length, 5);
    assert.match(heard.join('\n'), /rapport\.pdf \(bij bericht 101\): ontbreekt in de map met uploads \(2015\/05\/rapport\.pdf\)/);
    assert.match(
      report.lines().join('\n'),
      /Niet overgenomen bestanden:\n {2}http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2015\/05\/rapport\.pdf/,
    );
    assert.deepEqual(asked, [], 'nothing fetched without --fetch-uploads');
    assert.equal(storedFiles().length, 1);

    const page = await request(t.app).get('/2015/05/fietsenstalling').expect(200);
    const attachment = await t.db('article_attachments').first();
    const url = `/bijlagen/${attachment.id}/stalling.jpg`;
    assert.equal(attachment.title, 'De stalling');
    assert.ok(page.text.includes(`<img src="${url}" alt="Stalling"`), 'the resized copy in the body points at the attachment');
    assert.ok(page.text.includes(`<a href="${url}">de foto</a>`), 'a link without the host too');
    assert.ok(page.text.includes('https://ander.example/wp-content/uploads/2015/05/stalling.jpg'), 'another site’s file stays');
    assert.match(
      page.text,
      /href="http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2015\/05\/rapport\.pdf"/,
      'a file not taken over stays linked',
    );
    const file = await request(t.app).get(url).expect(200);
    assert.equal(file.headers['content-type'], 'image/jpeg');
    assert.deepEqual(file.body, JPEG);
  });

  it('fetches the rest over HTTP on a second run: too large, wrong type and missing refused, each with its reason', async () => {
    const heard: string[] = [];
    const report = await importWxr(t.db, [wxr(site)], options({ dir: localUploads, fetch: fetchFromTestSite() }, heard));
    const text = report.lines().join('\n');
    assert.equal(report.count('attachment'), 1, text);
    assert.equal(report.skippedCount('attachment', 'al geïmporteerd'), 1, text);
    assert.equal(report.skippedCount('attachment', 'bestand te groot'), 1, text);
    assert.equal(report.skippedCount('attachment', 'bestand soort niet toegestaan'), 1, text);
    assert.equal(report.skippedCount('attachment', 'bestand niet opgehaald'), 1, text);
    assert.match(heard.join('\n'), /groot\.jpg \(bij bericht 101\): te groot \(meer dan 2 kB\)/);
    assert.match(heard.join('\n'), /tekening\.svg \(bij bericht 101\): soort niet toegestaan: alleen pdf-bestanden en afbeeldingen/);
    assert.match(heard.join('\n'), /weg\.png \(bij bericht 101\): niet opgehaald$/m);
    assert.ok(!asked.includes('/wp-content/uploads/2015/05/stalling.jpg'), 'the file already here is not fetched again');
    assert.equal(storedFiles().length, 2, 'only the pdf more; nothing of the refused files is kept');
    assert.deepEqual(fs.readdirSync(path.join(uploadDir, '.tmp')), []);

    const pdf = await t.db('article_attachments').where({ original_name: 'rapport.pdf' }).first();
    const page = await request(t.app).get('/2015/05/fietsenstalling').expect(200);
    // (rel="noopener" stays from when it was a link to another site: harmless.)
    assert.match(page.text, new RegExp(`<a href="/bijlagen/${pdf.id}/rapport\\.pdf"( rel="noopener")?>het rapport</a>`));
    assert.match(page.text, /Het rapport/, 'listed as an attachment of the article');
  });

  it('answers old upload addresses, resized copies too, with a 301 to the attachment', async () => {
    const jpg = await t.db('article_attachments').where({ original_name: 'stalling.jpg' }).first();
    for (const p of [
      '/wp-content/uploads/2015/05/stalling.jpg',
      '/wp-content/uploads/2015/05/stalling-300x200.jpg',
      '/wp-content/uploads/2015/05/STALLING-1024x768.jpg',
    ])
      assert.equal((await request(t.app).get(p).expect(301)).headers.location, `/bijlagen/${jpg.id}/stalling.jpg`, p);
    await request(t.app).get('/wp-content/uploads/2015/05/weg.png').expect(404);
    await request(t.app).get('/wp-content/uploads/../../etc/passwd').expect(404);
  });

  it('a dry run stores no file and no row', async () => {
    const fresh = await createTestApp({ uploadDir: fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bijlagen-')) });
    try {
      const report = await importWxr(fresh.db, [wxr(site)], {
        ...options({ dir: localUploads }, []),
        uploads: { uploadDir: fresh.deps.config.uploadDir, sources: { dir: localUploads, maxBytes: MAX_BYTES } },
        dryRun: true,
      });
      assert.equal(report.count('attachment'), 1);
      assert.equal(Number((await fresh.db('article_attachments').count({ n: '*' }).first())?.n), 0);
      assert.deepEqual(
        fs.readdirSync(fresh.deps.config.uploadDir).filter((f) => f !== '.tmp'),
        [],
      );
    } finally {
      fs.rmSync(fresh.deps.config.uploadDir, { recursive: true, force: true });
      await fresh.close();
    }
  });
});
