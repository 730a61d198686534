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

/** A value offered as a suggestion and not filled in (parse/confidence.ts SUGGEST_BELOW); "filled: …" when it was filled in. */
const suggested = (d: ParsedDocument, key: string) =>
  d.fields[key] === undefined ? d.suggestions.find((s) => s.key === key)?.value : `filled: ${String(d.fields[key])}`;

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

/**
 * Nothing is lost: there is one explanation entry per input line, every line with text has a role,
 * and every line the body is to show (body, heading, signer) is in the body.
 */
function assertBodyKeepsText(f: ReturnType<typeof fixtures>[number], got: ParsedDocument): void {
  const body = squash(got.body);
  const input = f.input.replace(/\r\n?/g, '\n').split('\n');
  assert.equal(got.lines.length, input.length, `${f.name}: one entry per input line`);
  got.lines.forEach((l, i) => {
    assert.equal(l.text, input[i]);
    if (input[i].trim()) assert.notEqual(l.role, 'blank', `${f.name}: "${input[i]}" has no role`);
    const line = squash(l.text.replace(/^\s*(?:[-•*]|#+)\s+/, ''));
    if (['body', 'heading', 'signer'].includes(l.role) && line.replace(/^[.*\s]*$/, ''))
      assert.ok(body.includes(line.replace(/-$/, '')), `${f.name}: "${line}" (${l.role}) is not in the body`);
  });
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
      assert.deepEqual(
        got.questions.map(({ number, question, answer }) => ({ number, question, answer })),
        f.expected.questions,
      );
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
    const n = (text: string) => {
      const got = numbered(text);
      return got && { number: got.number, label: got.label, role: got.role, rest: got.rest };
    };
    assert.deepEqual(n('1. Is het college bekend?'), { number: 1, label: '1', role: null, rest: 'Is het college bekend?' });
    assert.deepEqual(n('2) Welke maatregelen?'), { number: 2, label: '2', role: null, rest: 'Welke maatregelen?' });
    assert.deepEqual(n('(3) Wanneer?'), { number: 3, label: '3', role: null, rest: 'Wanneer?' });
    assert.deepEqual(n('Vraag 4: Hoeveel?'), { number: 4, label: '4', role: 'vraag', rest: 'Hoeveel?' });
    assert.deepEqual(n('Antwoord 4: Twaalf.'), { number: 4, label: '4', role: 'antwoord', rest: 'Twaalf.' });
    assert.deepEqual(n('Ad 5. Nee.'), { number: 5, label: '5', role: 'antwoord', rest: 'Nee.' });
    assert.deepEqual(n('Antwoord op vraag 3'), { number: 3, label: '3', role: 'antwoord', rest: '' });
    assert.deepEqual(n('Vraag 2 en 3 Herinnert u zich'), { number: 2, label: '2 en 3', role: 'vraag', rest: 'Herinnert u zich' });
    assert.deepEqual(n('5a. Hoe vaak?'), { number: 5, label: '5a', role: null, rest: 'Hoe vaak?' });
    assert.deepEqual(n('1'), { number: 1, label: '1', role: null, rest: '' });
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
    assert.deepEqual(
      { type: news.type, fields: news.fields, questions: news.questions, body: news.body, signers: news.signers, warnings: news.warnings },
      { type: 'nieuws', fields: {}, questions: [], body: 'De Maas stroomt weer.\nHet water zakt.', signers: [], warnings: [] },
    );
    assert.deepEqual(
      news.lines.map((l) => l.role),
      ['body', 'body'],
    );
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

describe('paste-import grammar pieces', () => {
  const qa = (text: string) => parseDocument(text).questions.map((q) => [q.label ?? String(q.number), q.question, q.answer]);

  it('reads prose headers: Kamervragen, a college with a date, a place with a date, Aan …, Geacht college van …', () => {
    const kv = parseDocument(
      'Vragen van het lid Erkens (VVD) aan de Minister van Binnenlandse Zaken over overbodige functies (ingezonden 20 december 2024).\n\n' +
        'Antwoord van Minister Uitermark (Binnenlandse Zaken) (ontvangen\n4 februari 2025).\n\nVraag 1\nKlopt dat?\n\nAntwoord 1\nJa.',
    );
    assert.equal(kv.type, 'schriftelijke-vragen');
    assert.deepEqual(kv.fields, {
      datum: '2024-12-20',
      afzender: 'het lid Erkens (VVD)',
      aan: 'de Minister van Binnenlandse Zaken',
      onderwerp: 'overbodige functies',
      partijen: ['VVD'],
      indieners: ['Erkens'],
      ingekomen: '2024-12-20',
      datum_antwoord: '2025-02-04',
    });
    const college = parseDocument(
      'Beantwoording vragen Kaderbrief\n\nCollege van Burgemeester en Wethouders Maastricht, 8 juni 2015\n\nVraag 1: Hoe?\n\nAntwoord: Zo.',
    );
    assert.equal(college.fields.afzender, 'College van Burgemeester en Wethouders Maastricht');
    assert.equal(college.fields.datum, '2015-06-08');
    const letter = parseDocument(
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 21 februari 2022\n\nGeachte voorzitter,\n\nHierbij.',
    );
    assert.equal(letter.type, 'brief');
    assert.equal(letter.fields.aan, 'de Voorzitter van de Tweede Kamer der Staten-Generaal');
    assert.equal(letter.fields.datum, '2022-02-21');
    assert.equal(parseDocument('Geacht college van de gemeente Vught,\n\nWij schrijven u.').fields.aan, 'college van de gemeente Vught');
  });

  it('reads labels above their values; an empty label followed by another label has no value; letterhead is no field', () => {
    const doc = parseDocument(
      'Gemeente Maastricht\n\nBEZOEKADRES\nMosae Forum 10\n6211 DW Maastricht\n\nONDERWERP\nEen onderwerp over\ntwee regels\n\nDATUM\n5 maart 2015\n\nBIJLAGEN\n\nDOORKIESNUMMER\n14043\n\nONZE REFERENTIE\n2015.08141\n\nUW REFERENTIE\n\nGeachte leden van de Raad,\n\nTekst van de brief.',
    );
    assert.equal(doc.type, 'brief');
    assert.deepEqual(doc.fields, {
      datum: '2015-03-05',
      kenmerk: '2015.08141',
      afzender: 'Gemeente Maastricht',
      aan: 'leden van de Raad',
      onderwerp: 'Een onderwerp over twee regels',
    });
    assert.doesNotMatch(doc.body, /Mosae|14043|BIJLAGEN|UW REFERENTIE/);
    assert.equal(doc.lines.find((l) => l.text === '14043')?.role, 'letterhead');
  });

  it('reads the date of the answer after a long line of who answers', () => {
    const doc = parseDocument(
      'Vragen van het lid Kostić (PvdD) aan de Ministers van Landbouw en van Justitie over racepaarden (ingezonden 24 juni 2024).\n\nAntwoord van Minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur), mede namens de Staatssecretaris van Volksgezondheid, Welzijn en Sport (ontvangen 18 november 2024).\n\nVraag 1\nHoe?\n\nAntwoord 1\nZo.',
    );
    assert.equal(doc.fields.datum_antwoord, '2024-11-18');
    assert.equal(doc.fields.ingekomen, '2024-06-24');
  });

  it('reads a Mededeling in place of the answers, and the college signing at the end of a letter to residents', () => {
    const notice = parseDocument(
      'AH 615\n\nMededeling van staatssecretaris Rummenie (Landbouw, Visserij, Voedselzekerheid en Natuur) (ontvangen 20 november 2024)\n\nOp 6 november jl. hebben de leden Gabriëls en Bromet schriftelijke vragen gesteld. Deze vragen kunnen niet binnen de termijn worden beantwoord.',
    );
    assert.equal(notice.fields.afzender, 'staatssecretaris Rummenie (Landbouw, Visserij, Voedselzekerheid en Natuur)');
    assert.equal(notice.fields.datum, '2024-11-20');
    const letter = parseDocument(
      'Beste omwonenden van het gemeentehuis,\n\nHet is oorlog in Oekraïne. Veel mensen vluchten uit hun land en wij vangen er een aantal op.\n\nMet vriendelijke groet,\n\nhet college van burgemeester en wethouders van de gemeente Vijfheerenlanden,',
    );
    assert.equal(letter.fields.afzender, 'het college van burgemeester en wethouders van de gemeente Vijfheerenlanden');
  });

  it('reads a block of labels with their values after a space, but no single line that starts with a label word', () => {
    const doc = parseDocument(
      'Kamervragen over de challenge\n\nIngediend 16 februari 2021\nBeantwoord 29 maart 2021 (na 41 dagen)\nIndiener Harry van der Molen (CDA)\nBron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2021Z03234.html\n\n1. Hoe?\n2. Waar?',
    );
    assert.equal(doc.fields.ingekomen, '2021-02-16');
    assert.equal(doc.fields.datum_antwoord, '2021-03-29');
    assert.deepEqual(doc.fields.indieners, ['Harry van der Molen']);
    assert.deepEqual(doc.fields.partijen, ['CDA']);
    assert.equal(doc.fields.bron, undefined);
    const single = parseDocument('Schriftelijke vragen\n\nOnderwerp van gesprek was de kap van bomen in het park.\n\n1. Hoe?\n2. Waar?');
    assert.equal(single.fields.onderwerp, undefined);
  });

  it('takes only the first line under a label when the lines after it are no part of a value block', () => {
    const doc = parseDocument(
      'Aan de leden van Provinciale Staten\n\nOnderwerp\n: Afspraken en beleidskeuzes 2008\n28 februari 2008 2008-09200/8/A.23\nGeachte dames en heren, in december 2007 heeft in Provinciale Staten een debat plaatsgevonden over de financiële positie van Bureau Jeugdzorg en de rol van de provincie daarin.\n\nMet vriendelijke groet,',
    );
    assert.equal(doc.fields.onderwerp, 'Afspraken en beleidskeuzes 2008');
  });

  it('pairs questions first and answers after an answer heading by their numbers, tolerating a gap', () => {
    const text =
      'Schriftelijke vragen\n\n1. Eerste vraag?\n2. Tweede vraag?\n3. Derde vraag?\n\nAntwoord college van burgemeester en wethouders:\n\n1. Eerste antwoord.\n3. Derde antwoord.';
    assert.deepEqual(qa(text), [
      ['1', 'Eerste vraag?', 'Eerste antwoord.'],
      ['2', 'Tweede vraag?', null],
      ['3', 'Derde vraag?', 'Derde antwoord.'],
    ]);
    assert.deepEqual(parseDocument(text).warnings, [
      '3 vragen gevonden, maar 2 antwoorden: controleer de antwoorden voordat je publiceert.',
    ]);
  });

  it('pairs interleaved Vraag/Antwoord, "Antwoord op vraag N" and unnumbered answers under their question', () => {
    assert.deepEqual(
      qa('Schriftelijke vragen\n\nVraag 1\nHoe?\n\nAntwoord 1\nZo.\n\nVraag 2 en 3\nWaar? Wanneer?\n\nAntwoord 2 en 3\nHier, nu.'),
      [
        ['1', 'Hoe?', 'Zo.'],
        ['2 en 3', 'Waar? Wanneer?', 'Hier, nu.'],
      ],
    );
    assert.deepEqual(
      qa('Schriftelijke vragen\n\n1. Hoe?\n2. Waar?\n\nBeantwoording\n\nAntwoord op vraag 2\nHier.\n\nAntwoord op vraag 1\nZo.'),
      [
        ['1', 'Hoe?', 'Zo.'],
        ['2', 'Waar?', 'Hier.'],
      ],
    );
    assert.deepEqual(qa('Schriftelijke vragen\n\nVraag 1: Hoe?\n\nAntwoord: Zo.\n\nVraag 2: Waar?\n\nAntwoord: Hier.'), [
      ['1', 'Hoe?', 'Zo.'],
      ['2', 'Waar?', 'Hier.'],
    ]);
  });

  it('pairs within sections when numbering restarts, and reads parts 2a/2b with the lead-in of part a', () => {
    assert.deepEqual(
      qa('Beantwoording vragen\n\nA. Vragen CDA\n\nVraag 1: Hoe?\n\nAntwoord: Zo.\n\nB. Vragen SP\n\nVraag 1: Waar?\n\nAntwoord: Hier.'),
      [
        ['A1', 'Hoe?', 'Zo.'],
        ['B1', 'Waar?', 'Hier.'],
      ],
    );
    assert.deepEqual(qa('Schriftelijke vragen\n\n1. Hoe?\n2. Op blz. 5 staat iets.\na. Wat bedoelt u?\nb. Wanneer?'), [
      ['1', 'Hoe?', null],
      ['2a', 'Op blz. 5 staat iets. Wat bedoelt u?', null],
      ['2b', 'Wanneer?', null],
    ]);
    // A second list after letter text numbers on: positions 3 and 4. Its "1." and "2." name no question apart (a
    // restart without a section's name), so the questions are known by their position (rules31; until then they kept
    // the text's "1" and "2", and the page showed "Vraag 1" twice).
    const restart = parseDocument('Schriftelijke vragen\n\n1. Hoe?\n2. Waar?\n\nDaarnaast lezen wij iets anders.\n\n1. Wanneer?\n2. Wie?');
    assert.deepEqual(
      restart.questions.map((q) => [q.number, q.label]),
      [
        [1, undefined],
        [2, undefined],
        [3, undefined],
        [4, undefined],
      ],
    );
    assert.match(restart.body, /Daarnaast lezen wij iets anders\./);
  });

  it('treats answers that refer to others as answers, and signatures never as answers', () => {
    const doc = parseDocument(
      'Schriftelijke vragen\n\n1. Hoe?\n2. Waar?\n\nNamens D66,\nJan Jansen\n\nAntwoord college van burgemeester en wethouders:\n\n1. Zo.\n2. Zie het antwoord op vraag 1.\n\nBurgemeester en wethouders van Helmond,\nde burgemeester,\nA. de Vries\nde secretaris,\nB. Bakker',
    );
    assert.deepEqual(
      doc.questions.map((q) => q.answer),
      ['Zo.', 'Zie het antwoord op vraag 1.'],
    );
    assert.deepEqual(doc.signers, ['Jan Jansen', 'A. de Vries', 'B. Bakker']);
    assert.deepEqual(doc.fields.indieners, ['Jan Jansen']);
    assert.deepEqual(doc.fields.partijen, ['D66']);
    assert.deepEqual(doc.warnings, []);
  });

  it('reads a hard-wrapped "vraag 4." or "(3) in …" as the sentence going on, not as a new item', () => {
    assert.deepEqual(
      qa(
        'Schriftelijke vragen\n\nVraag 1\nHoe?\n\nAntwoord 1\nZoals aangegeven in antwoord op\nvraag 2. Daarna volgt (1) eerst en\n(2) dan het andere.\n\nVraag 2\nWaar?\n\nAntwoord 2\nHier.',
      ),
      [
        ['1', 'Hoe?', 'Zoals aangegeven in antwoord op vraag 2. Daarna volgt (1) eerst en (2) dan het andere.'],
        ['2', 'Waar?', 'Hier.'],
      ],
    );
  });

  it('reads part b after the unnumbered answer to part a, and parts "a." in a text flattened onto one line', () => {
    assert.deepEqual(
      qa(
        `Schriftelijke vragen\n\nVraag 1 Over de heffing a) Hoe zeker is dat? Antwoord ${'Vrij zeker. '.repeat(30)}b) Hoeveel is het? Antwoord ${'Twee euro. '.repeat(30)}`,
      ).map(([n, q, a]) => [n, q, a?.slice(0, 12)]),
      [
        ['1a', 'Over de heffing Hoe zeker is dat?', 'Vrij zeker. '],
        ['1b', 'Hoeveel is het?', 'Twee euro. T'],
      ],
    );
    // An answer that lists its own points a) and b) keeps them: they ask nothing.
    assert.deepEqual(qa('Schriftelijke vragen\n\nVraag 1: Hoe?\n\nAntwoord: Zo.\na) eerst dit;\nb) dan dat.'), [
      ['1', 'Hoe?', 'Zo. a) eerst dit; b) dan dat.'],
    ]);
    const flat = `Schriftelijke vragen\n\nVragen van de fractie. ${'Een inleiding die lang genoeg is. '.repeat(16)}1. Wat staat er op blz. 5? 2. Op blz. 6 lezen wij iets. a. Wat bedoelt u? b. Hoeveel budget is er?`;
    assert.deepEqual(qa(flat), [
      ['1', 'Wat staat er op blz. 5?', null],
      ['2a', 'Op blz. 6 lezen wij iets. Wat bedoelt u?', null],
      ['2b', 'Hoeveel budget is er?', null],
    ]);
  });

  it('leaves the closing "Graag zien wij de beantwoording tegemoet" and a page footer code out of the last question and answer', () => {
    assert.deepEqual(
      qa('Schriftelijke vragen\n\n1. Hoe?\n2. Waar? Graag zien wij de beantwoording van onze vragen op korte termijn tegemoet.'),
      [
        ['1', 'Hoe?', null],
        ['2', 'Waar?', null],
      ],
    );
    assert.deepEqual(qa('Schriftelijke vragen\n\nVraag 1\nHoe?\n\nAntwoord 1\nZo.\n\n11 3628105–1050416-CZ.'), [['1', 'Hoe?', 'Zo.']]);
  });

  it('reads Kamervragen as a PDF gives them: footnote marks and citations, table rows, "Antwoorden 5 en 6"', () => {
    const doc = qa(
      [
        'Vragen van het lid Kostić (PvdD) aan de minister van LVVN over racepaarden (ingezonden 20 juni 2024).',
        '',
        'Vraag 1',
        'Heeft u kennisgenomen van het onderzoek?',
        '1',
        'Antwoord 1',
        'Ja.',
        '',
        'Vraag 2',
        'Kunt u dat bevestigen?',
        '1House of Animals, 12 juni 2024, «Afgedankte racepaarden», (https://www.houseofanimals.nl/2024/06/12/)',
        '',
        'Antwoord 2',
        'Hieronder een overzicht.',
        'Slachthuis Aantal',
        '1. 65 121',
        '2. 1 0',
        '',
        'Vragen 3 en 4',
        'Hoeveel? En waar?',
        '',
        'Antwoorden 3 en 4',
        'Dat weet ik niet.',
      ].join('\n'),
    );
    assert.deepEqual(doc, [
      ['1', 'Heeft u kennisgenomen van het onderzoek?', 'Ja.'],
      ['2', 'Kunt u dat bevestigen?', 'Hieronder een overzicht. Slachthuis Aantal 1. 65 121 2. 1 0'],
      ['3 en 4', 'Hoeveel? En waar?', 'Dat weet ik niet.'],
    ]);
  });

  it('reads on over a page footer inside a question, drops glued footnote citations, and takes no closing request for an answer', () => {
    assert.deepEqual(
      qa(
        [
          'Schriftelijke vragen',
          '',
          'Vraag 1',
          'Bent u bereid met gevange-',
          '2Kamerstukken II 2021–2022, 29 279, nr. 339',
          'Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2',
          'nispersoneel te spreken?',
          '',
          'Antwoord 1',
          'Ja.',
        ].join('\n'),
      ),
      [['1', 'Bent u bereid met gevangenispersoneel te spreken?', 'Ja.']],
    );
    assert.deepEqual(
      qa(
        'Statenvragen\n\n1. Hoe?\n\n2. Waar?\n\nIk verzoek u vriendelijk om deze vragen schriftelijk te beantwoorden.\n\nAntwoord op vraag 1\nZo.',
      ),
      [
        ['1', 'Hoe?', 'Zo.'],
        ['2', 'Waar?', null],
      ],
    );
  });

  it('reads the shapes municipal answer documents come in: bold or plain questions with the answer under them, "Vraag:", bullets, "Reactie college"', () => {
    const shapes: Record<string, string> = {
      'numbered, answer under it': 'Beantwoording schriftelijke vragen\n\n1. Hoe gaat het?\nHet gaat goed.\n\n2. Wanneer?\nNiet dit jaar.',
      'bold, no numbers': 'Beantwoording schriftelijke vragen\n\n**Hoe gaat het?**\nHet gaat goed.\n\n**Wanneer?**\nNiet dit jaar.',
      'plain, no numbers': 'Beantwoording schriftelijke vragen\n\nHoe gaat het?\nHet gaat goed.\n\nWanneer?\nNiet dit jaar.',
      '"Vraag:" and "Antwoord:"':
        'Schriftelijke vragen\n\nVraag:\nHoe gaat het?\n\nAntwoord:\nHet gaat goed.\n\nVraag:\nWanneer?\n\nAntwoord:\nNiet dit jaar.',
      'on one line':
        'Schriftelijke vragen\n\nVraag 1: Hoe gaat het? Antwoord: Het gaat goed.\n\nVraag 2: Wanneer? Antwoord: Niet dit jaar.',
      'bullets, then answers':
        'Schriftelijke vragen\n\n- Hoe gaat het?\n- Wanneer?\n\nAntwoord van het college:\n\n- Het gaat goed.\n- Niet dit jaar.',
      '"Reactie college"':
        'Schriftelijke vragen\n\nVraag 1\nHoe gaat het?\nReactie college\nHet gaat goed.\n\nVraag 2\nWanneer?\nReactie college\nNiet dit jaar.',
    };
    for (const [shape, text] of Object.entries(shapes))
      assert.deepEqual(
        qa(text).map(([, q, a]) => [q, a]),
        [
          ['Hoe gaat het?', 'Het gaat goed.'],
          ['Wanneer?', 'Niet dit jaar.'],
        ],
        shape,
      );
    // A bullet inside an answer stays in it; a bulleted list in the letter that asks nothing is no question.
    assert.deepEqual(qa('Schriftelijke vragen\n\nVraag 1\nHoe?\n\nAntwoord 1\nZo:\n- eerst dit;\n- dan dat.'), [
      ['1', 'Hoe?', 'Zo: eerst dit; dan dat.'],
    ]);
  });

  it('cuts a letter flattened onto one line before its salutation and its closing', () => {
    const doc = parseDocument(
      `Gemeente Ergens Onderwerp : verkeer Datum : 3 maart 2020 Geachte heer Jansen, ${'Wij schrijven u over het verkeer in de wijk. '.repeat(15)}Met vriendelijke groet, Jan de Vries`,
    );
    assert.equal(doc.type, 'brief');
    assert.deepEqual(doc.fields, { datum: '2020-03-03', onderwerp: 'verkeer' });
    assert.equal(suggested(doc, 'afzender'), 'Gemeente Ergens');
    assert.deepEqual(doc.signers, ['Jan de Vries']);
  });

  it('gives each signer the party written under the name, in columns', () => {
    const doc = parseDocument(
      'Motie\n\nDe raad, in vergadering bijeen op 3 maart 2020,\n\nverzoekt het college:\n1. iets te doen.\n\nAngeliek Noortman  Noëlle Sanders     Hanske Mulder\n            CDA            Beter Amersfoort     ChristenUnie',
    );
    assert.deepEqual(doc.fields.indieners, ['Angeliek Noortman', 'Noëlle Sanders', 'Hanske Mulder']);
    assert.deepEqual(doc.fields.partijen, ['CDA', 'Beter Amersfoort', 'ChristenUnie']);
  });

  it('reads a letter to the college that asks numbered questions as written questions, a letter to the chair as a letter', () => {
    const letter = (salutation: string) =>
      parseDocument(
        `${salutation}\n\nWij maken ons zorgen over de speeltuin aan de Schout.\n\n1. Is het college hiervan op de hoogte?\n2. Wat gaat het college doen?\n\nMet vriendelijke groet,\n\nJan Jansen`,
      ).type;
    assert.equal(letter('Geacht college,'), 'schriftelijke-vragen');
    assert.equal(letter('Geachte burgemeester,'), 'schriftelijke-vragen');
    assert.equal(letter('Geachte voorzitter,'), 'brief');
  });

  it('decides the type by the header, never by a mention in the body', () => {
    assert.equal(
      parseDocument(
        'Geachte voorzitter,\n\nIn uw raadsinformatiebrief van 29 oktober las ik iets.\n\nMet vriendelijke groet,\n\nJan Jansen',
      ).type,
      'brief',
    );
    assert.equal(parseDocument('College werkt achterstand schriftelijke vragen weg\n\nHet college beantwoordt de vragen.').type, 'nieuws');
  });
});

describe('paste-import: a field only on strong evidence (issue 20, precision)', () => {
  it('takes no onderwerp from a title with its own words before "vragen", but does after the genre name', () => {
    const own = parseDocument('Raadsbrede vragen over oorlog Oekraïne\n\n1. Wat doet het college?\n2. Wanneer?\n');
    assert.equal(own.fields.onderwerp, undefined);
    const genre = parseDocument('Schriftelijke vragen: Kapvergunning voor 468 bomen\n\n1. Waarom?\n2. Wanneer?\n');
    assert.equal(genre.fields.onderwerp, 'Kapvergunning voor 468 bomen');
  });

  it('takes the title above the first paragraph as onderwerp when no header states one, and no genre name, question or code', () => {
    const read = (top: string) =>
      parseDocument(
        `${top}\n\nDe PvdA deelt de zorgen van de Fietsersbond over het fietsparkeren op station Den Haag Centraal.\n\n1. Hoe?\n2. Waar?`,
      );
    const subject = (top: string) => suggested(read(top), 'onderwerp');
    assert.equal(
      subject('Door op 4 juli 2014\n\nZorgen Fietsersbond over stalling van fietsen bij CS'),
      'Zorgen Fietsersbond over stalling van fietsen bij CS',
    );
    assert.equal(subject('Raadsbrede vragen over oorlog Oekraïne'), 'Raadsbrede vragen over oorlog Oekraïne');
    assert.equal(subject('Schriftelijke vragen'), undefined);
    assert.equal(subject('Kamervraag 2021Z03234'), undefined);
    assert.equal(subject('Wat doet het college eraan?'), undefined);
    assert.equal(subject('Lbr. 23/033'), undefined);
    assert.equal(subject('Mededeling van de staatssecretaris (ontvangen 20 november 2024)'), undefined);
    const motie = parseDocument(
      "Motie 'Man en paard noemen'\n\nDe gemeenteraad van Groningen, in vergadering bijeen op 22 mei 2019, besprekende het raadsvoorstel over de begroting,\n\nverzoekt het college:\n- iets te doen,\n\nen gaat over tot de orde van de dag.",
    );
    assert.equal(suggested(motie, 'onderwerp'), 'Man en paard noemen');
  });

  it('takes no onderwerp from the line above the salutation', () => {
    const doc = parseDocument(
      'Ledenbrief nummer\n\nLbr. 23/033\n\nGeachte leden van college en gemeenteraad,\n\nHierbij informeren wij u.\n',
    );
    assert.equal(doc.fields.onderwerp, undefined);
  });

  it("takes a web page's date stamp with a clock time for no document date", () => {
    const doc = parseDocument('Datum: 07-03-2021 - 21:44\n\nVragen over de speeltuin\n\n1. Waarom?\n2. Wanneer?\n');
    assert.equal(doc.fields.datum, undefined);
  });

  it('names a party the signature abbreviates in full, and the fraction acting in the opening without a signature', () => {
    const text =
      'Vragen over verkeersveiligheid\n\nDe fractie van GemeenteBelang Westland ziet onveiligheid toenemen.\n\n' +
      '1. Is het college bekend met de meldingen?\n2. Wat gaat het college doen?\n\nFractie GBW\n\nRené Lelieveld\n';
    assert.deepEqual(parseDocument(text).fields.partijen, ['GemeenteBelang Westland']);
    // Without the signature "De fractie van X ziet …" still has the party acting, as "X ziet …" has (session 20).
    const alone = text.replace('Fractie GBW\n\nRené Lelieveld\n', '');
    assert.deepEqual(parseDocument(alone).fields.partijen, ['GemeenteBelang Westland']);
    // A fraction named inside another sentence does not act.
    const inside = alone.replace(
      'De fractie van GemeenteBelang Westland ziet',
      'Wij delen met de fractie van GemeenteBelang Westland de zorg over',
    );
    assert.equal(parseDocument(inside).fields.partijen, undefined);
  });

  it('names the one party of the lexicon that the opening paragraphs have acting, and none when two act or none is a party', () => {
    const parties = (opening: string) => parseDocument(`Schriftelijke vragen\n\n${opening}\n\n1. Hoe?\n2. Waar?`).fields.partijen;
    assert.deepEqual(parties('GroenLinks is zeer verbolgen over de kap. We stellen de volgende vragen.'), ['GroenLinks']);
    assert.deepEqual(parties('Het ging mis. De PvdA deelt de zorgen van de Fietsersbond.'), ['PvdA']);
    assert.deepEqual(parties('Leefbaar Westland vindt dit onbegrijpelijk.'), ['Leefbaar Westland']);
    assert.equal(parties('De Fietsersbond is boos. Het college heeft niets gedaan.'), undefined);
    assert.equal(parties('De VVD wil meer bomen, het CDA wil er minder. D66 vindt het goed.'), undefined);
    assert.equal(parties('Wij lezen dat de VVD gisteren iets zei.'), undefined);
  });

  it('reads "stelde de Partij voor de Dieren vragen", a number after the genre, and a Statenfractie signing "Namens deze,"', () => {
    const doc = parseDocument(
      'Schriftelijke vragen Aanvullende vragen bomenkap\n\nSchriftelijke vragen 74/2021\n\nIn het vragenuur van 4 maart stelde de Partij voor de Dieren vragen over de bomenkap in de Kovelaarstraat.\n\n1. Hoe?\n2. Waar?',
    );
    assert.equal(doc.fields.kenmerk, '74/2021');
    assert.deepEqual(doc.fields.partijen, ['Partij voor de Dieren']);
    const signed = parseDocument(
      'Schriftelijke vragen\n\n1. Hoe?\n2. Waar?\n\nStatenfractie Partij voor de Vrijheid in Zeeland\n\nNamens deze,\n\nRuud Haaze\n\nLid Provinciale Staten van Zeeland',
    );
    assert.equal(signed.fields.afzender, 'Statenfractie Partij voor de Vrijheid in Zeeland');
    assert.deepEqual(signed.fields.partijen, ['Partij voor de Vrijheid']);
    assert.deepEqual(signed.signers, ['Ruud Haaze']);
  });

  it('reads two fracties signing as two senders: no afzender, and "Fractie Franssen" is no person', () => {
    const doc = parseDocument('Geachte voorzitter,\n\nWij verzoeken u de brief te sturen.\n\nFractie GroenLinks\nFractie Franssen\n');
    assert.equal(doc.fields.afzender, undefined);
    assert.deepEqual(doc.signers, []);
  });

  it("reads a motie's outcome only from a line that states it, not from a word in its text", () => {
    const motie =
      'Motie over de vergunning\n\nDe raad,\n\nconstaterende dat de vergunning is ingetrokken;\n\n' +
      'verzoekt het college de vergunning opnieuw te bezien,\n\nen gaat over tot de orde van de dag.\n';
    assert.equal(parseDocument(motie).fields.status, undefined);
    assert.equal(parseDocument(motie.replace('De raad,', 'De motie is verworpen.\n\nDe raad,')).fields.status, 'verworpen');
  });
});

describe("paste-import: a motie's dictum becomes its besluit", () => {
  const REAL = path.join(FIXTURES, 'real', 'dev');
  const read = (name: string) => parseDocument(fs.readFileSync(path.join(REAL, name), 'utf8')).fields.besluit;

  it('reads "verzoekt het college: 1. … 2. …" up to the signers, with its items', () => {
    assert.equal(
      read('motie-amersfoort-cda-zwerfafval-binnenstad.txt'),
      'verzoekt het college:\n1. te zorgen dat de binnenstad zwerfafvalarm wordt;\n' +
        '2. op plekken waar veegauto’s niet kunnen komen prikkers in te zetten;\n' +
        '3. met ondernemers en bewoners van de binnenstad in overleg te gaan om het gezamenlijke doel van een binnenstad zonder zwerfafval te bereiken.',
    );
  });

  it('reads "draagt het college op …" and "spreekt uit …" up to "en gaat over tot de orde van de dag", without it', () => {
    const rijswijk = read('motie-rijswijk-vvd-nieuwe-inzamelen.txt');
    assert.match(String(rijswijk), /^draagt het College van B&W van de gemeente Rijswijk op\n- implementatie van ‘het nieuwe inzamelen’/);
    assert.match(String(rijswijk), /voor te leggen aan de raad$/);
    assert.equal(
      read('motie-tk-33400-VII-21-schouw.txt'),
      'spreekt als haar mening uit dat het ontstaan van gemeenten met een volledig en van gemeenten met een uitgekleed takenpakket voorkomen moet worden, tenzij een gemeente daar zelf voor kiest',
    );
    // Every motie whose text has a dictum (a portal's record of a motie, or an amendement, has none).
    const withDictum = (f: string) => /^[\s•*-]*(?:verzoekt|draagt|spreekt)\b/im.test(fs.readFileSync(path.join(REAL, f), 'utf8'));
    for (const f of fs.readdirSync(REAL).filter((n) => n.startsWith('motie-') && n.endsWith('.txt') && withDictum(n))) {
      const besluit = read(f);
      assert.match(String(besluit), /^(?:verzoekt|draagt|spreekt)\b/i, f);
      assert.doesNotMatch(String(besluit), /orde van de dag/i, f);
    }
  });

  it('gives no besluit to a motie without a dictum, nor to another type', () => {
    assert.equal(parseDocument('Motie: Meer bomen\n\nDe raad,\n\nconstaterende dat er te weinig bomen zijn;\n').fields.besluit, undefined);
    assert.equal(parseDocument('Geachte voorzitter,\n\nWij verzoeken het college de brief te sturen.\n').fields.besluit, undefined);
  });
});
