// Maintenance in an app process that is asked to stop: the jobs already running finish before the
// database is closed, so shutting down never fails a job halfway.
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestDatabase } from './helpers/db';
import { startMaintenance } from '../server/maintenance';
import { testConfig } from '../server/config';
import { Metrics } from '../server/http/metrics';

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

  it('records every job in the metrics: the ones that ran at start with their run, the rest named', async () => {
    const database = await createTestDatabase();
    const metrics = new Metrics();
    const stop = startMaintenance(testConfig({ databaseUrl: database.url }), database.db, pino({ level: 'silent' }), metrics);
    await stop();
    await database.drop();
    const jobs = metrics.jobStates();
    // Outside production without SMTP the mail goes to the outbox folder: the mail job runs every minute.
    assert.equal(jobs.get('mail')?.intervalMs, 60_000);
    assert.equal(jobs.get('mail')?.runs, 0);
    for (const name of ['expired sessions', 'tagline', 'search index', 'unattached uploads']) {
      assert.ok((jobs.get(name)?.runs ?? 0) >= 1, `${name}: ${JSON.stringify(jobs.get(name))}`);
    }
    assert.equal(jobs.get('expired sessions')?.intervalMs, 60 * 60 * 1000);
  });
});
