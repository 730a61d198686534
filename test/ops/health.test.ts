// /gezondheid as a proxy and a monitor read it: 200 when this process can answer, 503 with the
// failing checks when the database is gone or migrations are pending, warnings (still 200) for a
// mail queue that does not empty and a background job that failed or is late; never cached, nothing
// personal in it.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createDb } from '../../server/db/knex';
import { knownMigrations } from '../../server/db/migrate';
import { Metrics } from '../../server/http/metrics';
import { enqueueMail } from '../../server/notifications/queue';
import type { HealthReport } from '../../server/ops/health';
import { createTestApp, type TestApp } from '../helpers/app';

describe('/gezondheid', function () {
  this.timeout(30_000);
  let t: TestApp;
  let metrics: Metrics;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    t = await createTestApp();
    metrics = new Metrics();
    app = createApp({ ...t.deps, metrics });
  });
  afterEach(async () => t.close());

  const health = async (a = app) => {
    const res = await request(a).get('/gezondheid');
    return { status: res.status, body: res.body as HealthReport, headers: res.headers };
  };

  it('answers 200 "ok" with every check, never cached and without a cookie', async () => {
    const { status, body, headers } = await health();
    assert.equal(status, 200);
    assert.equal(body.status, 'ok');
    assert.equal(headers['cache-control'], 'no-store');
    assert.match(headers['content-type'], /application\/json/);
    assert.equal(headers['set-cookie'], undefined);
    assert.equal(body.checks.database.ok, true);
    assert.equal(typeof body.checks.database.ms, 'number');
    assert.deepEqual(body.checks.migrations.pending, []);
    assert.equal(body.checks.migrations.applied, (await knownMigrations()).length);
    assert.deepEqual(body.checks.mail_queue, { ok: true, unsent: 0, oldest_age_seconds: null });
    assert.deepEqual(body.checks.jobs, { ok: true, jobs: {} });
    await request(app).head('/gezondheid').expect(200);
  });

  it('gives a person in a browser a few plain lines, with the same status code', async () => {
    const res = await request(app).get('/gezondheid').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
    assert.match(res.headers['content-type'], /^text\/plain/);
    assert.match(res.text, /^Stadslog: in orde/);
    assert.match(res.text, /ok {5}migraties: \d+ uitgevoerd, 0 open/);
    await t
      .db('knex_migrations')
      .where({ name: (await knownMigrations()).at(-1) })
      .delete();
    const bad = await request(app).get('/gezondheid').set('Accept', 'text/html').expect(503);
    assert.match(bad.text, /^Stadslog: kan niet antwoorden/);
    assert.match(bad.text, /FOUT {3}migraties: \d+ uitgevoerd, 1 open/);
    assert.match(bad.text, /voer npm run migrate uit/);
    // curl and monitors accept anything: JSON.
    assert.match((await request(app).get('/gezondheid').set('Accept', '*/*')).headers['content-type'], /application\/json/);
  });

  it('gives the age of the oldest unsent mail, warns after an hour (still 200), and shows no address', async () => {
    const now = new Date();
    await enqueueMail(
      t.db,
      { to: 'bewoner@example.nl', subject: 'Antwoord op je reactie', text: 'x' },
      new Date(now.getTime() - 2 * 3600_000),
    );
    await enqueueMail(t.db, { to: 'ander@example.nl', subject: 'Nieuw', text: 'y' }, new Date(now.getTime() - 60_000));
    // Sent and given-up mails do not wait.
    await enqueueMail(t.db, { to: 'klaar@example.nl', subject: 'Verzonden', text: 'z' }, new Date(now.getTime() - 9 * 3600_000));
    await t.db('mail_queue').where({ to: 'klaar@example.nl' }).update({ sent_at: now, next_attempt_at: null });
    const res = await request(app).get('/gezondheid').expect(200);
    const body = res.body as HealthReport;
    assert.equal(body.status, 'waarschuwing');
    assert.equal(body.checks.mail_queue.ok, false);
    assert.equal(body.checks.mail_queue.unsent, 2);
    assert.ok(Math.abs(body.checks.mail_queue.oldest_age_seconds! - 7200) < 60, String(body.checks.mail_queue.oldest_age_seconds));
    assert.match(body.checks.mail_queue.message!, /SMTP_URL/);
    assert.doesNotMatch(res.text, /@example\.nl|Antwoord op je reactie/);
  });

  it('answers 503 naming the pending migration when the database is behind the code', async () => {
    const newest = (await knownMigrations()).at(-1)!;
    const row = await t.db('knex_migrations').where({ name: newest }).first();
    await t.db('knex_migrations').where({ name: newest }).delete();
    const { status, body } = await health();
    assert.equal(status, 503);
    assert.equal(body.status, 'fout');
    assert.equal(body.checks.migrations.ok, false);
    assert.deepEqual(body.checks.migrations.pending, [newest]);
    assert.match(body.checks.migrations.message!, /npm run migrate/);
    await t.db('knex_migrations').insert(row);
    assert.equal((await health()).status, 200);
  });

  it('treats migrations of a newer version (an update under way) as no fault', async () => {
    await t.db('knex_migrations').insert({ name: '29991231000000_van_de_volgende_versie', batch: 99, migration_time: new Date() });
    const { status, body } = await health();
    assert.equal(status, 200);
    assert.deepEqual(body.checks.migrations.unknown, ['29991231000000_van_de_volgende_versie']);
  });

  it('answers 503 with a Dutch message when the database cannot be reached', async () => {
    const gone = createDb(t.deps.config.databaseUrl);
    await gone.destroy();
    const { status, body } = await health(createApp({ ...t.deps, db: gone, metrics }));
    assert.equal(status, 503);
    assert.equal(body.status, 'fout');
    assert.equal(body.checks.database.ok, false);
    assert.match(body.checks.database.message!, /niet bereikbaar/);
    assert.equal(body.checks.migrations.ok, false);
  });

  it('shows each background job with its last run, and warns when one failed or is late', async () => {
    metrics.expectJob('mail', 60_000);
    await metrics.runJob('mail', 60_000, () => Promise.resolve(1));
    let body = (await health()).body;
    assert.equal(body.status, 'ok');
    assert.equal(body.checks.jobs.jobs.mail.ok, true);
    assert.equal(body.checks.jobs.jobs.mail.runs, 1);
    assert.ok(body.checks.jobs.jobs.mail.last_run_at);

    await assert.rejects(metrics.runJob('tagline', 60_000, () => Promise.reject(new Error('weer onbereikbaar: jan@example.nl'))));
    const res = await request(app).get('/gezondheid').expect(200);
    body = res.body as HealthReport;
    assert.equal(body.status, 'waarschuwing');
    assert.equal(body.checks.jobs.ok, false);
    assert.equal(body.checks.jobs.jobs.tagline.failures, 1);
    assert.match(body.checks.jobs.message!, /mislukte van: tagline/);
    assert.doesNotMatch(res.text, /jan@example\.nl/, 'no error text, which may quote anything');

    // Three minutes on: the mail job (every minute) has not run again.
    t.setNow(new Date(Date.now() + 3 * 60_000));
    body = (await health()).body;
    assert.equal(body.checks.jobs.jobs.mail.ok, false);
    assert.match(body.checks.jobs.message!, /Te lang geen ronde afgerond: mail/);
  });
});
