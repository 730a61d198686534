// Parsing what was typed into /zoeken: pure, and never a syntax FTS5 or tsquery could choke on.
import assert from 'node:assert/strict';
import { dutchPrefix, foldText, MAX_QUERY_LENGTH, parseQuery, toFts5, toTsquery } from '../../server/search/query';
import { snippetHtml } from '../../server/search/snippet';

describe('search: parsing a query', () => {
  it('folds case, accents and ligatures', () => {
    assert.equal(foldText('Café Crème ĲSSEL ĳs coöperatie ﬁets Ａ'), 'cafe creme ijssel ijs cooperatie fiets a');
  });

  it('reads words, phrases in quotes and prefixes', () => {
    const q = parseQuery('Zwembad "Openbare Ruimte" fiets* park');
    assert.deepEqual(q.terms, [
      { words: ['zwembad'], prefix: false, quoted: false },
      { words: ['openbare', 'ruimte'], prefix: false, quoted: true },
      { words: ['fiets'], prefix: true, quoted: false },
      { words: ['park'], prefix: true, quoted: false },
    ]);
    assert.equal(toTsquery(q), 'zwembad & (openbare <-> ruimte) & fiets:* & park:*');
    assert.equal(toFts5(q), '"zwembad" AND "openbare ruimte" AND "fiets"* AND "park"*');
  });

  it('does not take the last word as a prefix after a closing quote or a space-only end', () => {
    assert.equal(toFts5(parseQuery('"de markt"')), '"de markt"');
    assert.equal(parseQuery('markt ').terms[0].prefix, true);
  });

  it('searches a Dutch word on SQLite by its stem as a prefix, leaving short words alone', () => {
    assert.equal(dutchPrefix('fietsers'), 'fiets');
    assert.equal(dutchPrefix('fietsen'), 'fiets');
    assert.equal(dutchPrefix('gemeentelijke'), 'gemeentelijk');
    assert.equal(dutchPrefix('fiets'), 'fiets');
    assert.equal(dutchPrefix('tafels'), 'tafel');
    assert.equal(dutchPrefix('plannen'), 'plan');
    assert.equal(dutchPrefix('prijs'), 'prijs');
    assert.equal(dutchPrefix('water'), 'water');
    assert.equal(dutchPrefix('bus'), 'bus');
    assert.equal(dutchPrefix('2026'), '2026');
    assert.equal(toFts5(parseQuery('fietsen markt')), '"fiets"* AND "markt"*');
    // In quotes the words are exact.
    assert.equal(toFts5(parseQuery('"fietsen"')), '"fietsen"');
  });

  it('turns a word with punctuation inside into a phrase of its parts', () => {
    const q = parseQuery('e-mail adres');
    assert.deepEqual(q.terms[0], { words: ['e', 'mail'], prefix: false, quoted: false });
    assert.equal(toTsquery(q), '(e <-> mail) & adres:*');
  });

  const hostile = [
    '"unbalanced',
    'unbalanced"',
    '"""',
    '*',
    '* *',
    'a:b',
    'x:*',
    '& | ! ( ) <-> <1>',
    'NEAR(a b, 3)',
    'a AND b OR c NOT d',
    '-a --b',
    "o'neil ''",
    '\\"',
    '🌳 🚲',
    '.,;:!?',
    '{col}: ^x',
    '\u0000\u0002\u0003',
    'x'.repeat(10_000),
  ];

  it('leaves only letters and digits in every term, whatever was typed', () => {
    for (const input of hostile) {
      const q = parseQuery(input);
      for (const t of q.terms) for (const w of t.words) assert.match(w, /^[\p{L}\p{N}]+$/u, input);
      const fts = toFts5(q);
      // Every word quoted, joined by AND, at most a * after a closing quote.
      if (fts !== null) assert.match(fts, /^"[\p{L}\p{N} ]+"\*?( AND "[\p{L}\p{N} ]+"\*?)*$/u, input);
      const ts = toTsquery(q);
      if (ts !== null) assert.match(ts, /^[\p{L}\p{N}:*()<\->& ]+$/u, input);
    }
  });

  it('gives nothing to search for input without letters or digits', () => {
    for (const input of ['', '   ', '*', '"""', '🌳', '.,;:!?', '& | !']) {
      assert.deepEqual(parseQuery(input).terms, [], input);
      assert.equal(toFts5(parseQuery(input)), null);
      assert.equal(toTsquery(parseQuery(input)), null);
    }
    assert.deepEqual(parseQuery(undefined).terms, []);
    assert.deepEqual(parseQuery(['a', 'b']).terms, []);
  });

  it('cuts very long input and keeps at most eight terms of forty letters', () => {
    const q = parseQuery('woord '.repeat(100));
    assert.equal(q.input.length, MAX_QUERY_LENGTH);
    assert.equal(q.terms.length, 8);
    assert.equal(parseQuery('x'.repeat(500)).terms[0].words[0].length, 40);
  });
});

describe('search: snippets', () => {
  it('escapes everything and only then marks the matches', () => {
    assert.equal(snippetHtml('a <b>&"\' \u0002word\u0003 end'), 'a &lt;b&gt;&amp;&#34;&#39; <mark>word</mark> end');
  });

  it('never opens a mark twice or closes one never opened', () => {
    assert.equal(snippetHtml('\u0003a \u0002\u0002b\u0003\u0003 \u0002c'), 'a <mark>b</mark> <mark>c</mark>');
  });

  it('leaves out Markdown marks', () => {
    assert.equal(snippetHtml('**vet** en [een link](https://example.nl) # kop'), 'vet en een link kop');
  });
});
