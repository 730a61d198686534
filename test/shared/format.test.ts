// The Dutch date formats, made with arithmetic for speed, read the same as Intl's in Amsterdam time,
// across daylight-saving changes and the years a weblog spans.
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from '../../server/shared/format';

const zone = 'Europe/Amsterdam';
const intlDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
const intlTime = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: zone });
const expected = (d: Date) => `${intlDate.format(d)} om ${intlTime.format(d)}`;

describe('Dutch dates', () => {
  it('read as Intl does for 20.000 moments from 1980 to 2060', () => {
    let seed = 20051205;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const d = new Date(Date.UTC(1980, 0, 1) + Math.floor(random() * 80 * 365.25 * 86_400_000));
      assert.equal(formatDateTime(d), expected(d), d.toISOString());
      assert.equal(formatDate(d), intlDate.format(d), d.toISOString());
    }
  });

  it('turn the clock at the daylight-saving changes, minute by minute', () => {
    // 2026: summer time from 29 March 01:00 UTC, winter time from 25 October 01:00 UTC.
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2005-10-30T01:00:00Z']) {
      const at = Date.parse(change);
      for (let m = -90; m <= 90; m++) {
        const d = new Date(at + m * 60_000 + 30_000);
        assert.equal(formatDateTime(d), expected(d), d.toISOString());
      }
    }
    assert.equal(formatDateTime(new Date('2026-10-25T00:59:00Z')), '25 oktober 2026 om 02:59');
    assert.equal(formatDateTime(new Date('2026-10-25T01:00:00Z')), '25 oktober 2026 om 02:00');
  });

  it('say the month in Dutch, and survive an invalid date', () => {
    assert.equal(formatDate(new Date('2015-05-27T12:00:00Z')), '27 mei 2015');
    assert.equal(formatDate(new Date('2024-12-31T23:30:00Z')), '1 januari 2025');
    assert.throws(() => formatDate(new Date(NaN)), RangeError);
  });
});
