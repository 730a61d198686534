// What npm run db:copy makes of a value as SQLite keeps it, per PostgreSQL column type.
import assert from 'node:assert/strict';
import { convertValue, ValueError } from '../../server/db/copy/values';

describe('db:copy value conversion', () => {
  it('turns milliseconds, numeric text and SQLite timestamps (UTC) into dates', () => {
    const at = '2026-11-22T10:00:00.000Z';
    const ms = Date.parse(at);
    for (const value of [ms, String(ms), '2026-11-22 10:00:00', '2026-11-22T11:00:00+01:00', new Date(ms)]) {
      assert.equal((convertValue(value, 'timestamp with time zone') as Date).toISOString(), at, String(value));
    }
    assert.throws(() => convertValue('morgen', 'timestamp with time zone'), ValueError);
  });

  it('turns 0/1 into booleans and refuses anything else', () => {
    assert.equal(convertValue(1, 'boolean'), true);
    assert.equal(convertValue(0, 'boolean'), false);
    assert.equal(convertValue('true', 'boolean'), true);
    assert.throws(() => convertValue(2, 'boolean'), /geen ja\/nee-waarde/);
  });

  it('keeps nulls, numbers as numbers, text as text and JSON only when it is JSON', () => {
    assert.equal(convertValue(null, 'boolean'), null);
    assert.equal(convertValue(42, 'integer'), 42);
    assert.equal(convertValue('42', 'bigint'), '42');
    assert.throws(() => convertValue('veel', 'integer'), /geen getal/);
    assert.equal(convertValue(12, 'character varying'), '12');
    assert.equal(convertValue('{"a":1}', 'jsonb'), '{"a":1}');
    assert.throws(() => convertValue('{kapot', 'json'), /geen geldige JSON/);
    assert.equal(convertValue('2026-11-22', 'date'), '2026-11-22');
  });
});
