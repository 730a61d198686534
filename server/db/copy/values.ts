// Turns a value as SQLite stores it into what a PostgreSQL column of a given type accepts.
// knex writes booleans into SQLite as 0/1 and dates as milliseconds since 1970 (server/db/rows.ts
// reads them back with toBool and toDate); an older row or a default may hold text instead.

export class ValueError extends Error {}

// SQLite's CURRENT_TIMESTAMP and hand-written dates: "2026-11-22 10:00:00", meant as UTC.
const ZONELESS = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function toTimestamp(value: unknown): Date {
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value);
  else if (typeof value === 'string' && NUMBER.test(value)) date = new Date(Number(value));
  else if (typeof value === 'string' && ZONELESS.test(value)) date = new Date(`${value.replace(' ', 'T')}Z`);
  else if (typeof value === 'string') date = new Date(value);
  else throw new ValueError(`geen datum: ${String(value)}`);
  if (Number.isNaN(date.getTime())) throw new ValueError(`geen geldige datum: ${String(value)}`);
  return date;
}

function toBoolean(value: unknown): boolean {
  if (value === true || value === 1 || value === '1' || value === 't' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'f' || value === 'false') return false;
  throw new ValueError(`geen ja/nee-waarde: ${String(value)}`);
}

function toNumber(value: unknown): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' && NUMBER.test(value.trim())) return value.trim();
  throw new ValueError(`geen getal: ${String(value)}`);
}

function toJson(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    JSON.parse(text);
  } catch {
    throw new ValueError(`geen geldige JSON: ${text.slice(0, 60)}`);
  }
  return text;
}

function toText(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return value;
}

/** The PostgreSQL data_type of a column (information_schema.columns) decides the conversion. */
export function convertValue(value: unknown, pgType: string): unknown {
  if (value === null || value === undefined) return null;
  switch (pgType) {
    case 'boolean':
      return toBoolean(value);
    case 'timestamp with time zone':
    case 'timestamp without time zone':
      return toTimestamp(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) ? value : toTimestamp(value);
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'real':
    case 'double precision':
    case 'numeric':
      return toNumber(value);
    case 'json':
    case 'jsonb':
      return toJson(value);
    case 'text':
    case 'character varying':
    case 'character':
      return toText(value);
    case 'bytea':
      return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    default:
      return value;
  }
}
