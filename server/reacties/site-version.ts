// The site version (counters.ts) as a voorpagina hit asks it: on PostgreSQL kept in memory, so a
// hit makes no round trip to the database; on SQLite read from the database each time (another
// process may share the file, and nothing tells this one; the read is in-process and cheap).
//
// On PostgreSQL one connection of its own LISTENs for the trigger's NOTIFY (migration
// 20261208200000: every change of one of the version's rows, its own or a slot (counters.ts), with
// the row's name and new value, delivered at commit). Each row only ever moves up, so the watch keeps
// the highest value it has seen per row, from a read or a notification in whatever order they come,
// and the version is their sum. The value is trusted only while that connection holds, and for at most TRUST_MS after the
// database last confirmed it: a notification lost with a connection that died without a word costs
// at most that long, then one read renews it. While the connection is down (or not yet up) every
// request reads, as before. It starts at the first request and stops after IDLE_MS without one.
import pg from 'pg';
import type { Logger } from 'pino';
import { isPostgresUrl, type Db } from '../db/knex';
import { Coalescer } from '../shared/coalesce';
import { sinceSiteVersionMoved, siteVersion, siteVersionRows } from './counters';

const CHANNEL = 'stadslog_site_version';
// How long a value from memory stands without the database confirming it (the live hub's safety poll).
const TRUST_MS = 2000;
const IDLE_MS = 60_000;
// After a change made by this process, how long it reads the version rather than wait for the notification
// (its own writes show on its next page at once; a transaction that runs longer than this is heard at its commit).
const OWN_CHANGE_MS = 1000;
// After a failed LISTEN connection (the database down, a pooler that has no LISTEN) the next try waits this long.
const RETRY_MS = 5000;

export class SiteVersionWatch {
  private readonly reads = new Coalescer<number>();
  private readonly rowReads = new Coalescer<Map<string, number>>();
  private listener: pg.Client | null = null;
  /** The highest value seen per row of the version (from reads and notifications). */
  private rows = new Map<string, number>();
  /** The version (the rows' sum) as the notifications tell it; null while not listening (or not yet read). */
  private known: number | null = null;
  /** When the database last confirmed `known` (ms, this process's clock). */
  private confirmedAt = 0;
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
    if (this.known !== null && now - this.confirmedAt < TRUST_MS && sinceSiteVersionMoved() > OWN_CHANGE_MS) return this.known;
    if (!this.listener || this.known === null) return this.fromDatabase();
    // Listening: the rows read and merged with what was heard meanwhile (a row never moves down).
    const listener = this.listener;
    const rows = await this.rowReads.read('rows', () => siteVersionRows(this.db));
    if (this.listener !== listener || this.known === null) return this.fromDatabase();
    this.merge(rows);
    this.confirmedAt = now;
    return this.known;
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

  /** Takes the higher value per row and sums them into `known`. */
  private merge(rows: Map<string, number>): void {
    for (const [name, value] of rows) this.rows.set(name, Math.max(value, this.rows.get(name) ?? value));
    let sum = 0;
    for (const value of this.rows.values()) sum += value;
    this.known = sum;
  }

  private forget(): void {
    this.listener = null;
    this.rows = new Map();
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
      const [name, text] = (message.payload ?? '').split(' ');
      const value = Number(text);
      if (!name || !Number.isFinite(value)) return;
      if (this.known === null) {
        // Not read yet: kept for the first read to merge with.
        this.rows.set(name, Math.max(value, this.rows.get(name) ?? value));
        return;
      }
      this.merge(new Map([[name, value]]));
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
      const rows = await siteVersionRows(this.db);
      if (this.listener !== client) return;
      this.merge(rows);
      this.confirmedAt = Date.now();
    })().catch((err: unknown) => {
      this.logger.warn({ err }, 'site version: no LISTEN connection; reading the version per request');
      lost();
      void client.end().catch(() => undefined);
    });
  }
}
