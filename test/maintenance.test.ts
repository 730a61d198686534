// Maintenance in an app process that is asked to stop: the jobs already running finish before the
// database is closed, so shutting down never fails a job halfway.
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestDatabase } from './helpers/db';
import { startMaintenance } from '../server/maintenance';
import { testConfig } from '../server/config';

describe('maintenance', () => {
  it('stops with the jobs it started done, so the database can be closed right after', async () => {
    const database = await createTestDatabase();
    const failures: unknown[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void (/job failed/.test(line) && failures.push(line)) });
    // Starting runs the hourly retention jobs at once; stopping straight away catches them running.
    const stop = startMaintenance(testConfig({ databaseUrl: database.url }), database.db, logger);
    await stop();
    await database.drop();
    // A job still running when the pool closed would fail its next query and say so here.
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(failures, []);
  });
});
