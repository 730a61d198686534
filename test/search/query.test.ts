// Parsing what was typed into /zoeken: pure, and never a syntax FTS5 or tsquery could choke on.
import assert from 'node:assert/strict';
import { foldText } from '../../server/search/fold';
import { dutchAnalyser } from '../../server/search/analyser/lexicon';
import { toTsquery as tsqueryOf } from '../../server/search/postgres-index';
import { MAX_QUERY_LENGTH, parseQuery, type SearchQuery } from '../../server/search/query';
import { markMatches, snippetHtml } from '../../server/search/snippet';
import { toFts5 as fts5Of } from '../../server/search/sqlite-index';
import { expandQuery, synonymIndex } from '../../server/search/terms';

const NO_SYNONYMS = synonymIndex([]);
const toFts5 = (q: SearchQuery) => fts5Of(expandQuery(q, dutchAnalyser(), NO_SYNONYMS));
const toTsquery = (q: SearchQuery) => tsqueryOf(expandQuery(q, dutchAnalyser(), NO_SYNONYMS));

describe('search: parsing a query', () => {
  it('folds case, accents and ligatures', () => {
    assert.equal(foldText('Café Crème ĲSSEL ĳs coöperatie ﬁets Ａ'), 'cafe creme ijssel ijs cooperatie fiets a');
  });

  it('folds plain ASCII (its fast path) exactly as it folds any other text', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    const full = (t: string) =>
      t
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
    assert.equal(foldText(ascii), full(ascii));
    assert.equal(foldText('Gemeenteraad B&W 2024'), 'gemeenteraad b&w 2024');
    // One letter beyond ASCII takes the whole word the full way.
    assert.equal(foldText('Gebiedscoördinatoren'), 'gebiedscoordinatoren');
  });

  it('reads words, phrases in quotes and prefixes', () => {
    const q = parseQuery('Zwembad "Openbare Ruimte" fiets* park');
    assert.deepEqual(q.terms, [
      { words: ['zwembad'], prefix: false, starred: false, quoted: false },
      { words: ['openbare', 'ruimte'], prefix: false, starred: false, quoted: true },
      { words: ['fiets'], prefix: true, starred: true, quoted: false },
      { words: ['park'], prefix: true, starred: false, quoted: false },
    ]);
  });

  it('searches a word exactly, by its stems among the stems and compound parts, and a phrase word for word', () => {
    const q = parseQuery('Zwembaden "Openbare Ruimte" fiets* park');
    assert.equal(
      toFts5(q),
      '({title fields body} : "zwembaden" OR {stems parts} : ("zwembad") OR ({stems parts} : ("zwem") AND {stems parts} : ("baden" OR "bad" OR "baad"))) AND ' +
        '({title fields body} : "openbare ruimte") AND ' +
        '({title fields body} : "fiets"* OR {title fields body} : "fiets" OR {stems parts} : ("fiets")) AND ' +
        '({title fields body} : "park" OR {stems parts} : ("park"))',
    );
    assert.equal(
      toTsquery(q),
      "('zwembaden' | '~zwembad' | '+zwembad' | (('~zwem' | '+zwem') & ('~baden' | '+baden' | '~bad' | '+bad' | '~baad' | '+baad'))) & (('openbare' <-> 'ruimte')) & ('fiets':* | 'fiets' | '~fiets' | '+fiets') & ('park' | '~park' | '+park')",
    );
  });

  it('does not take the last word as a prefix after a closing quote or a space-only end', () => {
    assert.equal(toFts5(parseQuery('"de markt"')), '({title fields body} : "de markt")');
    assert.equal(parseQuery('markt ').terms[0].prefix, true);
  });

  it('leaves out stop words unless there is nothing else', () => {
    assert.equal(toFts5(parseQuery('de bomen van het park.')), toFts5(parseQuery('bomen park.')));
    assert.equal(toFts5(parseQuery('het ')), '({title fields body} : "het")');
    // The last word is a prefix only when the dictionary does not know it (unfinished).
    assert.equal(
      toFts5(parseQuery('parkeergar')),
      '({title fields body} : "parkeergar"* OR {title fields body} : "parkeergar" OR {stems parts} : ("parkeergar"))',
    );
  });

  it('searches every form of an abbreviation or synonym, either way round', () => {
    const synonyms = synonymIndex([
      ['Wmo', 'Wet maatschappelijke ondersteuning'],
      ['B&W', 'college van burgemeester en wethouders'],
    ]);
    const fts = (input: string) => fts5Of(expandQuery(parseQuery(input), dutchAnalyser(), synonyms));
    assert.equal(
      fts('wmo.'),
      '({title fields body} : "wmo" OR {title fields body} : "wet maatschappelijke ondersteuning" OR {stems parts} : ("wmo"))',
    );
    assert.equal(
      fts('Wet Maatschappelijke ondersteuning.'),
      '({title fields body} : "wet maatschappelijke ondersteuning" OR {title fields body} : "wmo")',
    );
    assert.equal(
      fts('B&W besluit.'),
      '({title fields body} : "b w" OR {title fields body} : "college van burgemeester en wethouders") AND ({title fields body} : "besluit" OR {stems parts} : ("besluit"))',
    );
  });

  it('turns a word with punctuation inside into a phrase of its parts', () => {
    const q = parseQuery('e-mail adres');
    assert.deepEqual(q.terms[0], { words: ['e', 'mail'], prefix: false, starred: false, quoted: false });
    assert.equal(toTsquery(q), "(('e' <-> 'mail')) & ('adres' | '~adres' | '+adres')");
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
      // Every word quoted: alternatives in a column filter, ORed in parentheses, ANDed.
      const alternative =
        '\\{(?:title fields body|stems parts)\\} : (?:"[\\p{L}\\p{N} ]+"\\*?|\\("[\\p{L}\\p{N}]+"(?: OR "[\\p{L}\\p{N}]+")*\\))';
      const term = `\\(${alternative}(?: OR ${alternative})*\\)`;
      const fts = toFts5(q);
      if (fts !== null) assert.match(fts, new RegExp(`^${term}(?: AND ${term})*$`, 'u'), input);
      // Every lexeme quoted, marks ~ and + only at a lexeme's start.
      const ts = toTsquery(q);
      if (ts !== null) assert.match(ts, /^(?:'[~+]?[\p{L}\p{N}]+'(?::\*)?|[()|&<\-> ])+$/u, input);
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

  it('marks only the matches, whatever markers the text held itself', () => {
    const terms = expandQuery(parseQuery('fontein'), dutchAnalyser(), NO_SYNONYMS);
    const marked = markMatches('Het \u0002park\u0003 met de fontein\u0003 en \u0002bankjes', terms, dutchAnalyser());
    assert.equal(snippetHtml(marked), 'Het park met de <mark>fontein</mark> en bankjes');
  });

  it('leaves out Markdown marks', () => {
    assert.equal(snippetHtml('**vet** en [een link](https://example.nl) # kop'), 'vet en een link kop');
  });
});
