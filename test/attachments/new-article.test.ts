// Attachments on a new article before its first save (issue 23): the new article's form is multipart;
// a file chosen there is checked as any upload, waits as the editor's pending upload through every
// preview and error ("al gekozen", ticked), and becomes an attachment with the first save.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, loginAs, type Agent } from '../helpers/http';
import { pdfFromText } from '../helpers/pdf';
import { createDossier, dossierIdsOfArticle } from '../../server/dossiers/queries';
import { tagsOfArticle } from '../../server/tags/queries';
import { MAX_ATTACHMENT_BYTES } from '../../server/attachments/upload';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('attachments on a new article, before its first save', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let editor: { agent: Agent; csrf: string };
  let pdf: Buffer;
  let dossier: number;

  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-new-attach-'));
    t = await createTestApp({ uploadDir });
    editor = await loginAs(t.app, t.db, 'chief');
    pdf = await pdfFromText('Raadsbrief over de weekmarkt.\nDe markt verhuist naar het Stationsplein.');
    dossier = (
      await createDossier(t.db, { title: 'Weekmarkt', slug: 'weekmarkt', introMarkdown: 'De markt.', participants: '' }, new Date())
    ).id;
  });
  after(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  type File = { bytes: Buffer; name: string; type?: string };
  /** The new article's form as a browser sends it: multipart, the token in the query string (and in the form). */
  const send = (fields: Record<string, string | string[]>, file?: File, who = editor) => {
    let req = who.agent.post(`/beheer/artikelen?_csrf=${encodeURIComponent(who.csrf)}`);
    const all: Record<string, string | string[]> = { ...ARTICLE_FORM, _csrf: who.csrf, soort: 'nieuws', ...fields };
    for (const [name, value] of Object.entries(all)) for (const v of Array.isArray(value) ? value : [value]) req = req.field(name, v);
    return file
      ? req.attach('bijlage_bestand', file.bytes, { filename: file.name, contentType: file.type ?? 'application/pdf' })
      : req.attach('bijlage_bestand', Buffer.alloc(0), { filename: '', contentType: 'application/octet-stream' });
  };
  const chosen = (html: string) => [...html.matchAll(/name="bijlage" type="checkbox" value="([0-9a-f]{32})"( checked)?/g)];
  const articleCount = async () => Number((await t.db('articles').count({ n: '*' }).first())!.n);
  const filesIn = (dir: string) => (fs.existsSync(path.join(uploadDir, dir)) ? fs.readdirSync(path.join(uploadDir, dir)) : []);

  it('offers a file field in the new article form, which is multipart with the token in its action', async () => {
    const page = await editor.agent.get('/beheer/artikelen/nieuw').expect(200);
    assert.match(page.text, /<form method="post" action="\/beheer\/artikelen\?_csrf=[^"]+"\s+enctype="multipart\/form-data"/);
    assert.match(page.text, /<legend>Bijlagen<\/legend>/);
    assert.match(page.text, /<label for="bijlage_bestand">Bestand toevoegen<\/label>/);
    assert.match(page.text, /<input type="file" id="bijlage_bestand" name="bijlage_bestand"/);
    // An existing article's form stays as it was: its attachments have their own form.
    const saved = await editor.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ ...ARTICLE_FORM, _csrf: editor.csrf, soort: 'nieuws', titel: 'Zonder bijlage', tekst: 'Tekst.' })
      .expect(303);
    const edit = await editor.agent.get(saved.headers.location).expect(200);
    assert.doesNotMatch(edit.text, /id="bijlage_bestand"/);
    assert.match(edit.text, /Dit artikel heeft nog geen bijlagen\./);
  });

  it('saves a new article with its attachment, its tags and dossier in the first save', async () => {
    const before = await articleCount();
    const res = await send(
      {
        titel: 'De weekmarkt verhuist',
        tekst: 'De markt gaat naar het Stationsplein.',
        tags: 'markt',
        dossiers_gekozen: 'ja',
        dossier: String(dossier),
      },
      { bytes: pdf, name: 'Raadsbrief weekmarkt.pdf' },
    );
    assert.equal(res.status, 303, res.text.slice(0, 1500));
    assert.equal(await articleCount(), before + 1);
    const page = await editor.agent.get(res.headers.location).expect(200);
    assert.match(page.text, /Artikel opgeslagen en gepubliceerd\. Bijlage „Raadsbrief weekmarkt” toegevoegd\./);
    assert.match(page.text, /Raadsbrief weekmarkt<\/a> \(pdf, \d+ kB\)/);
    const id = Number(/\/beheer\/artikelen\/(\d+)/.exec(res.headers.location)![1]);
    assert.deepEqual(await dossierIdsOfArticle(t.db, id), [dossier]);
    assert.deepEqual(
      (await tagsOfArticle(t.db, id)).map((tag) => tag.name),
      ['markt'],
    );
    // Stored by the hash of its bytes, as any attachment; nothing waits any more.
    assert.ok(fs.existsSync(path.join(uploadDir, sha256(pdf))));
    assert.deepEqual(filesIn('.pending'), []);
    assert.deepEqual(filesIn('.tmp'), []);
    const rows = await t.db('article_attachments').where({ article_id: id });
    assert.equal(rows.length, 1);
  });

  it('keeps the chosen file through a preview and a form with an error, and attaches only what stays ticked', async () => {
    const before = await articleCount();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const preview = await send(
      { titel: 'Nieuwe stalling', tekst: 'Er komt een stalling.', actie: 'voorbeeld' },
      { bytes: pdf, name: 'Plan.pdf' },
    );
    assert.equal(preview.status, 200, preview.text.slice(0, 1500));
    assert.match(preview.text, /Al gekozen: „Plan” \(pdf, \d+ kB\) als bijlage bewaren/);
    const [plan] = chosen(preview.text);
    assert.ok(plan?.[2], 'the chosen file is ticked');
    assert.equal(await articleCount(), before);

    // An error in the form (no title): the chosen file, a second one and the text are all kept, nothing is saved.
    const invalid = await send(
      { titel: '', tekst: 'Er komt een stalling.', bijlagen_aangeboden: plan[1], bijlage: plan[1] },
      { bytes: png, name: 'kaart.png', type: 'image/png' },
    );
    assert.equal(invalid.status, 422);
    assert.match(invalid.text, /Er komt een stalling\./);
    assert.match(invalid.text, /Al gekozen: „Plan”/);
    assert.match(invalid.text, /Al gekozen: „kaart” \(png, /);
    assert.match(invalid.text, /<label for="bijlage_bestand">Nog een bestand toevoegen<\/label>/);
    const both = chosen(invalid.text);
    assert.equal(both.length, 2);
    assert.ok(
      both.every((m) => m[2]),
      'both are ticked',
    );
    assert.equal(await articleCount(), before);

    // Unticked "kaart": offered, not attached.
    const kaart = both.find((m) => m[1] !== plan[1])![1];
    const saved = await send({
      titel: 'Nieuwe stalling',
      tekst: 'Er komt een stalling.',
      bijlagen_aangeboden: [plan[1], kaart],
      bijlage: plan[1],
    });
    assert.equal(saved.status, 303, saved.text.slice(0, 1500));
    const page = await editor.agent.get(saved.headers.location).expect(200);
    assert.match(page.text, /Plan<\/a> \(pdf, /);
    assert.doesNotMatch(page.text, /kaart<\/a>/);
  });

  it('refuses a file that is no PDF or image, or too large, keeping the text and saving nothing', async () => {
    const before = await articleCount();
    const html = await send(
      { titel: 'Met een webpagina', tekst: 'Mijn getypte tekst.' },
      { bytes: Buffer.from('<html><script>alert(1)</script>'), name: 'brief.pdf' },
    );
    assert.equal(html.status, 422);
    assert.match(html.text, /Het artikel is nog niet opgeslagen/);
    assert.match(
      html.text,
      /<a href="#bijlage_bestand">Alleen pdf-bestanden en afbeeldingen \(png, jpg, gif, webp\) kunnen als bijlage\. Kies een ander bestand, of geen\.<\/a>/,
    );
    assert.match(html.text, /Mijn getypte tekst\./);
    assert.match(html.text, /name="titel"[^>]*value="Met een webpagina"/);
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - pdf.length)]);
    const tooLarge = await send({ titel: 'Met een groot bestand', tekst: 'Nog een getypte tekst.' }, { bytes: big, name: 'groot.pdf' });
    assert.equal(tooLarge.status, 422);
    assert.match(tooLarge.text, /Dit bestand is groter dan 20 MB\./);
    assert.match(tooLarge.text, /Nog een getypte tekst\./);
    assert.equal(await articleCount(), before);
    assert.deepEqual(filesIn('.tmp'), []);
  });

  it("cannot attach another editor's pending file, nor a forged token, nor without the CSRF token", async () => {
    const mine = await send({ titel: 'Concept', tekst: 'Tekst.', actie: 'voorbeeld' }, { bytes: pdf, name: 'Geheim.pdf' });
    const token = chosen(mine.text)[0][1];
    const other = await loginAs(t.app, t.db, 'chief');
    const forged = 'a'.repeat(32);
    const stolen = await send(
      { titel: 'Met andermans bijlage', tekst: 'Tekst.', bijlagen_aangeboden: [token, forged], bijlage: [token, forged] },
      undefined,
      other,
    );
    assert.equal(stolen.status, 303);
    const page = await other.agent.get(stolen.headers.location).expect(200);
    assert.match(page.text, /2 gekozen bijlagen zijn niet bewaard: ze zijn er niet meer/);
    assert.match(page.text, /Dit artikel heeft nog geen bijlagen\./);
    // Not shown to the other editor either, before the save.
    const shown = await send({ titel: '', tekst: 'Tekst.', bijlagen_aangeboden: token, bijlage: token }, undefined, other);
    assert.equal(shown.status, 422);
    assert.doesNotMatch(shown.text, /Geheim/);
    // The editor's own file still waits for the editor.
    assert.ok(filesIn('.pending').includes(token));
    const noToken = await editor.agent
      .post('/beheer/artikelen')
      .field('_csrf', editor.csrf)
      .field('titel', 'Zonder token in de query')
      .attach('bijlage_bestand', pdf, { filename: 'x.pdf', contentType: 'application/pdf' });
    assert.equal(noToken.status, 403);
  });
});
