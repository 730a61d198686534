// Numbered items: "1.", "1)", "(1)", "1:", a number alone on its line, "Vraag 1:", "Vraag 2 en 3",
// "Antwoord 1", "Antwoord op vraag 3", "Ad 3", "1. Antwoord: …", and parts "5a." / "5b)".

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

/** Between the numbers of items answered as one: "4 en 5", "1,2,3,4 en 5", "1 & 2", "2 t/m 6", "4-7". */
const JOIN = String.raw`\s*(?:,|&|\ben\b|t\/m|tot\s+en\s+met|[-–])\s*`;
/**
 * A mark that says what the item is, then its number(s): "Vraag 1", "Vragen 4 en 5", "Antwoord 2", "Antwoord op vraag 3",
 * "Antwoord vraag 4-7", "Antwoorden op de vragen 2 t/m 6", "Ad 3", "Ad vraag 3", "Beantwoording vraag 1", "Vraag nr. 3".
 */
const PREFIXED = new RegExp(
  String.raw`^(vra(?:ag|gen)|antw(?:oord(?:en)?|\.)|ad|beantwoording(?=\s+(?:van\s+)?(?:de\s+)?vra))` +
    String.raw`(?:\s+(?:op\s+|van\s+)?(?:de\s+)?(vra(?:ag|gen)))?(?:\s+(?:nr\.?|nummer))?\s*` +
    String.raw`(\d{1,2})(?!\d)([a-z])?((?:${JOIN}\d{1,2}[a-z]?(?![\d\p{L}]))*)\s*(?:[.):-](?=\s|$))?\s*(.*)$`,
  'iu',
);
const BARE = /^(?:\((\d{1,2})([a-z])?\)|(\d{1,2})([a-z])?(\.(?=\s|$)|\)|\s*:(?=\s|$)|:(?=[A-Z])|\t|$))\s*(.*)$/;

export function numbered(text: string): Numbered | null {
  const p = PREFIXED.exec(text);
  if (p) {
    const number = Number(p[3]);
    if (number <= 0) return null;
    const word = p[1].toLowerCase();
    const role = word.startsWith('vra') ? 'vraag' : 'antwoord';
    const label = `${number}${p[4] ?? ''}${p[5] ? p[5].replace(/\s+/g, ' ').replace(/\s*,\s*/g, ', ') : ''}`.trim();
    // "Vragen 5 en 6" and "Vraag 4" are one list; so are "Antwoorden 5 en 6", "Antwoord 4" and "Antw. 3", and
    // "Antwoord op vraag 3" and "Antwoord vraag 4".
    const style = role === 'vraag' ? 'vraag' : word === 'ad' ? 'ad' : p[2] || word === 'beantwoording' ? 'antwoord op vraag' : 'antwoord';
    return { number, label, role, style, rest: p[6].trim() };
  }
  const b = BARE.exec(text);
  if (!b) return null;
  const number = Number(b[1] ?? b[3]);
  if (number <= 0) return null;
  // "1. 65 121": a numbered row of a table, not an item.
  if (/^[\d\s.,%€+-]+$/.test(b[6]) && /\d/.test(b[6])) return null;
  // "1.5 miljoen" and "3 mei" never get here: a bare number needs a mark after it, or the line to itself.
  const mark = b[1] ? '()' : b[5] === '' ? 'alone' : b[5].trim() || '\t';
  // "1. Antwoord: Ja, …" / "2. Vraag: Is het …": the word after the number says what the item is.
  const said = /^(antwoord|vraag)\s*:\s*(.*)$/i.exec(b[6].trim());
  if (said) {
    const role = said[1].toLowerCase() === 'vraag' ? 'vraag' : 'antwoord';
    return { number, label: `${number}${b[2] ?? b[4] ?? ''}`, role, style: role, rest: said[2].trim() };
  }
  return { number, label: `${number}${b[2] ?? b[4] ?? ''}`, role: null, style: mark, rest: b[6].trim() };
}

/** "a." / "b)" under a numbered question: a part of it. */
export const SUB_ITEM = /^[a-z][.)]\s/;

/**
 * A list numbered "1." on every item, as Markdown writes one (it numbers the items when it shows them) and as an ordered
 * list copied from a web page may come out: three items or more in a row, each "1.", with only blank lines between, are
 * numbered by their place. Changes the lines' text and Markdown in place.
 */
export function autoNumbered(lines: { text: string; md: string }[]): void {
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 3)
      run.forEach((i, k) => {
        lines[i].text = lines[i].text.replace(/^(\s*)1\./, `$1${k + 1}.`);
        lines[i].md = lines[i].md.replace(/^(\s*)1\./, `$1${k + 1}.`);
      });
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (!t) continue;
    if (/^1\.\s+\S/.test(t)) run.push(i);
    else flush();
  }
  flush();
}
