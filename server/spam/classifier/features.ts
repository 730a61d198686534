// What the classifier looks at in a reactie: folded words and word pairs, character 4-grams (they
// survive typos and glued words), the hosts and shapes of links (with or without https://), the
// author's name, and a few form signals (emoji runs, shouting, folding that had to undo tricks).
// Features are hashed to integers: the model stores counts per hash, never the words themselves.
import { URL_SHORTENERS } from '../shorteners';
import { fold } from './fold';

export interface ClassifiedContent {
  authorName: string;
  authorUrl: string | null;
  body: string;
}

// Shorteners hide where a link goes; for the classifier also the link hubs and chat links that
// channel promotion uses (a feature it weighs, not a verdict: residents share those too).
const SHORTENERS = new Set([...URL_SHORTENERS, 'bit.do', 't.ly', 'linktr.ee', 'youtu.be', 'wa.me', 't.me']);

// Second-level labels under which the registered name is one label further down (bbc.co.uk).
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'nl', 'ne']);

// A link as spam writes it: with or without scheme, "site . com" and "site(dot)com" included.
const URL_PATTERN = /(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]+(?:\s?\.\s?|\(dot\)|\[dot\]))+[a-z]{2,12})(?![a-z0-9-])((?:\/[^\s]*)?)/gu;
const KNOWN_WORD_TLDS = new Set([
  'nl',
  'be',
  'com',
  'org',
  'net',
  'io',
  'me',
  'ly',
  'co',
  'uk',
  'de',
  'eu',
  'tv',
  'ru',
  'gl',
  'gd',
  'at',
  'cc',
  'ee',
]);

const EMOJI = /\p{Extended_Pictographic}/gu;
const MAX_FEATURES = 600;

function registered(host: string): string {
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const n = SECOND_LEVEL.has(labels[labels.length - 2]) && labels[labels.length - 1].length === 2 ? 3 : 2;
  return labels.slice(-n).join('.');
}

function linkFeatures(text: string, out: Set<string>): string {
  let rest = text;
  for (const m of text.matchAll(URL_PATTERN)) {
    const host = m[1].replace(/\s|\(dot\)|\[dot\]/g, (s) => (s.trim() === '' ? '' : '.')).replace(/\.+/g, '.');
    const tld = host.slice(host.lastIndexOf('.') + 1);
    const hasScheme = /^https?:/.test(m[0]) || m[0].startsWith('www.');
    // "blz.12" or "e.g" are no links: without a scheme the ending must be a real one we know or 3+ letters.
    if (!hasScheme && !KNOWN_WORD_TLDS.has(tld) && tld.length < 3) continue;
    if (!hasScheme && /^[a-z]+\.[a-z]+$/.test(host) && !m[2] && !KNOWN_WORD_TLDS.has(tld)) continue;
    out.add('url');
    out.add(`tld:${tld}`);
    out.add(`host:${registered(host)}`);
    if (!hasScheme) out.add('url:no-scheme');
    if (/\s|\(dot\)|\[dot\]/.test(m[1])) out.add('url:disguised');
    if (SHORTENERS.has(host) || SHORTENERS.has(registered(host))) out.add('url:short');
    const first = m[2].split(/[/?#=]/).filter(Boolean)[0];
    if (first) out.add(`path:${first.slice(0, 20)}`);
    if (m[2].includes('?')) out.add('url:query');
    rest = rest.replace(m[0], ' ');
  }
  return rest;
}

function shapeFeatures(raw: string, out: Set<string>): void {
  const emoji = raw.match(EMOJI) ?? [];
  if (emoji.length) out.add(`emoji:${emoji.length >= 6 ? 'many' : emoji.length >= 3 ? 'some' : 'one'}`);
  if (/(?:\p{Extended_Pictographic}\uFE0F?\s?){4,}/u.test(raw)) out.add('emoji:run');
  const letters = raw.match(/\p{L}/gu) ?? [];
  const upper = raw.match(/\p{Lu}/gu) ?? [];
  if (letters.length >= 12 && upper.length / letters.length > 0.6) out.add('shape:shouting');
  // "ChEcK oUt": case flipping inside words, which people rarely type.
  if ((raw.match(/\p{Ll}\p{Lu}\p{Ll}\p{Lu}/gu) ?? []).length >= 2) out.add('shape:mixed-case');
  if (/[!?]{3,}/.test(raw)) out.add('shape:bangs');
  if (/[$€£]\s?\d|\d\s?(?:\$|euro|dollars?)\b/i.test(raw)) out.add('shape:money');
  if (/\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b/i.test(raw)) out.add('shape:email');
  const length = raw.trim().length;
  out.add(`len:${length < 20 ? 'xs' : length < 60 ? 's' : length < 200 ? 'm' : length < 600 ? 'l' : 'xl'}`);
  if (raw.includes('\n')) out.add('shape:lines');
}

/** The distinct features of one reactie, as strings (readable, for tests and explanations). */
export function featureNames(c: ClassifiedContent): string[] {
  const out = new Set<string>();
  const body = c.body.slice(0, 3000);
  const folded = fold(body);
  if (folded.invisible) out.add('trick:invisible');
  if (folded.lookAlikes) out.add('trick:look-alike');
  if (folded.leet) out.add('trick:leet');
  shapeFeatures(body, out);
  const prose = linkFeatures(folded.text, out);
  const words = prose.match(/[\p{L}\p{N}]+/gu) ?? [];
  words.forEach((w, i) => {
    out.add(`w:${w}`);
    if (i > 0) out.add(`b:${words[i - 1]}_${w}`);
  });
  // 4-grams over the words joined: "sub4sub", "subforsub" and "sub 4 sub" share most of them.
  const joined = ` ${words.join(' ')} `;
  for (let i = 0; i + 4 <= joined.length && out.size < MAX_FEATURES * 2; i++) out.add(`c:${joined.slice(i, i + 4)}`);
  const name = fold(c.authorName).text;
  for (const w of name.match(/[\p{L}]+/gu) ?? []) out.add(`a:${w}`);
  if (/\d{2,}/.test(name)) out.add('a:#digits');
  if ((name.match(/\p{L}+/gu) ?? []).length >= 3) out.add('a:#long');
  if (c.authorUrl) {
    out.add('a:#url');
    try {
      out.add(`a:host:${registered(new URL(c.authorUrl).hostname.replace(/^www\./, ''))}`);
    } catch {
      out.add('a:#bad-url');
    }
  }
  return [...out].slice(0, MAX_FEATURES);
}

// FNV-1a, 31 bits (fits an integer column on both databases). 0 and 1 are the model's totals rows.
function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const v = (h >>> 1) & 0x7fffffff;
  return v < 2 ? v + 2 : v;
}

/**
 * What kind of evidence a feature is. Each kind has its own weight in the calibrated score
 * (calibration.ts): overlapping 4-grams and word pairs repeat what the words already say, and how
 * much each kind may be trusted is fitted on held-apart reacties, not guessed.
 */
export const FEATURE_GROUPS = ['word', 'pair', 'gram', 'link', 'form', 'author'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

const GROUP_OF_PREFIX: Record<string, FeatureGroup> = {
  w: 'word',
  b: 'pair',
  c: 'gram',
  url: 'link',
  tld: 'link',
  host: 'link',
  path: 'link',
  a: 'author',
};

/** The kind of a feature by its name ("w:bus" is a word, "host:bit.ly" a link): an index into FEATURE_GROUPS. */
export function groupOf(name: string): number {
  const prefix = name.split(':', 1)[0];
  return FEATURE_GROUPS.indexOf(GROUP_OF_PREFIX[prefix] ?? 'form');
}

/** A feature as the model counts it: its hash and its kind (an index into FEATURE_GROUPS). */
export interface Features {
  ids: number[];
  groups: number[];
}

export function features(c: ClassifiedContent): Features {
  const seen = new Map<number, number>();
  for (const name of featureNames(c)) seen.set(hashFeature(name), groupOf(name));
  return { ids: [...seen.keys()], groups: [...seen.values()] };
}

/** The hashes of this text's features with their readable names: for explaining one score, never stored. */
export function namedFeatures(c: ClassifiedContent): Map<number, string> {
  const names = new Map<number, string>();
  for (const name of featureNames(c)) if (!names.has(hashFeature(name))) names.set(hashFeature(name), name);
  return names;
}
