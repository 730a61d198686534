// The word-level comparison: it always gives back both texts exactly, marks single words, and
// stays word by word inside changed lines when two long texts differ too much to compare at once.
import assert from 'node:assert/strict';
import { diffSection, wordCounts, wordDiff, type DiffPart } from '../../server/shared/word-diff';

const side = (parts: DiffPart[], kind: 'removed' | 'added') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === kind)
    .map((p) => p.text)
    .join('');

let seed = 7;
const word = () => {
  seed = (seed * 48271) % 2147483647;
  return ['raad', 'college', 'begroting', 'stalling', 'fiets', 'motie', 'vraag', 'antwoord', 'wijk', 'markt'][seed % 10] + (seed % 97);
};
const line = (n: number) => Array.from({ length: n }, word).join(' ');

describe('word diff', () => {
  it('marks the words that changed and keeps the rest', () => {
    const parts = wordDiff('De stalling heeft 300 plekken.', 'De stalling heeft 250 plekken.');
    assert.deepEqual(
      parts.filter((p) => p.kind !== 'same'),
      [
        { kind: 'removed', text: '300' },
        { kind: 'added', text: '250' },
      ],
    );
    assert.deepEqual(wordCounts(parts), { added: 1, removed: 1 });
    assert.deepEqual(wordDiff('', ''), []);
    assert.equal(diffSection('Titel', 'a', 'a').changed, false);
  });

  it('gives back both texts exactly, also for long texts too different to compare word by word at once', () => {
    const before = Array.from({ length: 200 }, () => line(60)).join('\n');
    const lines = before.split('\n');
    const after = lines.map((l, i) => (i % 10 === 0 ? line(60) : i % 10 === 5 ? l.replace(/^\S+/, 'gewijzigd') : l)).join('\n');
    const parts = wordDiff(before, after);
    assert.equal(side(parts, 'removed'), before);
    assert.equal(side(parts, 'added'), after);
    // A line changed in one word is still marked by that word.
    assert.ok(parts.some((p) => p.kind === 'added' && p.text === 'gewijzigd'));
  });

  it('shortens long unchanged stretches to their ends', () => {
    const long = line(400);
    const s = diffSection('Tekst', `${long} oud`, `${long} nieuw`);
    assert.ok(s.parts[0].text.startsWith('[…] '));
    assert.ok([...s.parts[0].text].length < 300);
  });
});
