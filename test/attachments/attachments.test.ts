// Attachments on articles: upload (type from the bytes, 20 MB), listing, serving with safe headers,
// one stored file for the same bytes, CSRF and roles, and nothing public from an unpublished article.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { loginAs, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { sniffAttachmentType } from '../../server/attachments/file-type';
import { contentDisposition, formatFileSize, safeFileName } from '../../server/attachments/format';
import { MAX_ATTACHMENT_BYTES, TOO_LARGE_MESSAGE } from '../../server/attachments/upload';
import { WRONG_TYPE_MESSAGE } from '../../server/attachments/attach';

// ---------------------------------------------------------------------------------------------
// Small valid files, built here.

/** A one-page PDF with a correct xref table, padded with comment lines to about `size` bytes. */
function buildPdf(size = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const line = `%${'x'.repeat(78)}\n`;
  while (out.length + line.length + 200 < size) out += line;
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}
/** A 1×1 red PNG. */
function buildPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

// ---------------------------------------------------------------------------------------------

describe('attachments: the pure parts', () => {
  it('recognises pdf and images from their first bytes, and nothing else', () => {
    assert.equal(sniffAttachmentType(buildPdf())?.mediaType, 'application/pdf');
    assert.equal(sniffAttachmentType(buildPng())?.mediaType, 'image/png');
    assert.equal(sniffAttachmentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.label, 'jpg');
    assert.equal(sniffAttachmentType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))?.label, 'gif');
    assert.equal(sniffAttachmentType(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))?.label, 'webp');
    for (const bad of [
      '<!doctype html><p>hoi',
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      ' %PDF-1.4',
      'RIFF\x24\x00\x00\x00WAVE',
      'GIF8',
      '',
    ]) {
      assert.equal(sniffAttachmentType(Buffer.from(bad, 'latin1')), null, JSON.stringify(bad));
    }
  });

  it('writes sizes the Dutch way', () => {
    assert.equal(formatFileSize(1), '1 byte');
    assert.equal(formatFileSize(812), '812 bytes');
    assert.equal(formatFileSize(245_123), '245 kB');
    assert.equal(formatFileSize(999_700), '1 MB');
    assert.equal(formatFileSize(1_234_567), '1,2 MB');
    assert.equal(formatFileSize(20 * 1024 * 1024), '21 MB');
  });

  it('makes safe file names and headers from any original name', () => {
    assert.equal(safeFileName('Rapportage Transitiebijeenkomst (def).PDF', 'pdf'), 'rapportage-transitiebijeenkomst-def.pdf');
    assert.equal(safeFileName('../../etc/passwd', 'png'), 'etc-passwd.png');
    assert.equal(safeFileName('€€€.pdf', 'pdf'), 'bijlage.pdf');
    const header = contentDisposition('inline', 'Brief "wethouder" café\r\n.pdf');
    assert.match(
      header,
      /^inline; filename="Brief _wethouder_ caf___\.pdf"; filename\*=UTF-8''Brief%20%22wethouder%22%20caf%C3%A9%0D%0A\.pdf$/,
    );
  });
});

describe('attachments on articles', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let editor: { agent: Agent; csrf: string };
  let article: Article;
  const pdf = buildPdf(245_300);
  const png = buildPng();

  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bijlagen-'));
    t = await createTestApp({ uploadDir });
    editor = await loginAs(t.app, t.db, 'chief');
    article = await buildArticle(t.db, { title: 'Transitiebijeenkomst' });
  });
  after(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = (
    agent: Agent,
    articleId: number,
    file: Buffer,
    filename: string,
    opts: { title?: string; csrf?: string | null; type?: string } = {},
  ) => {
    const token = opts.csrf === undefined ? editor.csrf : opts.csrf;
    const url = `/beheer/artikelen/${articleId}/bijlagen${token === null ? '' : `?_csrf=${encodeURIComponent(token)}`}`;
    return agent
      .post(url)
      .field('titel', opts.title ?? '')
      .attach('bestand', file, { filename, contentType: opts.type ?? 'application/pdf' });
  };
  const storedFiles = () => fs.readdirSync(uploadDir).filter((f) => f !== '.tmp');
  const tmpFiles = () => (fs.existsSync(path.join(uploadDir, '.tmp')) ? fs.readdirSync(path.join(uploadDir, '.tmp')) : []);
  const attachmentLinks = (html: string) => [...html.matchAll(/href="(\/bijlagen\/\d+\/[^"]+)"/g)].map((m) => m[1]);

  it('uploads a pdf and a png, lists them on the article page with type and size, and serves the same bytes', async () => {
    const res = await upload(editor.agent, article.id, pdf, 'Rapportage transitiebijeenkomst.pdf', {
      title: 'Rapportage transitiebijeenkomst',
    });
    assert.equal(res.status, 303, res.text);
    assert.equal(res.headers.location, `/beheer/artikelen/${article.id}#bijlagen`);
    await upload(editor.agent, article.id, png, 'kaart.png', { type: 'image/png' }).expect(303);

    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(page.text, /Rapportage transitiebijeenkomst<\/a> \(pdf, 245 kB\)/);
    assert.match(page.text, /kaart<\/a> \(png, \d+ bytes\)/);
    const [pdfUrl, pngUrl] = attachmentLinks(page.text);
    assert.match(pdfUrl, /^\/bijlagen\/\d+\/rapportage-transitiebijeenkomst\.pdf$/);

    const servedPdf = await request(t.app).get(pdfUrl).buffer(true).parse(binaryParser).expect(200);
    assert.equal(servedPdf.headers['content-type'], 'application/pdf');
    assert.equal(servedPdf.headers['content-disposition'], contentDisposition('inline', 'Rapportage transitiebijeenkomst.pdf'));
    assert.equal(servedPdf.headers['x-content-type-options'], 'nosniff');
    assert.match(servedPdf.headers['content-security-policy'], /(^|; )sandbox(;|$)/);
    assert.equal(servedPdf.headers['cache-control'], 'public, no-cache');
    assert.equal(servedPdf.headers.etag, `"${sha256(pdf)}"`);
    assert.ok((servedPdf.body as Buffer).equals(pdf));

    const servedPng = await request(t.app).get(pngUrl).buffer(true).parse(binaryParser).expect(200);
    assert.equal(servedPng.headers['content-type'], 'image/png');
    assert.match(servedPng.headers['content-disposition'], /^inline; filename="kaart\.png"; filename\*=UTF-8''kaart\.png$/);
    assert.doesNotMatch(servedPng.headers['content-security-policy'], /script-src|'unsafe-eval'/);
    assert.ok((servedPng.body as Buffer).equals(png));

    // Stored once each, named by the hash of their bytes, nothing left in the temporary folder.
    assert.deepEqual(storedFiles().sort(), [sha256(pdf), sha256(png)].sort());
    assert.deepEqual(tmpFiles(), []);
    // The editor shows them too, with a remove button.
    const editorPage = await editor.agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    assert.match(editorPage.text, /id="bijlagen"/);
    assert.match(editorPage.text, /Rapportage transitiebijeenkomst<\/a> \(pdf, 245 kB\)/);
    assert.match(editorPage.text, /\/bijlagen\/\d+\/verwijderen/);
    // A wrong file name in the URL leads to the right one.
    const id = /\/bijlagen\/(\d+)\//.exec(pdfUrl)![1];
    await request(t.app).get(`/bijlagen/${id}/iets-anders.html`).expect(301).expect('Location', pdfUrl);
  });

  it('stores the same bytes once; removing them from one article keeps them working for the other', async () => {
    const a = await buildArticle(t.db);
    const b = await buildArticle(t.db);
    const same = buildPdf(5000);
    await upload(editor.agent, a.id, same, 'notulen.pdf', { title: 'Notulen' }).expect(303);
    await upload(editor.agent, b.id, same, 'notulen-kopie.pdf', { title: 'Notulen (kopie)' }).expect(303);
    assert.equal(storedFiles().filter((f) => f === sha256(same)).length, 1);
    assert.equal((await t.db('files').where({ sha256: sha256(same) })).length, 1);
    const [linkA] = attachmentLinks((await request(t.app).get(articlePath(a)).expect(200)).text);
    const [linkB] = attachmentLinks((await request(t.app).get(articlePath(b)).expect(200)).text);
    assert.notEqual(linkA, linkB);

    const idA = /\/bijlagen\/(\d+)\//.exec(linkA)![1];
    await editor.agent
      .post(`/beheer/artikelen/${a.id}/bijlagen/${idA}/verwijderen`)
      .type('form')
      .send({ _csrf: editor.csrf })
      .expect(303)
      .expect('Location', `/beheer/artikelen/${a.id}#bijlagen`);
    assert.deepEqual(attachmentLinks((await request(t.app).get(articlePath(a)).expect(200)).text), []);
    await request(t.app).get(linkA).expect(404);
    const stillThere = await request(t.app).get(linkB).buffer(true).parse(binaryParser).expect(200);
    assert.ok((stillThere.body as Buffer).equals(same));
    assert.ok(storedFiles().includes(sha256(same)));

    // Removing it through another article's URL does nothing.
    const idB = /\/bijlagen\/(\d+)\//.exec(linkB)![1];
    await editor.agent.post(`/beheer/artikelen/${a.id}/bijlagen/${idB}/verwijderen`).type('form').send({ _csrf: editor.csrf }).expect(404);
    // The last use goes: so does the file.
    await editor.agent.post(`/beheer/artikelen/${b.id}/bijlagen/${idB}/verwijderen`).type('form').send({ _csrf: editor.csrf }).expect(303);
    assert.ok(!storedFiles().includes(sha256(same)));
    assert.equal((await t.db('files').where({ sha256: sha256(same) })).length, 0);
  });

  it('refuses a file of 20 MB + 1 byte with a Dutch message, keeping the title and storing nothing', async () => {
    const before = storedFiles();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    buildPdf().copy(big);
    const res = await upload(editor.agent, article.id, big, 'groot.pdf', { title: 'Heel groot rapport' });
    assert.equal(res.status, 413);
    assert.ok(res.text.includes(TOO_LARGE_MESSAGE), res.text.slice(0, 500));
    assert.match(res.text, /value="Heel groot rapport"/);
    assert.deepEqual(storedFiles(), before);
    assert.deepEqual(tmpFiles(), []);
    // Announced larger still: refused before it is read.
    const huge = await upload(editor.agent, article.id, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024 * 1024), 'enorm.pdf');
    assert.equal(huge.status, 413);
    assert.ok(huge.text.includes(TOO_LARGE_MESSAGE));
    assert.deepEqual(storedFiles(), before);
    // Exactly 20 MB is fine.
    const max = big.subarray(0, MAX_ATTACHMENT_BYTES);
    await upload(editor.agent, article.id, max, 'precies.pdf').expect(303);
    assert.ok(storedFiles().includes(sha256(max)));
  });

  it('refuses HTML and SVG named .pdf, whatever the browser says, storing nothing', async () => {
    const before = storedFiles();
    const count = (await t.db('article_attachments')).length;
    for (const [name, body] of [
      ['rapport.pdf', '<!doctype html><script>alert(1)</script>'],
      ['kaart.pdf', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['kaart.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ]) {
      const res = await upload(editor.agent, article.id, Buffer.from(body), name, { title: 'Mijn titel' });
      assert.ok([415, 422].includes(res.status), `${name}: ${res.status}`);
      assert.ok(res.text.includes(WRONG_TYPE_MESSAGE), name);
      assert.match(res.text, /value="Mijn titel"/);
    }
    assert.deepEqual(storedFiles(), before);
    assert.deepEqual(tmpFiles(), []);
    assert.equal((await t.db('article_attachments')).length, count);
  });

  it('refuses an upload without, or with a forged, CSRF token (403), and takes a query token nowhere else', async () => {
    const before = storedFiles();
    const count = (await t.db('article_attachments')).length;
    await upload(editor.agent, article.id, pdf, 'a.pdf', { csrf: null }).expect(403);
    await upload(editor.agent, article.id, pdf, 'a.pdf', { csrf: 'vals-token' }).expect(403);
    // A stranger's own valid token does not work with the editor's session.
    const other = await loginAs(t.app, t.db, 'chief');
    await upload(editor.agent, article.id, buildPdf(3000), 'a.pdf', { csrf: other.csrf }).expect(403);
    await editor.agent.post(`/beheer/artikelen/${article.id}/depubliceren?_csrf=${encodeURIComponent(editor.csrf)}`).expect(403);
    assert.deepEqual(storedFiles(), before);
    assert.equal((await t.db('article_attachments')).length, count);
    assert.equal((await t.db('articles').where({ id: article.id }).first()).status, 'published');
  });

  it('lets editors upload, not moderators (403), nor readers', async () => {
    const moderator = await loginAs(t.app, t.db, 'moderator');
    await upload(moderator.agent, article.id, buildPdf(4000), 'm.pdf', { csrf: moderator.csrf }).expect(403);
    await request(t.app).post(`/beheer/artikelen/${article.id}/bijlagen`).attach('bestand', buildPdf(4000), 'm.pdf').expect(403);
    assert.equal((await t.db('files').where({ sha256: sha256(buildPdf(4000)) })).length, 0);
  });

  it("hides an unpublished article's attachments from the public (404), not from its editors", async () => {
    const draft = await buildArticle(t.db, { status: 'draft', publishedAt: null });
    const file = buildPdf(6000);
    await upload(editor.agent, draft.id, file, 'concept.pdf', { title: 'Concept' }).expect(303);
    const row = await t.db('article_attachments').where({ article_id: draft.id }).first();
    const url = `/bijlagen/${row.id}/concept.pdf`;
    await request(t.app).get(url).expect(404);
    const own = await editor.agent.get(url).expect(200);
    assert.equal(own.headers['cache-control'], 'private, no-store');
    // And a published article taken back to concept.
    const [publicUrl] = attachmentLinks((await request(t.app).get(articlePath(article)).expect(200)).text);
    await editor.agent.post(`/beheer/artikelen/${article.id}/depubliceren`).type('form').send({ _csrf: editor.csrf }).expect(303);
    await request(t.app).get(publicUrl).expect(404);
  });
});

function binaryParser(res: request.Response, done: (err: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
