// Every setting Stadslog reads from the environment, read once and validated here.
// The rest of the code receives a Config object and never touches process.env.
import os from 'node:os';
import path from 'node:path';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** postgres://… or a path to an SQLite file. */
  databaseUrl: string;
  sessionSecret: string;
  /** Number of proxies in front of the app (Express "trust proxy"); 0 when none. */
  trustProxy: number;
  siteName: string;
  siteTagline: string;
  /** Public base URL, used in permalinks sent to outside services and the Origin check. */
  baseUrl: string;
  logLevel: string;
  /** Seed demo content into an empty database (never in production). */
  seedDemo: boolean;
  rateLimits: RateLimits;
  /** Days a commenter's IP address and browser name are kept for spam and abuse handling. */
  ipRetentionDays: number;
  /** Akismet, when AKISMET_KEY is set. */
  akismet: AkismetConfig | null;
  /** Where attachments are stored, one file per sha256 (and a .tmp folder for uploads in progress). */
  uploadDir: string;
  /** Always on; only the hostile-input tests turn it off, to prove the escaping holds on its own. */
  contentSecurityPolicy: boolean;
  /** Memory for the pages kept ready for readers without a cookie (http/page-cache.ts); 0 turns it off. */
  pageCacheBytes: number;
  /** Outgoing e-mail (notifications/): SMTP_URL, or an outbox folder of .eml files outside production. */
  mail: MailConfig;
  /** METRICS_TOKEN: /metrics answers only a request with this bearer token; null: /metrics is off. */
  metricsToken: string | null;
}

export interface MailConfig {
  /** smtp://user:pass@host:587 or smtps://…; null: no SMTP server. */
  smtpUrl: string | null;
  /** The From address of every mail the weblog sends. */
  from: string;
  /** Without SMTP, outside production, mails are written here as .eml files that admins can read. */
  outboxDir: string;
}

export interface AkismetConfig {
  key: string;
  /** https://rest.akismet.com, or a test server. */
  baseUrl: string;
  timeoutMs: number;
  /** Sends is_test=1, so Akismet does not learn from test traffic. */
  isTest: boolean;
}

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface RateLimits {
  /** Reacties one IP address may post per window. */
  reactiesPerIp: RateLimit;
  /** Failed logins from one IP address per window (a correct login does not count). */
  loginPerIp: RateLimit;
  /** Failed logins on one account per window, from anywhere. */
  loginFailuresPerAccount: RateLimit;
  /** Reports of reacties ("Meld deze reactie") one IP address may send per window. */
  reportsPerIp: RateLimit;
  /** Appreciations given or taken back per reader (an IPv4 address, an IPv6 /64). */
  waarderingenPerReader: RateLimit;
  /** Requests for the news mail (/nieuwsbrief) from one network (an IPv4 /24, an IPv6 /48). */
  newsmailPerNetwork: RateLimit;
}

const MINUTE = 60 * 1000;

/** Whether this site sends mail at all: with SMTP, or outside production into the outbox folder. */
export function mailEnabled(config: Pick<Config, 'env' | 'mail'>): boolean {
  return config.mail.smtpUrl !== null || config.env !== 'production';
}

export class ConfigError extends Error {}

const DEFAULT_SQLITE = path.join('data', 'stadslog.sqlite');

// A development secret is fine on a laptop; production must bring its own.
const DEV_SESSION_SECRET = 'stadslog-development-secret-not-for-production';

/** Next to the SQLite file (data/bijlagen by default); data/bijlagen in the project for PostgreSQL. */
function defaultUploadDir(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl) || databaseUrl === ':memory:') return path.join('data', 'bijlagen');
  return path.join(path.dirname(databaseUrl), 'bijlagen');
}

function parseIntSetting(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} moet een geheel getal tussen ${min} en ${max} zijn (nu: "${raw}")`);
  }
  return value;
}

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'ja'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'nee'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} moet true of false zijn (nu: "${raw}")`);
}

function parseSmtpUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (!/^smtps?:\/\/[^/]/.test(raw)) throw new ConfigError('SMTP_URL moet met smtp:// of smtps:// beginnen');
  return raw;
}

// Long enough that guessing it is hopeless (openssl rand -hex 24 gives 48).
const MIN_METRICS_TOKEN = 24;

function parseMetricsToken(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < MIN_METRICS_TOKEN || /\s/.test(raw)) {
    throw new ConfigError(
      `METRICS_TOKEN moet minstens ${MIN_METRICS_TOKEN} tekens zonder spaties zijn, bijvoorbeeld uit openssl rand -hex 24`,
    );
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = parseIntSetting('PORT', env.PORT, 3000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const sessionSecret = env.SESSION_SECRET || (nodeEnv === 'production' ? '' : DEV_SESSION_SECRET);
  if (sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET ontbreekt of is korter dan 32 tekens; in productie is een eigen geheim verplicht');
  }
  const databaseUrl = env.DATABASE_URL || DEFAULT_SQLITE;
  const baseUrl = (env.BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw new ConfigError(`BASE_URL moet met http:// of https:// beginnen (nu: "${baseUrl}")`);
  return {
    env: nodeEnv,
    port,
    host,
    databaseUrl,
    sessionSecret,
    trustProxy: parseIntSetting('TRUST_PROXY', env.TRUST_PROXY, 0, 0, 10),
    siteName: env.SITE_NAME || 'Stadslog',
    siteTagline: env.SITE_TAGLINE || 'Nieuws en discussie uit onze stad',
    baseUrl,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemo: nodeEnv !== 'production' && parseBool('SEED_DEMO', env.SEED_DEMO, true),
    ipRetentionDays: parseIntSetting('IP_RETENTION_DAYS', env.IP_RETENTION_DAYS, 30, 1, 365),
    uploadDir: env.UPLOAD_DIR || defaultUploadDir(databaseUrl),
    contentSecurityPolicy: true,
    pageCacheBytes: parseIntSetting('PAGE_CACHE_MB', env.PAGE_CACHE_MB, 64, 0, 4096) * 1024 * 1024,
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    mail: {
      smtpUrl: parseSmtpUrl(env.SMTP_URL),
      from: env.MAIL_FROM || `${env.SITE_NAME || 'Stadslog'} <noreply@${new URL(baseUrl).hostname}>`,
      outboxDir: env.MAIL_OUTBOX_DIR || path.join('data', 'outbox'),
    },
    akismet: env.AKISMET_KEY
      ? {
          key: env.AKISMET_KEY,
          baseUrl: env.AKISMET_URL || 'https://rest.akismet.com',
          // Long enough for a slow answer, short enough that a resident is not kept waiting.
          timeoutMs: parseIntSetting('AKISMET_TIMEOUT_MS', env.AKISMET_TIMEOUT_MS, 4000, 100, 30000),
          isTest: parseBool('AKISMET_TEST', env.AKISMET_TEST, nodeEnv !== 'production'),
        }
      : null,
    rateLimits: {
      // A lively discussion sees a resident post a few times in ten minutes, a bot hundreds.
      reactiesPerIp: { max: parseIntSetting('REACTIE_RATE_LIMIT', env.REACTIE_RATE_LIMIT, 10, 1, 10000), windowMs: 10 * MINUTE },
      loginPerIp: { max: parseIntSetting('LOGIN_RATE_LIMIT', env.LOGIN_RATE_LIMIT, 20, 1, 10000), windowMs: 15 * MINUTE },
      loginFailuresPerAccount: { max: 5, windowMs: 15 * MINUTE },
      // A reader reports a handful; a campaign to hide someone's reacties needs many addresses.
      reportsPerIp: { max: 10, windowMs: 10 * MINUTE },
      // A reader appreciates what they read, a few dozen in a long discussion; a script thousands.
      waarderingenPerReader: { max: 60, windowMs: 10 * MINUTE },
      // A household signs up one or two addresses; whoever types in a list of strangers' addresses, hundreds.
      newsmailPerNetwork: { max: 10, windowMs: 60 * MINUTE },
    },
  };
}

/** Config for tests: every value explicit, nothing read from the environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: ':memory:',
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    trustProxy: 0,
    siteName: 'Stadslog',
    siteTagline: 'Nieuws en discussie uit onze stad',
    baseUrl: 'http://127.0.0.1',
    logLevel: 'silent',
    seedDemo: false,
    ipRetentionDays: 30,
    // Tests that upload give each app its own folder.
    uploadDir: path.join(os.tmpdir(), 'stadslog-test-bijlagen'),
    akismet: null,
    contentSecurityPolicy: true,
    pageCacheBytes: 16 * 1024 * 1024,
    metricsToken: null,
    // Tests that send mail start their own SMTP server; the others write to a temporary outbox.
    mail: { smtpUrl: null, from: 'Stadslog <noreply@stadslog.test>', outboxDir: path.join(os.tmpdir(), 'stadslog-test-outbox') },
    // High enough that tests posting many reacties from 127.0.0.1 are not limited; rate-limit tests lower them.
    rateLimits: {
      reactiesPerIp: { max: 10000, windowMs: 10 * MINUTE },
      loginPerIp: { max: 10000, windowMs: 15 * MINUTE },
      loginFailuresPerAccount: { max: 10000, windowMs: 15 * MINUTE },
      reportsPerIp: { max: 10000, windowMs: 10 * MINUTE },
      waarderingenPerReader: { max: 10000, windowMs: 10 * MINUTE },
      newsmailPerNetwork: { max: 10000, windowMs: 60 * MINUTE },
    },
    ...overrides,
  };
}
