// Paste-import: a council document pasted from a PDF or an e-mail becomes its type, its fields,
// its numbered questions with answers and a body. The steps live in parse/: clean lines
// (lines.ts), the header grammar (headers.ts) over a label vocabulary (labels.ts), the type
// (detect.ts), dates and lists inside text (values.ts), numbering (numbering.ts), questions and
// answers (questions.ts) and signatures (signatures.ts). Nothing is dropped: every line that is not
// a recognised header stays in the body.
import { parseDutchDate } from './dates';
import { detectType } from './parse/detect';
import { scanHeaders, type Header } from './parse/headers';
import { fieldFor } from './parse/labels';
import { plain, toLines, joinLines, type Line } from './parse/lines';
import { questionsAndAnswers } from './parse/questions';
import { signatures } from './parse/signatures';
import { findDate, nameAndParty, readStatus, readVotes, splitItems, splitNames } from './parse/values';
import { DOCUMENT_TYPES, MOTIE_STATUSES, type DocumentFields, type DocumentTypeKey, type QuestionAnswer } from './types';

export interface ParsedDocument {
  type: DocumentTypeKey;
  fields: DocumentFields;
  questions: QuestionAnswer[];
  body: string;
}

const NAME_LISTS = new Set(['partijen', 'indieners']);

/** Puts one header's value into the fields; returns whether the header's lines are taken out of the body. */
function assign(type: DocumentTypeKey, header: Header, fields: DocumentFields, extra: { parties: string[] }): boolean {
  const field = fieldFor(type, header.concept);
  if (!field) return false;
  const { key, kind } = field;
  if (!header.value) return true; // an empty label stays empty
  if (key === 'stemming') {
    const votes = readVotes(header.labelLine);
    const status = readStatus(header.labelLine);
    if (votes.voor !== undefined) fields.stemmen_voor ??= votes.voor;
    if (votes.tegen !== undefined) fields.stemmen_tegen ??= votes.tegen;
    if (status) fields.status ??= status;
    return votes.voor !== undefined || votes.tegen !== undefined || status !== null;
  }
  let value: string | string[] | number | null;
  if (kind === 'date') value = findDate(header.value);
  else if (kind === 'number') value = /\d+/.exec(header.value) ? Number(/\d+/.exec(header.value)![0]) : null;
  else if (kind === 'choice') value = readStatus(header.value);
  else if (kind === 'url') value = /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(header.value) && header.value.length <= 500 ? header.value : null;
  else if (kind === 'list') {
    const items = NAME_LISTS.has(key) ? header.value.split('\n').flatMap(splitNames) : splitItems(header.value);
    if (key === 'indieners') {
      value = items.map((item) => nameAndParty(item).name);
      extra.parties.push(...items.flatMap((item) => nameAndParty(item).party ?? []));
    } else value = items;
  } else value = joinLines(header.value.split('\n'));
  if (value === null || (Array.isArray(value) && value.length === 0)) return false;
  if (fields[key] === undefined) {
    fields[key] = value;
    return true;
  }
  // The same header again (page 2 of a letter) is furniture; a different value stays in the text.
  return JSON.stringify(fields[key]) === JSON.stringify(value);
}

/** A date on a line of its own ("Maastricht, 5 maart 2015") or the council meeting's date in a motie. */
function datedLine(text: string): string | null {
  const own = /^(?:\p{Lu}[\p{L}' -]*,\s*)?(.+?)\.?$/u.exec(text);
  const iso = own ? parseDutchDate(own[1]) : null;
  if (iso) return iso;
  const meeting = /vergadering\s+(?:bijeen\s+)?(?:op|d\.?d\.?)\s+(.+)$/i.exec(text);
  return meeting ? findDate(meeting[1]) : null;
}

function typeSpecific(
  type: DocumentTypeKey,
  lines: Line[],
  consumed: Set<number>,
  fields: DocumentFields,
  extra: { parties: string[] },
): void {
  const free = lines.filter((_, i) => !consumed.has(i)).map((l) => plain(l.text));
  const has = (key: string) => DOCUMENT_TYPES[type].fields.some((f) => f.key === key) && fields[key] === undefined;
  if (has('datum')) {
    const iso = free.map(datedLine).find((d) => d !== null);
    if (iso) fields.datum = iso;
  }
  if (type === 'raadsinformatiebrief' && has('kenmerk')) {
    const title = free
      .map((t) => /^(?:raadsinformatiebrief|rib)\b[\s:]*(?:nr\.?|nummer|no\.?)?\s*([\w./-]*\d[\w./-]*)/i.exec(t))
      .find(Boolean);
    if (title) fields.kenmerk = title[1].replace(/[.,]$/, '');
  }
  if (type === 'motie') {
    for (const t of free.filter((t) => t.split(/\s+/).length <= 12 && !/^[-•*]/.test(t))) {
      const status = readStatus(t);
      if (status && has('status') && (MOTIE_STATUSES as readonly string[]).includes(status)) fields.status = status;
      if (/\d/.test(t) && /\bvoor\b/i.test(t) && /\btegen\b/i.test(t)) {
        const votes = readVotes(t);
        if (votes.voor !== undefined && has('stemmen_voor')) fields.stemmen_voor = votes.voor;
        if (votes.tegen !== undefined && has('stemmen_tegen')) fields.stemmen_tegen = votes.tegen;
      }
    }
  }
  if (has('indieners') || has('partijen') || type === 'schriftelijke-vragen' || type === 'motie') {
    const signed = signatures(lines, consumed);
    if (DOCUMENT_TYPES[type].fields.some((f) => f.key === 'indieners') && signed.names.length) {
      const known = (fields.indieners as string[] | undefined) ?? [];
      fields.indieners = [...known, ...signed.names.filter((n) => !known.includes(n))];
    }
    extra.parties.push(...signed.parties);
  }
  if (has('partijen') && extra.parties.length) fields.partijen = [...new Set(extra.parties)];
}

export function parseDocument(text: string): ParsedDocument {
  const lines = toLines(text);
  const headers = scanHeaders(lines);
  const type = detectType(lines, headers);
  const fields: DocumentFields = {};
  const consumed = new Set<number>();
  const extra = { parties: [] as string[] };
  for (const header of headers) if (assign(type, header, fields, extra)) header.lines.forEach((i) => consumed.add(i));
  typeSpecific(type, lines, consumed, fields, extra);
  const questions = DOCUMENT_TYPES[type].hasQuestions ? questionsAndAnswers(lines, consumed) : [];
  const body = lines
    .filter((_, i) => !consumed.has(i))
    .map((l) => plain(l.text))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Fields in the order types.ts lists them.
  const ordered: DocumentFields = {};
  for (const f of DOCUMENT_TYPES[type].fields) if (fields[f.key] !== undefined) ordered[f.key] = fields[f.key];
  return { type, fields: ordered, questions, body };
}
