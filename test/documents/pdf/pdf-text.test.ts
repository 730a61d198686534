// PDF in: PDFs made here with pdfkit from the paste-import's fixtures (and a letter with a two-column
// letterhead, a running header and page numbers) are read by pdfText (PDF.js in a worker) and
// recognised as their text versions are; a PDF that cannot be read is refused with a Dutch message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument, type ParsedDocument } from '../../../server/documents/parse';
import { pdfPlainText, pdfText, PdfTextError, type PdfRefusal } from '../../../server/documents/pdf-text';
import { pdfFromPlaced, pdfFromText, type Placed } from '../../helpers/pdf';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'documents');

/** What the recognition finds, apart from the body (whose line breaks a PDF may set differently). */
const recognised = (doc: ParsedDocument) => ({ type: doc.type, fields: doc.fields, questions: doc.questions });

async function refusalOf(promise: Promise<unknown>): Promise<PdfTextError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof PdfTextError, String(err));
    return err;
  }
  assert.fail('the PDF was read');
}

/** Lines of text at x, 12 points apart from y down. */
const column = (x: number, y: number, lines: string[], font?: Placed['font']): Placed[] =>
  lines.map((text, i) => ({ text, x, y: y + i * 12, font }));

describe('PDF in: the text of a PDF as the paste-import reads it', function () {
  this.timeout(60_000);

  for (const file of fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    it(`recognises the PDF of ${file} as its text`, async () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const fromPdf = await pdfText(await pdfFromText(text));
      assert.deepEqual(recognised(parseDocument(fromPdf)), recognised(parseDocument(text)), fromPdf);
    });
  }

  it('reads a letter of three pages with a running header and page numbers as one text without them', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'brief-1.txt'), 'utf8');
    const pdf = await pdfFromText(text, { linesPerPage: 12, header: 'Gemeente Maastricht, kenmerk 2015.08141', pageNumbers: true });
    const fromPdf = await pdfText(pdf);
    assert.doesNotMatch(fromPdf, /kenmerk 2015\.08141|Pagina \d van 3/);
    assert.match(fromPdf, /^Gemeente Maastricht\n/);
    assert.deepEqual(recognised(parseDocument(fromPdf)), recognised(parseDocument(text)), fromPdf);
  });

  it('reads a two-column letterhead as blocks: the labels with their values, the address, then the letter', async () => {
    const letterhead = [
      { text: 'Gemeente Maastricht', x: 60, y: 50, font: 'bold', size: 14 },
      ...column(60, 130, ['Aan de leden van de gemeenteraad', 'Postbus 1992', '6201 BZ Maastricht']),
      ...column(380, 130, ['ONDERWERP'], 'bold'),
      ...column(380, 142, ['Gezamenlijke uitvoeringsorganisatie', 'sociale diensten Maastricht-Heuvelland']),
      ...column(380, 172, ['DATUM'], 'bold'),
      ...column(380, 184, ['5 maart 2015']),
      ...column(380, 202, ['ONZE REFERENTIE'], 'bold'),
      ...column(380, 214, ['2015.08141']),
      ...column(380, 232, ['DOORKIESNUMMER'], 'bold'),
      ...column(380, 244, ['14043']),
      // The letter begins beside the letterhead, narrower, and goes on below it across the page.
      ...column(60, 200, ['Geachte leden van de raad,']),
      ...column(60, 224, [
        'Begin 2014 is uw raad geïnformeerd over een',
        'onderzoek naar een gezamenlijke uitvoerings-',
        'organisatie voor de sociale diensten.',
      ]),
      ...column(60, 280, [
        'Het bedrijfsplan is eind februari 2015 opgeleverd en dient als basis voor het besluitvormingsproces. Vanwege',
        'deze mijlpaal worden alle bestuurlijke gremia inhoudelijk geïnformeerd.',
      ]),
      ...column(60, 320, ['Hoogachtend,', 'Burgemeester en wethouders van Maastricht,']),
    ] satisfies Placed[];
    const fromPdf = await pdfText(await pdfFromPlaced([letterhead]));
    assert.ok(
      fromPdf.includes(
        'ONDERWERP\nGezamenlijke uitvoeringsorganisatie\nsociale diensten Maastricht-Heuvelland\n\nDATUM\n5 maart 2015\n\nONZE REFERENTIE\n2015.08141',
      ),
      fromPdf,
    );
    assert.ok(
      fromPdf.includes('Aan de leden van de gemeenteraad\nPostbus 1992\n6201 BZ Maastricht\n\nGeachte leden van de raad,'),
      fromPdf,
    );
    assert.ok(fromPdf.indexOf('ONDERWERP') < fromPdf.indexOf('Geachte'), fromPdf);
    const doc = parseDocument(fromPdf);
    assert.equal(doc.type, 'brief');
    assert.equal(doc.fields.onderwerp, 'Gezamenlijke uitvoeringsorganisatie sociale diensten Maastricht-Heuvelland');
    assert.equal(doc.fields.datum, '2015-03-05');
    assert.equal(doc.fields.kenmerk, '2015.08141');
  });

  it('keeps the italics of the college’s answers, so each question gets its own answer', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'vragen-3.txt'), 'utf8');
    const pdf = await pdfFromText(text);
    const fromPdf = await pdfText(pdf);
    assert.match(fromPdf, /<i>In 2017 ontvingen wij 143 meldingen\.<\/i>/);
    // Plain, as search keeps an attachment's text: the same lines without the markup.
    assert.equal(await pdfPlainText(pdf), fromPdf.replace(/<\/?i>/g, ''));
    const doc = parseDocument(fromPdf);
    assert.deepEqual(
      doc.questions.map((q) => q.answer),
      parseDocument(text).questions.map((q) => q.answer),
    );
    assert.ok(doc.questions.every((q) => q.answer));
  });

  describe('refusals, each with a Dutch message', () => {
    const expectRefusal = async (promise: Promise<unknown>, reason: PdfRefusal, message: RegExp) => {
      const err = await refusalOf(promise);
      assert.equal(err.reason, reason);
      assert.match(err.message, message);
    };

    it('refuses a file that is not a PDF, and one that is larger than the limit', async () => {
      await expectRefusal(pdfText(Buffer.from('<!doctype html><p>Geen pdf</p>')), 'not-pdf', /geen pdf/);
      const pdf = await pdfFromText('Motie: Meer bomen in Wyck');
      await expectRefusal(pdfText(pdf, { bytes: pdf.length - 1 }), 'too-large', /groter dan/);
    });

    it('refuses a broken PDF and an encrypted one', async () => {
      await expectRefusal(pdfText(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> kapot', 'latin1')), 'broken', /beschadigd/);
      const locked = await pdfFromText('Geheime memo', { userPassword: 'geheim' });
      await expectRefusal(pdfText(locked), 'encrypted', /wachtwoord/);
    });

    it('refuses a PDF with more pages than the limit, and one without text (a scan)', async () => {
      const three = await pdfFromText('een\n\fTwee\n\fDrie');
      await expectRefusal(pdfText(three, { pages: 2 }), 'too-many-pages', /3 pagina's; Stadslog leest er hoogstens 2/);
      const blank = await pdfFromPlaced([[]]);
      await expectRefusal(pdfText(blank), 'no-text', /scan/);
    });

    it('stops reading when it takes too long or needs too much memory', async () => {
      const pdf = await pdfFromText(fs.readFileSync(path.join(FIXTURES, 'brief-1.txt'), 'utf8'));
      await expectRefusal(pdfText(pdf, { timeoutMs: 1 }), 'timeout', /duurde langer dan/);
      await expectRefusal(pdfText(pdf, { memoryMb: 1 }), 'too-heavy', /te veel geheugen/);
    });
  });
});

describe('npm run import:document with a PDF', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-import-pdf-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join('server', 'cli', 'import-document.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('reads a PDF as the import page does; --text prints the text it read', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'vragen-1.txt'), 'utf8');
    const file = path.join(dir, 'vragen.pdf');
    fs.writeFileSync(file, await pdfFromText(text));
    const json = run(['--json', file]);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(recognised(JSON.parse(json.stdout) as ParsedDocument), recognised(parseDocument(text)));
    const read = run(['--text', file]);
    assert.equal(read.status, 0, read.stderr);
    assert.equal(read.stdout, `${await pdfText(fs.readFileSync(file))}\n`);
  });

  it('exits 1 with the Dutch message when the PDF cannot be read', () => {
    const file = path.join(dir, 'kapot.pdf');
    fs.writeFileSync(file, '%PDF-1.7\nkapot');
    const res = run([file]);
    assert.equal(res.status, 1);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, /kapot\.pdf: Deze pdf is beschadigd/);
  });
});
