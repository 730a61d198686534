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

// Dates on a page with hundreds of reacties: Intl is slow per call, so the offset of Amsterdam to
// UTC is asked once per UTC hour (it only ever changes on a whole UTC hour) and the rest is
// arithmetic. test/shared/format.test.ts holds the result against Intl across DST changes.
/** The Dutch month names, January first. */
export const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const HOUR_MS = 3_600_000;
const offsets = new Map<number, number>();
const MAX_OFFSETS = 50_000;

function amsterdamOffsetMs(hour: number): number {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const p = amsterdamParts(new Date(hour * HOUR_MS));
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - hour * HOUR_MS;
    if (offsets.size >= MAX_OFFSETS) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** The wall-clock time in Amsterdam as a Date whose UTC fields read it. */
function amsterdamWallClock(date: Date): Date | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  return new Date(t + amsterdamOffsetMs(Math.floor(t / HOUR_MS)));
}

/** "27 mei 2015" */
export function formatDate(date: Date): string {
  const local = amsterdamWallClock(date);
  if (!local) return dateFormat.format(date);
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
}

/** "27 mei 2015 om 14:03" */
export function formatDateTime(date: Date): string {
  const local = amsterdamWallClock(date);
  if (!local) return `${dateFormat.format(date)} om ${timeFormat.format(date)}`;
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(date)} om ${hh}:${mm}`;
}

/** "14:03", Amsterdam time */
export function formatTime(date: Date): string {
  return formatDateTime(date).split(' om ')[1] ?? '';
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

type CalendarParts = Readonly<{ year: string; month: string; day: string; hour: string; minute: string }>;
// The same moments come back all the time (an article's permalink is made several times per page
// and per post), and Intl's formatToParts is slow: kept by the millisecond, forgotten wholesale.
const partsKept = new Map<number, CalendarParts>();
const PARTS_KEPT_MAX = 10_000;

/** Calendar parts of a moment in Amsterdam, for permalinks and the datetime-local inputs. */
export function amsterdamParts(date: Date): CalendarParts {
  const at = date.getTime();
  const kept = partsKept.get(at);
  if (kept) return kept;
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  const result = Object.freeze({ year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute });
  if (partsKept.size >= PARTS_KEPT_MAX) partsKept.clear();
  partsKept.set(at, result);
  return result;
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
