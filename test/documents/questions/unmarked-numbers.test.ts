// Numbered questions whose mark was lost ("1 Is het college …?" / "2 Wanneer …?" / "2a Bent u …?") are a list when the
// numbers start at 1 and go up one by one and one of them asks; a footnote ("1 Zandmeerder Courant, 3 maart 2025") or a
// count ("12 Zandmeerders kwamen …") stays what it is (issue 20, session 17, rules31). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { unmarkedItems } from '../../../server/documents/parse/unmarked-numbers';
import { toLines } from '../../../server/documents/parse/lines';

const letter = (items: string[]) =>
  [
    'Schriftelijke vragen over de nieuwe stal in Zandmeer',
    '',
    'Geacht college,',
    '',
    'Uit de krant[1] begrijpen wij dat de stal wordt uitgebreid. Wij hebben daarom de volgende vragen.',
    '',
    ...items,
    '',
    '1 Zandmeerder Courant, 3 maart 2025',
  ].join('\n');

describe('documents: numbers without their mark', () => {
  it('reads "1 …?" / "2 …?" / "2a …?" as questions, not as footnotes', () => {
    const doc = parseDocument(
      letter([
        '1 Is het college op de hoogte van de uitbreiding?',
        '',
        '2 Heeft de provincie een vergunning verleend?',
        '',
        '2a Zo ja, wanneer?',
      ]),
    );
    assert.deepEqual(
      doc.questions.map((q) => [q.label ?? String(q.number), q.question]),
      [
        ['1', 'Is het college op de hoogte van de uitbreiding?'],
        ['2', 'Heeft de provincie een vergunning verleend?'],
        ['2a', 'Zo ja, wanneer?'],
      ],
    );
    // The footnote under the list stays a footnote: no fourth question.
    assert.ok(!doc.questions.some((q) => /Courant/.test(q.question)));
  });

  it('leaves a lone number, a list that does not start at 1 and a list that asks nothing alone', () => {
    const items = (text: string) => [...unmarkedItems(toLines(text)).keys()];
    assert.deepEqual(items('1 Zandmeerder Courant, 3 maart 2025'), []);
    assert.deepEqual(items('12 Zandmeerders kwamen naar de avond.\n13 Anderen bleven thuis.'), []);
    assert.deepEqual(items('1 Het college kwam bijeen.\n2 De raad vergaderde.'), []);
    assert.deepEqual(items('1 Kent u het bericht?\n2 Wat gaat u doen?'), [0, 1]);
  });
});
