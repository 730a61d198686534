// The five seed documents of issue 20 through the paste-import: each must come out as its
// acceptance labels in test/fixtures/documents/seeds say (type, every field exact, the questions
// each with its own answer, signers, headings kept as Markdown headings, letterhead out of the body).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type ParsedDocument } from '../../../server/documents/parse';

const SEEDS = path.join(__dirname, '..', '..', 'fixtures', 'documents', 'seeds');

interface SeedLabels {
  type: string | string[];
  fields: Record<string, unknown>;
  questions: Array<{ number: string; question: string; answer: string | null }>;
  signers: string[];
  headings?: string[];
}

function seed(prefix: string): { doc: ParsedDocument; want: SeedLabels } {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
  return {
    doc: parseDocument(fs.readFileSync(path.join(SEEDS, file), 'utf8')),
    want: JSON.parse(fs.readFileSync(path.join(SEEDS, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as SeedLabels,
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function assertAcceptance(prefix: string): ParsedDocument {
  const { doc, want } = seed(prefix);
  assert.ok(([] as string[]).concat(want.type).includes(doc.type), `soort ${doc.type}`);
  for (const [key, value] of Object.entries(want.fields)) assert.deepEqual(doc.fields[key], value, key);
  for (const heading of want.headings ?? []) assert.match(doc.body, new RegExp(`^#{2,4} ${heading}$`, 'm'), heading);
  for (const signer of want.signers) assert.ok(doc.signers.includes(signer), `ondertekend door ${signer}`);
  return doc;
}

describe('the five seed documents of issue 20 (acceptance)', () => {
  it('000: a letter of the college to the raad with its six section headings, no lone dots, hard breaks rejoined', () => {
    const doc = assertAcceptance('000');
    assert.ok(['brief', 'raadsinformatiebrief'].includes(doc.type));
    assert.doesNotMatch(doc.body, /^\s*\.\s*$/m);
    assert.match(doc.body, /Er is bijvoorbeeld geconstateerd dat er voor de gezamenlijke organisatie Peel 6\.1 veranderingen nodig zijn/);
    assert.deepEqual(doc.questions, []);
  });

  it('001: a memo with all its fields and decision 2 keeping its two conditions nested under it', () => {
    const doc = assertAcceptance('001');
    assert.equal(doc.type, 'memo');
    const lines = doc.body.split('\n');
    const decision = lines.findIndex((l) => l.startsWith('- dat we het traject om te komen tot samenwerking willen voortzetten'));
    assert.ok(decision > 0, doc.body);
    assert.match(lines[decision + 1], /^ {2,}- een uitgebreide analyse/);
    assert.match(lines[decision + 2], /^ {2,}- een procesbeschrijving/);
  });

  it('002: written questions with all fields and seven questions, each with its own answer; the signature is no answer', () => {
    const { doc, want } = seed('002');
    assertAcceptance('002');
    assert.equal(doc.questions.length, 7);
    doc.questions.forEach((q, i) => {
      assert.equal(q.number, i + 1);
      assert.equal(squash(q.question), squash(want.questions[i].question));
      assert.equal(squash(q.answer ?? ''), squash(want.questions[i].answer ?? ''), `antwoord ${i + 1}`);
    });
    assert.doesNotMatch(doc.questions[6].answer ?? '', /Blanksma|burgemeester/);
    assert.deepEqual(doc.fields.bijlagen, ['31']);
    assert.ok(!JSON.stringify(doc.fields).includes('Ingekomen brief griffie'));
    assert.deepEqual(doc.warnings, []);
    assert.deepEqual(doc.fields.indieners, ['Mohammed Chahim', 'Noureddine Zarroy', 'Henriëtte Verouden']);
    // The questions and answers are not repeated in the body; the letter's own text is.
    assert.doesNotMatch(doc.body, /Worden we hiermee geen probleemeigenaar/);
    assert.doesNotMatch(doc.body, /Die keuze is alleen gemaakt voor het komend jaar/);
    assert.match(doc.body, /De gemeente wil regisseur, opdrachtgever en facilitator zijn/);
  });

  it('003: a letter with its letterhead read into fields and kept out of the body, signed by André Willems', () => {
    const doc = assertAcceptance('003');
    assert.equal(doc.type, 'brief');
    for (const furniture of [
      /RETOURADRES/,
      /BEZOEKADRES/,
      /WWW\./i,
      /DOORKIESNUMMER/,
      /FAXNUMMER/,
      /^DATUM$/m,
      /^5 maart 2015$/m,
      /Postbus 1992/,
    ])
      assert.doesNotMatch(doc.body, furniture);
    assert.match(doc.body, /Belangrijkste bestuurlijke aspecten gezamenlijke uitvoeringsorganisatie/);
    assert.match(doc.body, /André Willems\nWethouder Sociale Zaken, Ouderenbeleid,\nStadsbeheer, Sport en Recreatie/);
    assert.ok(doc.lines.filter((l) => /^DATUM$/.test(l.text)).every((l) => l.role === 'field' || l.role === 'letterhead'));
  });

  it('004: a themed web page stays nieuws', () => {
    const doc = assertAcceptance('004');
    assert.equal(doc.type, 'nieuws');
    assert.deepEqual(doc.fields, {});
    assert.deepEqual(doc.questions, []);
  });
});
