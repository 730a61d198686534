// A numbering that starts again without a section's name ("1." / a paragraph / "1." … "3.") names no question apart:
// the questions are known by their position, and the text's bare numbers are no labels; sections with a letter keep
// theirs (issue 20, session 17, rules31). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const head = ['Schriftelijke vragen van de fractie Zandmeer Vooruit over de milieustraat', '', 'Geacht college,', ''];

describe('documents: a numbering that starts again', () => {
  it('numbers the questions by position when the text numbers from 1 twice', () => {
    const doc = parseDocument(
      [
        ...head,
        '1. Kunt u aangeven waarom de milieustraat op zaterdag dicht is?',
        '',
        'Veel inwoners brengen hun afval nu naar de buurgemeente. Dat kost hen tijd en geld.',
        '',
        '1. Hoeveel inwoners gaan naar de milieustraat van de buurgemeente?',
        '2. Wat kost dat de gemeente?',
        '3. Is het college bereid de milieustraat op zaterdag weer te openen?',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.questions.map((q) => [q.number, q.label]),
      [
        [1, undefined],
        [2, undefined],
        [3, undefined],
        [4, undefined],
      ],
    );
    assert.equal(doc.questions[1].question, 'Hoeveel inwoners gaan naar de milieustraat van de buurgemeente?');
  });

  it('keeps the labels of a numbering that runs on, and of sections with a letter', () => {
    const running = parseDocument(
      [...head, '1. Kunt u aangeven waarom de milieustraat dicht is?', '', '3. Wat kost dat de gemeente?'].join('\n'),
    );
    assert.deepEqual(
      running.questions.map((q) => q.label ?? String(q.number)),
      ['1', '3'],
    );
    const sections = parseDocument(
      [
        ...head,
        'De milieustraat is sinds maart op zaterdag gesloten. Daarover hebben wij de volgende vragen.',
        '',
        'A. Vragen over de openingstijden',
        '',
        '1. Waarom is de milieustraat op zaterdag dicht?',
        '',
        'B. Vragen over de kosten',
        '',
        '1. Wat kost de sluiting de inwoners?',
      ].join('\n'),
    );
    assert.deepEqual(
      sections.questions.map((q) => q.label),
      ['A1', 'B1'],
    );
  });
});
