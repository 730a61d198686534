// A number with its colon glued to the question's first word ("1:Is het college …") is an item's mark, as "1: Is"
// is; a clock time or a ratio is not (issue 20, session 16, rules30). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { numbered } from '../../../server/documents/parse/numbering';

describe('documents: a number glued to its question by a colon', () => {
  it('reads "1:Is" as item 1, not "10:30" or "1:het"', () => {
    assert.deepEqual(numbered('1:Is het college bekend met dit bericht?'), {
      number: 1,
      label: '1',
      role: null,
      style: ':',
      rest: 'Is het college bekend met dit bericht?',
    });
    assert.equal(numbered('10:30 uur begint de vergadering.'), null);
    assert.equal(numbered('1:het college'), null);
  });

  it('keeps the first question of a list whose marks are glued', () => {
    const doc = parseDocument(
      [
        'Schriftelijke vragen van de fractie Zandmeer Vooruit over bushaltes',
        '',
        '1:Is het college op de hoogte van de plannen van de vervoerder?',
        '',
        '2: Gaat het college zich inzetten voor de haltes in Zandmeer?',
        '',
        '3: Wanneer informeert het college de raad?',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.questions.map((q) => q.question),
      [
        'Is het college op de hoogte van de plannen van de vervoerder?',
        'Gaat het college zich inzetten voor de haltes in Zandmeer?',
        'Wanneer informeert het college de raad?',
      ],
    );
  });
});
