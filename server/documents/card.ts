// The document card: a council document's fields as the reader sees them, in the order of its type
// (types.ts), each with its label and its value written out. The article page, the feeds and the
// /documenten list all show fields this way.
import { formatIsoDate } from './dates';
import { DOCUMENT_TYPES, type DocumentFields, type DocumentTypeKey } from './types';

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
function sourceName(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
  return SOURCES.find(([re]) => re.test(host))?.[1] ?? host.replace(/^www\./, '');
}

/** The card's entries: every field the document has, in its type's order. */
export function cardEntries(type: DocumentTypeKey, fields: DocumentFields): CardEntry[] {
  return DOCUMENT_TYPES[type].fields.flatMap((f): CardEntry[] => {
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
