// The site version (counters.ts) as a voorpagina hit asks it: on PostgreSQL kept in memory, so a
// hit makes no round trip to the database; on SQLite read from the database each time (another
// process may share the file, and nothing tells this one; the read is in-process and cheap).
//
// On PostgreSQL one connection of its own LISTENs for the trigger's NOTIFY (migration
// 20261208200000: every change of the version, with its new value, delivered at commit in commit
// order). The value is trusted only while that connection holds, and for at most TRUST_MS after the
// database last confirmed it: a notification lost with a connection that died without a word costs
// at most that long, then one read renews it. While the connection is down (or not yet up) every
// request reads, as before. It starts at the first request and stops after IDLE_MS without one.
import pg from 'pg';
import type { Logger } from 'pino';
import { isPostgresUrl, type Db } from '../db/knex';
import { Coalescer } from '../shared/coalesce';
import { siteVersion } from './counters';

const CHANNEL = 'stadslog_site_version';
// How long a value from memory stands without the database confirming it (the live hub's safety poll).
const TRUST_MS = 2000;
const IDLE_MS = 60_000;
// After a failed LISTEN connection (the database down, a pooler that has no LISTEN) the next try waits this long.
const RETRY_MS = 5000;

export class SiteVersionWatch {
  private readonly reads = new Coalescer<number>();
  private listener: pg.Client | null = null;
  /** The version as the notifications tell it; null while not listening (or not yet read). */
  private known: number | null = null;
  /** When the database last confirmed `known` (ms, this process's clock). */
  private confirmedAt = 0;
  /** Bumped with each notification: an initial read that races one must not overwrite it. */
  private heard = 0;
  private lastAsked = 0;
  private retryAt = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  /** The site version now (a change committed on any app server shows once its notification is in). */
  async read(): Promise<number> {
    if (!isPostgresUrl(this.databaseUrl)) return this.fromDatabase();
    const now = Date.now();
    this.lastAsked = now;
    if (!this.listener && now >= this.retryAt) this.listen();
    if (this.known !== null && now - this.confirmedAt < TRUST_MS) return this.known;
    const heard = this.heard;
    const value = await this.fromDatabase();
    // Only while listening, and only if no notification (a newer value) came in during the read.
    if (this.listener && this.known !== null && this.heard === heard) {
      this.known = value;
      this.confirmedAt = now;
    }
    return value;
  }

  /** Whether a hit is answered from memory now (the tests ask). */
  get listening(): boolean {
    return this.known !== null;
  }

  /** Stops listening (shutdown, tests). */
  async close(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
    const listener = this.listener;
    this.forget();
    if (listener) await listener.end().catch(() => undefined);
  }

  private fromDatabase(): Promise<number> {
    return this.reads.read('site', () => siteVersion(this.db));
  }

  private forget(): void {
    this.listener = null;
    this.known = null;
  }

  private listen(): void {
    const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true });
    this.listener = client;
    const lost = () => {
      if (this.listener !== client) return;
      this.forget();
      this.retryAt = Date.now() + RETRY_MS;
    };
    client.on('notification', (message) => {
      if (this.listener !== client || message.channel !== CHANNEL) return;
      const value = Number(message.payload);
      if (!Number.isFinite(value)) return;
      this.heard++;
      this.known = value;
      this.confirmedAt = Date.now();
    });
    client.on('error', (err) => {
      this.logger.warn({ err }, 'site version: the LISTEN connection failed; reading the version per request');
      lost();
    });
    client.on('end', lost);
    this.idleTimer ??= setInterval(() => {
      if (Date.now() - this.lastAsked > IDLE_MS) void this.close();
    }, IDLE_MS / 4);
    this.idleTimer.unref();
    void (async () => {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // Read after LISTEN: a change committed before it is in the read, one after it is notified.
      const heard = this.heard;
      const value = await siteVersion(this.db);
      if (this.listener !== client) return;
      if (this.heard === heard) this.known = value;
      this.confirmedAt = Date.now();
    })().catch((err: unknown) => {
      this.logger.warn({ err }, 'site version: no LISTEN connection; reading the version per request');
      lost();
      void client.end().catch(() => undefined);
    });
  }
}
