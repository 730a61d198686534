// Housekeeping that runs in every app process on timers: expired sessions, finished rate-limit
// windows, IP addresses and spam past their retention, and Akismet rechecks. Every job is safe
// to run in several processes at once (idempotent deletes; rechecks claim their rows first).
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/knex';
import { KnexSessionStore } from './http/session-store';
import { purgeRateLimits } from './http/rate-limit-store';
import { purgeOldIps } from './privacy/queries';
import { purgeAkismetPayloads, purgeOldSpam } from './spam/purge';
import { recheckDue } from './spam/recheck';

// Often enough that retention limits hold to within the hour.
const HOURLY_MS = 60 * 60 * 1000;
// Rechecks are due a minute after a failed Akismet call at the earliest.
const RECHECK_INTERVAL_MS = 60 * 1000;

type Job = [name: string, run: () => Promise<unknown>];

export function startMaintenance(config: Config, db: Db, logger: Logger): () => void {
  const sessions = new KnexSessionStore(db);
  const hourly: Job[] = [
    ['expired sessions', () => sessions.purgeExpired()],
    ['rate limit windows', () => purgeRateLimits(db)],
    ['old IP addresses', () => purgeOldIps(db, config.ipRetentionDays, new Date())],
    ['old spam', () => purgeOldSpam(db, new Date())],
    ['old Akismet payloads', () => purgeAkismetPayloads(db, new Date())],
  ];
  const frequent: Job[] = config.akismet ? [['akismet rechecks', () => recheckDue(db, config, logger, new Date())]] : [];
  const run = (jobs: Job[]) => {
    for (const [name, job] of jobs) {
      job().then(
        (result) => logger.debug({ job: name, result }, 'maintenance'),
        (err) => logger.warn({ err, job: name }, 'maintenance job failed'),
      );
    }
  };
  run(hourly);
  const timers = [setInterval(() => run(hourly), HOURLY_MS), setInterval(() => run(frequent), RECHECK_INTERVAL_MS)];
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}
