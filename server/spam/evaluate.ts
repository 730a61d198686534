// Measures the local content checks on a labelled corpus: precision, recall, false positives,
// with "held" counted apart from "spam" (held is safe for a resident, spam is not).
import { parse } from 'csv-parse/sync';
import { contentChecks, decide, type LocalDecision } from './local-checks';
import { DEFAULT_SPAM_SETTINGS, type SpamSettings } from './settings';

export interface Columns {
  author: string;
  content: string;
  label: string;
  email?: string;
  url?: string;
}

export interface Evaluation {
  rows: number;
  /** matrix[actual][predicted] */
  matrix: Record<'spam' | 'ham', Record<LocalDecision, number>>;
  spamPrecision: number;
  spamRecall: number;
  /** Spam that was marked spam or held: what residents never see. */
  caughtOrHeldRecall: number;
  hamFalsePositiveRate: number;
  hamHeldRate: number;
  falsePositives: Array<{ author: string; content: string; why: string[] }>;
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

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluate(
  corpus: ReturnType<typeof readCorpus>,
  settings: SpamSettings = DEFAULT_SPAM_SETTINGS,
  onProgress?: (done: number, total: number) => void,
): Evaluation {
  const matrix: Evaluation['matrix'] = { spam: { spam: 0, hold: 0, pass: 0 }, ham: { spam: 0, hold: 0, pass: 0 } };
  const falsePositives: Evaluation['falsePositives'] = [];
  corpus.forEach((row, i) => {
    const hits = contentChecks(
      { authorName: row.author, authorEmail: row.email, authorUrl: row.url || null, body: row.content, ip: null, userAgent: null },
      settings,
    );
    const predicted = decide(hits);
    matrix[row.spam ? 'spam' : 'ham'][predicted]++;
    if (!row.spam && predicted === 'spam')
      falsePositives.push({ author: row.author, content: row.content.slice(0, 120), why: hits.map((h) => h.detail) });
    onProgress?.(i + 1, corpus.length);
  });
  const spamTotal = matrix.spam.spam + matrix.spam.hold + matrix.spam.pass;
  const hamTotal = matrix.ham.spam + matrix.ham.hold + matrix.ham.pass;
  return {
    rows: corpus.length,
    matrix,
    spamPrecision: ratio(matrix.spam.spam, matrix.spam.spam + matrix.ham.spam),
    spamRecall: ratio(matrix.spam.spam, spamTotal),
    caughtOrHeldRecall: ratio(matrix.spam.spam + matrix.spam.hold, spamTotal),
    hamFalsePositiveRate: ratio(matrix.ham.spam, hamTotal),
    hamHeldRate: ratio(matrix.ham.hold, hamTotal),
    falsePositives,
  };
}
