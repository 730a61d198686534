// /gezondheid for the proxy and a monitor, /metrics (Prometheus text) for whoever holds METRICS_TOKEN.
import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import type { Deps } from '../deps';
import { readsOf } from '../db/knex';
import { knownMigrations } from '../db/migrate';
import { notFound } from '../http/errors';
import type { Metrics } from '../http/metrics';
import { unsentMails } from '../notifications/queue';
import { checkHealth, healthText } from './health';

const MAIL_UNSENT = 'stadslog_mail_queue_unsent';
const MAIL_OLDEST = 'stadslog_mail_queue_oldest_unsent_age_seconds';

/** The mail queue's size and age, read from the database when /metrics is asked (one read for both). */
function addMailGauges(deps: Deps, metrics: Metrics): void {
  if (metrics.registry.getSingleMetric(MAIL_UNSENT)) return;
  let reading: ReturnType<typeof unsentMails> | null = null;
  const read = () => {
    reading ??= unsentMails(readsOf(deps.db)).finally(() => setImmediate(() => (reading = null)));
    return reading;
  };
  metrics.gauge(MAIL_UNSENT, 'Mails not sent yet (and not given up).', async () => (await read()).count);
  metrics.gauge(MAIL_OLDEST, 'Age of the oldest mail not sent yet, in seconds.', async () => {
    const { oldestQueuedAt } = await read();
    return oldestQueuedAt ? Math.max(0, (deps.clock().getTime() - oldestQueuedAt.getTime()) / 1000) : 0;
  });
}

/** A timing-safe comparison of the bearer token with METRICS_TOKEN. */
function hasToken(req: Request, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!match) return false;
  const given = crypto.createHash('sha256').update(match[1]).digest();
  const wanted = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(given, wanted);
}

export function opsRoutes(deps: Deps, metrics: Metrics): Router {
  const router = Router();
  addMailGauges(deps, metrics);
  let migrations: Promise<string[]> | undefined;
  const code = () => (migrations ??= knownMigrations());

  router.get('/gezondheid', async (req, res) => {
    const report = await checkHealth({ db: deps.db, metrics, now: deps.clock, migrations: code });
    res.set('Cache-Control', 'no-store');
    res.vary('Accept');
    res.status(report.status === 'fout' ? 503 : 200);
    // JSON for a proxy and a monitor (and curl, which accepts anything); a few lines for a browser.
    if (req.accepts(['json', 'html', 'text']) === 'json') res.json(report);
    else res.type('text/plain').send(healthText(report));
  });

  // Off unless METRICS_TOKEN is set: a public site must not show its internals to everyone, and
  // "only from this machine" would let everything through a proxy on the same machine.
  router.get('/metrics', async (req, res, next) => {
    const token = deps.config.metricsToken;
    if (!token) return next(notFound());
    res.set('Cache-Control', 'no-store');
    if (!hasToken(req, token)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      return res.status(401).type('text/plain').send('Geef het token van METRICS_TOKEN mee: Authorization: Bearer <token>.\n');
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
