// The Amsterdam calendar in SQL: an article published just after midnight on New Year's night, or
// at the start of a month, counts in the city's year and month, whatever the server's time zone.
import assert from 'node:assert/strict';
import { amsterdamCalendar, yearOf } from '../../server/db/rows';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('db: Amsterdam calendar in SQL', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  async function calendarOf(at: string): Promise<{ year: number; month: string }> {
    const { db } = database;
    const onPg = db.client.config.client === 'pg';
    const rows = await db.raw(
      `select ${yearOf(db, 't')} as year, ${amsterdamCalendar(db, 't', 'YYYY-MM')} as month
       from (select ${onPg ? 'cast(? as timestamptz)' : 'cast(? as integer)'} as t) moment`,
      [onPg ? at : Date.parse(at)],
    );
    const row = (Array.isArray(rows) ? rows[0] : rows.rows[0]) as { year: unknown; month: unknown };
    return { year: Number(row.year), month: String(row.month) };
  }

  it('puts New Year in winter time (UTC+1) in the new year', async () => {
    assert.deepEqual(await calendarOf('2026-12-31T23:30:00Z'), { year: 2027, month: '2027-01' });
    assert.deepEqual(await calendarOf('2026-12-31T22:59:59Z'), { year: 2026, month: '2026-12' });
  });

  it('uses summer time (UTC+2) between the last Sundays of March and October', async () => {
    assert.deepEqual(await calendarOf('2026-06-30T22:30:00Z'), { year: 2026, month: '2026-07' });
    assert.deepEqual(await calendarOf('2026-10-31T23:30:00Z'), { year: 2026, month: '2026-11' });
    assert.deepEqual(await calendarOf('2026-03-31T21:59:00Z'), { year: 2026, month: '2026-03' });
    assert.deepEqual(await calendarOf('2026-03-31T22:00:00Z'), { year: 2026, month: '2026-04' });
  });
});
