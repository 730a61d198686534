// WordPress photos through the image pipeline: an imported JPEG gets its variants, width and height,
// and the body's <img> becomes a <picture> with srcset, keeping the body's alt text; nothing of its EXIF.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../helpers/app';
import { jpegWithGps } from '../helpers/images';
import { importWxr } from '../../server/imports/import';
import { articlePath, findArticleBySlug } from '../../server/articles/queries';

const site = 'https://oud.example.nl';
const wxr = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Oud</title>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<item>
		<title><![CDATA[IMG_2041]]></title>
		<wp:post_id>7</wp:post_id>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_parent>101</wp:post_parent>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[${site}/wp-content/uploads/2015/05/stalling.jpg]]></wp:attachment_url>
	</item>
	<item>
		<title><![CDATA[Nieuwe fietsenstalling]]></title>
		<link>${site}/2015/05/27/fietsenstalling/</link>
		<content:encoded><![CDATA[<p>De stalling is open.</p>
<p><img class="alignnone size-full" src="${site}/wp-content/uploads/2015/05/stalling.jpg" alt="Stalling &amp; fietsen" width="2000" height="1500" /></p>
<p><a href="${site}/wp-content/uploads/2015/05/stalling.jpg">De foto, groot</a></p>]]></content:encoded>
		<wp:post_id>101</wp:post_id>
		<wp:post_date><![CDATA[2015-05-27 12:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2015-05-27 10:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[fietsenstalling]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>
</channel>
</rss>`;

describe('imports: WordPress photos through the image pipeline', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let localUploads: string;

  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bijlagen-'));
    localUploads = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-wp-uploads-'));
    fs.mkdirSync(path.join(localUploads, '2015', '05'), { recursive: true });
    fs.writeFileSync(path.join(localUploads, '2015', '05', 'stalling.jpg'), await jpegWithGps(2000, 1500));
    t = await createTestApp({ uploadDir });
  });
  after(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
    fs.rmSync(localUploads, { recursive: true, force: true });
  });

  it('makes variants of an imported photo and shows the body image as a picture with srcset, width, height and its alt text', async () => {
    const report = await importWxr(t.db, [wxr], {
      pingbacks: 'skip',
      ipRetentionDays: 30,
      now: new Date('2015-06-20T12:00:00Z'),
      uploads: { uploadDir, sources: { dir: localUploads, maxBytes: 20 * 1024 * 1024 } },
    });
    assert.equal(report.count('attachment'), 1, report.lines().join('\n'));
    const article = (await findArticleBySlug(t.db, 'fietsenstalling'))!;
    const html = (await request(t.app).get(articlePath(article)).expect(200)).text;
    const picture = /<picture>.*?<\/picture>/s.exec(html)?.[0] ?? '';
    assert.match(
      picture,
      /<source type="image\/webp" srcset="\/beelden\/\d+\/[0-9a-f]{12}-480\.webp 480w, [^"]+-960\.webp 960w, [^"]+-1600\.webp 1600w"/,
    );
    assert.match(picture, /width="1600" height="1200" alt="Stalling &amp; fietsen" loading="lazy" decoding="async" \/>/);
    assert.ok(!html.includes('wp-content/uploads'), 'no address of the old site is left');
    assert.match(html, /<a href="\/bijlagen\/\d+\/stalling\.jpg"[^>]*>De foto, groot<\/a>/);
    const variant = /src="(\/beelden\/[^"]+\.jpg)"/.exec(picture)![1];
    const bytes = await request(t.app)
      .get(variant)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    assert.equal((await sharp(bytes.body as Buffer).metadata()).exif, undefined);
    const image = await t.db('images').first('alt', 'uploaded_by');
    assert.deepEqual({ ...image }, { alt: 'IMG_2041', uploaded_by: null });
  });
});
