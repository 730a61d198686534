// Folding, as the index and every query see words: lower case, accents removed, ligatures (ĳ, ﬁ)
// and wide forms spelled out. Pure.

export function foldText(text: string): string {
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
