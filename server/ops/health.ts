// The checks of /gezondheid: what a proxy needs to know to send this process requests, and what a
// monitor needs to know to wake someone. Cheap (three small reads), and nothing personal: counts,
// ages, migration and job names.
//
// Two kinds of failure. The database and the migrations decide whether this process can answer at
// all: when either fails the answer is 503, and a proxy stops sending it requests. A mail queue that
// does not empty or a background job that is late or failed are reported as failing checks with the
// status "waarschuwing" but still 200: they are the same on every app server (one SMTP server, one
// database), so a proxy that acted on them would take the whole site down for a late mail.
import { readsOf, type Db } from '../db/knex';
import type { Metrics } from '../http/metrics';
import { unsentMails } from '../notifications/queue';

// A database that does not answer within this long counts as unreachable: a proxy checks often.
const DATABASE_TIMEOUT_MS = 2000;
// A mail waiting longer than this (its retries double from a minute) means the SMTP server refuses.
const MAIL_AGE_WARNING_S = 60 * 60;
// A job is late when no run has ended for twice its interval and this margin.
const JOB_GRACE_MS = 60 * 1000;

interface Check {
  ok: boolean;
  /** Dutch, for the person reading the monitor: what is wrong and what to do. */
  message?: string;
}

export interface HealthReport {
  status: 'ok' | 'waarschuwing' | 'fout';
  checked_at: string;
  checks: {
    database: Check & { ms: number | null };
    migrations: Check & { applied: number | null; pending: string[]; unknown: string[] };
    mail_queue: Check & { unsent: number | null; oldest_age_seconds: number | null };
    jobs: Check & { jobs: Record<string, JobReport> };
  };
}

interface JobReport {
  ok: boolean;
  running: boolean;
  runs: number;
  failures: number;
  last_run_at: string | null;
  seconds_since_last_run: number | null;
}

export interface HealthSources {
  db: Db;
  metrics: Metrics;
  now: () => Date;
  /** The migrations of the running code (they do not change while it runs: read once by the caller). */
  migrations: () => Promise<string[]>;
}

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function recordedMigrations(db: Db): Promise<string[]> {
  const rows: Array<{ name: string }> = await db('knex_migrations').select('name');
  return rows.map((r) => r.name.replace(/\.(ts|js)$/, ''));
}

const STATUS_TEXT: Record<HealthReport['status'], string> = {
  ok: 'in orde',
  waarschuwing: 'werkt, met een waarschuwing',
  fout: 'kan niet antwoorden',
};

/** The same report as a few lines for a person in a browser. */
export function healthText(report: HealthReport): string {
  const { database, migrations, mail_queue: mail, jobs } = report.checks;
  // The database and the migrations fail the process; the mail queue and the jobs only warn.
  const mark = (ok: boolean) => (ok ? 'ok    ' : 'FOUT  ');
  const warn = (ok: boolean) => (ok ? 'ok    ' : 'LET OP');
  const lines = [
    `Stadslog: ${STATUS_TEXT[report.status]} (${report.checked_at})`,
    '',
    `${mark(database.ok)} database${database.ms !== null ? ` (${database.ms} ms)` : ''}`,
    `${mark(migrations.ok)} migraties: ${migrations.applied ?? '?'} uitgevoerd, ${migrations.pending.length} open`,
    `${warn(mail.ok)} mailwachtrij: ${mail.unsent ?? '?'} te verzenden${mail.oldest_age_seconds !== null ? `, de oudste ${mail.oldest_age_seconds} s` : ''}`,
    `${warn(jobs.ok)} achtergrondtaken: ${Object.keys(jobs.jobs).length}`,
    ...Object.entries(jobs.jobs).map(
      ([name, job]) =>
        `         ${warn(job.ok)} ${name}: ${job.last_run_at ? `laatste ronde ${job.seconds_since_last_run} s geleden` : 'nog geen ronde'}${job.running ? ', bezig' : ''}`,
    ),
  ];
  const messages = [database, migrations, mail, jobs].flatMap((c) => (c.message ? [c.message] : []));
  if (messages.length) lines.push('', ...messages);
  return `${lines.join('\n')}\n`;
}

export async function checkHealth({ db: writer, metrics, now, migrations: knownMigrations }: HealthSources): Promise<HealthReport> {
  // On SQLite the read-only connections: a long write (an import) must not make the site look down.
  const db = readsOf(writer);
  const at = now();
  const started = process.hrtime.bigint();
  let reachable = true;
  const database: HealthReport['checks']['database'] = { ok: true, ms: null };
  try {
    await within(db.raw('select 1'), DATABASE_TIMEOUT_MS);
    database.ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
  } catch (err) {
    reachable = false;
    database.ok = false;
    database.message =
      err instanceof Timeout
        ? `De database antwoordt niet binnen ${DATABASE_TIMEOUT_MS / 1000} seconden: kijk of de databaseserver draait en niet overbelast is.`
        : 'De database is niet bereikbaar: kijk of de databaseserver draait en DATABASE_URL klopt.';
  }

  const migrations: HealthReport['checks']['migrations'] = { ok: false, applied: null, pending: [], unknown: [] };
  const mail: HealthReport['checks']['mail_queue'] = { ok: true, unsent: null, oldest_age_seconds: null };
  if (!reachable) {
    migrations.message = 'Niet gecontroleerd: de database is niet bereikbaar.';
    mail.ok = false;
    mail.message = 'Niet gecontroleerd: de database is niet bereikbaar.';
  } else {
    try {
      const [code, recorded] = await Promise.all([knownMigrations(), within(recordedMigrations(db), DATABASE_TIMEOUT_MS)]);
      const done = new Set(recorded);
      migrations.applied = recorded.length;
      migrations.pending = code.filter((name) => !done.has(name));
      // A newer version already migrated this database (an update in progress): not a fault here.
      const mine = new Set(code);
      migrations.unknown = recorded.filter((name) => !mine.has(name));
      migrations.ok = migrations.pending.length === 0;
      if (!migrations.ok)
        migrations.message = 'Er staan migraties open: voer npm run migrate uit (of start een app-server, die migreert bij het starten).';
    } catch {
      migrations.message = 'De migraties konden niet worden gelezen: is dit wel de database van Stadslog?';
    }
    try {
      const { count, oldestQueuedAt } = await within(unsentMails(db), DATABASE_TIMEOUT_MS);
      mail.unsent = count;
      mail.oldest_age_seconds = oldestQueuedAt ? Math.max(0, Math.round((at.getTime() - oldestQueuedAt.getTime()) / 1000)) : null;
      if (mail.oldest_age_seconds !== null && mail.oldest_age_seconds > MAIL_AGE_WARNING_S) {
        mail.ok = false;
        mail.message =
          'Er wacht al meer dan een uur mail op verzending: kijk of de mailserver (SMTP_URL) bereikbaar is en de mail aanneemt.';
      }
    } catch {
      mail.ok = false;
      mail.message = 'De mailwachtrij kon niet worden gelezen.';
    }
  }

  const jobs: HealthReport['checks']['jobs'] = { ok: true, jobs: {} };
  const late: string[] = [];
  const failed: string[] = [];
  for (const [name, state] of metrics.jobStates()) {
    const since = (state.lastFinishedAt ?? metrics.startedAt).getTime();
    const isLate = at.getTime() - since > 2 * state.intervalMs + JOB_GRACE_MS;
    if (isLate) late.push(name);
    if (state.lastOk === false) failed.push(name);
    jobs.jobs[name] = {
      ok: !isLate && state.lastOk !== false,
      running: state.running,
      runs: state.runs,
      failures: state.failures,
      last_run_at: state.lastFinishedAt?.toISOString() ?? null,
      seconds_since_last_run: state.lastFinishedAt ? Math.max(0, Math.round((at.getTime() - state.lastFinishedAt.getTime()) / 1000)) : null,
    };
  }
  if (late.length || failed.length) {
    jobs.ok = false;
    jobs.message = [
      ...(failed.length ? [`De laatste ronde mislukte van: ${failed.join(', ')}.`] : []),
      ...(late.length ? [`Te lang geen ronde afgerond: ${late.join(', ')}.`] : []),
      'Zie het log van deze app-server (maintenance job failed).',
    ].join(' ');
  }

  const status = !database.ok || !migrations.ok ? 'fout' : !mail.ok || !jobs.ok ? 'waarschuwing' : 'ok';
  return { status, checked_at: at.toISOString(), checks: { database, migrations, mail_queue: mail, jobs } };
}
