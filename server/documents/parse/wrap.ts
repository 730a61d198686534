// Hard line breaks: a text wrapped at a fixed width (an e-mail client, a PDF's lines, a terminal)
// breaks labels, titles, heads and sentences over lines the way the author never did. When most
// lines of a text end near one width, a line whose next line's first word would not have fitted on
// it was broken by the width, not by the author: the two become one logical line again. A line that
// starts something (a numbered item, a bullet, a label, a question or answer mark, a salutation, a
// line in capitals) never continues the line above it, and neither does a line with other markup.
import { nextHeaderOfBlock } from './label-block';
import { ONE_DATE } from './dates';
import { conceptOf } from './labels';
import { ASKING_START, ASKS_AT_END, endsSentence, sourceLines, toLines, type Line } from './lines';
import { numbered, SUB_ITEM } from './numbering';

/** The widths a wrapping tool uses; a text of long paragraph lines (a web page) is not wrapped. */
const MIN_WIDTH = 35;
const MAX_WIDTH = 130;
/** How many characters short of the width a broken line may end (proportional fonts, justified PDF text). */
const SLACK = 0.12;

const length = (l: Line) => l.raw.trim().length;

/**
 * The text's wrap width, or null when its lines are not wrapped at one width. A PDF's text may hold both:
 * wrapped lines and paragraphs run together on one long line; the long lines are left out of the count.
 */
export function wrapWidth(lines: Line[]): number | null {
  const all = lines.filter((l) => l.text).map(length);
  const lengths = all.filter((n) => n <= MAX_WIDTH).sort((a, b) => a - b);
  if (lengths.length < 8) return null;
  // The width nearly every line keeps to; a few longer lines (a URL, a table row) are allowed.
  const usual = lengths[Math.ceil(lengths.length * 0.95) - 1];
  if (usual < MIN_WIDTH) return null;
  // The longest line near that width is the width itself.
  const width = Math.max(...lengths.filter((n) => n <= usual * (1 + SLACK)));
  const full = lengths.filter((n) => n >= width * (1 - 2 * SLACK)).length;
  const long = all.length - lengths.length;
  return full >= lengths.length * 0.3 && full > long ? width : null;
}

const STARTS =
  /^(?:vra(?:ag|gen)|antwoord(?:en)?|beantwoording|reactie\s+(?:van\s+het\s+)?college|toelichting|bijlagen?|geachte?|beste|met\s+(?:vriendelijke|hartelijke)\s+groet|hoogachtend)\b/i;

const MOTIE_CLAUSE = /^(?:constaterende|overwegende|gehoord|van\s+mening|verzoekt|draagt|spreekt|roept|besluit)\b/i;

/** A sentence that goes on asking after a question: a question word or verb, or a condition on the answer before. */
const ASKING_ON = new RegExp(
  `${ASKING_START.source}|^(?:zo\\s+(?:ja|nee|neen|niet|nee)|indien|als|mocht|en|of|ook|daarnaast|tot\\s+slot|graag)\\b`,
  'i',
);

/** A line that starts something of its own. */
function startsOwn(l: Line): boolean {
  const t = l.text;
  if (l.bullet || l.heading || l.separator || /\t/.test(t) || numbered(t) || SUB_ITEM.test(t) || STARTS.test(t)) return true;
  const label = /^([\p{L}][\p{L} .()/'-]{0,45}?)\s*:/u.exec(t);
  if (label && conceptOf(label[1]) !== undefined) return true;
  // A line in capitals is a heading or a letterhead label.
  return capitals(t);
}

const capitals = (t: string) => /\p{Lu}{3}/u.test(t) && t === t.toUpperCase();
/**
 * A dateline: a date alone, or one word with its date ("Zandmeer, 6 november 2018", "Voorgesteld 26 januari 2023"),
 * without a full stop. Two words before a date may be a name ending a sentence ("… onder leiding van A. Rinnooy Kan,
 * 1 september 2023"), and a date with its stop under "… bijeen op" ends that sentence.
 */
const DATE_LINE = new RegExp(String.raw`^(?:\p{Lu}[\p{L}'’-]*,?\s+)?${ONE_DATE}$`, 'u');
/** A line that asks for what comes after it: a preposition or a conjunction at its end ("… in vergadering bijeen op"). */
const OPEN_END = /\b(?:op|van|per|tot|vanaf|sinds|tussen|en|of|d\.\s?d\.|dd)$/i;

/** Whether `next` continues `line` in a text wrapped at `width`. */
function continues(line: Line, next: Line, width: number): boolean {
  if (!line.text || !next.text || startsOwn(next)) return false;
  if (/\t/.test(line.text) || line.heading || line.separator || length(line) > width) return false;
  // A heading in capitals is not broken by the width into a line in small letters ("MOTIE VAN HET LID X" / "Voorgesteld …").
  if (capitals(line.text) && !capitals(next.text)) return false;
  // A dateline under a line that does not ask for it starts a line of its own.
  if (DATE_LINE.test(next.text.trim()) && !OPEN_END.test(line.text.trim())) return false;
  if (line.quote !== next.quote || line.italic !== next.italic || line.bold !== next.bold) return false;
  // A number or a label alone on its line heads what follows; it is not broken.
  const item = numbered(line.text);
  if (item && !item.rest) return false;
  if (/:$/.test(line.text.trim())) return false;
  // A motie's clauses: after a ";" or "," a line that opens with "verzoekt", "overwegende", … starts the next clause.
  if (/[;,]$/.test(line.text.trim()) && MOTIE_CLAUSE.test(next.text.trim())) return false;
  // A footnote under the sentence it belongs to ("…procederen?" / "1Tubantia, 13 november 2024, https://…").
  if (endsSentence(line.text) && /^(?:\[\d{1,2}\]|\d{1,2}\)?)\s?(?:\p{Lu}\p{Ll}*|https?:|www\.)/u.test(next.text)) return false;
  // A footnote's link ends its line; a sentence that opens under it is the text again.
  if (/https?:\/\/\S+$/.test(line.text.trim()) && /^\p{Lu}\p{Ll}/u.test(next.text)) return false;
  // A question that ends its line and a sentence that opens under it without asking: an answer under its question
  // (a list of questions and answers), never one sentence broken by the width.
  // A question that goes on ("… ? Deelt u …", "… ? Zo ja, …") is one paragraph still.
  if (ASKS_AT_END.test(line.text.trim()) && /^\p{Lu}/u.test(next.text.trim()) && !/\?/.test(next.text) && !ASKING_ON.test(next.text.trim()))
    return false;
  const firstWord = next.raw.trim().split(/\s+/)[0].length;
  const room = width - length(line) - 1;
  // After a full stop or a question mark (perhaps with its footnote mark: "…praktijk»?1") the next word must really
  // not have fitted: the author may have broken there.
  return /[.?!;]["'”’»)]*(?:\s?\d{1,2}\)?|\s?\[\d{1,2}\])?$/.test(line.text) ? firstWord > room : firstWord > room - width * SLACK;
}

/**
 * The text's lines with the width's breaks taken out again: the joined input lines are read again as one
 * (so a paragraph run together gets its marks cut again, lines.ts), and each line keeps the input lines it
 * spans. A line `fixed` names (the editor gave it a role in the review step) stays a line of its own.
 */
export function wrappedLines(text: string, fixed: (source: number) => boolean = () => false): Line[] {
  const lines = toLines(text);
  const width = wrapWidth(lines);
  if (width === null) return lines;
  const input = sourceLines(text);
  // Only an input line that is one line of the model can be a broken one.
  const single = new Map<number, Line>();
  const count = new Map<number, number>();
  for (const l of lines) count.set(l.source, (count.get(l.source) ?? 0) + 1);
  for (const l of lines) if (count.get(l.source) === 1) single.set(l.source, l);
  /** Input line → the first input line of its group. */
  const groupOf: number[] = input.map((_, i) => i);
  for (let s = 1; s < input.length; s++) {
    const a = single.get(s - 1);
    const b = single.get(s);
    if (a && b && !fixed(s - 1) && !fixed(s) && !nextHeaderOfBlock(input, groupOf, s) && continues(a, b, width))
      groupOf[s] = groupOf[s - 1];
  }
  const glue = (x: string, y: string) => (/\p{L}-$/u.test(x) && /^\p{Ll}/u.test(y) ? x.slice(0, -1) + y : `${x} ${y}`);
  const joined: string[] = [];
  const first: number[] = [];
  const last: number[] = [];
  input.forEach((raw, s) => {
    if (groupOf[s] !== s) {
      joined[joined.length - 1] = glue(joined[joined.length - 1].trimEnd(), raw.trim());
      last[last.length - 1] = s;
    } else {
      joined.push(raw);
      first.push(s);
      last.push(s);
    }
  });
  return toLines(joined.join('\n')).map((l) =>
    last[l.source] === first[l.source] ? { ...l, source: first[l.source] } : { ...l, source: first[l.source], lastSource: last[l.source] },
  );
}
