// Lists as web pages and Markdown give them (issue 20, session 20): every item numbered "1." (Markdown numbers them
// when it shows them), and an answer part under a heading with an article ("De beantwoording van het college:").
// Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { autoNumbered } from '../../../server/documents/parse/numbering';

const line = (text: string) => ({ text, md: text });

describe('documents: lists numbered "1." throughout, and answers under a heading with an article', () => {
  it('numbers three items or more in a row, each "1.", by their place', () => {
    const lines = ['Vragen', '1. Waarom?', '', '1. Wanneer?', '1. Hoe?', 'Toelichting', '1. Een los punt'].map(line);
    autoNumbered(lines);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['Vragen', '1. Waarom?', '', '2. Wanneer?', '3. Hoe?', 'Toelichting', '1. Een los punt'],
    );
    // Two items "1." may be two lists that each start again: left as they are.
    const two = ['1. Waarom?', '1. Wanneer?'].map(line);
    autoNumbered(two);
    assert.deepEqual(
      two.map((l) => l.text),
      ['1. Waarom?', '1. Wanneer?'],
    );
  });

  it('reads such a list as the questions, each by its place', () => {
    const got = parseDocument(
      [
        'Schriftelijke vragen over de voedselbank',
        '',
        '  1. Is het college bekend met de wachtlijst van de voedselbank?',
        '  1. Hoeveel huishoudens staan erop?',
        '  1. Wat doet het college om de voedselbank te helpen?',
      ].join('\n'),
    );
    assert.deepEqual(
      got.questions.map((q) => q.number),
      [1, 2, 3],
    );
    assert.match(got.questions[1].question, /^Hoeveel huishoudens/);
  });

  it('pairs numbered answers under "De beantwoording van het college/de burgemeester:"', () => {
    const got = parseDocument(
      [
        'Circus in Zandmeer',
        '',
        'Schriftelijke vragen',
        '',
        '1. Is het college bekend met het verbod op wilde dieren in circussen?',
        '',
        '2. Gaat het college handhaven?',
        '',
        'Antwoorddatum: 30 aug. 2024',
        '',
        'De beantwoording van het college/de burgemeester:',
        '',
        '1. Ja, daarvan zijn wij op de hoogte.',
        '',
        '2. Nee, daartoe is het college niet bevoegd.',
      ].join('\n'),
    );
    assert.equal(got.questions.length, 2);
    assert.equal(got.questions[0].answer, 'Ja, daarvan zijn wij op de hoogte.');
    assert.equal(got.questions[1].answer, 'Nee, daartoe is het college niet bevoegd.');
  });
});
