// Dutch formatting for everything a reader sees: dates in Europe/Amsterdam, numbers with a dot.
const TIME_ZONE = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const monthYearFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const numberFormat = new Intl.NumberFormat('nl-NL');
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});

/** "27 mei 2015" */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "27 mei 2015 om 14:03" */
export function formatDateTime(date: Date): string {
  return `${dateFormat.format(date)} om ${timeFormat.format(date)}`;
}

/** "mei 2005" */
export function formatMonthYear(date: Date): string {
  return monthYearFormat.format(date);
}

/** "97.396" */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "Nog geen reacties" / "1 reactie" / "12 reacties" */
export function reactieCountLabel(n: number): string {
  if (n === 0) return 'Nog geen reacties';
  return n === 1 ? '1 reactie' : `${formatNumber(n)} reacties`;
}

/** Calendar parts of a moment in Amsterdam, for permalinks and the datetime-local inputs. */
export function amsterdamParts(date: Date): { year: string; month: string; day: string; hour: string; minute: string } {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** "2026-11-22T16:05" in Amsterdam time, for <input type="datetime-local">. */
export function toLocalInputValue(date: Date): string {
  const p = amsterdamParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Parses "2026-11-22T16:05" as Amsterdam wall-clock time; null when it is not such a value. */
export function fromLocalInputValue(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  // Guess UTC, then correct by the offset Amsterdam had at that moment (twice, for DST edges).
  let guess = Date.UTC(year, month - 1, day, hour, minute);
  for (let i = 0; i < 2; i++) {
    const p = amsterdamParts(new Date(guess));
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    guess += Date.UTC(year, month - 1, day, hour, minute) - shown;
  }
  const result = new Date(guess);
  return Number.isNaN(result.getTime()) ? null : result;
}
