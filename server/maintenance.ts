// Housekeeping that runs in every app process on a timer: expired sessions, finished rate-limit
// windows, IP addresses past their retention. Each job is idempotent, so several processes may
// run them at the same time without harm.
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/knex';
import { KnexSessionStore } from './http/session-store';
import { purgeRateLimits } from './http/rate-limit-store';
import { purgeOldIps } from './privacy/queries';

// Often enough that retention limits hold to within the hour.
const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

export function startMaintenance(config: Config, db: Db, logger: Logger): () => void {
  const sessions = new KnexSessionStore(db);
  const jobs: Array<[string, () => Promise<number>]> = [
    ['expired sessions', () => sessions.purgeExpired()],
    ['rate limit windows', () => purgeRateLimits(db)],
    ['old IP addresses', () => purgeOldIps(db, config.ipRetentionDays, new Date())],
  ];
  const run = () => {
    for (const [name, job] of jobs) {
      job().then(
        (n) => n > 0 && logger.info({ job: name, removed: n }, 'maintenance'),
        (err) => logger.warn({ err, job: name }, 'maintenance job failed'),
      );
    }
  };
  run();
  const timer = setInterval(run, MAINTENANCE_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
