// /gezondheid and /metrics of the server as it runs (server/main.ts): its background jobs are in
// both, with the process metrics, and it still stops cleanly on SIGTERM.
import assert from 'node:assert/strict';
import type { HealthReport } from '../../server/ops/health';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { killAllServers, startServer, type ServerProcess } from '../helpers/server-process';

const TOKEN = 'metrics-token-for-the-server-0123456789';

describe('/gezondheid and /metrics of the running server', function () {
  this.timeout(60_000);
  let database: TestDatabase;
  let server: ServerProcess;
  before(async () => {
    database = await createTestDatabase();
    server = await startServer(database.url, { METRICS_TOKEN: TOKEN });
  });
  after(async () => {
    await killAllServers();
    await database.drop();
  });

  it('shows every background job, the migrations and the process metrics, then stops on SIGTERM', async () => {
    const res = await fetch(`${server.baseUrl}/gezondheid`);
    assert.equal(res.status, 200, server.output());
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as HealthReport;
    assert.equal(body.checks.database.ok, true);
    assert.deepEqual(body.checks.migrations.pending, []);
    for (const job of ['expired sessions', 'unattached uploads', 'tagline', 'search index', 'mail']) {
      assert.ok(body.checks.jobs.jobs[job], `${job} in ${Object.keys(body.checks.jobs.jobs).join(', ')}`);
    }
    assert.equal(body.checks.jobs.jobs.mail.last_run_at, null, 'the mail job first runs after a minute');

    assert.equal((await fetch(`${server.baseUrl}/metrics`)).status, 401);
    const metrics = await (await fetch(`${server.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
    assert.match(metrics, /^stadslog_process_resident_memory_bytes \d+/m);
    assert.match(metrics, /^stadslog_job_runs_total\{job="expired sessions"\} \d+/m);
    assert.match(metrics, /^stadslog_job_runs_total\{job="mail"\} 0/m);
    assert.match(metrics, /^stadslog_http_request_duration_seconds_count\{method="GET",route="\/gezondheid",status_class="2xx"\} 1$/m);

    server.stop('SIGTERM');
    assert.deepEqual(await server.exited, { code: 0, signal: null });
  });
});
