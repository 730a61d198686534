// Folding before classifying: spam hides its words from filters with mixed case, leetspeak,
// zero-width characters, look-alike letters from other scripts and stretched letters. Folded,
// "Ch3ck‌ оut my СHANNEL!!!" and "check out my channel" give the same words.

// Invisible characters that only serve to split a word for a filter (and the soft hyphen).
const INVISIBLE = /\u034f|[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

// Letters from Cyrillic and Greek that look like Latin ones.
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ү: 'y',
  һ: 'h',
  ӏ: 'l',
};
const LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

// Digits and signs used as letters, only inside a word that also has letters ("fr33", "$ub", not "2024").
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

export interface Folded {
  text: string;
  /** What folding had to undo: each is a signal of its own. */
  invisible: boolean;
  lookAlikes: boolean;
  leet: boolean;
}

function unleetWord(word: string): string {
  // Leading and trailing signs stay: "@henk" is a name, "wow!!" is not "wowi".
  const m = /^([^\p{L}\p{N}$]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word);
  if (!m) return word;
  const core = m[2];
  if (!/[a-z]/.test(core) || !/[013457@$]/.test(core)) return word;
  // "4you", "2day", "100k" and "covid19" keep their digits when the word is mostly digits or ends in them.
  const digits = (core.match(/[0-9]/g) ?? []).length;
  if (digits * 2 > core.length || /^[a-z]+[0-9]*[2689][0-9]*$/.test(core) || /^[0-9]+[a-z]{1,2}$/.test(core)) return word;
  return m[1] + core.replace(/[013457@$]/g, (c) => LEET[c] ?? c) + m[3];
}

export function fold(input: string): Folded {
  let text = input.normalize('NFKC');
  // (replace and search, not test: the patterns are global, and test() would keep a position between calls)
  const visible = text.replace(INVISIBLE, '');
  const invisible = visible !== text;
  text = visible.toLowerCase();
  const lookAlikes = /[a-z]/.test(text) && text.search(LOOK_ALIKE_PATTERN) !== -1;
  // Only inside mixed words: a Russian-speaking resident's whole sentence stays Cyrillic.
  if (lookAlikes) text = text.replace(/\S+/g, (w) => (/[a-z]/.test(w) ? w.replace(LOOK_ALIKE_PATTERN, (c) => LOOK_ALIKES[c] ?? c) : w));
  // Accents carry no spam signal ("café", "ruïne"): fold them away.
  text = text.normalize('NFD').replace(/\p{M}+/gu, '');
  let leet = false;
  text = text.replace(/[^\s]+/g, (w) => {
    const u = unleetWord(w);
    if (u !== w) leet = true;
    return u;
  });
  // "pleaseeeee", "soooo": stretched letters count once stretched.
  text = text.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return { text, invisible, lookAlikes, leet };
}
