// Numbered items: "1.", "1)", "(1)", "1:", a number alone on its line, "Vraag 1:", "Vraag 2 en 3",
// "Antwoord 1", "Antwoord op vraag 3", "Ad 3", and parts "5a." / "5b)".

export interface Numbered {
  /** The first number. */
  number: number;
  /** The item's own label as the text gives it: "3", "2 en 3", "5a". */
  label: string;
  /** What the prefix says the item is; null for a bare number. */
  role: 'vraag' | 'antwoord' | null;
  /** How the number is written ("1.", "(1)", "vraag", "alone", …): items of one list share it. */
  style: string;
  rest: string;
}

const PREFIXED =
  /^(vra(?:ag|gen)|antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?|ad)\s*(\d{1,2})(?!\d)([a-z])?((?:\s*(?:,|en|t\/m|-)\s*\d{1,2}[a-z]?)*)\s*(?:[.):-](?=\s|$))?\s*(.*)$/i;
const BARE = /^(?:\((\d{1,2})([a-z])?\)|(\d{1,2})([a-z])?(\.(?=\s|$)|\)|\s*:(?=\s|$)|\t|$))\s*(.*)$/;

export function numbered(text: string): Numbered | null {
  const p = PREFIXED.exec(text);
  if (p) {
    const number = Number(p[2]);
    if (number <= 0) return null;
    const word = p[1].toLowerCase();
    const role = word.startsWith('vra') ? 'vraag' : 'antwoord';
    const label = `${number}${p[3] ?? ''}${p[4] ? p[4].replace(/\s+/g, ' ').replace(/\s*,\s*/g, ', ') : ''}`.trim();
    // "Vragen 5 en 6" and "Vraag 4" are one list; so are "Antwoorden 5 en 6" and "Antwoord 4".
    const style = word
      .replace(/\s+/g, ' ')
      .replace(/^vragen/, 'vraag')
      .replace(/^antwoorden/, 'antwoord')
      .replace(/vragen$/, 'vraag');
    return { number, label, role, style, rest: p[5].trim() };
  }
  const b = BARE.exec(text);
  if (!b) return null;
  const number = Number(b[1] ?? b[3]);
  if (number <= 0) return null;
  // "1. 65 121": a numbered row of a table, not an item.
  if (/^[\d\s.,%€+-]+$/.test(b[6]) && /\d/.test(b[6])) return null;
  // "1.5 miljoen" and "3 mei" never get here: a bare number needs a mark after it, or the line to itself.
  const mark = b[1] ? '()' : b[5] === '' ? 'alone' : b[5].trim() || '\t';
  return { number, label: `${number}${b[2] ?? b[4] ?? ''}`, role: null, style: mark, rest: b[6].trim() };
}

/** "a." / "b)" under a numbered question: a part of it. */
export const SUB_ITEM = /^[a-z][.)]\s/;
