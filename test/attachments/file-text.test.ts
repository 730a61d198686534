// The text inside attached PDFs (issue 22): read once per stored file, in the background after the
// upload, kept plain in files.text for search; a scan has none, a broken or encrypted PDF is 'failed'
// and its upload stands; images are never read; what is still pending is read with progress; the
// editor sees per PDF whether its text is searchable. The tests wait for the queue, never a clock.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import pino from 'pino';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { loginAs, type Agent } from '../helpers/http';
import { pdfFromText } from '../helpers/pdf';
import { articlePath, type Article } from '../../server/articles/queries';
import { fileTextsIdle, readPendingFileTexts, stopFileTexts } from '../../server/attachments/file-text';
import { insertAttachment, lockFile } from '../../server/attachments/queries';
import * as fileText from '../../migrations/20261206130100_file_text';
import * as searchAttachments from '../../migrations/20261206150100_search_attachments';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A grey PNG of 16×16 pixels: what a scanner makes of a page, much smaller. */
function greyPng(): Buffer {
  const size = 16;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.from([0, ...Array.from({ length: size }, () => 0xc0)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A scanned letter: one A4 page that is only an image, without a text layer. */
function scannedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  doc.image(greyPng(), 0, 0, { width: 595, height: 842 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const BROKEN_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> kapot', 'latin1');

const LETTER = [
  'Gemeente Helmond',
  '',
  'Geachte leden van de raad,',
  '',
  'Het college heeft besloten de <i>speeltuin aan de Kasteellaan</i> in het voorjaar te vernieuwen.',
  'De bewoners van de Binnenstad-Oost zijn uitgenodigd voor een inloopavond op 12 maart.',
  '',
  'Hoogachtend,',
  'Burgemeester en wethouders van Helmond',
].join('\n');

interface LogLine {
  level: number;
  msg: string;
  sha256?: string;
  reason?: string;
}

describe('attachments: the text inside attached PDFs, read once for search', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let editor: { agent: Agent; csrf: string };
  let article: Article;
  const logged: LogLine[] = [];

  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bijlagetekst-'));
    t = await createTestApp({ uploadDir });
    // What the reading logs, at every level (the app's logger is silent in tests).
    t.deps.logger = pino({ level: 'debug' }, { write: (line: string) => void logged.push(JSON.parse(line) as LogLine) });
    editor = await loginAs(t.app, t.db, 'editor');
    article = await buildArticle(t.db, { title: 'Vernieuwing speeltuin Kasteellaan' });
  });
  after(async () => {
    await fileTextsIdle();
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = (articleId: number, file: Buffer, filename: string, title: string, type = 'application/pdf') =>
    editor.agent
      .post(`/beheer/artikelen/${articleId}/bijlagen?_csrf=${encodeURIComponent(editor.csrf)}`)
      .field('titel', title)
      .attach('bestand', file, { filename, contentType: type });
  const fileRow = async (bytes: Buffer): Promise<{ text: string | null; text_status: string }> =>
    t
      .db('files')
      .where({ sha256: sha256(bytes) })
      .first('text', 'text_status');
  /** The editor's line for an attachment: from its link to the end of its list item. */
  const editorLine = async (articleId: number, title: string): Promise<string> => {
    const html = (await editor.agent.get(`/beheer/artikelen/${articleId}`).expect(200)).text;
    const m = new RegExp(`<a href="/bijlagen/[^"]+">${title}</a>[^\\n]*`).exec(html);
    assert.ok(m, `${title} in the editor's list`);
    return m[0];
  };
  const reads = (bytes: Buffer) => logged.filter((l) => l.sha256 === sha256(bytes) && l.msg === 'read the text of an attached PDF').length;

  it('the migration marks stored images as having no text and stored PDFs as still to be read', async () => {
    // The search index's triggers read the columns: they go first and come back last, as a rollback would.
    await searchAttachments.down(t.db);
    await fileText.down(t.db);
    const now = new Date();
    await t.db('files').insert([
      { sha256: 'a'.repeat(64), media_type: 'application/pdf', size: 1000, created_at: now },
      { sha256: 'b'.repeat(64), media_type: 'image/png', size: 100, created_at: now },
    ]);
    await fileText.up(t.db);
    await searchAttachments.up(t.db);
    const rows = await t.db('files').orderBy('sha256').select('sha256', 'text', 'text_status');
    assert.deepEqual(
      rows.map((r: { text: string | null; text_status: string }) => [r.text_status, r.text]),
      [
        ['pending', null],
        ['none', ''],
      ],
    );
    await t.db('files').delete();
  });

  it('reads the text of an uploaded PDF after the upload, plain, and tells the editor it is searchable', async () => {
    const pdf = await pdfFromText(LETTER);
    const res = await upload(article.id, pdf, 'Brief speeltuin.pdf', 'Brief over de speeltuin');
    assert.equal(res.status, 303, res.text);
    await fileTextsIdle();

    const row = await fileRow(pdf);
    assert.equal(row.text_status, 'done');
    assert.match(String(row.text), /^Gemeente Helmond\n/);
    assert.ok(
      String(row.text).includes('Het college heeft besloten de speeltuin aan de Kasteellaan in het voorjaar te vernieuwen.'),
      row.text!,
    );
    assert.ok(String(row.text).includes('inloopavond op 12 maart'));
    // Plain text: no markup of the italics, no control characters.
    assert.doesNotMatch(String(row.text), /<\/?i>/);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    assert.doesNotMatch(String(row.text), /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    assert.equal(reads(pdf), 1);

    assert.match(
      await editorLine(article.id, 'Brief over de speeltuin'),
      /\(pdf, \d+ kB\) · <span class="status">Tekst doorzoekbaar<\/span>/,
    );
    // Readers see the attachment as before, without the note for editors.
    const page = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.match(page, /Brief over de speeltuin<\/a> \(pdf, \d+ kB\)/);
    assert.doesNotMatch(page, /doorzoekbaar/);
  });

  it('finds no text in a scan: "Geen tekst gevonden (scan?)"', async () => {
    const scan = await scannedPdf();
    await upload(article.id, scan, 'scan.pdf', 'Gescande brief').expect(303);
    await fileTextsIdle();
    assert.deepEqual(await fileRow(scan), { text: '', text_status: 'none' });
    assert.match(await editorLine(article.id, 'Gescande brief'), /<span class="status">Geen tekst gevonden \(scan\?\)<\/span>/);
  });

  it('keeps the upload of a broken or encrypted PDF, marks its text "niet te lezen" and logs why', async () => {
    const locked = await pdfFromText('Vertrouwelijke memo over de grondprijzen', { userPassword: 'geheim' });
    for (const [bytes, title, reason] of [
      [BROKEN_PDF, 'Kapotte bijlage', 'broken'],
      [locked, 'Beveiligde memo', 'encrypted'],
    ] as const) {
      const res = await upload(article.id, bytes, `${reason}.pdf`, title);
      assert.equal(res.status, 303, res.text);
      await fileTextsIdle();
      assert.deepEqual(await fileRow(bytes), { text: '', text_status: 'failed' });
      assert.ok(
        logged.some((l) => l.sha256 === sha256(bytes) && l.reason === reason && l.level === 40),
        `a warning with the reason ${reason}`,
      );
      // The attachment is there for the editor and for readers, as any other.
      const line = await editorLine(article.id, title);
      assert.match(line, /<span class="status">Tekst niet te lezen<\/span>/);
      const url = /href="(\/bijlagen\/[^"]+)"/.exec(line)![1];
      await request(t.app).get(url).expect(200);
    }
  });

  it('never reads an image, and shows no text note for it', async () => {
    const png = greyPng();
    await upload(article.id, png, 'kaart.png', 'Kaart van de speeltuin', 'image/png').expect(303);
    // Known to have no text from the moment it is stored: nothing to read, now or later.
    assert.deepEqual(await fileRow(png), { text: '', text_status: 'none' });
    await fileTextsIdle();
    assert.deepEqual(await fileRow(png), { text: '', text_status: 'none' });
    assert.equal(logged.filter((l) => l.sha256 === sha256(png)).length, 0);
    const line = await editorLine(article.id, 'Kaart van de speeltuin');
    assert.match(line, /\(png, \d+ bytes\)/);
    assert.doesNotMatch(line, /class="status"|Tekst/);
    assert.equal((await readPendingFileTexts({ db: t.db, uploadDir, logger: t.deps.logger })).total, 0);
  });

  it('reads the same PDF once, however many articles it is attached to', async () => {
    const pdf = await pdfFromText('Notulen van de raadsvergadering van 4 februari\n\nDe voorzitter opent de vergadering.');
    const [a, b, c] = [await buildArticle(t.db), await buildArticle(t.db), await buildArticle(t.db)];
    // Twice before it is read, and once after.
    await upload(a.id, pdf, 'notulen.pdf', 'Notulen').expect(303);
    await upload(b.id, pdf, 'notulen.pdf', 'Notulen (kopie)').expect(303);
    await fileTextsIdle();
    await upload(c.id, pdf, 'notulen.pdf', 'Notulen (nog een kopie)').expect(303);
    await fileTextsIdle();
    assert.equal(reads(pdf), 1);
    assert.equal((await t.db('files').where({ sha256: sha256(pdf) })).length, 1);
    assert.equal((await fileRow(pdf)).text_status, 'done');
    assert.match(await editorLine(c.id, 'Notulen \\(nog een kopie\\)'), /Tekst doorzoekbaar/);
  });

  it('reads every PDF still pending (stored by an import, or left by a stopped process), reporting progress', async () => {
    const target = await buildArticle(t.db, { title: 'Stukken uit het archief' });
    const motie = await pdfFromText('Motie: Meer bomen in Wyck\n\nDe raad verzoekt het college 200 bomen te planten.');
    const memo = await pdfFromText('Memo aan de raad\n\nOnderwerp: deelfietsen in de binnenstad');
    const files = [
      { bytes: motie, title: 'Motie bomen' },
      { bytes: BROKEN_PDF.subarray(0, 20), title: 'Half overgekomen' },
      { bytes: memo, title: 'Memo deelfietsen' },
    ];
    // Stored as the WordPress import stores them: no upload, nothing queued.
    let i = 0;
    for (const { bytes, title } of files) {
      fs.writeFileSync(path.join(uploadDir, sha256(bytes)), bytes);
      await t.db.transaction(async (trx) => {
        await lockFile(trx, { sha256: sha256(bytes), mediaType: 'application/pdf', size: bytes.length }, new Date(Date.now() + i++));
        await insertAttachment(trx, { articleId: target.id, sha256: sha256(bytes), title, originalName: `${title}.pdf` }, new Date());
      });
    }
    assert.match(await editorLine(target.id, 'Motie bomen'), /<span class="status">Tekst wordt gelezen…<\/span>/);

    const progress: Array<[number, number]> = [];
    const result = await readPendingFileTexts({ db: t.db, uploadDir, logger: t.deps.logger }, (done, total) =>
      progress.push([done, total]),
    );
    assert.deepEqual(progress, [
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    assert.deepEqual(result, { total: 3, done: 2, none: 0, failed: 1 });
    assert.match(String((await fileRow(motie)).text), /200 bomen te planten/);
    assert.match(String((await fileRow(memo)).text), /deelfietsen in de binnenstad/);
    assert.match(await editorLine(target.id, 'Motie bomen'), /Tekst doorzoekbaar/);
    assert.match(await editorLine(target.id, 'Half overgekomen'), /Tekst niet te lezen/);

    // Nothing left: a second run reads nothing.
    const again: Array<[number, number]> = [];
    assert.deepEqual(await readPendingFileTexts({ db: t.db, uploadDir, logger: t.deps.logger }, (d, n) => again.push([d, n])), {
      total: 0,
      done: 0,
      none: 0,
      failed: 0,
    });
    assert.deepEqual(again, [[0, 0]]);
    assert.equal(reads(motie), 1);
  });

  it('leaves what waits pending when the process stops, to be read at the next start', async () => {
    const target = await buildArticle(t.db, { title: 'Stukken bij het stoppen' });
    const pdf = await pdfFromText('Raadsinformatiebrief over de herinrichting van het Stationsplein');
    fs.writeFileSync(path.join(uploadDir, sha256(pdf)), pdf);
    await t.db.transaction(async (trx) => {
      await lockFile(trx, { sha256: sha256(pdf), mediaType: 'application/pdf', size: pdf.length }, new Date());
      await insertAttachment(
        trx,
        { articleId: target.id, sha256: sha256(pdf), title: 'RIB Stationsplein', originalName: 'rib.pdf' },
        new Date(),
      );
    });
    const ctx = { db: t.db, uploadDir, logger: t.deps.logger };
    // Maintenance starts reading, and the process is asked to stop straight away.
    const reading = readPendingFileTexts(ctx);
    await stopFileTexts();
    assert.deepEqual(await reading, { total: 1, done: 0, none: 0, failed: 0 });
    assert.deepEqual(await fileRow(pdf), { text: null, text_status: 'pending' });
    // The next start reads it.
    assert.deepEqual(await readPendingFileTexts(ctx), { total: 1, done: 1, none: 0, failed: 0 });
    assert.match(await editorLine(target.id, 'RIB Stationsplein'), /Tekst doorzoekbaar/);
  });
});
