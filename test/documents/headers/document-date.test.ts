// Which date is the document's own (issue 20, rules28): a date with a time under it is when a meeting or an event
// takes place, and a sentence that says on which day questions were put dates them over a page's date at the top.
// On documents written for the test; the calibration of the evidence kinds (calibrated) and the field outcomes the
// cross-validation is fitted on (fieldOutcomes) with them.
import assert from 'node:assert/strict';
import { fieldOutcomes } from '../../../server/documents/evaluation';
import { parseDocument } from '../../../server/documents/parse';
import { calibrated } from '../../../server/documents/parse/confidence';

const questions = [
  '1. Is het college bekend met de klachten van bewoners over de geluidsoverlast bij het Stationsplein?',
  '',
  '2. Welke maatregelen neemt het college om de overlast te beperken?',
].join('\n');

describe('documents: the document date', () => {
  it('does not take a meeting date with its time for the date of the questions', () => {
    const text = [
      'Vorige pagina',
      '',
      'Rondvraag en Mededelingen',
      '',
      'woensdag 13 maart 2024',
      '',
      '19:30 - 20:15',
      '',
      'Schriftelijke vragen over geluidsoverlast Stationsplein',
      '',
      questions,
    ].join('\n');
    const doc = parseDocument(text);
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.equal(doc.fields.datum, undefined);
    // The same date without the time under it is the document's date, as before.
    assert.equal(parseDocument(text.replace('19:30 - 20:15', '')).fields.datum, '2024-03-13');
  });

  it("does not take the date under a site's weather widget for the date of the questions (session 20)", () => {
    const text = [
      '8.5 C',
      'Zandmeer',
      'woensdag 5 oktober 2022',
      '',
      'Schriftelijke vragen over geluidsoverlast Stationsplein',
      '',
      questions,
    ].join('\n');
    assert.equal(parseDocument(text).fields.datum, undefined);
    // Without the widget the date at the top is the page's, as before.
    assert.equal(parseDocument(text.replace('8.5 C\nZandmeer\n', '')).fields.datum, '2022-10-05');
  });

  it('dates questions by the day a sentence says they were put, over a date at the top of the page', () => {
    const doc = parseDocument(
      [
        'Geluidsoverlast',
        '',
        '12 december 2019',
        '',
        'De krant meldde in oktober dat bewoners van het Stationsplein al maanden last hebben van lawaai in de nacht.',
        '',
        'Op grond van artikel 42 van het Reglement van Orde hebben vragenstellers op 3 november 2019, namens de fractie van de SP, de volgende schriftelijke vragen tot het college gericht:',
        '',
        questions,
      ].join('\n'),
    );
    assert.equal(doc.fields.datum, '2019-11-03');
    assert.equal(doc.fields.ingekomen, '2019-11-03');
  });

  it('reads no date from a sentence on questions that names no year', () => {
    const doc = parseDocument(['Op 3 november heeft de fractie van de SP vragen gesteld over geluidsoverlast.', '', questions].join('\n'));
    assert.equal(doc.fields.datum, undefined);
  });
});

describe('documents: calibrating the evidence', () => {
  it('gives a kind of evidence the share right of its table, pulled towards its evidence and all fields when seen little', () => {
    const confidence = calibrated({ 'onderwerp/title': [100, 60], 'datum/prose': [100, 0], 'aan/prose': [1, 1] });
    const all = 140 / 201;
    assert.ok(Math.abs(confidence('onderwerp', 'title') - (40 + 4 * ((40 + 4 * all) / 104)) / 104) < 1e-9);
    assert.ok(confidence('onderwerp', 'title') < 0.5);
    assert.ok(confidence('datum', 'prose') > 0.95);
    // One wrong value of a kind seen once does not make it unsure: it leans on its evidence's share.
    assert.ok(confidence('aan', 'prose') > 0.7);
    // A field without evidence gets the share of all fields (140 right of 201).
    assert.equal(confidence('kenmerk', undefined), all);
  });

  it('lists every value read, filled in or suggested, with whether the labels agree', () => {
    const outcomes = fieldOutcomes(
      {
        fields: { datum: '2024-03-05', onderwerp: 'Speeltuin' },
        evidence: { datum: 'label', onderwerp: 'prose' },
        suggestions: [{ key: 'afzender', value: 'Gemeente Oosterlo', evidence: 'letterhead' }],
      },
      { type: 'brief', fields: { datum: '2024-03-05', onderwerp: 'Nieuwe speeltuin' }, questions: [] },
    );
    assert.deepEqual(outcomes, [
      { key: 'datum', evidence: 'label', suggested: false, right: true },
      { key: 'onderwerp', evidence: 'prose', suggested: false, right: false },
      { key: 'afzender', evidence: 'letterhead', suggested: true, right: false },
    ]);
  });
});
