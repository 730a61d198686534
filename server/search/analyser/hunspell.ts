// A reader of Hunspell dictionaries (.aff and .dic), enough to run the rules backwards: which
// dictionary word(s) a form is derived from (bomen → boom, straatje → straat) and what the
// dictionary's compound flags allow a form to be in a compound (first, middle or last part).
// Pure: it gets the files' text and knows nothing of Dutch; the lexicon module loads the files.
//
// Every word and affix is folded (lower case, accents off, ĳ as ij) when read, because the search
// index holds folded words: the rules then match the words as the analyser sees them.
import { foldText } from '../fold';

export interface AffixRule {
  /** The flag that names the rule's class; a dictionary word with this flag takes it. */
  flag: string;
  kind: 'SFX' | 'PFX';
  /** Letters taken off the root before `add` is put on. */
  strip: string;
  add: string;
  /** The flags the derived form gets (continuation classes: compound flags, further affixes). */
  flags: string;
  /** What the root must end (SFX) or begin (PFX) with. */
  condition: RegExp | null;
  /** May combine with an affix of the other kind. */
  cross: boolean;
}

export interface CompoundFlags {
  begin: string | null;
  middle: string | null;
  end: string | null;
  /** An affixed form may stand inside a compound only with this flag among its own. */
  permit: string | null;
  onlyInCompound: string | null;
  forbidden: string | null;
}

export interface Hunspell {
  /** Folded dictionary word → its flags (all of its lines together), as one string of flags. */
  words: Map<string, string>;
  suffixes: Map<string, AffixRule[]>;
  prefixes: Map<string, AffixRule[]>;
  longestSuffix: number;
  longestPrefix: number;
  compound: CompoundFlags;
  /** Left end / right start pairs no compound may join at (CHECKCOMPOUNDPATTERN, the plain ones). */
  forbiddenJoins: Array<[string, string]>;
  flagLength: 1 | 2;
}

/** How a form comes from the dictionary: its root and the flags the form itself has. */
export interface Derivation {
  root: string;
  /** The root's own flags. */
  rootFlags: string;
  /** The flags of the affix that made the form ('' for the root itself). */
  affixFlags: string;
  affixed: boolean;
}

export function hasFlag(flags: string, flag: string | null, size: number): boolean {
  if (!flag) return false;
  for (let i = 0; i + size <= flags.length; i += size) if (flags.startsWith(flag, i)) return true;
  return false;
}

function conditionOf(text: string, kind: 'SFX' | 'PFX'): RegExp | null {
  if (text === '.' || text === '') return null;
  const folded = foldText(text);
  return new RegExp(kind === 'SFX' ? `${folded}$` : `^${folded}`, 'u');
}

export function parseHunspell(affText: string, dicText: string): Hunspell {
  const compound: CompoundFlags = { begin: null, middle: null, end: null, permit: null, onlyInCompound: null, forbidden: null };
  const suffixes = new Map<string, AffixRule[]>();
  const prefixes = new Map<string, AffixRule[]>();
  const forbiddenJoins: Array<[string, string]> = [];
  const cross = new Map<string, boolean>();
  let flagLength: 1 | 2 = 1;
  let longestSuffix = 0;
  let longestPrefix = 0;

  for (const raw of affText.split('\n')) {
    const line = raw.replace(/\s#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    const [key] = parts;
    if (key === 'FLAG') flagLength = parts[1] === 'long' ? 2 : 1;
    else if (key === 'COMPOUNDBEGIN') compound.begin = parts[1];
    else if (key === 'COMPOUNDMIDDLE') compound.middle = parts[1];
    else if (key === 'COMPOUNDEND') compound.end = parts[1];
    else if (key === 'COMPOUNDPERMITFLAG') compound.permit = parts[1];
    else if (key === 'ONLYINCOMPOUND') compound.onlyInCompound = parts[1];
    else if (key === 'FORBIDDENWORD') compound.forbidden = parts[1];
    else if (key === 'CHECKCOMPOUNDPATTERN' && parts.length >= 3 && !parts[1].includes('/') && !parts[2].includes('/')) {
      forbiddenJoins.push([foldText(parts[1]), foldText(parts[2])]);
    } else if ((key === 'SFX' || key === 'PFX') && parts.length >= 4) {
      const flag = parts[1];
      if (/^\d+$/.test(parts[3]) && (parts[2] === 'Y' || parts[2] === 'N') && !cross.has(`${key}${flag}`)) {
        cross.set(`${key}${flag}`, parts[2] === 'Y');
        continue;
      }
      const [addText, addFlags = ''] = parts[3].split('/');
      const rule: AffixRule = {
        flag,
        kind: key,
        strip: parts[2] === '0' ? '' : foldText(parts[2]),
        add: addText === '0' ? '' : foldText(addText),
        flags: addFlags,
        condition: conditionOf(parts[4] ?? '.', key),
        cross: cross.get(`${key}${flag}`) ?? false,
      };
      const table = key === 'SFX' ? suffixes : prefixes;
      const list = table.get(rule.add);
      if (list) list.push(rule);
      else table.set(rule.add, [rule]);
      if (key === 'SFX') longestSuffix = Math.max(longestSuffix, rule.add.length);
      else longestPrefix = Math.max(longestPrefix, rule.add.length);
    }
  }

  const words = new Map<string, string>();
  const lines = dicText.split('\n');
  // The first line is the number of entries.
  for (let i = 1; i < lines.length; i++) {
    const entry = lines[i].split(/[\t ]/, 1)[0];
    if (!entry) continue;
    const slash = entry.search(/(?<!\\)\//);
    const word = foldText((slash < 0 ? entry : entry.slice(0, slash)).replace(/\\\//g, '/'));
    const flags = slash < 0 ? '' : entry.slice(slash + 1);
    if (compound.forbidden && hasFlag(flags, compound.forbidden, flagLength)) continue;
    const known = words.get(word);
    words.set(word, known === undefined ? flags : known + flags);
  }
  return { words, suffixes, prefixes, longestSuffix, longestPrefix, compound, forbiddenJoins, flagLength };
}

function rootsBySuffix(h: Hunspell, form: string, visit: (rule: AffixRule, root: string) => void): void {
  for (let k = Math.min(h.longestSuffix, form.length); k >= 0; k--) {
    const rules = h.suffixes.get(form.slice(form.length - k));
    if (!rules) continue;
    const base = form.slice(0, form.length - k);
    for (const rule of rules) {
      const root = base + rule.strip;
      if (root.length < 2 || (rule.condition && !rule.condition.test(root))) continue;
      visit(rule, root);
    }
  }
}

function rootsByPrefix(h: Hunspell, form: string, visit: (rule: AffixRule, root: string) => void): void {
  for (let k = Math.min(h.longestPrefix, form.length); k >= 1; k--) {
    const rules = h.prefixes.get(form.slice(0, k));
    if (!rules) continue;
    const rest = form.slice(k);
    for (const rule of rules) {
      const root = rule.strip + rest;
      if (root.length < 2 || (rule.condition && !rule.condition.test(root))) continue;
      visit(rule, root);
    }
  }
}

/**
 * Every way the dictionary derives this folded form: as a word of its own, by one suffix, by a
 * suffix on a suffix (twofold), by a prefix, or by a prefix and a suffix that may combine.
 */
export function derivations(h: Hunspell, form: string): Derivation[] {
  const out: Derivation[] = [];
  const size = h.flagLength;
  const own = h.words.get(form);
  if (own !== undefined) out.push({ root: form, rootFlags: own, affixFlags: '', affixed: false });
  rootsBySuffix(h, form, (rule, root) => {
    const flags = h.words.get(root);
    if (flags !== undefined && hasFlag(flags, rule.flag, size)) {
      out.push({ root, rootFlags: flags, affixFlags: rule.flags, affixed: rule.add !== '' || rule.strip !== '' });
    }
    // Twofold: the root found is itself a form made by an earlier suffix that allows this one.
    rootsBySuffix(h, root, (inner, innerRoot) => {
      if (inner.add === '' && inner.strip === '') return;
      const innerFlags = h.words.get(innerRoot);
      if (innerFlags !== undefined && hasFlag(innerFlags, inner.flag, size) && hasFlag(inner.flags, rule.flag, size)) {
        out.push({ root: innerRoot, rootFlags: innerFlags, affixFlags: rule.flags, affixed: true });
      }
    });
  });
  rootsByPrefix(h, form, (rule, root) => {
    const flags = h.words.get(root);
    if (flags !== undefined && hasFlag(flags, rule.flag, size)) {
      out.push({ root, rootFlags: flags, affixFlags: rule.flags, affixed: true });
    }
    if (!rule.cross) return;
    rootsBySuffix(h, root, (sfx, sfxRoot) => {
      const sfxFlags = h.words.get(sfxRoot);
      if (sfx.cross && sfxFlags !== undefined && hasFlag(sfxFlags, sfx.flag, size) && hasFlag(sfxFlags, rule.flag, size)) {
        out.push({ root: sfxRoot, rootFlags: sfxFlags, affixFlags: sfx.flags, affixed: true });
      }
    });
  });
  return out;
}
