// A labelled CSV of reacties (spam 1/0): the bundled corpus the built-in model learns from, and
// whatever `npm run spam:eval` is given.
import { parse } from 'csv-parse/sync';

export interface Columns {
  author: string;
  content: string;
  label: string;
  email?: string;
  url?: string;
}

export class CorpusError extends Error {}

function isSpamLabel(value: string, row: number): boolean {
  const v = value.trim().toLowerCase();
  if (['1', 'spam', 'true', 'yes', 'ja'].includes(v)) return true;
  if (['0', 'ham', 'false', 'no', 'nee'].includes(v)) return false;
  throw new CorpusError(`Rij ${row}: het label "${value}" is geen 0/1 (of spam/ham).`);
}

/** Optional columns (email, url) named on the command line must exist; the defaults may be absent. */
export function readCorpus(
  csv: string,
  columns: Columns,
  explicit: ReadonlySet<string> = new Set(),
): Array<{ author: string; email: string; url: string; content: string; spam: boolean }> {
  const records = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false });
  if (records.length === 0) throw new CorpusError('Het bestand bevat geen rijen.');
  const header = Object.keys(records[0]);
  for (const [role, name] of Object.entries(columns)) {
    const optional = (role === 'email' || role === 'url') && !explicit.has(role);
    if (name && !header.includes(name) && !optional)
      throw new CorpusError(
        `Kolom "${name}" (${role}) ontbreekt; het bestand heeft: ${header.join(', ')}. Geef de naam op met --${role}-column.`,
      );
  }
  return records.map((r, i) => ({
    author: r[columns.author] ?? '',
    email: columns.email ? (r[columns.email] ?? '') : '',
    url: columns.url ? (r[columns.url] ?? '') : '',
    content: r[columns.content] ?? '',
    spam: isSpamLabel(r[columns.label] ?? '', i + 2),
  }));
}
