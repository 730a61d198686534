// A fresh, migrated database for each test file: an SQLite file in a temp folder by default,
// or a new PostgreSQL database when TEST_DATABASE_URL is set (postgres://…/test).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { createDb, type Db } from '../../server/db/knex';
import { migrateLatest } from '../../server/db/migrate';

export interface TestDatabase {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const id = crypto.randomBytes(6).toString('hex');
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `stadslog_test_${id}`;
    const admin = knexFactory({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = createDb(url.toString());
    await migrateLatest(db);
    return {
      db,
      url: url.toString(),
      async drop() {
        await db.destroy();
        await admin.raw(`drop database if exists ${name} with (force)`);
        await admin.destroy();
      },
    };
  }
  return createSqliteTestDatabase();
}

/** A fresh, migrated SQLite file whatever TEST_DATABASE_URL says (npm run db:copy reads one). */
export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-test-'));
  const file = path.join(dir, 'test.sqlite');
  const db = createDb(file);
  await migrateLatest(db);
  return {
    db,
    url: file,
    async drop() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new, empty PostgreSQL database (not migrated) on the test server, in the SQLite run too: the
 * server is there in both (npm run db:copy writes into one).
 */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const name = `stadslog_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
  await admin.raw(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}
