// /metrics in Prometheus text: off without METRICS_TOKEN, only with the bearer token when set;
// requests counted by route pattern and status class (never the URL, its query string or anything a
// reader sent), the page cache's hits in front of Express too, the jobs and the mail queue.
import assert from 'node:assert/strict';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp, createServer } from '../../server/app';
import { articlePath } from '../../server/articles/queries';
import { loadConfig } from '../../server/config';
import { Metrics } from '../../server/http/metrics';
import { enqueueMail } from '../../server/notifications/queue';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';

/** The value of one series, or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', function () {
  this.timeout(30_000);
  let t: TestApp;
  let metrics: Metrics;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    t = await createTestApp({ metricsToken: TOKEN });
    metrics = new Metrics();
    app = createApp({ ...t.deps, metrics });
  });
  afterEach(async () => t.close());

  const scrape = async () => {
    const res = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    assert.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/);
    assert.equal(res.headers['cache-control'], 'no-store');
    return res.text;
  };

  it('is not there without METRICS_TOKEN, and refuses a missing or wrong token', async () => {
    await request(createApp({ ...t.deps, config: { ...t.deps.config, metricsToken: null } }))
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(404);
    const none = await request(app).get('/metrics').expect(401);
    assert.equal(none.headers['www-authenticate'], 'Bearer realm="metrics"');
    assert.match(none.text, /METRICS_TOKEN/);
    await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
    await request(app).get('/metrics').set('Authorization', TOKEN).expect(401);
  });

  it('refuses a METRICS_TOKEN that is too short, in Dutch', () => {
    assert.throws(() => loadConfig({ METRICS_TOKEN: 'geheim' }), /METRICS_TOKEN moet minstens 24 tekens/);
    assert.equal(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken, TOKEN);
    assert.equal(loadConfig({}).metricsToken, null);
  });

  it('counts requests by route pattern and status class, never by URL, query or what a reader sent', async () => {
    const article = await buildArticle(t.db, { slug: 'geheime-slug-van-een-artikel' });
    const path = articlePath(article);
    await request(app).get(`${path}?utm_source=nieuwsbrief&email=lezer%40example.nl`).expect(200);
    const agent = request.agent(app);
    const posted = await postReactieForm(agent, path, { naam: 'Marieke Bewoner', email: 'marieke@example.nl' });
    assert.equal(posted.status, 303);
    await request(app).get('/bestaat-niet-pad-van-een-lezer').expect(404);
    const text = await scrape();
    const get = (route: string, cls: string) =>
      sample(text, `stadslog_http_request_duration_seconds_count{method="GET",route="${route}",status_class="${cls}"}`);
    assert.equal(get('/:year/:month/:slug', '2xx'), 2, text);
    assert.equal(
      sample(text, 'stadslog_http_request_duration_seconds_count{method="POST",route="/:year/:month/:slug/reacties",status_class="3xx"}'),
      1,
      text,
    );
    // The old-WordPress-paths catch-all saw it last: its pattern, not the path.
    assert.equal(get('/{*path}', '4xx'), 1, text);
    for (const secret of ['geheime-slug', 'utm_source', 'example.nl', 'Marieke', 'bestaat-niet', '127.0.0.1']) {
      assert.doesNotMatch(text, new RegExp(secret), secret);
    }
  });

  it('counts the page cache hits answered in front of Express under their route pattern', async () => {
    const article = await buildArticle(t.db);
    const server: http.Server = createServer({ ...t.deps, metrics });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // The first answer keeps the page; the next two are hits before Express.
      for (let i = 0; i < 3; i++) assert.equal((await fetch(`${base}${articlePath(article)}`)).status, 200);
      const text = await (await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
      assert.equal(
        sample(text, 'stadslog_http_request_duration_seconds_count{method="GET",route="/:year/:month/:slug",status_class="2xx"}'),
        3,
        text,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('has the jobs (runs, failures, duration, last success) and the mail queue', async () => {
    metrics.expectJob('mail', 60_000);
    await metrics.runJob('mail', 60_000, () => Promise.resolve(1));
    await assert.rejects(metrics.runJob('mail', 60_000, () => Promise.reject(new Error('smtp weg'))));
    const now = new Date();
    await enqueueMail(t.db, { to: 'a@example.nl', subject: 'x', text: 'x' }, new Date(now.getTime() - 90_000));
    await enqueueMail(t.db, { to: 'b@example.nl', subject: 'y', text: 'y' }, now);
    const text = await scrape();
    assert.equal(sample(text, 'stadslog_job_runs_total{job="mail"}'), 2);
    assert.equal(sample(text, 'stadslog_job_failures_total{job="mail"}'), 1);
    assert.equal(sample(text, 'stadslog_job_duration_seconds_count{job="mail"}'), 2);
    assert.ok(sample(text, 'stadslog_job_last_success_timestamp_seconds{job="mail"}')! > now.getTime() / 1000 - 60);
    assert.equal(sample(text, 'stadslog_mail_queue_unsent'), 2);
    const age = sample(text, 'stadslog_mail_queue_oldest_unsent_age_seconds')!;
    assert.ok(age >= 89 && age < 150, String(age));
    assert.doesNotMatch(text, /smtp weg|example\.nl/);
  });

  it('writes the request histogram as Prometheus reads it: cumulative buckets, +Inf equal to the count', async () => {
    const now = process.hrtime.bigint();
    metrics.observeRequest('GET', '/zoeken', 200, now - 30_000_000n); // 30 ms
    metrics.observeRequest('GET', '/zoeken', 200, now - 3_000_000n); // 3 ms
    metrics.observeRequest('BREW', '/zoeken', 418, now);
    const text = await metrics.registry.metrics();
    const bucket = (le: string) =>
      sample(text, `stadslog_http_request_duration_seconds_bucket{le="${le}",method="GET",route="/zoeken",status_class="2xx"}`);
    assert.deepEqual(['0.0025', '0.005', '0.025', '0.05', '+Inf'].map(bucket), [0, 1, 1, 2, 2]);
    const sum = sample(text, 'stadslog_http_request_duration_seconds_sum{method="GET",route="/zoeken",status_class="2xx"}')!;
    assert.ok(sum >= 0.033 && sum < 0.05, String(sum));
    assert.equal(sample(text, 'stadslog_http_request_duration_seconds_count{method="OTHER",route="/zoeken",status_class="4xx"}'), 1);
  });

  it('has the process metrics when asked for them (as the server does)', async () => {
    const withProcess = new Metrics({ processMetrics: true });
    const text = await request(createApp({ ...t.deps, metrics: withProcess }))
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    assert.match(text.text, /^stadslog_process_resident_memory_bytes \d+/m);
    assert.match(text.text, /^stadslog_nodejs_eventloop_lag_seconds /m);
  });
});
