// The Dutch date shapes said once (server/documents/parse/dates.ts), on dates and lines written for the test.
import assert from 'node:assert/strict';
import { DATE_IN_TEXT, DATE_LINE_LOOSE, EXACT_DATE, MEETING, ONE_DATE } from '../../../server/documents/parse/dates';
import { findDate } from '../../../server/documents/parse/values';

describe('documents: one grammar of Dutch dates', () => {
  it('reads a whole value as one date in words, abbreviated, in digits or ISO, with a weekday', () => {
    for (const v of ['5 maart 2015', '5 mrt. 2015', '12 sept 2019', 'dinsdag 05-03-2015', '5/3/15', '2015-03-05'])
      assert.ok(EXACT_DATE.test(v), v);
    for (const v of ['5 maart', 'maart 2015', '2015-3-5', '5 maart 2015 en verder', 'Zaaknummer 5-3-2015'])
      assert.ok(!EXACT_DATE.test(v), v);
  });

  it('finds the first real date in running text, not inside a longer number', () => {
    assert.equal(findDate('Maastricht, 5 mrt 2015'), '2015-03-05');
    assert.equal(findDate('Kenmerk 2015-0312-44 van 7-4-2016'), '2016-04-07');
    assert.equal(findDate('op 31 februari 2015 en 1 maart 2015'), '2015-03-01');
    assert.equal([...'Bijlage 12-13-2015-7'.matchAll(DATE_IN_TEXT)].length, 0);
  });

  it("takes a line that is only a date, also with a two-digit year, as a title's date line", () => {
    for (const v of ['vrijdag 7 juni 2019', '7-6-19.', '7 juni 19']) assert.ok(DATE_LINE_LOOSE.test(v), v);
    assert.ok(!DATE_LINE_LOOSE.test('7 juni is de vergadering'));
    assert.ok(new RegExp(`^${ONE_DATE}$`, 'iu').test('donderdag 3 november 2016'));
  });

  it('dates a motie by its meeting of one day, not by a meeting of two days', () => {
    const dateOf = (line: string) => MEETING.exec(line)?.[1] ?? null;
    assert.equal(dateOf('De raad van de gemeente Veldhoven, in openbare vergadering bijeen op 3 juli 2023,'), '3 juli 2023');
    assert.equal(dateOf('De gemeenteraad van Oosterlo bijeen op donderdag 3 november 2016, gehoord de beraadslaging'), '3 november 2016');
    assert.equal(dateOf('De raad, in vergadering d.d. 12-12-2023'), '12-12-2023');
    assert.equal(dateOf('Voorgesteld tijdens het Commissiedebat Sport van 12 februari 2024'), '12 februari 2024');
    assert.equal(dateOf('De raad van de gemeente Veldhoven, in vergadering bijeen op 3 en 4 juli 2023,'), null);
    assert.equal(dateOf('Wij schreven u dat de raad op 3 juli 2023 vergaderde.'), null);
  });
});
