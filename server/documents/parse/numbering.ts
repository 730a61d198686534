// Numbered questions and answers: "1.", "1)", "(1)", "1:", "Vraag 1:", "Antwoord 1:", "Ad 1", "Antwoord op vraag 1".

export interface Numbered {
  number: number;
  /** What the prefix says the item is; null for a bare number. */
  role: 'vraag' | 'antwoord' | null;
  rest: string;
}

const PREFIXED = /^(vraag|antwoord(?:\s+(?:op\s+)?vraag)?|ad)\s*(\d{1,2})(?:[a-z](?=[\s.):]))?\s*(?:[.):-](?=\s|$))?\s*(.*)$/i;
const BARE = /^(?:\((\d{1,2})\)|(\d{1,2})(?:[.)](?=\s|$)|\s*:(?=\s|$)|\t))\s*(.*)$/;

export function numbered(text: string): Numbered | null {
  const p = PREFIXED.exec(text);
  if (p) {
    const role = p[1].toLowerCase().startsWith('vraag') ? 'vraag' : 'antwoord';
    return Number(p[2]) > 0 ? { number: Number(p[2]), role, rest: p[3].trim() } : null;
  }
  const b = BARE.exec(text);
  if (!b) return null;
  const number = Number(b[1] ?? b[2]);
  return number > 0 ? { number, role: null, rest: b[3].trim() } : null;
}
