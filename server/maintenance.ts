// Housekeeping that runs in every app process on timers: the retention rules of
// privacy/retention.ts (sessions, rate-limit windows, IPs, spam, Akismet payloads, spam memory,
// failed logins), uploads that no article took, the text of attached PDFs not read yet, Akismet
// rechecks, the tagline (weather feed), and mail: announcing approved reacties, the moderator digest,
// the news mail and sending the queue. Every job is safe to run in several processes at once (idempotent deletes;
// rechecks claim their rows; deletes lock and re-read first; a PDF's text is kept by the first
// process that read it).
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/knex';
import { retentionJobs } from './privacy/retention';
import { recheckDue } from './reacties/spam/recheck';
import { mailEnabled } from './config';
import { announceApproved, mailModerators } from './notifications/jobs';
import { workSince } from './moderation/meldingen/work';
import { createTransport } from './notifications/transport';
import { sendDueMails } from './notifications/worker';
import { sendNewsDigests } from './newsmail/job';
import { weblogStartedAt } from './articles/queries';
import { refreshTagline } from './tagline/state';
import { purgePending } from './attachments/pending';
import { readPendingFileTexts, stopFileTexts } from './attachments/file-text';
import { indexStaleFor } from './search/indexer';
import { foldStatusDeltas } from './reacties/queue/status-counts';
import type { Metrics } from './http/metrics';

// Often enough that retention limits hold to within the hour.
const HOURLY_MS = 60 * 60 * 1000;
// Rechecks are due a minute after a failed Akismet call at the earliest.
const RECHECK_INTERVAL_MS = 60 * 1000;
// Well inside the minute between rounds.
const SEARCH_INDEX_MS = 30 * 1000;

type Job = [name: string, run: () => Promise<unknown>];

/**
 * Starts the timers; the function it returns stops them and resolves when the jobs still running
 * are done. Every run is counted in `metrics` (runs, failures, duration, last run for /gezondheid).
 */
export function startMaintenance(config: Config, db: Db, logger: Logger, metrics?: Metrics): () => Promise<void> {
  const hourly: Job[] = retentionJobs(config, db).map(([name, run]) => [name, () => run(new Date())]);
  // An imported PDF whose article was never saved, a file an interrupted upload left: gone after a day.
  hourly.push(['unattached uploads', () => purgePending(config.uploadDir, new Date())]);
  // Attached PDFs whose text is not read yet (imported, or a process stopped while reading): at start-up, then hourly.
  hourly.push(['attachment texts', () => readPendingFileTexts({ db, uploadDir: config.uploadDir, logger })]);
  const frequent: Job[] = config.akismet ? [['akismet rechecks', () => recheckDue(db, config, logger, new Date())]] : [];
  // The queue's tab counts read a few rows per status; a minute's changes fold into them (and at start,
  // after an import or a copy).
  const queueCounts: Job[] = [['queue counts', () => foldStatusDeltas(db)]];
  frequent.push(...queueCounts);
  const running = new Set<Promise<void>>();
  const transport = mailEnabled(config) ? createTransport(config.mail) : null;
  if (transport) {
    // In order, so the mails queued in this round go out in it.
    frequent.push([
      'mail',
      async () => ({
        announced: await announceApproved({ config, db }, new Date()),
        digest: await mailModerators({ config, db }, new Date(), workSince(db)),
        news: await sendNewsDigests({ config, db }, new Date()),
        sent: await sendDueMails(db, transport, logger, new Date()),
      }),
    ]);
  }
  const intervals = new Map<string, number>();
  const run = (jobs: Job[]) => {
    for (const [name, job] of jobs) {
      const measured = metrics ? metrics.runJob(name, intervals.get(name) ?? RECHECK_INTERVAL_MS, job) : job();
      const done = measured.then(
        (result) => logger.debug({ job: name, result }, 'maintenance'),
        (err) => logger.warn({ err, job: name }, 'maintenance job failed'),
      );
      running.add(done);
      void done.finally(() => running.delete(done));
    }
  };
  // The tagline's own clock keeps the weather feed to once per ten minutes; the rest is cheap.
  const tagline: Job[] = [['tagline', () => refreshTagline(db, new Date(), () => weblogStartedAt(db, new Date()))]];
  frequent.push(...tagline);
  // What changed since the last search, or all of a database just migrated: analysed for the search
  // index in the background (a search analyses what is left first). Loads the lexicon at start.
  // A shutdown stops it between two batches.
  let stopping = false;
  const search: Job[] = [['search index', () => indexStaleFor(db, SEARCH_INDEX_MS, () => stopping)]];
  frequent.push(...search);
  for (const [name] of hourly) intervals.set(name, HOURLY_MS);
  for (const [name] of frequent) intervals.set(name, RECHECK_INTERVAL_MS);
  for (const [name, interval] of intervals) metrics?.expectJob(name, interval);
  run(hourly);
  run(tagline);
  run(search);
  run(queueCounts);
  const timers = [setInterval(() => run(hourly), HOURLY_MS), setInterval(() => run(frequent), RECHECK_INTERVAL_MS)];
  for (const t of timers) t.unref();
  return async () => {
    stopping = true;
    timers.forEach(clearInterval);
    // The PDFs still waiting stay pending (read at the next start); the one being read finishes.
    await Promise.all([...running, stopFileTexts()]);
    transport?.close();
  };
}
