// The document card: a council document's fields as the reader sees them, in the order of its type
// (types.ts), each with its label and its value written out. The article page, the feeds and the
// /documenten list all show fields this way.
import { formatIsoDate } from './dates';
import { DOCUMENT_TYPES, MEETING_FIELD_KEYS, type DocumentFields, type DocumentTypeKey } from './types';

export interface CardEntry {
  key: string;
  label: string;
  /** The value as read: "29 mei 2012", "PvdA, D66", "iBabs". */
  text: string;
  /** A date's ISO value, for <time datetime>. */
  datetime?: string;
  /** A link's address (bron). */
  href?: string;
  /** Several lines of text (a motie's dictum), each a line of its own. */
  lines?: string[];
}

// The systems councils publish their documents in, by the host's domain.
const SOURCES: Array<[RegExp, string]> = [
  [/(?:^|\.)(?:bestuurlijkeinformatie\.nl|ibabs\.eu)$/, 'iBabs'],
  [/(?:^|\.)notubiz\.nl$/, 'Notubiz'],
  [/(?:^|\.)parlaeus\.nl$/, 'Parlaeus'],
  [/(?:^|\.)gemeenteoplossingen\.nl$/, 'GemeenteOplossingen'],
  [/(?:^|\.)openraadsinformatie\.nl$/, 'Open Raadsinformatie'],
  [/(?:^|\.)officielebekendmakingen\.nl$/, 'Officiële bekendmakingen'],
  [/(?:^|\.)tweedekamer\.nl$/, 'Tweede Kamer'],
];

/** The name of the place a document comes from: "iBabs", "Notubiz", or the host ("helmond.nl"). */
export function sourceName(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
  return SOURCES.find(([re]) => re.test(host))?.[1] ?? host.replace(/^www\./, '');
}

/** The card's entries: every field the document has, in its type's order; the meeting is a sentence of its own (meetingOf). */
export function cardEntries(type: DocumentTypeKey, fields: DocumentFields): CardEntry[] {
  return DOCUMENT_TYPES[type].fields.flatMap((f): CardEntry[] => {
    if ((MEETING_FIELD_KEYS as readonly string[]).includes(f.key)) return [];
    const v = fields[f.key];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) return [];
    const entry = { key: f.key, label: f.label };
    if (Array.isArray(v)) return [{ ...entry, text: v.join(', ') }];
    const s = String(v);
    if (f.kind === 'date') return [{ ...entry, text: formatIsoDate(s), datetime: s }];
    if (f.kind === 'url') return [{ ...entry, text: sourceName(s), href: s }];
    if (f.kind === 'multiline') return [{ ...entry, text: s, lines: s.split('\n').filter((l) => l.trim()) }];
    return [{ ...entry, text: s }];
  });
}

export interface Meeting {
  /** The meeting or committee as the editor typed it: "de commissie Maatschappij". */
  name: string | null;
  /** Its date, YYYY-MM-DD. */
  date: string | null;
  agendaItem: string | null;
  /** "Besproken in de commissie Maatschappij van 15 januari 2018, agendapunt 4" (no full stop). */
  text: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The meeting a document was discussed in, as one sentence; a meeting still to come is "Op de agenda
 * van …". `today` is the date in Amsterdam, YYYY-MM-DD. Null when the document names no meeting.
 */
export function meetingOf(fields: DocumentFields, today: string): Meeting | null {
  const name = str(fields.vergadering);
  const date = str(fields.vergaderdatum);
  const agendaItem = str(fields.agendapunt)?.replace(/^(?:agendapunt|agenda-punt|punt)\s*/i, '') || null;
  if (!name && !date && !agendaItem) return null;
  const upcoming = date !== null && date > today;
  // "commissie Maatschappij" → "de commissie Maatschappij"; "De gemeenteraad" → "de gemeenteraad".
  const where = name
    ? /^(?:de|het)\s/i.test(name)
      ? name.replace(/^\S+/, (w) => w.toLowerCase())
      : `de ${name}`
    : date
      ? 'de vergadering'
      : null;
  // Without a meeting or a date only the agenda item is known: "Besproken onder agendapunt 4".
  if (!where) return { name, date, agendaItem, text: `Besproken onder agendapunt ${agendaItem}` };
  let text = `${upcoming ? 'Op de agenda van' : 'Besproken in'} ${where}`;
  if (date) text += ` van ${formatIsoDate(date)}`;
  if (agendaItem) text += `, agendapunt ${agendaItem}`;
  return { name, date, agendaItem, text };
}
