// The paste-import of council documents: every fixture in test/fixtures/documents is parsed and
// compared with its .expected.json (type, fields and questions exactly; the body loosely: every
// line of the input that is not a header stays in it). The holdout set was written after the
// parser and never tuned on; its field accuracy must stay at 0.8 or more.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type ParsedDocument } from '../../server/documents/parse';
import { findDate, readVotes, splitNames } from '../../server/documents/parse/values';
import { numbered } from '../../server/documents/parse/numbering';
import { joinLines } from '../../server/documents/parse/lines';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'documents');
const HOLDOUT = path.join(FIXTURES, 'holdout');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

type Expected = Omit<ParsedDocument, 'body'>;

function fixtures(dir: string): Array<{ name: string; input: string; expected: Expected }> {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f,
      input: fs.readFileSync(path.join(dir, f), 'utf8'),
      expected: JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected,
    }));
}

/** Fields right / fields expected over a set (a field is right when its value is exactly the expected one). */
function fieldAccuracy(set: ReturnType<typeof fixtures>): { right: number; expected: number } {
  let right = 0;
  let expected = 0;
  for (const f of set) {
    const got = parseDocument(f.input);
    for (const [key, value] of Object.entries(f.expected.fields)) {
      expected++;
      if (got.type === f.expected.type && JSON.stringify(got.fields[key]) === JSON.stringify(value)) right++;
    }
  }
  return { right, expected };
}

const squash = (s: string) =>
  s
    .replace(/<[^>]+>|\*+|(?<=\s|^)_|_(?=\s|$|[.,])/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const VOTE_WORDS = new Set(['stemmen', 'voor', 'tegen', 'en']);

/** Every non-empty input line is in the body, unless it is a header: its text is a field value or a label. */
function assertBodyKeepsText(f: ReturnType<typeof fixtures>[number], got: ParsedDocument): void {
  const body = squash(got.body);
  const values = squash(JSON.stringify(Object.values(got.fields)).replace(/["[\]]/g, ' '));
  for (const raw of f.input.split('\n')) {
    const line = squash(raw);
    if (!line || body.includes(line)) continue;
    // A label alone on its line (a letterhead block, an empty label) has no value of its own.
    const alone = !/[:\t]| {2,}/.test(raw) && line.split(' ').length <= 3 && !/[.,?]$/.test(line);
    const value = alone ? '' : squash(raw.replace(/^[^:\t]*?(?::|\t| {2,})/, ''));
    const words = (value.match(/[\p{L}\d]{2,}/gu) ?? []).filter((w) => !VOTE_WORDS.has(w.toLowerCase()));
    const inValues = words.every((w) => values.includes(w.replace(/-$/, '')));
    const isHeader = !value || inValues || /^\p{Lu}[\p{Lu} ()-]+$/u.test(line) || /\d{4}/.test(value);
    assert.ok(isHeader, `${f.name}: "${line}" is neither in the body nor a header`);
  }
}

describe('paste-import of council documents', () => {
  const tuned = fixtures(FIXTURES);
  const holdout = fixtures(HOLDOUT);

  it('has at least four tuned examples and one holdout example of every type', () => {
    for (const type of ['memo', 'raadsinformatiebrief', 'schriftelijke-vragen', 'brief', 'motie']) {
      assert.ok(tuned.filter((f) => f.expected.type === type).length >= 4, type);
      assert.ok(holdout.filter((f) => f.expected.type === type).length >= 1, `holdout ${type}`);
    }
  });

  for (const f of tuned) {
    it(`reads ${f.name}`, () => {
      const got = parseDocument(f.input);
      assert.equal(got.type, f.expected.type);
      assert.deepEqual(got.fields, f.expected.fields);
      assert.deepEqual(got.questions, f.expected.questions);
      assertBodyKeepsText(f, got);
    });
  }

  it('gets the fields right on the tuned set and at least 80% on the holdout set', () => {
    const t = fieldAccuracy(tuned);
    const h = fieldAccuracy(holdout);
    console.log(
      `      velden goed: afgestemd ${t.right}/${t.expected}, holdout ${h.right}/${h.expected} (${(h.right / h.expected).toFixed(3)})`,
    );
    assert.equal(t.right, t.expected);
    assert.ok(h.right / h.expected >= 0.8, `holdout ${h.right}/${h.expected}`);
  });

  it('reads Dutch dates in words and numbers, inside a line, and refuses what is no date', () => {
    assert.equal(findDate('29 mei 2012'), '2012-05-29');
    assert.equal(findDate('Maastricht, 5 maart 2015'), '2015-03-05');
    assert.equal(findDate('05-03-2015'), '2015-03-05');
    assert.equal(findDate('5-3-2015'), '2015-03-05');
    assert.equal(findDate('dinsdag 8 december 2017 (verzonden)'), '2017-12-08');
    assert.equal(findDate('5 mrt. 2015'), '2015-03-05');
    assert.equal(findDate('31 februari 2015'), null);
    assert.equal(findDate('binnenkort'), null);
    assert.equal(findDate('2015.08141'), null);
  });

  it('reads every numbering style and leaves numbers in running text alone', () => {
    assert.deepEqual(numbered('1. Is het college bekend?'), { number: 1, role: null, rest: 'Is het college bekend?' });
    assert.deepEqual(numbered('2) Welke maatregelen?'), { number: 2, role: null, rest: 'Welke maatregelen?' });
    assert.deepEqual(numbered('(3) Wanneer?'), { number: 3, role: null, rest: 'Wanneer?' });
    assert.deepEqual(numbered('Vraag 4: Hoeveel?'), { number: 4, role: 'vraag', rest: 'Hoeveel?' });
    assert.deepEqual(numbered('Antwoord 4: Twaalf.'), { number: 4, role: 'antwoord', rest: 'Twaalf.' });
    assert.deepEqual(numbered('Ad 5. Nee.'), { number: 5, role: 'antwoord', rest: 'Nee.' });
    assert.equal(numbered('3 mei 2012 heeft de raad'), null);
    assert.equal(numbered('1.5 miljoen euro'), null);
  });

  it('splits parties, joins broken lines and reads votes', () => {
    assert.deepEqual(splitNames('PvdA, D66 en Lokaal sterk'), ['PvdA', 'D66', 'Lokaal sterk']);
    assert.equal(joinLines(['Maastricht-', 'Heuvelland']), 'Maastricht-Heuvelland');
    assert.equal(joinLines(['gemeente-', 'raad']), 'gemeenteraad');
    assert.equal(joinLines(['woon-', 'en werkgebied']), 'woon- en werkgebied');
    assert.deepEqual(readVotes('stemmen voor: 21, tegen: 14'), { voor: 21, tegen: 14 });
    assert.deepEqual(readVotes('aangenomen met 30 stemmen voor en 5 tegen'), { voor: 30, tegen: 5 });
    assert.deepEqual(readVotes('voor 21 tegen 14'), { voor: 21, tegen: 14 });
  });

  it('keeps an unparseable date out of the fields and in the body, and makes nieuws of plain text', () => {
    const memo = parseDocument('MEMO\nAan: Raad\nVan: College\nDatum: ooit\nOnderwerp: Iets');
    assert.equal(memo.type, 'memo');
    assert.equal(memo.fields.datum, undefined);
    assert.match(memo.body, /Datum: ooit/);
    const news = parseDocument('De Maas stroomt weer.\nHet water zakt.');
    assert.deepEqual(news, { type: 'nieuws', fields: {}, questions: [], body: 'De Maas stroomt weer.\nHet water zakt.' });
  });
});

describe('npm run import:document', function () {
  this.timeout(60_000);
  const run = (args: string[], input = '') =>
    spawnSync(TSX, [path.join('server', 'cli', 'import-document.ts'), ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 30_000 });

  it('--json prints one JSON object with the field keys of types.ts', () => {
    const res = run(['--json', path.join(FIXTURES, 'vragen-1.txt')]);
    assert.equal(res.status, 0, res.stderr);
    const doc = JSON.parse(res.stdout) as ParsedDocument;
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.deepEqual(doc.fields.partijen, ['PvdA', 'D66', 'Lokaal sterk']);
    assert.equal(doc.questions[1].number, 2);
    assert.equal(typeof doc.body, 'string');
  });

  it('--json gives the common keys: a memo’s "Van" as afzender, a "Nummer" as kenmerk, the source and the agenda item', () => {
    const memo = [
      'MEMO',
      'Datum: 15 januari 2018',
      'Van: Wethouder Mieke Damsma',
      'Aan: Commissie Maatschappij',
      'Onderwerp: Wachtlijsten jeugdzorg',
      'Kenmerk: 2018/0042',
      'Agendapunt: 4',
      'Bron: https://helmond.bestuurlijkeinformatie.nl/Document/View/123',
      '',
      'De wachtlijsten zijn korter geworden.',
    ].join('\n');
    const res = run(['--json', '-'], memo);
    assert.equal(res.status, 0, res.stderr);
    const doc = JSON.parse(res.stdout) as ParsedDocument;
    assert.equal(doc.type, 'memo');
    assert.deepEqual(doc.fields, {
      datum: '2018-01-15',
      kenmerk: '2018/0042',
      afzender: 'Wethouder Mieke Damsma',
      aan: 'Commissie Maatschappij',
      onderwerp: 'Wachtlijsten jeugdzorg',
      agendapunt: '4',
      bron: 'https://helmond.bestuurlijkeinformatie.nl/Document/View/123',
    });
    const rib = JSON.parse(run(['--json', path.join(FIXTURES, 'rib-1.txt')]).stdout) as ParsedDocument;
    assert.equal(rib.fields.kenmerk, '2015/14');
    assert.equal(rib.fields.nummer, undefined);
    // A "Bron:" that is no web address stays in the text.
    const text = JSON.parse(run(['--json', '-'], memo.replace(/Bron: .*/, 'Bron: het archief')).stdout) as ParsedDocument;
    assert.equal(text.fields.bron, undefined);
    assert.match(text.body, /Bron: het archief/);
    const human = run(['-'], memo);
    assert.match(human.stdout, /Van: Wethouder Mieke Damsma/);
    assert.match(human.stdout, /Bron: https:\/\/helmond/);
  });

  it('prints what it found in Dutch, and reads standard input with "-"', () => {
    const res = run([path.join(FIXTURES, 'vragen-4.txt')]);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Soort: Schriftelijke vragen/);
    assert.match(res.stdout, /Ingekomen bij de griffie: 14 november 2016/);
    assert.match(res.stdout, /Datum antwoord: \(niet gevonden\)/);
    assert.match(res.stdout, /Vragen: 3, waarvan 0 beantwoord/);
    assert.match(res.stdout, /Tekst: \d+ tekens/);
    const stdin = run(['-'], 'Motie: Meer bomen\nverzoekt het college bomen te planten.\nAangenomen');
    assert.equal(stdin.status, 0, stdin.stderr);
    assert.match(stdin.stdout, /Soort: Motie/);
    assert.match(stdin.stdout, /Status: aangenomen/);
  });

  it('exits 1 with a Dutch message on a missing file or without a file', () => {
    const missing = run(['--json', path.join(FIXTURES, 'bestaat-niet.txt')]);
    assert.equal(missing.status, 1);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /Bestand niet gevonden/);
    const none = run([]);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /Gebruik: npm run import:document/);
  });
});
