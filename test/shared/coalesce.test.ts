// Readers arriving together share reads, and never get an answer read before they arrived.
import assert from 'node:assert/strict';
import { Coalescer } from '../../server/shared/coalesce';

function deferredReads() {
  let started = 0;
  const pending: Array<{ resolve: (v: number) => void; reject: (e: Error) => void; startedAs: number }> = [];
  const fn = () =>
    new Promise<number>((resolve, reject) => {
      started++;
      pending.push({ resolve, reject, startedAs: started });
    });
  return { fn, pending, started: () => started };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('Coalescer', () => {
  it('gives callers who arrive during a read the next read, shared, and starts it when the first settles', async () => {
    const c = new Coalescer<number>();
    const reads = deferredReads();
    const first = c.read('k', reads.fn);
    const during = [c.read('k', reads.fn), c.read('k', reads.fn), c.read('k', reads.fn)];
    assert.equal(reads.started(), 1, 'the late callers do not get the running read');
    reads.pending[0].resolve(1);
    assert.equal(await first, 1);
    await tick();
    assert.equal(reads.started(), 2, 'one more read, for all three');
    reads.pending[1].resolve(2);
    assert.deepEqual(await Promise.all(during), [2, 2, 2]);
    // Nothing running: a new caller starts its own read at once.
    const later = c.read('k', reads.fn);
    assert.equal(reads.started(), 3);
    reads.pending[2].resolve(3);
    assert.equal(await later, 3);
  });

  it('keeps keys apart, and passes a failed read on to its callers only', async () => {
    const c = new Coalescer<number>();
    const reads = deferredReads();
    const a = c.read('a', reads.fn);
    const b = c.read('b', reads.fn);
    assert.equal(reads.started(), 2);
    const aLate = c.read('a', reads.fn);
    reads.pending[0].reject(new Error('database weg'));
    await assert.rejects(a, /database weg/);
    await tick();
    reads.pending[2].resolve(7);
    assert.equal(await aLate, 7, 'the next read is tried afresh');
    reads.pending[1].resolve(5);
    assert.equal(await b, 5);
  });
});
