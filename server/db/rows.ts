// Small converters that make rows look the same on SQLite and PostgreSQL.

/** SQLite stores our dates as milliseconds; PostgreSQL returns Date objects. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') return /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value)) : new Date(value);
  throw new TypeError(`not a date: ${String(value)}`);
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/** SQLite returns 0/1 for booleans. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}

/** count(*) arrives as number or string depending on the driver. */
export function toCount(row: Record<string, unknown> | undefined): number {
  if (!row) return 0;
  const value = Object.values(row)[0];
  return Number(value ?? 0);
}

/** A JSON column, parsed in one place: null when empty or damaged (a damaged value is not an error page). */
export function parseJson<T>(value: unknown): T | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

/** A unique constraint refused the row (PostgreSQL 23505, SQLite "UNIQUE constraint failed"). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

/**
 * A timestamp column as Amsterdam calendar text, as SQL: `format` is 'YYYY' or 'YYYY-MM'. PostgreSQL
 * knows the time zone; SQLite (our timestamps are milliseconds, and its 'localtime' is the server's
 * zone, not the city's) gets the EU rule: summer time (+2) from the last Sunday of March to the
 * last Sunday of October, 01:00 UTC both, winter time (+1) otherwise.
 */
export function amsterdamCalendar(db: { client: { config: { client?: unknown } } }, column: string, format: 'YYYY' | 'YYYY-MM'): string {
  if (db.client.config.client === 'pg') return `to_char(${column} at time zone 'Europe/Amsterdam', '${format}')`;
  const s = `(${column} / 1000)`;
  const year = `strftime('%Y', ${s}, 'unixepoch')`;
  const sunday = (monthDay: string) => `(cast(strftime('%s', date(${year} || '${monthDay}', 'weekday 0')) as integer) + 3600)`;
  const offset = `(case when ${s} >= ${sunday('-03-25')} and ${s} < ${sunday('-10-25')} then 7200 else 3600 end)`;
  return `strftime('${format === 'YYYY' ? '%Y' : '%Y-%m'}', ${s} + ${offset}, 'unixepoch')`;
}

/** The calendar year of a timestamp column in Amsterdam, as an integer SQL expression. */
export function yearOf(db: { client: { config: { client?: unknown } } }, column: string): string {
  return `cast(${amsterdamCalendar(db, column, 'YYYY')} as integer)`;
}

/**
 * The sum of a timestamp column in milliseconds, as an SQL aggregate: a fingerprint of a set of last
 * changes that moves when any one of them does, also when the newest stays the same (two edits in
 * the same millisecond, or an app server whose clock is behind another's).
 */
export function sumOfTimes(db: { client: { config: { client?: unknown } } }, column: string): string {
  // Each term modulo 2^32 ms (about 50 days), so the sum of many stays exact as a JavaScript number.
  const ms = db.client.config.client === 'pg' ? `(extract(epoch from ${column}) * 1000)::bigint` : column;
  return `sum(${ms} % 4294967296)`;
}

/** An aggregate's value as text ('' when there is none), whether the driver gives a number or a string. */
export function aggregateText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint' ? String(value) : '';
}
