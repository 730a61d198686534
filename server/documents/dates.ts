// Dates in council documents: "29 mei 2012", "5-3-2015", "05-03-2015" or "2015-03-05", stored as
// YYYY-MM-DD (a calendar date, no time zone) and shown the Dutch way.
import { amsterdamParts, MONTHS } from '../shared/format';

const SHORT = MONTHS.map((m) => m.slice(0, 3));

function iso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || year < 1800 || year > 2200) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date the text means, or null when it is not one date. */
export function parseDutchDate(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(?:[a-z]+dag )?(\d{1,2}) ([a-z]+)\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]) + 1 || SHORT.indexOf(m[2].slice(0, 3)) + 1;
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/** "2012-05-29" → "29 mei 2012". */
export function formatIsoDate(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The calendar date of a moment in Amsterdam: "2018-01-07". */
export function isoDateIn(now: Date): string {
  const p = amsterdamParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Days from one calendar date to another (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date `days` after a date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
