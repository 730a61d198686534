// What a process observes about itself, for /metrics (Prometheus text) and /gezondheid: request
// durations by route pattern, the background jobs' runs, and gauges the features above add. One
// registry per process (per app in tests), never prom-client's global one.
//
// Labels are only ever values the code defines: the HTTP method (from a short list), the Express
// route pattern ("/:year/:month/:slug", never the URL a reader asked for, never its query string),
// the status class and a job's name. Nothing a reader sends can make a new series or end up in one.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'];

/** Request durations in seconds: a cache hit takes a millisecond or less, a search tens of milliseconds. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Jobs: a mail round takes milliseconds, the search index up to its 30-second budget. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 300];

/** What the route label says when no route of the app took the request (a 404, a redirect of old paths). */
export const NO_ROUTE = '(none)';

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
  private readonly requests: Histogram<'method' | 'route' | 'status_class'>;
  private readonly jobRuns: Counter<'job'>;
  private readonly jobFailures: Counter<'job'>;
  private readonly jobDuration: Histogram<'job'>;
  private readonly jobLastSuccess: Gauge<'job'>;
  private readonly jobs = new Map<string, JobState>();

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'stadslog_' });
    this.requests = new Histogram({
      name: 'stadslog_http_request_duration_seconds',
      help: 'HTTP requests by method, Express route pattern and status class: time until the answer was sent.',
      labelNames: ['method', 'route', 'status_class'],
      buckets: REQUEST_BUCKETS,
      registers,
    });
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
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const statusClass = STATUS_CLASSES[Math.floor(status / 100) - 1] ?? '5xx';
    this.requests.observe({ method: METHODS.has(method) ? method : 'OTHER', route, status_class: statusClass }, seconds);
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
