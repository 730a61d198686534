// What a Dutch word means to search, from the OpenTaal dictionary's own rules (see hunspell.ts):
// - stems: the dictionary word(s) the form is made from, so a singular, its plural (also with a
//   vowel change: straat/straten, boom/bomen, zaak/zaken) and its diminutives share one stem;
// - parts: the words a compound is made of (gebiedscoördinatoren → gebied + coordinator), found
//   with the dictionary's compound flags, each part given as its stem.
// Words the dictionary does not know keep themselves as stem. Pure, apart from a cache per word.
import { derivations, hasFlag, type Derivation, type Hunspell } from './hunspell';

export interface WordAnalysis {
  /** Stems of the word itself (the word when nothing else is known). */
  stems: string[];
  /** Stems of a compound's parts, when the word splits; [] otherwise. */
  parts: string[];
  /** The same per part, in order (gebieds|coordinatoren → [[gebied], [coordinator]]); [] for no compound. */
  pieces: string[][];
}

/** A part of a compound is at least this long: shorter pieces are as often chance as meaning. */
const MIN_PART = 3;
const MAX_STEMS = 10;
const MAX_COMPOUND_LENGTH = 40;
const CACHE_SIZE = 200_000;

// Costs of a split: the fewest parts win; a part the flags do not allow where it stands (but that
// is a noun) and a linking s the dictionary does not know cost extra.
const PART_COST = 1;
const OUTSIDE_FLAGS_COST = 0.6;
const LINKING_COST = 0.4;
const UNFLAGGED_COST = 0.9;

interface PartInfo {
  stems: string[];
  begin: boolean;
  middle: boolean;
  end: boolean;
  noun: boolean;
}

export interface DutchAnalyser {
  analyse(word: string): WordAnalysis;
  /** The stems only (what a query word is searched as besides itself). */
  stems(word: string): string[];
  /** Whether the dictionary knows this folded form (as a word or a form of one). */
  knows(word: string): boolean;
}

const NOUN_FLAG = /^(?:Y[a-g]|Z[a-z])$/;
/** The vowels of Dutch strong verbs' stems (sluiten/gesloten, bieden/geboden, helpen/geholpen). */
const STRONG_VOWELS = ['a', 'aa', 'e', 'ee', 'i', 'ie', 'ij', 'o', 'oo', 'u', 'ui', 'ou', 'oe', 'eu'];

export function createDutchAnalyser(h: Hunspell): DutchAnalyser {
  const size = h.flagLength;
  const { begin, middle, end, onlyInCompound } = h.compound;
  const has = (flags: string, flag: string | null) => hasFlag(flags, flag, size);
  const isNoun = (flags: string) => {
    for (let i = 0; i + size <= flags.length; i += size) if (NOUN_FLAG.test(flags.slice(i, i + size))) return true;
    return false;
  };
  const hasPlural = (flags: string) => {
    for (let i = 0; i + size <= flags.length; i += size) if (flags[i] === 'Z') return true;
    return false;
  };

  const derivationCache = new Map<string, Derivation[]>();
  const derive = (form: string): Derivation[] => {
    let found = derivationCache.get(form);
    if (!found) {
      found = derivations(h, form);
      if (derivationCache.size >= CACHE_SIZE) derivationCache.clear();
      derivationCache.set(form, found);
    }
    return found;
  };

  // Plurals the dictionary lists as words of their own or not at all (steden, schepen, leden,
  // kinderen, raden): the singular is guessed by Dutch spelling (a vowel made long again, a
  // doubled consonant single, z/v back to s/f, e to a or i) and kept only when the dictionary has
  // it as a noun without a plural rule of its own, so a plural that is regular (wegen) is never bent.
  function spelledSingulars(form: string): string[] {
    const out: string[] = [];
    const keep = (root: string, needsNoPlural = true) => {
      const flags = h.words.get(root);
      if (flags === undefined || out.includes(root) || root === form) return;
      if (needsNoPlural && hasPlural(flags)) return;
      if (isNoun(flags) || has(flags, begin) || has(flags, end)) out.push(root);
    };
    if (form.length >= 6 && form.endsWith('eren')) keep(form.slice(0, -4), false);
    if (form.length < 5 || !form.endsWith('en')) return out;
    const base = form.slice(0, -2);
    const voiced = (root: string) => root.replace(/z$/, 's').replace(/v$/, 'f');
    if (/([^aeiou])\1$/.test(base)) keep(base.slice(0, -1));
    const short = /^(.*[^aeiou])([aeou])([^aeiou])$/.exec(base);
    if (short) keep(voiced(`${short[1]}${short[2]}${short[2]}${short[3]}`));
    const changed = /^(.*[^aeiou])e([^aeiou]+)$/.exec(base);
    if (changed) for (const vowel of ['a', 'i']) keep(voiced(`${changed[1]}${vowel}${changed[2]}`));
    return out;
  }

  // Diminutives the dictionary lists as words of their own (gaatje, paadje): the suffix off, a
  // doubled vowel or consonant single again, kept when the dictionary has the rest as a noun.
  function spelledDiminutives(form: string): string[] {
    const out: string[] = [];
    const bare = form.endsWith('jes') ? form.slice(0, -1) : form;
    for (const suffix of ['etje', 'tje', 'pje', 'kje', 'je']) {
      if (!bare.endsWith(suffix) || bare.length - suffix.length < 2) continue;
      const base = bare.slice(0, -suffix.length);
      for (const root of [base, base.replace(/([aeou])\1([^aeiou])$/, '$1$2'), base.replace(/([^aeiou])\1$/, '$1')]) {
        const flags = h.words.get(root);
        if (flags !== undefined && root !== form && !out.includes(root) && (isNoun(flags) || has(flags, end))) out.push(root);
      }
    }
    return out;
  }

  const isInfinitive = (form: string) => derive(form).some((d) => has(d.rootFlags, 'Vi'));

  // Past participles are words of their own in the dictionary (vastgesteld, afgesloten): the
  // infinitive is found by Dutch verb grammar — a particle before ge-, ge- off (none after be-,
  // ver-, ont-, her-, er-), a weak -d/-t or a strong -en off, the stem's spelling (stel → stellen, maak → maken, leef → leven) or, for a
  // strong verb, another vowel (sloten → sluiten) — and kept only when the dictionary has it as an
  // infinitive.
  function participleInfinitives(form: string): string[] {
    const out: string[] = [];
    if (form.length < 5 || !/(?:d|t|en)$/.test(form)) return out;
    if (isInfinitive(form)) return out;
    // Without ge- only after an unstressed prefix (besproken, vernieuwd).
    const splits: Array<[string, string]> = /^(?:be|ver|ont|her|er)/.test(form) ? [['', form]] : [];
    for (let p = form.indexOf('ge'); p >= 0; p = form.indexOf('ge', p + 1)) {
      if (p === 0 || h.words.has(form.slice(0, p))) splits.push([form.slice(0, p), form.slice(p + 2)]);
    }
    const keep = (infinitive: string) => {
      if (infinitive !== form && !out.includes(infinitive) && isInfinitive(infinitive)) out.push(infinitive);
    };
    for (const [head, rest] of splits) {
      if (rest.length < 3) continue;
      if (/[dt]$/.test(rest)) {
        const stem = rest.slice(0, -1);
        const voiced = stem.replace(/f$/, 'v').replace(/s$/, 'z');
        keep(`${head}${stem}en`);
        keep(`${head}${voiced}en`);
        keep(`${head}${stem.replace(/([aeou])\1([^aeiou])$/, '$1$2')}en`);
        keep(`${head}${voiced.replace(/([aeou])\1([^aeiou])$/, '$1$2')}en`);
        keep(`${head}${stem.replace(/([^aeiou])$/, '$1$1')}en`);
      } else if (rest.endsWith('en')) {
        const stem = rest.slice(0, -2);
        const vowel = /^(.*?)([aeiouy]+)([^aeiouy]*)$/.exec(stem);
        keep(`${head}${stem}en`);
        if (vowel) for (const v of STRONG_VOWELS) if (v !== vowel[2]) keep(`${head}${vowel[1]}${v}${vowel[3]}en`);
      }
    }
    return out;
  }

  function stemsOf(form: string): string[] {
    const stems: string[] = [];
    const add = (root: string) => {
      if (!stems.includes(root)) stems.push(root);
    };
    for (const d of derive(form)) add(d.root);
    for (const root of spelledSingulars(form)) add(root);
    for (const root of spelledDiminutives(form)) add(root);
    for (const infinitive of participleInfinitives(form)) {
      add(infinitive);
      for (const d of derive(infinitive)) add(d.root);
    }
    return stems.slice(0, MAX_STEMS);
  }

  const partCache = new Map<string, PartInfo | null>();
  function partInfo(form: string): PartInfo | null {
    const cached = partCache.get(form);
    if (cached !== undefined) return cached;
    const ds = derive(form);
    let info: PartInfo | null = null;
    if (ds.length) {
      info = { stems: stemsOf(form), begin: false, middle: false, end: false, noun: false };
      let onlyInside = true;
      for (const d of ds) {
        // An affix's flags say what the affixed form may be; the root's flags speak for the root alone.
        const own = d.affixed ? d.affixFlags : d.rootFlags;
        info.begin ||= has(own, begin);
        info.middle ||= has(own, middle);
        // A suffix at the end of a compound is on its outside: the root's end flag still holds.
        info.end ||= has(d.rootFlags, end) || has(d.affixFlags, end);
        info.noun ||= isNoun(d.rootFlags);
        if (!has(own, onlyInCompound)) onlyInside = false;
      }
      if (onlyInside) info.end = false;
    }
    if (partCache.size >= CACHE_SIZE) partCache.clear();
    partCache.set(form, info);
    return info;
  }

  /** The cost of this piece at this place in the compound, or null when it cannot stand there. */
  /** `known`: the whole word is in the dictionary; then only parts it could be built of by its flags or as nouns. */
  function pieceCost(piece: string, first: boolean, last: boolean, known: boolean): { cost: number; stems: string[] } | null {
    const allowed = (info: PartInfo) => (last ? info.end : first ? info.begin : info.middle || info.begin);
    const info = partInfo(piece);
    if (info && allowed(info)) return { cost: PART_COST, stems: info.stems };
    // In a word the dictionary has, only its last part may stand outside the flags (bomen+kap, not bes+luit).
    if (info?.noun && (!known || last)) return { cost: PART_COST + OUTSIDE_FLAGS_COST, stems: info.stems };
    if (known) return null;
    // An inflected adjective or a verb's stem as first part (onroerende+zaak, parkeer+plaats).
    if (info && first) return { cost: PART_COST + UNFLAGGED_COST, stems: info.stems };
    // A linking s (raad + s + informatie) the dictionary gave no flag for.
    if (!last && piece.endsWith('s') && piece.length > MIN_PART) {
      const bare = partInfo(piece.slice(0, -1));
      if (bare && (bare.noun || allowed(bare))) return { cost: PART_COST + LINKING_COST, stems: bare.stems };
    }
    return null;
  }

  function joinForbidden(left: string, right: string): boolean {
    return h.forbiddenJoins.some(([l, r]) => left.endsWith(l) && right.startsWith(r));
  }

  /** The cheapest split into two or more parts, as the parts' stems; [] when there is none. */
  function split(word: string): { pieces: string[]; stems: string[][] } | null {
    const n = word.length;
    const known = derive(word).length > 0;
    if (n < 2 * MIN_PART || n > MAX_COMPOUND_LENGTH) return null;
    const best: Array<{ cost: number; from: number; stems: string[] } | null> = new Array(n + 1).fill(null);
    best[0] = { cost: 0, from: -1, stems: [] };
    for (let i = 0; i < n; i++) {
      const here = best[i];
      if (!here) continue;
      for (let j = i + MIN_PART; j <= n; j++) {
        if (i === 0 && j === n) continue;
        if (n - j > 0 && n - j < MIN_PART) continue;
        const piece = word.slice(i, j);
        if (i > 0 && joinForbidden(word.slice(0, i), piece)) continue;
        const scored = pieceCost(piece, i === 0, j === n, known);
        if (!scored) continue;
        const cost = here.cost + scored.cost;
        const sofar = best[j];
        if (!sofar || cost < sofar.cost) best[j] = { cost, from: i, stems: scored.stems };
      }
    }
    if (!best[n]) return null;
    const pieces: string[] = [];
    const stems: string[][] = [];
    for (let j = n; j > 0;) {
      const step = best[j]!;
      pieces.unshift(word.slice(step.from, j));
      stems.unshift(step.stems);
      j = step.from;
    }
    return { pieces, stems };
  }

  const cache = new Map<string, WordAnalysis>();
  function analyse(word: string): WordAnalysis {
    const cached = cache.get(word);
    if (cached) return cached;
    let result: WordAnalysis;
    if (word.length < MIN_PART || !/^\p{L}+$/u.test(word)) {
      result = { stems: [word], parts: [], pieces: [] };
    } else {
      const stems = stemsOf(word);
      const compound = split(word);
      const parts: string[] = [];
      const pieces: string[][] = [];
      if (compound) {
        for (const list of compound.stems) for (const s of list) if (!parts.includes(s)) parts.push(s);
        // A part that is a compound the dictionary does not know itself (kinder + dagopvang) adds its own parts.
        compound.pieces.forEach((piece, i) => {
          const inner = piece.length >= 2 * MIN_PART && !derive(piece).length ? analyse(piece).pieces : [];
          if (inner.length) {
            for (const list of inner) for (const s of list) if (!parts.includes(s)) parts.push(s);
            pieces.push(...inner);
          } else pieces.push(compound.stems[i]);
        });
        // A compound the dictionary does not know is stemmed by its last part: gebiedscoördinatoren → gebiedscoordinator.
        if (!stems.length) {
          const head = compound.pieces.slice(0, -1).join('');
          for (const s of compound.stems.at(-1)!) stems.push(head + s);
        }
      }
      if (!stems.length) stems.push(word);
      result = { stems: stems.slice(0, MAX_STEMS), parts, pieces };
    }
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(word, result);
    return result;
  }

  return {
    analyse,
    stems: (word) => analyse(word).stems,
    knows: (word) => derive(word).length > 0,
  };
}
