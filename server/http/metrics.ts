// What a process observes about itself, for /metrics (Prometheus text) and /gezondheid: request
// durations by route pattern, the background jobs' runs, and gauges the features above add. One
// registry per process (per app in tests), never prom-client's global one.
//
// Labels are only ever values the code defines: the HTTP method (from a short list), the Express
// route pattern ("/:year/:month/:slug", never the URL a reader asked for, never its query string),
// the status class and a job's name. Nothing a reader sends can make a new series or end up in one.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'OTHER'];
const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'];

/** Request durations in seconds: a cache hit takes a millisecond or less, a search tens of milliseconds. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Jobs: a mail round takes milliseconds, the search index up to its 30-second budget. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 300];

/** What the route label says when no route of the app took the request (a 404, a redirect of old paths). */
export const NO_ROUTE = '(none)';

/** One line of the exposition, as prom-client's registry reads it from a metric's get(). */
interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

interface Series {
  labels: Record<string, string>;
  /** Observations per bucket (not cumulative), the last for +Inf. */
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * The request histogram, kept by hand and shown by prom-client's registry as a histogram like its
 * own. prom-client's Histogram.observe checks and hashes its labels object on every call (about a
 * microsecond, several percent of a page-cache hit); this one finds its series with one Map lookup
 * by the route pattern (the same string each time) and an array index.
 */
class RequestDurations {
  readonly name = 'stadslog_http_request_duration_seconds';
  readonly help = 'HTTP requests by method, Express route pattern and status class: time until the answer was sent.';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly byRoute = new Map<string, Array<Series | undefined>>();

  observe(method: string, route: string, status: number, seconds: number): void {
    let m = METHODS.indexOf(method);
    if (m < 0) m = METHODS.length - 1;
    let c = Math.floor(status / 100) - 1;
    if (c < 0 || c >= STATUS_CLASSES.length) c = STATUS_CLASSES.length - 1;
    let slots = this.byRoute.get(route);
    if (!slots) this.byRoute.set(route, (slots = []));
    const slot = m * STATUS_CLASSES.length + c;
    let series = slots[slot];
    if (!series) {
      series = {
        labels: { method: METHODS[m], route, status_class: STATUS_CLASSES[c] },
        counts: new Float64Array(REQUEST_BUCKETS.length + 1),
        sum: 0,
        count: 0,
      };
      slots[slot] = series;
    }
    let bucket = 0;
    while (bucket < REQUEST_BUCKETS.length && seconds > REQUEST_BUCKETS[bucket]) bucket++;
    series.counts[bucket]++;
    series.sum += seconds;
    series.count++;
  }

  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Sample[] }> {
    const values: Sample[] = [];
    for (const slots of this.byRoute.values()) {
      for (const series of slots) {
        if (!series) continue;
        let cumulative = 0;
        REQUEST_BUCKETS.forEach((le, i) => {
          cumulative += series.counts[i];
          values.push({ metricName: `${this.name}_bucket`, labels: { le, ...series.labels }, value: cumulative });
        });
        values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...series.labels }, value: series.count });
        values.push({ metricName: `${this.name}_sum`, labels: series.labels, value: series.sum });
        values.push({ metricName: `${this.name}_count`, labels: series.labels, value: series.count });
      }
    }
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values,
    });
  }

  reset(): void {
    this.byRoute.clear();
  }
}

export interface JobState {
  /** How often it is meant to run; it is late when no run has finished for twice as long. */
  intervalMs: number;
  running: boolean;
  runs: number;
  failures: number;
  /** When the last run ended, and whether it worked; null before the first. */
  lastFinishedAt: Date | null;
  lastOk: boolean | null;
}

export class Metrics {
  readonly registry = new Registry();
  /** When this process started keeping count; a job is not late before its first interval has passed. */
  readonly startedAt = new Date();
  private readonly requests = new RequestDurations();
  private readonly jobRuns: Counter<'job'>;
  private readonly jobFailures: Counter<'job'>;
  private readonly jobDuration: Histogram<'job'>;
  private readonly jobLastSuccess: Gauge<'job'>;
  private readonly jobs = new Map<string, JobState>();

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'stadslog_' });
    this.registry.registerMetric(this.requests as unknown as Metric);
    this.jobRuns = new Counter({
      name: 'stadslog_job_runs_total',
      help: 'Background job runs that ended.',
      labelNames: ['job'],
      registers,
    });
    this.jobFailures = new Counter({
      name: 'stadslog_job_failures_total',
      help: 'Background job runs that ended in an error.',
      labelNames: ['job'],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'stadslog_job_duration_seconds',
      help: 'How long a background job run took.',
      labelNames: ['job'],
      buckets: JOB_BUCKETS,
      registers,
    });
    this.jobLastSuccess = new Gauge({
      name: 'stadslog_job_last_success_timestamp_seconds',
      help: 'When a background job last ended without an error (Unix time).',
      labelNames: ['job'],
      registers,
    });
  }

  /** One answered request; `started` is process.hrtime.bigint() when it arrived. */
  observeRequest(method: string, route: string, status: number, started: bigint): void {
    this.requests.observe(method, route, status, Number(process.hrtime.bigint() - started) / 1e9);
  }

  /** Runs a job and records it: runs, failures, duration, and its state for /gezondheid. */
  async runJob<T>(name: string, intervalMs: number, job: () => Promise<T>): Promise<T> {
    const state = this.jobState(name, intervalMs);
    state.running = true;
    const end = this.jobDuration.startTimer({ job: name });
    try {
      const result = await job();
      state.lastOk = true;
      this.jobLastSuccess.set({ job: name }, Date.now() / 1000);
      return result;
    } catch (err) {
      state.lastOk = false;
      state.failures++;
      this.jobFailures.inc({ job: name });
      throw err;
    } finally {
      end();
      state.running = false;
      state.runs++;
      state.lastFinishedAt = new Date();
      this.jobRuns.inc({ job: name });
    }
  }

  /** Every job this process runs, by name. */
  jobStates(): ReadonlyMap<string, Readonly<JobState>> {
    return this.jobs;
  }

  /** A gauge read when /metrics is asked (a count in the database): nothing is kept between scrapes. */
  gauge(name: string, help: string, read: () => Promise<number | null>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        const value = await read();
        if (value === null) this.reset();
        else this.set(value);
      },
    });
  }

  /** Names a job before its first run (one that runs only after its first interval is listed too). */
  expectJob(name: string, intervalMs: number): void {
    this.jobState(name, intervalMs);
  }

  private jobState(name: string, intervalMs: number): JobState {
    let state = this.jobs.get(name);
    if (!state) {
      state = { intervalMs, running: false, runs: 0, failures: 0, lastFinishedAt: null, lastOk: null };
      this.jobs.set(name, state);
      // Shown from the start, at zero: a job that never ends a run is visible as one.
      this.jobRuns.inc({ job: name }, 0);
      this.jobFailures.inc({ job: name }, 0);
    }
    return state;
  }
}
