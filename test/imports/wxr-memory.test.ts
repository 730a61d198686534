// The import's memory does not grow with the file: what it keeps to the end (post ids, tag slugs,
// attachments waiting for their post) must not hold on to the pieces of the file they were read
// from. Measured as the live JavaScript heap after a full garbage collection, a fifth of the way in
// and near the end of a generated 20 MB export of a daily weblog.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { importWxr } from '../../server/imports/import';
import { writeLargeExport } from '../../server/cli/bench/wxr-export';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('imports: memory stays flat while a large export is read', function () {
  this.timeout(400_000);
  let database: TestDatabase;
  let dir: string;
  before(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-wxr-memory-'));
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('the live heap near the end is within a few MB of the heap a fifth of the way in', async () => {
    const file = path.join(dir, 'export.xml');
    const size = await writeLargeExport(file, { posts: 1_000, comments: 14_000, attachments: 400, bytes: 20 * 1024 * 1024 });
    const heap: Record<number, number> = {};
    const report = await importWxr(
      database.db,
      fs.createReadStream(file),
      { pingbacks: 'skip', ipRetentionDays: 30, now: new Date('2026-12-01T12:00:00Z') },
      (bytes) => {
        const tenth = Math.floor((bytes / size) * 10);
        if ((tenth === 2 || tenth === 9) && heap[tenth] === undefined) {
          gc();
          heap[tenth] = process.memoryUsage().heapUsed;
        }
      },
    );
    assert.equal(report.count('post'), 1_000);
    const growth = (heap[9] - heap[2]) / 1024 / 1024;
    assert.ok(growth < 6, `the heap grew ${growth.toFixed(1)} MB between 20 % and 90 % of the file`);
  });
});
