// Several app processes on one SQLite file: a transaction that reads before it writes must not
// fail because another process wrote in between (SQLITE_BUSY without waiting), which is what a
// plain deferred BEGIN does in WAL mode. Two knex instances stand in for two processes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../server/db/knex';

describe('SQLite: writers in several processes', () => {
  let dir: string;
  let first: Db;
  let second: Db;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-writers-'));
    const file = path.join(dir, 'shared.sqlite');
    [first, second] = [createDb(file), createDb(file)];
    await first.schema.createTable('tally', (t) => {
      t.integer('id').primary();
      t.integer('n').notNullable();
    });
    await first('tally').insert({ id: 1, n: 0 });
    // Both connections open and in WAL mode before the test starts.
    assert.equal(Number((await second('tally').where({ id: 1 }).first('n')).n), 0);
  });
  after(async () => {
    await Promise.all([first?.destroy(), second?.destroy()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets a read-then-write transaction finish while the other connection writes, and loses no write', async () => {
    let otherWrite: Promise<unknown> | undefined;
    await first.transaction(async (trx) => {
      const { n } = await trx('tally').where({ id: 1 }).first('n');
      // The other process writes now, between this transaction's read and its write.
      // (A knex query runs only once something calls its then().)
      otherWrite = second('tally')
        .where({ id: 1 })
        .increment('n', 10)
        .then((changed) => changed);
      await new Promise((r) => setTimeout(r, 100));
      await trx('tally')
        .where({ id: 1 })
        .update({ n: Number(n) + 1 });
    });
    await otherWrite;
    assert.equal(Number((await second('tally').where({ id: 1 }).first('n')).n), 11);
  });
});
