// The grammar of header blocks, whatever the document type:
//   inline:     LABEL (":" | tab | column gap) VALUE [continuation lines of a broken value]
//   letterhead: LABEL alone on a line (often in capitals), VALUE on the next line(s), up to the next
//               label or an empty line; a label followed directly by the next label is empty.
// A label is only a label when the vocabulary (labels.ts) knows it, so "De fractie vraagt: …" is text.
import type { FieldKind } from '../types';
import { conceptOf, kindOf, type Concept } from './labels';
import type { Line } from './lines';
import { numbered } from './numbering';
import { findDate } from './values';

export interface Header {
  concept: Concept;
  /** The value: one line of text, or a letterhead block's lines joined with "\n". */
  value: string;
  /** The line the label stands on, as typed (the votes of a motie are read from it). */
  labelLine: string;
  /** Every line the header takes up. */
  lines: number[];
}

const INLINE = /^([\p{L}][\p{L} .()/'-]{0,45}?)[ \t]*(?::[ \t]*|\t[ \t:]*)(.*)$/u;
const ALONE = /^([\p{L}][\p{L} .()/'-]{0,45}?)[ \t]*:?$/u;
/** Labels that only count with a value on the same line ("Motie: …", "Voor: 21"): alone they are a title or a word. */
const INLINE_ONLY = new Set(['motie', 'voor', 'tegen', 'stemmen', 'wethouder', 'contact', 'van', 'raadslid', 'vergadering']);
/** The sender's name at the top of a letterhead. */
const ORGANISATION = /^(?:gemeente|provincie|waterschap|ministerie van|college van burgemeester en wethouders van)\s+\S.{0,50}$/i;
const MAX_VALUE_LINES: Record<FieldKind, number> = { date: 1, number: 1, choice: 1, url: 1, text: 4, multiline: 12, list: 12 };

function inlineLabel(text: string): { concept: Concept; value: string } | null {
  const m = INLINE.exec(text);
  if (!m) return null;
  const concept = conceptOf(m[1]);
  return concept === undefined ? null : { concept, value: m[2].trim() };
}

function aloneLabel(text: string): Concept | null {
  const m = ALONE.exec(text);
  if (!m || INLINE_ONLY.has(m[1].toLowerCase().trim())) return null;
  return conceptOf(m[1]) ?? null;
}

const isLabelLine = (text: string): boolean => aloneLabel(text) !== null || inlineLabel(text) !== null;

export function scanHeaders(lines: Line[]): Header[] {
  const out: Header[] = [];
  const text = (i: number) => lines[i]?.text ?? '';
  let seenContent = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = text(i);
    if (!t) continue;
    seenContent++;
    if (seenContent <= 10 && ORGANISATION.test(t) && !/[,.;:]$/.test(t)) {
      out.push({ concept: 'gemeente', value: t, labelLine: t, lines: [i] });
      continue;
    }
    const concept = aloneLabel(t);
    if (concept !== null) {
      const kind = kindOf(concept);
      const taken: number[] = [];
      for (let j = i + 1; j < lines.length && text(j) && !isLabelLine(text(j)) && taken.length < MAX_VALUE_LINES[kind]; j++) taken.push(j);
      const value = taken.map((j) => text(j)).join('\n');
      // A letterhead date block must hold a date; otherwise the word was a heading in the text.
      if (kind === 'date' && value && !findDate(value)) continue;
      out.push({ concept, value, labelLine: t, lines: [i, ...taken] });
      i = taken.length ? taken[taken.length - 1] : i;
      continue;
    }
    const inline = inlineLabel(t);
    if (!inline) continue;
    const header: Header = { concept: inline.concept, value: inline.value, labelLine: t, lines: [i] };
    if (['text', 'multiline', 'list'].includes(kindOf(inline.concept)) && inline.concept && inline.value) {
      // A value broken over lines by a PDF table: the next lines belong to it while they are not
      // headers and the value is plainly unfinished or another header follows.
      let j = i + 1;
      const more: number[] = [];
      while (more.length < 3 && text(j) && !isLabelLine(text(j)) && !numbered(text(j))) {
        const unfinished = /-$/.test(header.value) || /^\p{Ll}/u.test(text(j));
        const headerFollows = isLabelLine(text(j + 1));
        if (!unfinished && !headerFollows) break;
        more.push(j);
        header.value += '\n' + text(j);
        j++;
      }
      header.lines.push(...more);
      if (more.length) i = more[more.length - 1];
    }
    out.push(header);
  }
  return out;
}
