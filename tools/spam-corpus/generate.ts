// Assembles the bundled spam corpus: train.csv (the day-one model learns from it) and holdout-a.csv +
// holdout-b.csv (never learned from, never tuned on). Each row is assembled from the hand-written
// fragments of banks.ts, then roughened the way real comments are: case, typos, emoji, leetspeak,
// look-alike letters, zero-width characters, URLs without a scheme.
//
// The draws come from CPython's random number generator with fixed seeds, in the order the original
// Python script (make-corpus.py) made them, so the files are the same byte for byte. Strings are
// handled per code point, as Python does, never per UTF-16 unit.
import { BANKS, FIRST_NAMES, HANDLES, LAST_NAMES, type Bank } from './banks';
import { PythonRandom } from './python-random';

/** author, email, url, content, spam ('1' or '0'): one row of a corpus CSV. */
export type CorpusRow = [author: string, email: string, url: string, content: string, spam: '1' | '0'];

// ---------------------------------------------------------------- people

function person(r: PythonRandom): [string, string] {
  const f = r.choice(FIRST_NAMES);
  const style = r.random();
  let name: string;
  if (style < 0.5) name = f;
  else if (style < 0.75) name = f + ' ' + r.choice(LAST_NAMES);
  else if (style < 0.85) name = f.toLowerCase();
  else if (style < 0.93) name = f[0] + '. ' + r.choice(LAST_NAMES);
  else name = f + String(r.randint(1, 99));
  const dom = r.choice([
    'gmail.com',
    'hotmail.com',
    'ziggo.nl',
    'kpnmail.nl',
    'outlook.com',
    'xs4all.nl',
    'yahoo.com',
    'live.nl',
    'icloud.com',
  ]);
  const email =
    f.toLowerCase() +
    r.choice(['', '.', '_']) +
    r.choice(LAST_NAMES).toLowerCase().replaceAll(' ', '') +
    (r.random() < 0.5 ? String(r.randint(1, 999)) : '') +
    '@' +
    dom;
  return [name, email];
}

/** Python's str.capitalize(): the first letter upper case, the rest lower case. */
function capitalize(s: string): string {
  const [first = '', ...rest] = Array.from(s);
  return first.toUpperCase() + rest.join('').toLowerCase();
}

function spammer(r: PythonRandom): [string, string] {
  const s = r.random();
  let name: string;
  if (s < 0.3) name = r.choice(HANDLES) + r.choice(FIRST_NAMES) + String(r.randint(1, 9999));
  else if (s < 0.5) name = r.choice(FIRST_NAMES) + ' ' + r.choice(LAST_NAMES);
  else if (s < 0.65)
    name = r.choice([
      'Best Casino Bonus',
      'Cheap Pills Online',
      'Crypto Signals',
      'Loan Fast',
      'Free Followers',
      'SEO Expert',
      'Hot Girls Nearby',
      'Goedkope Lening',
      'Gratis Volgers',
      'Webshop Deals',
      'iPhone Giveaway',
      'Dating NL',
      'Essay Writer',
      'Forex Mentor',
    ]);
  else if (s < 0.8) name = capitalize(r.choice(HANDLES)) + ' ' + capitalize(r.choice(HANDLES));
  else name = r.choice(FIRST_NAMES);
  const dom = r.choice([
    'gmail.com',
    'mail.ru',
    'yandex.com',
    'outlook.com',
    'hotmail.com',
    'proton.me',
    'yahoo.com',
    'protonmail.com',
    'qq.com',
  ]);
  const email = name.toLowerCase().replaceAll(' ', '') + String(r.randint(1, 9999)) + '@' + dom;
  return [name, email];
}

// ---------------------------------------------------------------- noise

const LEET = new Map(Object.entries({ a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' }));
// Cyrillic letters that look like Latin ones.
const LOOK = new Map(Object.entries({ a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' }));
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const EMOJI_SPAM = ['🔥', '💰', '🎁', '👉', '👇', '✅', '💯', '🚀', '😍', '💸', '🤑', '❤️', '⭐', '📈', '🎉', '💎', '👀', '🙏'];
const EMOJI_HAM = ['😂', '🤣', '👍', '❤️', '😢', '😡', '🙄', '👏', '😊', '🤔', '😭', '🔥', '😍', '🙏', '💪', '😅'];
const LETTER = /^\p{L}$/u;

/** One typo: two letters swapped, one dropped or one doubled. */
function typo(r: PythonRandom, text: string): string {
  const t = Array.from(text);
  if (t.length < 8) return text;
  const i = r.randrange(1, t.length - 2);
  const k = r.random();
  const head = t.slice(0, i).join('');
  if (k < 0.4) return head + t[i + 1] + t[i] + t.slice(i + 2).join('');
  if (k < 0.7) return head + t.slice(i + 1).join('');
  return head + t[i] + t.slice(i).join('');
}

/** Each code point through `f`, joined: Python's ''.join(f(c) for c in t). */
function perCodePoint(t: string, f: (c: string) => string): string {
  return Array.from(t, f).join('');
}

function roughen(r: PythonRandom, text: string, spam: boolean): string {
  let t = text;
  if (r.random() < (spam ? 0.25 : 0.12)) t = t.toLowerCase();
  if (r.random() < (spam ? 0.12 : 0.05)) t = t.toUpperCase();
  if (r.random() < (spam ? 0.15 : 0.04)) t = perCodePoint(t, (c) => (r.random() < 0.5 ? c.toUpperCase() : c.toLowerCase()));
  if (spam && r.random() < 0.18) t = perCodePoint(t, (c) => (LEET.has(c.toLowerCase()) && r.random() < 0.45 ? (LEET.get(c) ?? c) : c));
  if (spam && r.random() < 0.12) t = perCodePoint(t, (c) => (LOOK.has(c) && r.random() < 0.5 ? (LOOK.get(c) ?? c) : c));
  if (spam && r.random() < 0.12) t = perCodePoint(t, (c) => c + (LETTER.test(c) && r.random() < 0.3 ? r.choice(ZERO_WIDTH) : ''));
  for (let n = r.choice([0, 0, 1, 1, 2]); n > 0; n--) t = typo(r, t);
  if (r.random() < (spam ? 0.3 : 0.2)) {
    const emoji = spam ? EMOJI_SPAM : EMOJI_HAM;
    const count = r.choice(spam ? [1, 1, 2, 3, 6, 10] : [1, 1, 1, 2, 3, 5]);
    t = t + ' ' + Array.from({ length: count }, () => r.choice(emoji)).join('');
  }
  if (spam && r.random() < 0.1) t = Array.from({ length: r.randint(2, 5) }, () => r.choice(EMOJI_SPAM)).join('') + ' ' + t;
  if (r.random() < 0.1) t = t.replace(/[.!]+$/u, '') + r.choice(['!!!', '!!', '...', ' !!', '??', '!!!!!']);
  if (!spam && r.random() < 0.08) t = replaceFirst(t, '. ', '.\n\n');
  return t;
}

// ---------------------------------------------------------------- templates

/** Python's str.replace(old, new, 1): no `$` patterns, unlike String.prototype.replace. */
function replaceFirst(s: string, search: string, replacement: string): string {
  const at = s.indexOf(search);
  return at === -1 ? s : s.slice(0, at) + replacement + s.slice(at + search.length);
}

type Slot = string[] | ((r: PythonRandom) => string);

/** Fills each {slot} with a fresh draw, slot by slot in the order given, four rounds (slots may hold slots). */
function fill(r: PythonRandom, template: string, slots: Map<string, Slot>): string {
  let out = template;
  for (let round = 0; round < 4; round++)
    for (const [k, v] of slots) {
      const mark = `{${k}}`;
      while (out.includes(mark)) out = replaceFirst(out, mark, Array.isArray(v) ? r.choice(v) : v(r));
    }
  return out;
}

function urlOf(r: PythonRandom, hosts: string[], paths: string[], schemeP = 0.55): string {
  const host = r.choice(hosts);
  const scheme = r.random() < schemeP ? r.choice(['https://', 'http://']) : !host.startsWith('www.') ? r.choice(['www.', '']) : '';
  const p = r.choice(paths);
  let u = scheme + host + p;
  // "site . com" and "site(dot)com", to dodge link detection
  if (r.random() < 0.1) u = replaceFirst(u, '.', ' . ');
  else if (r.random() < 0.08) u = replaceFirst(u, '.', '(dot)');
  return u;
}

function rowSpam(r: PythonRandom, bank: Bank, category: string): CorpusRow {
  const [name, email] = spammer(r);
  const slots = new Map<string, Slot>(Object.entries(bank.spamSlots));
  slots.set('url', (rr) => urlOf(rr, bank.spamHosts, bank.paths));
  slots.set('email', () => email);
  if (!slots.has('emo')) slots.set('emo', ['', '🔥', '💰']);
  if (!slots.has('n2')) slots.set('n2', ['1000']);
  let t = fill(r, r.choice(bank.spam[category]), slots);
  if (r.random() < 0.15) {
    // two spam lines glued together, as bots do
    const t2 = fill(r, r.choice(bank.spam[r.choice(Object.keys(bank.spam))]), slots);
    t = t + r.choice([' ', '\n', ' | ', '. ']) + t2;
  }
  if (r.random() < 0.12) t = fill(r, r.choice(bank.spam.praise), slots) + ' ' + t; // copied praise before the link
  const url = r.random() < 0.2 ? 'https://' + r.choice(bank.spamHosts).split('/')[0] : '';
  return [name, email, url, roughen(r, t, true), '1'];
}

function rowHam(r: PythonRandom, bank: Bank, category: string): CorpusRow {
  const [name, email] = person(r);
  const slots = new Map<string, Slot>(Object.entries(bank.hamSlots));
  let t = fill(r, r.choice(bank.ham[category]), slots);
  if (r.random() < 0.2 && category !== 'short_en' && category !== 'short_nl')
    t = t + ' ' + fill(r, r.choice(bank.ham[r.choice(Object.keys(bank.ham))]), slots);
  if (r.random() < 0.1) t = '@' + r.choice(FIRST_NAMES) + ' ' + t;
  if (r.random() < 0.06) t = '"' + fill(r, r.choice(bank.ham.civic_nl), slots) + '"\n\n' + t;
  const url = r.random() < 0.05 ? 'https://' + name.split(' ')[0].toLowerCase() + '.blog.example' : '';
  return [name, email, url, roughen(r, t, false), '0'];
}

/** n_spam spam rows and n_ham ham rows with distinct contents, shuffled. */
function make(bank: Bank, nSpam: number, nHam: number, seed: number): CorpusRow[] {
  const r = new PythonRandom(seed);
  const rows: CorpusRow[] = [];
  const seen = new Set<string>();
  const counts = { '1': 0, '0': 0 };
  const add = (row: CorpusRow) => {
    if (seen.has(row[3])) return;
    seen.add(row[3]);
    rows.push(row);
    counts[row[4]]++;
  };
  const spamCategories = Object.keys(bank.spam);
  const hamCategories = [...Object.keys(bank.ham), ...(bank.hamWeights ?? [])];
  while (counts['1'] < nSpam) add(rowSpam(r, bank, r.choice(spamCategories)));
  while (counts['0'] < nHam) add(rowHam(r, bank, r.choice(hamCategories)));
  r.shuffle(rows);
  return rows;
}

// ---------------------------------------------------------------- files

const HEADER = ['author', 'email', 'url', 'content', 'spam'];

/** Python's csv.writer (the excel dialect): CRLF lines, a field quoted only when it must be. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [HEADER, ...rows].map((row) => row.map(field).join(',') + '\r\n').join('');
}

export type CorpusFile = 'train.csv' | 'holdout-a.csv' | 'holdout-b.csv';

/**
 * The rows of the three corpus files, by file name. `older` are the hand-written rows of
 * test/fixtures/spam-corpus.csv, which the day-one model learns from as well.
 */
export function generateCorpus(older: readonly CorpusRow[]): Record<CorpusFile, CorpusRow[]> {
  const train = [...make(BANKS.train, 1000, 1000, 11), ...make(BANKS.train2, 250, 250, 23), ...older];
  new PythonRandom(5).shuffle(train);
  // Two halves, so that `spam:eval --train holdout-a.csv holdout-b.csv` learns from one and measures the other.
  const holdout = make(BANKS.holdout, 250, 250, 31);
  return {
    'train.csv': train,
    'holdout-a.csv': holdout.filter((_, i) => i % 2 === 0),
    'holdout-b.csv': holdout.filter((_, i) => i % 2 === 1),
  };
}
