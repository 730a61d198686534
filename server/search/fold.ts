// Folding, as the index and every query see words: lower case, accents removed, ligatures (ĳ, ﬁ)
// and wide forms spelled out. Pure.

const ASCII = /^\p{ASCII}*$/u;

export function foldText(text: string): string {
  // Plain ASCII (most words of a Dutch text) has nothing to decompose: only its case to fold. Snippets fold every
  // word they judge, so this is most of their time at size.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The folded words of a text, in order (letters and digits; everything else separates). */
export function foldedWords(text: string, maxLength = 40): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => w.slice(0, maxLength));
}
