// The real-PDF path end to end: the PDF of seed 002 (written questions of PvdA, D66 and Lokaal sterk
// with the college's answers) as a municipality sends it, with a two-column letterhead (labels in
// capitals above their values beside the address), is uploaded, reviewed, corrected and recognised
// again, with the PDF offered all along (ticked or not, through a form with an error), and saved:
// the public page shows the 7 questions each with its answer, and the PDF as the source attachment.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginAs, type Agent } from '../helpers/http';
import { formBody, formFields } from '../helpers/form';
import { pdfFromText, type Placed } from '../helpers/pdf';
import { articlePath, findArticleById } from '../../server/articles/queries';
import { fileTextsIdle } from '../../server/attachments/file-text';

const SEED = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'documents', 'seeds', '002_3e7e3dd9611e8dcd.txt'), 'utf8');

/** Lines of text at x, 12 points apart from y down. */
const column = (x: number, y: number, lines: string[], font?: Placed['font']): Placed[] =>
  lines.map((text, i) => ({ text, x, y: y + i * 12, font }));

/** Seed 002 as a PDF: its header table set as a two-column letterhead, the letter and the answers below it. */
function seedPdf(): Promise<Buffer> {
  const letter = SEED.split('\n')
    .filter((l) => !l.startsWith('<b>'))
    .join('\n')
    .replace(/^\n+/, '');
  const letterhead: Placed[] = [
    { text: 'PvdA, D66 en Lokaal sterk Helmond', x: 60, y: 50, font: 'bold', size: 14 },
    ...column(60, 130, ['Aan het college van burgemeester en wethouders', 'Postbus 950', '5700 AZ Helmond']),
    ...column(380, 130, ['ONDERWERP'], 'bold'),
    ...column(380, 142, ['Doorontwikkeling gebiedsgericht werken en', 'integrale toegang in het sociaal domein']),
    ...column(380, 172, ['DATUM'], 'bold'),
    ...column(380, 184, ['8 december 2017']),
    ...column(380, 202, ['PARTIJ'], 'bold'),
    ...column(380, 214, ['PvdA, D66 en Lokaal sterk']),
    ...column(380, 232, ['INGEKOMEN BRIEF GRIFFIE'], 'bold'),
    ...column(380, 244, ['8 december 2017']),
    ...column(380, 262, ['ANTWOORD COLLEGE'], 'bold'),
    ...column(380, 274, ['12 december 2017']),
  ];
  return pdfFromText(letter, { firstPage: { placed: letterhead, top: 310 } });
}

describe('the real-PDF path: upload, review, save, the public page', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let editor: { agent: Agent; csrf: string };
  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-pdf-review-'));
    t = await createTestApp({ uploadDir });
    editor = await loginAs(t.app, t.db, 'chief');
  });
  after(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const send = (html: string, changes: Record<string, string>) =>
    editor.agent
      .post('/beheer/artikelen')
      .type('form')
      .send(formBody(formFields(html), changes));
  const offered = (html: string) => /<input type="hidden" name="bron_pdf" value="([0-9a-f]{32})">/.exec(html)?.[1];
  const ticked = (html: string) => /name="bronbestand" type="checkbox" value="[0-9a-f]{32}" checked/.test(html);
  const lineOf = (html: string, text: string) => {
    const m = new RegExp(`<span class="line-number">(\\d+)</span> ${text}`).exec(html);
    assert.ok(m, `line ${text}`);
    return Number(m[1]) - 1;
  };

  it('goes from the PDF through the review to a published page with 7 answered questions and the PDF attached', async () => {
    const pdf = await seedPdf();
    const first = await editor.agent
      .post(`/beheer/artikelen/importeren?_csrf=${encodeURIComponent(editor.csrf)}`)
      .field('tekst', '')
      .attach('pdf', pdf, { filename: 'Schriftelijke vragen gebiedsteams Helmond.pdf', contentType: 'application/pdf' });
    assert.equal(first.status, 200, first.text.slice(0, 2000));
    assert.match(first.text, /7 vragen, waarvan 7 met antwoord\./);
    assert.match(
      first.text,
      /<dt><a href="#doc__schriftelijke-vragen__ingekomen">Ingekomen bij de griffie<\/a><\/dt><dd>8 december 2017<\/dd>/,
    );
    assert.match(first.text, /<dt><a href="#doc__schriftelijke-vragen__datum_antwoord">[^<]+<\/a><\/dt><dd>12 december 2017<\/dd>/);
    const token = offered(first.text);
    assert.ok(token && ticked(first.text));

    // The review: the editor makes the first paragraph a heading and recognises again; the PDF stays offered and ticked.
    const aanstaande = lineOf(first.text, 'Aanstaande maandag presenteert');
    const corrected = await send(first.text, { [`rol_${aanstaande}`]: 'heading', actie: 'herkennen' });
    assert.equal(corrected.status, 200);
    assert.match(corrected.text, /1 correctie toegepast/);
    assert.equal(offered(corrected.text), token);
    assert.ok(ticked(corrected.text));
    // Unticked, then recognised again: still offered, still unticked (the editor's choice, not lost).
    const unticked = await send(corrected.text.replace(/(name="bronbestand" type="checkbox" value="[0-9a-f]{32}") checked/, '$1'), {
      actie: 'herkennen',
    });
    assert.equal(offered(unticked.text), token);
    assert.ok(!ticked(unticked.text));
    // Ticked again, published, but the title left empty: the form comes back with the PDF, the review and the correction.
    const invalid = await send(unticked.text, { bronbestand: token, status: 'published', titel: '', actie: 'opslaan' });
    assert.equal(invalid.status, 422);
    assert.ok(ticked(invalid.text));
    assert.match(invalid.text, /Wat we herkenden/);
    assert.match(invalid.text, new RegExp(`id="rol_${aanstaande}"[\\s\\S]*?<option value="heading" selected>`));

    const saved = await send(invalid.text, { titel: 'Vragen over de gebiedsteams', actie: 'opslaan' });
    assert.equal(saved.status, 303, saved.text.slice(0, 2000));
    const id = Number(/(\d+)$/.exec(saved.headers.location)![1]);
    const editorPage = await editor.agent.get(saved.headers.location).expect(200);
    assert.match(editorPage.text, /De pdf „Schriftelijke vragen gebiedsteams Helmond” is als bijlage bij het artikel bewaard\./);

    const article = (await findArticleById(t.db, id))!;
    assert.equal(article.status, 'published');
    const page = (await request(t.app).get(articlePath(article)).expect(200)).text;
    for (let n = 1; n <= 7; n++) assert.match(page, new RegExp(`<div class="answer" id="antwoord-${n}">`), `answer ${n}`);
    assert.doesNotMatch(page, /Nog niet beantwoord/);
    assert.match(page, /id="antwoord-1">[\s\S]*?Die keuze is alleen gemaakt voor het komend jaar/);
    assert.match(page, /id="antwoord-7">[\s\S]*?Bijzondere Bijstand, Minimaregelingen en Schuldienstverlening/);
    assert.match(page, /<h2[^>]*>Aanstaande maandag presenteert/);
    assert.match(
      page,
      /<section class="attachments"[\s\S]*?<a href="[^"]+">Schriftelijke vragen gebiedsteams Helmond<\/a> \(pdf, \d+ kB\)/,
    );
    // The text read from the PDF and the correction are kept with the article.
    const source = await t.db('document_sources').where({ article_id: id }).first();
    assert.match(String(source.source_text), /^PvdA, D66 en Lokaal sterk Helmond\n/);
    assert.deepEqual(JSON.parse(String(source.corrections)), [{ line: aanstaande, role: 'heading' }]);

    // The attached PDF's text is read once more in the background, plain, for search.
    await fileTextsIdle();
    const file = await t
      .db('files as f')
      .join('article_attachments as a', 'a.file_sha256', 'f.sha256')
      .where('a.article_id', id)
      .first('f.*');
    assert.equal(file.text_status, 'done');
    assert.ok(String(file.text).includes('Die keuze is alleen gemaakt voor het komend jaar'), String(file.text));
    assert.doesNotMatch(String(file.text), /<\/?i>/);
    assert.match((await editor.agent.get(saved.headers.location).expect(200)).text, /<span class="status">Tekst doorzoekbaar<\/span>/);
  });
});
