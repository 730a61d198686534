// A long line pasted into a document (a page's text without its breaks) is read in time: the recogniser's patterns
// take time in proportion to the line, not to its square (review of session 19's rules, issue 20).
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { introducedItems } from '../../../server/documents/parse/detect';
import { toLines } from '../../../server/documents/parse/lines';
import { spelledOut } from '../../../server/documents/parse/parties';
import { membersAsking } from '../../../server/documents/parse/asking-members';

const long = (unit: string, n = 50_000) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** Milliseconds `f` takes. */
const timed = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

describe('documents: a long line is read in time', function () {
  this.timeout(60_000);

  it('a motie with a long line of text above it', () => {
    const text = [
      'Nieuws',
      '',
      long('de raad wil dit niet '),
      '',
      'De gemeenteraad van Dalfsen, in vergadering bijeen op 3 maart 2022,',
      '',
      'constaterende dat het fietspad onverlicht is;',
      '',
      'verzoekt het college verlichting aan te brengen,',
      '',
      'en gaat over tot de orde van de dag.',
    ].join('\n');
    assert.ok(timed(() => parseDocument(text)) < 1500);
  });

  it('a party spelled out, in a text with a long run of capitals', () => {
    assert.ok(timed(() => spelledOut('ARP', long('A'))) < 300);
  });

  it('a line that repeats the words that introduce questions', () => {
    for (const line of [long('de volgende vragen ', 100_000), `${long('de volgende vragen ', 100_000)}!:`])
      assert.ok(timed(() => introducedItems(toLines(`${line}\n- Een?\n- Twee?`))) < 300);
  });

  it('a long line of what could open a sentence that says who asks ("Namens X heeft …")', () => {
    const text = ['Geacht college,', '', long('namens Rivierstad heeft '), '', '1. Is het college bekend met de klachten?'].join('\n');
    assert.ok(timed(() => parseDocument(text)) < 500);
  });

  it('a long run of letters at the top, where a head of questions could start', () => {
    const text = [long('a'), '', 'Geacht college,', '', '1. Is het college bekend met de klachten?'].join('\n');
    assert.ok(timed(() => parseDocument(text)) < 1500);
  });

  it('a long line of "vragen" in the opening, where members asking are looked for', () => {
    assert.ok(timed(() => membersAsking(long('vragen '))) < 300);
  });
});
