// What counts as typed: a value of only invisible characters is empty, and a person's text is stored
// composed (NFC) without invisible characters at either end, never losing what shows.
import assert from 'node:assert/strict';
import { isBlank, tidyText } from '../../server/shared/validation';

describe('shared: blank and tidy text', () => {
  it('finds nothing typed in whitespace, zero-width, control, format and filler characters', () => {
    for (const value of [
      '',
      '   ',
      '\t\u000b\f   \u200b\u3000',
      '\u200b\u200c\u200d\u2060\ufeff',
      '\u00a0\u2002\u202f\u205f\u3000',
      '\u2028\u2029\u0085\r\n',
      '\u0000\u0007\u001b\u007f',
      '\u00ad\u034f\u061c\u180e',
      '\u115f\u1160\u3164\uffa0',
      '\u2800',
      '\u200e\u200f\u202a\u202e\u2066\u2069',
      '\ufe0f\u{e0020}\u{e007f}',
    ])
      assert.equal(isBlank(value), true, JSON.stringify(value));
  });

  it('finds something typed in any visible character, however small', () => {
    for (const value of ['a', '.', '\u00e9', 'e\u0301', '😀', '❤️', '\u0661', '\u4e2d', '\u200bJan\u200b', '·'])
      assert.equal(isBlank(value), false, JSON.stringify(value));
  });

  it('composes (NFC) and takes invisible characters off both ends only', () => {
    assert.equal(tidyText('Rene\u0301e'), 'Ren\u00e9e');
    assert.equal(tidyText('\u200b\ufeff Jan \u3000\u2060'), 'Jan');
    assert.equal(tidyText('\u3164\u2800Piet\u115f'), 'Piet');
    assert.equal(tidyText('\n\n  Tekst\n\nmet alinea’s\n\n'), 'Tekst\n\nmet alinea’s');
    assert.equal(tidyText('Jan\u200bde\u200bVries'), 'Jan\u200bde\u200bVries', 'inside, nothing is taken away');
  });

  it('keeps what ends an emoji or a right-to-left name', () => {
    for (const value of ['Ik ❤️', 'Gezin 👩‍👩‍👧', 'Schotland 🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'سلام\u200f']) assert.equal(tidyText(value), value, value);
  });
});
