// "Document importeren" with a PDF: the editor chooses the PDF the municipality sent; its text is
// recognised as a paste is, the PDF waits until the article is saved and then becomes its
// attachment. Every refusal is a Dutch 4xx with what was pasted kept, and leaves no file behind.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, loginAs, type Agent } from '../helpers/http';
import { pdfFromText } from '../helpers/pdf';
import { MAX_ATTACHMENT_BYTES } from '../../server/attachments/upload';
import { purgePending } from '../../server/attachments/pending';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'documents');
const IMPORT = '/beheer/artikelen/importeren';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('Document importeren with a PDF', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let editor: { agent: Agent; csrf: string };
  let questions: Buffer;

  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-pdf-import-'));
    t = await createTestApp({ uploadDir });
    editor = await loginAs(t.app, t.db, 'chief');
    questions = await pdfFromText(fs.readFileSync(path.join(FIXTURES, 'vragen-3.txt'), 'utf8'));
  });
  after(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  /** The import form as a browser sends it: multipart, the token in the query string. */
  const post = (fields: { tekst?: string; pdf?: { bytes: Buffer; name: string; type?: string } }, agent = editor) => {
    const req = agent.agent.post(`${IMPORT}?_csrf=${encodeURIComponent(agent.csrf)}`).field('tekst', fields.tekst ?? '');
    return fields.pdf
      ? req.attach('pdf', fields.pdf.bytes, { filename: fields.pdf.name, contentType: fields.pdf.type ?? 'application/pdf' })
      : req.attach('pdf', Buffer.alloc(0), { filename: '', contentType: 'application/octet-stream' });
  };
  const filesIn = (dir: string) => (fs.existsSync(path.join(uploadDir, dir)) ? fs.readdirSync(path.join(uploadDir, dir)) : []);
  const articleCount = async () => Number((await t.db('articles').count({ n: '*' }).first())!.n);
  const textarea = (html: string) => /<textarea id="tekst"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];
  const token = (html: string) => /name="bronbestand" type="checkbox" value="([0-9a-f]{32})" checked/.exec(html)?.[1];

  it('offers a PDF beside the text, in a multipart form', async () => {
    const page = await editor.agent.get(IMPORT).expect(200);
    assert.match(page.text, /enctype="multipart\/form-data"/);
    assert.match(page.text, /action="\/beheer\/artikelen\/importeren\?_csrf=[^"]+"/);
    assert.match(page.text, /<input type="file" id="pdf" name="pdf" accept="\.pdf,application\/pdf"/);
    assert.match(page.text, /<label for="tekst">Of: de tekst van het document<\/label>/);
  });

  it('recognises the PDF as its text, offers to keep it, and attaches it when the article is saved', async () => {
    const res = await post({ pdf: { bytes: questions, name: 'Schriftelijke vragen overlast studentenhuizen.pdf' } });
    assert.equal(res.status, 200, res.text.slice(0, 2000));
    assert.match(res.text, /Het document is herkend/);
    assert.match(res.text, /<option value="schriftelijke-vragen" selected>/);
    assert.match(res.text, /name="titel"[^>]*value="Schriftelijke vragen: Overlast studentenhuizen"/);
    assert.match(res.text, /In 2017 ontvingen wij 143 meldingen\./);
    assert.match(res.text, /De pdf „Schriftelijke vragen overlast studentenhuizen” \(pdf, \d+ kB\) als bijlage bij dit artikel bewaren/);
    const kept = token(res.text);
    assert.ok(kept, 'the editor form carries the pending PDF');
    // Nothing saved yet; the PDF waits outside the attachments, nothing left in the temporary folder.
    assert.equal(await articleCount(), 0);
    assert.deepEqual(filesIn('.pending').sort(), [kept, `${kept}.json`].sort());
    assert.deepEqual(filesIn('.tmp'), []);

    // A preview and a form with an error keep offering it.
    const form = { ...ARTICLE_FORM, _csrf: editor.csrf, soort: 'nieuws', tekst: 'De vragen en de antwoorden.', bronbestand: kept };
    const preview = await editor.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ ...form, titel: 'Overlast', actie: 'voorbeeld' });
    assert.equal(preview.status, 200);
    assert.equal(token(preview.text), kept);
    const invalid = await editor.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ ...form, titel: '' });
    assert.equal(invalid.status, 422);
    assert.equal(token(invalid.text), kept);

    const saved = await editor.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ ...form, titel: 'Overlast studentenhuizen' })
      .expect(303);
    const page = await editor.agent.get(saved.headers.location).expect(200);
    assert.match(page.text, /De pdf „Schriftelijke vragen overlast studentenhuizen” is als bijlage bij het artikel bewaard\./);
    assert.match(page.text, /Schriftelijke vragen overlast studentenhuizen<\/a> \(pdf, \d+ kB\)/);
    // Stored as any attachment, by the hash of its bytes; the waiting copy is gone.
    assert.ok(fs.existsSync(path.join(uploadDir, sha256(questions))));
    assert.deepEqual(filesIn('.pending'), []);
    assert.equal((await t.db('article_attachments')).length, 1);
  });

  it('saves no attachment when the box is not ticked, and says so when the PDF is gone', async () => {
    const first = await post({ pdf: { bytes: questions, name: 'vragen.pdf' } }).expect(200);
    const form = { ...ARTICLE_FORM, _csrf: editor.csrf, soort: 'nieuws', tekst: 'Tekst.', titel: 'Zonder bijlage' };
    const before = (await t.db('article_attachments')).length;
    await editor.agent.post('/beheer/artikelen').type('form').send(form).expect(303);
    assert.equal((await t.db('article_attachments')).length, before);
    // Another editor cannot use this one's PDF; after a day it is gone for everyone.
    const other = await loginAs(t.app, t.db, 'chief');
    const stolen = await other.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ ...form, _csrf: other.csrf, titel: 'Met andermans pdf', bronbestand: token(first.text) })
      .expect(303);
    const page = await other.agent.get(stolen.headers.location).expect(200);
    assert.match(page.text, /De pdf is niet als bijlage bewaard: hij is er niet meer/);
    assert.equal((await t.db('article_attachments')).length, before);
    t.setNow(new Date(Date.now() + 25 * 60 * 60 * 1000));
    try {
      const late = await editor.agent
        .post('/beheer/artikelen')
        .type('form')
        .send({ ...form, titel: 'Te laat', bronbestand: token(first.text) })
        .expect(303);
      assert.match((await editor.agent.get(late.headers.location)).text, /De pdf is niet als bijlage bewaard/);
    } finally {
      t.setNow(undefined);
    }
    // The maintenance job removes what waited more than a day, not what is younger.
    assert.equal(await purgePending(uploadDir, new Date(Date.now() + 60 * 60 * 1000)), 0);
    assert.ok(filesIn('.pending').length > 0);
    assert.ok((await purgePending(uploadDir, new Date(Date.now() + 25 * 60 * 60 * 1000))) > 0);
    assert.deepEqual(filesIn('.pending'), []);
  });

  it('reads a pasted text from the multipart form as before', async () => {
    const res = await post({ tekst: 'Motie: Meer bomen in Wyck\nverzoekt het college bomen te planten.\nAangenomen' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<option value="motie" selected>/);
    assert.doesNotMatch(res.text, /name="bronbestand"/);
    const empty = await post({ tekst: '  ' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Vul de tekst in/);
  });

  describe('refusals: a Dutch 4xx, what was pasted kept, no file left behind', () => {
    const pasted = 'Mijn geplakte tekst, die niet verloren mag gaan.';
    const assertRefused = (res: { status: number; text: string }, status: number, message: RegExp, kept: string) => {
      assert.equal(res.status, status, res.text.slice(0, 1500));
      assert.match(res.text, /class="error-summary"/);
      assert.match(res.text, message);
      assert.match(res.text, /<p class="field-error" id="fout-pdf">/);
      assert.equal(textarea(res.text), kept);
      assert.doesNotMatch(res.text, /Het document is herkend/);
    };
    let pendingBefore: string[];
    beforeEach(() => {
      pendingBefore = filesIn('.pending');
    });
    afterEach(() => {
      assert.deepEqual(filesIn('.pending'), pendingBefore);
      assert.deepEqual(filesIn('.tmp'), []);
    });

    it('refuses a file that is not a PDF, whatever its name says', async () => {
      const res = await post({ tekst: pasted, pdf: { bytes: Buffer.from('<!doctype html><p>Geen pdf'), name: 'brief.pdf' } });
      assertRefused(res, 415, /Dit bestand is geen pdf\. Kies het pdf-bestand van het document\./, pasted);
    });

    it('refuses a PDF and a pasted text together, keeping the text', async () => {
      const res = await post({ tekst: pasted, pdf: { bytes: questions, name: 'vragen.pdf' } });
      assertRefused(res, 422, /Kies een pdf óf plak de tekst, niet allebei/, pasted);
    });

    it('refuses a broken PDF and one with a password', async () => {
      const broken = await post({ pdf: { bytes: Buffer.from('%PDF-1.7\n1 0 obj << kapot', 'latin1'), name: 'kapot.pdf' } });
      assertRefused(broken, 422, /Deze pdf is beschadigd: het bestand is niet te openen\./, '');
      const locked = await pdfFromText('Geheime memo', { userPassword: 'geheim' });
      assertRefused(await post({ pdf: { bytes: locked, name: 'geheim.pdf' } }), 422, /met een wachtwoord beveiligd/, '');
    });

    it('refuses a PDF over 20 MB, keeping the text', async () => {
      const articles = await articleCount();
      const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
      questions.copy(big);
      const res = await post({ tekst: pasted, pdf: { bytes: big, name: 'groot.pdf' } });
      assertRefused(res, 413, /Deze pdf is groter dan 20 MB/, pasted);
      assert.equal(await articleCount(), articles);
    });
  });
});
