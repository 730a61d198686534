// A letter that delivers the answers to written questions is dated by its own date line: that is the day of the answer
// (datum_antwoord), not of the questions (issue 20, session 17, rules31). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const questions = ['', '1. Hoeveel bomen zijn er gekapt?', 'Antwoord 1: Twaalf.', '', '2. Worden zij herplant?', 'Antwoord 2: Ja.'];

describe('documents: an answer letter is dated by the day of the answer', () => {
  it('reads a labelled Datum above "Hierbij doe ik u de antwoorden toekomen" as the answer\'s date, not the questions\'', () => {
    const doc = parseDocument(
      [
        'Ministerie van Bosbeheer',
        '',
        'Datum',
        '14 april 2025',
        'Onderwerp',
        'Kamervragen',
        '',
        'Geachte voorzitter,',
        '',
        'Hierbij doe ik u de antwoorden toekomen op vragen van het lid Verhoef over de bomenkap in Zandmeer.',
        ...questions,
      ].join('\n'),
    );
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.equal(doc.fields.datum_antwoord, '2025-04-14');
    assert.equal(doc.fields.datum, undefined);
  });

  it("keeps the questions' own date beside the letter's date alone on its line", () => {
    const doc = parseDocument(
      [
        '28 maart 2025',
        'Hierbij bied ik u de antwoorden aan op de schriftelijke vragen van het lid Verhoef over de bomenkap. Deze vragen werden ingezonden op 3 maart 2025.',
        '',
        'Antwoorden van de minister van Bosbeheer op vragen van het lid Verhoef (Groen) over de bomenkap (ingezonden 3 maart 2025).',
        ...questions,
      ].join('\n'),
    );
    assert.equal(doc.fields.datum_antwoord, '2025-03-28');
    assert.equal(doc.fields.datum, '2025-03-03');
  });

  it('dates no answer when the letter says only when the questions were put', () => {
    const doc = parseDocument(
      [
        'Geachte heer Verhoef,',
        '',
        'Bij brief van 3 maart 2025 hebt u vragen gesteld over de bomenkap. Onderstaand beantwoorden wij de door u gestelde vragen.',
        ...questions,
      ].join('\n'),
    );
    assert.equal(doc.fields.datum_antwoord, undefined);
    assert.equal(doc.fields.datum, '2025-03-03');
  });

  it('dates questions put as a request for information ("verzoek om inlichtingen", art. 49) by the day it was made', () => {
    const doc = parseDocument(
      [
        'Speeltuin Molenwijk',
        '',
        'Op 4 april 2023 heeft de fractie van Dorpsbelang een verzoek om inlichtingen conform artikel 49 van het Reglement van Orde ingediend over de speeltuin.',
        'Beantwoording',
        'Vraag 1: Wanneer wordt de speeltuin vernieuwd?',
        'Antwoord: In het najaar.',
        'Vraag 2: Worden de bewoners betrokken?',
        'Antwoord: Ja, in een avond in september.',
      ].join('\n'),
    );
    assert.equal(doc.fields.datum, '2023-04-04');
    assert.equal(doc.fields.ingekomen, '2023-04-04');
  });

  it('gives no date from questions put at a meeting before, when the text introduces its own questions after it', () => {
    const doc = parseDocument(
      [
        'Vragen over het zwembad',
        '',
        'De fractie van Dorpsbelang heeft bij de behandeling van de kadernota op 9 juni 2022 vragen gesteld over het zwembad. Het antwoord bleef uit.',
        'De fractie van Dorpsbelang heeft daarom de volgende vragen:',
        '',
        '1. Wanneer besluit het college over de renovatie van het zwembad?',
        '2. Hoe worden de verenigingen betrokken?',
      ].join('\n'),
    );
    assert.equal(doc.fields.datum, undefined);
    assert.equal(doc.fields.ingekomen, undefined);
  });
});
