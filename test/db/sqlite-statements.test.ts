// The prepared statements each SQLite connection keeps (server/db/sqlite-statements.ts), on a real
// node-sqlite3 connection: prepared once and reused, errors reported and not kept, a schema change
// seen, the oldest dropped past the limit, and closing still closes (and removes the WAL).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { keepStatements, type KeepingConnection } from '../../server/db/sqlite-statements';

type Done = { err: Error | null; rows?: unknown; self?: { lastID?: number; changes?: number } };

describe('prepared statements kept per SQLite connection', () => {
  let dir: string;
  let file: string;
  let conn: sqlite3.Database;
  let prepared: string[];
  const call = (method: 'all' | 'run', sql: string, bindings?: unknown[]) =>
    new Promise<Done>((resolve) => {
      (conn as unknown as KeepingConnection)[method](sql, bindings, function (err, rows) {
        resolve({ err, rows, self: this ?? undefined });
      });
    });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-statements-'));
    file = path.join(dir, 'kept.sqlite');
    conn = new sqlite3.Database(file);
    await new Promise<void>((resolve, reject) =>
      conn.exec('PRAGMA journal_mode = WAL; create table t (id integer primary key, v text unique);', (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    prepared = [];
    const prepare = conn.prepare.bind(conn);
    (conn as unknown as { prepare: unknown }).prepare = (sql: string, cb: (err: Error | null) => void) => {
      prepared.push(sql);
      return prepare(sql, cb);
    };
    keepStatements(conn);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const close = () => new Promise<Error | null>((resolve) => conn.close((err) => resolve(err)));

  it('prepares a statement once and runs it again with new bindings, with lastID and changes for run', async () => {
    const first = await call('run', 'insert into t (v) values (?)', ['a']);
    const second = await call('run', 'insert into t (v) values (?)', ['b']);
    assert.equal(first.err, null);
    assert.equal(first.self?.lastID, 1);
    assert.equal(second.self?.lastID, 2);
    assert.equal(second.self?.changes, 1);
    assert.deepEqual((await call('all', 'select v from t where id > ? order by id', [0])).rows, [{ v: 'a' }, { v: 'b' }]);
    assert.deepEqual((await call('all', 'select v from t where id > ? order by id', [1])).rows, [{ v: 'b' }]);
    assert.deepEqual(prepared, ['insert into t (v) values (?)', 'select v from t where id > ? order by id']);
    assert.equal(await close(), null);
  });

  it('reports a statement that cannot be prepared, keeps it not, and reports a failing run without breaking the next', async () => {
    const bad = await call('all', 'select nope from t');
    assert.match(String(bad.err?.message), /no such column: nope/);
    assert.match(String((await call('all', 'select nope from t')).err?.message), /no such column/);
    assert.equal(prepared.filter((sql) => sql === 'select nope from t').length, 2, 'prepared again, not kept');
    await call('run', 'insert into t (v) values (?)', ['x']);
    const duplicate = await call('run', 'insert into t (v) values (?)', ['x']);
    assert.match(String(duplicate.err?.message), /UNIQUE constraint failed/);
    assert.equal((await call('run', 'insert into t (v) values (?)', ['y'])).err, null);
    assert.equal(await close(), null);
  });

  it('sees a schema change in a kept statement, and passes transactions and pragmas through unkept', async () => {
    await call('run', 'insert into t (v) values (?)', ['a']);
    assert.deepEqual((await call('all', 'select * from t', [])).rows, [{ id: 1, v: 'a' }]);
    await call('run', 'alter table t add column w text', []);
    assert.deepEqual((await call('all', 'select * from t', [])).rows, [{ id: 1, v: 'a', w: null }]);
    await call('all', 'BEGIN IMMEDIATE;', []);
    await call('run', 'insert into t (v) values (?)', ['b']);
    await call('all', 'ROLLBACK', []);
    // As db/knex.ts sets its pragmas: run(sql, callback), no bindings.
    await new Promise<void>((resolve) =>
      (conn as unknown as { run: (sql: string, cb: () => void) => void }).run('PRAGMA user_version = 3', resolve),
    );
    assert.deepEqual(prepared, ['insert into t (v) values (?)', 'select * from t']);
    assert.deepEqual((await call('all', 'select count(*) as n from t', [])).rows, [{ n: 1 }]);
    assert.equal(await close(), null);
  });

  it('closes cleanly also when two queries prepared the same new text at once', async () => {
    const both = await Promise.all([call('all', 'select count(*) as n from t', []), call('all', 'select count(*) as n from t', [])]);
    assert.deepEqual(
      both.map((b) => b.rows),
      [[{ n: 0 }], [{ n: 0 }]],
    );
    assert.equal(await close(), null);
    assert.equal(fs.existsSync(`${file}-wal`), false);
  });

  it('keeps at most 200 statements, dropping the one used longest ago, and closes with the WAL removed', async () => {
    for (let i = 0; i < 250; i++) assert.equal((await call('all', `select ${i} as n`, [])).err, null);
    await call('all', 'select 249 as n', []);
    await call('all', 'select 0 as n', []);
    assert.equal(prepared.filter((sql) => sql === 'select 249 as n').length, 1, 'a recent one is kept');
    assert.equal(prepared.filter((sql) => sql === 'select 0 as n').length, 2, 'the oldest went');
    assert.equal(await close(), null);
    assert.equal(fs.existsSync(`${file}-wal`), false, 'a clean close, with every statement finalized');
  });
});
