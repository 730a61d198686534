// The relevance set for the site search (test/fixtures/search, issue 22): only its shape is checked here, not the
// search. Every query names texts that exist in the corpus, every category is large enough to measure, the holdout
// split follows the SHA-1 rule, and the queries that measure the analyser really need it: the query's own form is
// not in the expected text, the form the note names is.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const SEARCH = path.join(FIXTURES, 'search');
const SPLITS = ['dev', 'holdout'] as const;
const HEADER = 'query\texpected\tcategory\tnote';
const ANALYSED = ['klinker', 'meervoud', 'verkleinwoord', 'samenstelling', 'accent', 'typfout'];
const CATEGORIES = [...ANALYSED, 'afkorting', 'exact'];
const CORPUS = /^(documents\/real\/(dev|holdout)|search\/articles|search\/seeds)\/[^/]+$/;

interface Query {
  split: string;
  line: number;
  query: string;
  expected: string[];
  category: string;
  note: string;
}

function queries(): Query[] {
  return SPLITS.flatMap((split) => {
    const lines = fs.readFileSync(path.join(SEARCH, 'queries', `${split}.tsv`), 'utf8').split('\n');
    assert.equal(lines[0], HEADER, `${split}.tsv starts with the header`);
    assert.equal(lines.at(-1), '', `${split}.tsv ends with a newline`);
    return lines.slice(1, -1).map((text, i) => {
      const cells = text.split('\t');
      assert.equal(cells.length, 4, `${split}.tsv line ${i + 2} has four cells: ${text}`);
      const [query, expected, category, note] = cells;
      return { split, line: i + 2, query, expected: expected.split('|'), category, note };
    });
  });
}

function text(expected: string): string {
  return fs.readFileSync(path.join(FIXTURES, `${expected}.txt`), 'utf8');
}

/** The words (or phrase) as a whole, case-insensitive, accents as written. */
function hasWord(haystack: string, words: string): boolean {
  const escaped = words
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(haystack);
}

describe('the search relevance set', () => {
  const all = queries();
  const at = (q: Query) => `${q.split}.tsv line ${q.line} (${q.query})`;

  it('holds at least 180 distinct queries of 1 to 4 words, each with a known category', () => {
    assert.ok(all.length >= 180, `${all.length} queries`);
    assert.equal(new Set(all.map((q) => q.query)).size, all.length, 'a query is listed twice');
    for (const q of all) {
      assert.ok(CATEGORIES.includes(q.category), `${at(q)}: unknown category ${q.category}`);
      const words = q.query.replaceAll('"', '').trim().split(/\s+/);
      assert.ok(words.length >= 1 && words.length <= 4, `${at(q)}: ${words.length} words`);
    }
  });

  it('has at least 17 queries in every category', () => {
    for (const category of CATEGORIES) {
      const n = all.filter((q) => q.category === category).length;
      assert.ok(n >= 17, `${category}: ${n} queries`);
    }
  });

  it('expects texts of the corpus that exist', () => {
    for (const q of all)
      for (const e of q.expected) {
        assert.match(e, CORPUS, `${at(q)}: ${e} is not in the corpus`);
        assert.ok(fs.existsSync(path.join(FIXTURES, `${e}.txt`)), `${at(q)}: ${e}.txt does not exist`);
      }
  });

  it('puts a query in holdout exactly when its SHA-1 starts with 0 to 4', () => {
    for (const q of all) {
      const first = crypto.createHash('sha1').update(q.query, 'utf8').digest('hex')[0];
      assert.equal(q.split, '01234'.includes(first) ? 'holdout' : 'dev', `${at(q)}: sha1 starts with ${first}`);
    }
  });

  it("measures the analyser: the query's form is not in the expected text, the noted form is", () => {
    for (const q of all.filter((q) => ANALYSED.includes(q.category))) {
      const pairs = q.note
        .split('; ')
        .filter((part) => part.includes(' → '))
        .map((part) => part.split(' → '));
      assert.ok(pairs.length > 0, `${at(q)}: note "${q.note}" names no "query form → text form"`);
      for (const [asked, written] of pairs) {
        assert.ok(q.query.toLowerCase().includes(asked.toLowerCase()), `${at(q)}: the query lacks ${asked}`);
        for (const e of q.expected) {
          assert.ok(!hasWord(text(e), asked), `${at(q)}: ${e} holds ${asked} itself`);
          assert.ok(text(e).toLowerCase().includes(written.toLowerCase()), `${at(q)}: ${e} lacks ${written}`);
        }
      }
    }
  });

  it('pairs an abbreviation in the query with only its other form in the text', () => {
    for (const q of all.filter((q) => q.category === 'afkorting')) {
      const [short, long] = q.note.split(';')[0].split(' = ');
      const asked = hasWord(q.query, short) ? short : long;
      assert.ok(hasWord(q.query, asked), `${at(q)}: the query has neither ${short} nor ${long}`);
      const other = asked === short ? long : short;
      for (const e of q.expected) {
        assert.ok(!hasWord(text(e), asked), `${at(q)}: ${e} holds ${asked} itself`);
        assert.ok(hasWord(text(e), other), `${at(q)}: ${e} lacks ${other}`);
      }
    }
  });

  it('has the words of every exact query in its text', () => {
    for (const q of all.filter((q) => q.category === 'exact'))
      for (const e of q.expected) {
        for (const phrase of q.query.match(/"[^"]+"/g) ?? [])
          assert.ok(hasWord(text(e), phrase.slice(1, -1)), `${at(q)}: ${e} lacks the phrase ${phrase}`);
        for (const word of q.query.replaceAll('"', '').split(/\s+/)) assert.ok(hasWord(text(e), word), `${at(q)}: ${e} lacks ${word}`);
      }
  });

  it('keeps every article as title, empty line, body, and lists its source in the README', () => {
    const readme = fs.readFileSync(path.join(SEARCH, 'README.md'), 'utf8');
    const articles = fs.readdirSync(path.join(SEARCH, 'articles')).filter((f) => f.endsWith('.txt'));
    assert.ok(articles.length >= 60, `${articles.length} articles`);
    for (const f of articles) {
      assert.match(f, /^[a-z0-9-]+\.txt$/, `${f}: name not in lower-case ascii`);
      const [title, empty, ...body] = fs.readFileSync(path.join(SEARCH, 'articles', f), 'utf8').split('\n');
      assert.ok(title.trim().length > 0, `${f}: no title on line 1`);
      assert.equal(empty, '', `${f}: line 2 is not empty`);
      assert.ok(body.join('\n').trim().length > 0, `${f}: no body`);
      assert.ok(readme.includes(`\`articles/${f}\``), `${f} is not in the README`);
    }
  });
});
