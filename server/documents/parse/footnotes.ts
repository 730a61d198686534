// Footnotes a PDF's text runs into a paragraph.

/**
 * A question's or an answer's text without the footnotes a PDF glued to its end: after a sentence's end, a footnote's
 * number stuck to its first word ("… adresseren? 2Tweede Kamer.nl. Wetsvoorstel …", "… vraag 1 en 3. 2Zie
 * A/67/828") and everything after it. A number before a word with a space ("… 2 vragen") or before a hyphen ("3D-")
 * is text.
 */
export function withoutGluedFootnote(text: string): string {
  const m = /(?<=[.?!]["'”’»)]*)\s+\d{1,2}\p{Lu}\p{L}/u.exec(text);
  return m ? text.slice(0, m.index).trimEnd() : text;
}
