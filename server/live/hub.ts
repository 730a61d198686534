// One hub per app server: it reads the change log (changes.ts) once for all open pages and writes
// each event to the connections of the article it belongs to; the voorpagina's connections get the
// new counts. It runs only while a page is connected. On SQLite it polls the log (several processes
// may share the file; one indexed query for all articles); on PostgreSQL one dedicated connection
// LISTENs for the trigger's NOTIFY and wakes it at once, with a slower poll behind it in case a
// notification was lost while that connection was down.
import type { ServerResponse } from 'node:http';
import pg from 'pg';
import type { Logger } from 'pino';
import { isPostgresUrl, type Db } from '../db/knex';
import { articlePath } from '../articles/queries';
import {
  articleChangesAfter,
  articleCounts,
  articlesChangedAfter,
  changesAfter,
  committedSince,
  logNow,
  reactiesNow,
  stillOpen,
  type Change,
} from './changes';
import { eventId, positionText, reactieEvent, sseMessage, type LogPosition } from './events';

export interface LiveOptions {
  /** How often the log is read without a wake-up: SQLite's delay, PostgreSQL's safety net. */
  pollMs?: number;
  /** A comment line this often keeps proxies from closing an idle connection. */
  heartbeatMs?: number;
  /** Open connections per reader address (an IPv6 /64): a few tabs, not a flood. */
  perAddress?: number;
  /** Open connections on this server. */
  maxClients?: number;
}

const DEFAULTS: Required<LiveOptions> = { pollMs: 300, heartbeatMs: 25_000, perAddress: 20, maxClients: 20_000 };
const PG_POLL_MS = 2000;
// A change read in one go; more waits for the next read, at once.
const BATCH = 1000;
// An id skipped by the log (a transaction that took it has not committed yet) is looked for this long;
// a rolled-back one never comes.
const MISSING_MS = 30_000;
// A browser that reconnects after this many changes of its article reloads instead.
const REPLAY_LIMIT = 500;
// A connection that cannot take what is written (a stalled reader) is closed above this much waiting.
const MAX_BUFFERED = 64 * 1024;
// After the last page left, the hub stays up this long (a reload reconnects at once).
const LINGER_MS = 5000;
const CHANNEL = 'stadslog_live';
// The comment line that keeps an idle connection open: one Buffer for every connection and beat.
const HEARTBEAT = Buffer.from(': \n\n');

interface Client {
  res: ServerResponse;
  address: string;
  /** Events that arrived while the missed ones were being sent (Last-Event-ID). */
  queue: Buffer[] | null;
}

export type Topic = { articleId: number } | 'site';

export class LiveHub {
  private readonly opts: Required<LiveOptions>;
  private readonly articles = new Map<number, Set<Client>>();
  private readonly site = new Set<Client>();
  private readonly perAddress = new Map<string, number>();
  private clients = 0;
  /** The newest change handled; null while the hub is not running. */
  private lastId: number | null = null;
  private starting: Promise<void> | null = null;
  /** Ids below lastId not seen yet (a transaction still open), with when they were first missed. */
  private readonly missing = new Map<number, number>();
  /**
   * PostgreSQL: the transactions open when the hub started may still commit changes below its first
   * position, of which it knows no ids (changes.ts, logNow). Until they have all ended (or after
   * MISSING_MS) each read also looks for theirs, and the positions it gives name them (xmin).
   */
  private startedOpen: { upTo: number; xmin: string; snapshot: string; since: number; seen: number[] } | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private lingerTimer: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private reading = false;
  private readAgain = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    options: LiveOptions = {},
  ) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** Why a new connection is refused (a Dutch message), or null when it may open. */
  refusal(address: string): { status: number; message: string } | null {
    if (this.closed) return { status: 503, message: 'De server start opnieuw op. Je pagina probeert het zo weer.' };
    if (this.clients >= this.opts.maxClients)
      return { status: 503, message: 'Er kijken nu te veel lezers live mee. De pagina werkt gewoon; vernieuw hem later.' };
    if ((this.perAddress.get(address) ?? 0) >= this.opts.perAddress)
      return { status: 429, message: 'Vanaf jouw adres staan al veel pagina’s live open. Sluit er een paar en probeer het opnieuw.' };
    return null;
  }

  /**
   * Keeps the response open as an event stream for this article (or the voorpagina). With a
   * Last-Event-ID the changes since then are sent first, so a reconnect loses nothing.
   */
  async open(res: ServerResponse, topic: Topic, address: string, lastEventId: LogPosition | null): Promise<void> {
    await this.start();
    // The reader may have left while the hub started: nothing to keep open then.
    if (res.destroyed || res.writableEnded) return;
    const client: Client = { res, address, queue: lastEventId !== null ? [] : null };
    const set = topic === 'site' ? this.site : (this.articles.get(topic.articleId) ?? new Set<Client>());
    if (topic !== 'site') this.articles.set(topic.articleId, set);
    set.add(client);
    this.clients++;
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    res.on('close', () => this.leave(client, set, topic));
    // The browser retries this long after a lost connection; then the first bytes, so proxies pass it on.
    res.write(`retry: 3000\n: verbonden\n\n`);
    if (client.queue && lastEventId !== null) await this.replay(client, topic, lastEventId);
  }

  /**
   * Where a page rendered now starts its stream (?na=, events.ts): no change after it is in what the
   * page reads next, except by chance (a page ignores what it already shows). While the hub runs it
   * is what the hub handled, kept below a change that may still commit (as an event's id); else where
   * the log stands (changes.ts, logNow). Read before the page's own reads.
   */
  async position(): Promise<string> {
    if (this.lastId !== null) return this.idText(this.lastId);
    const now = await logNow(this.db);
    return positionText(now);
  }

  /** Open connections now (the benchmark and /metrics read it). */
  get size(): number {
    return this.clients;
  }

  /** Ends every connection and stops reading: the server is going down. */
  async close(): Promise<void> {
    this.closed = true;
    for (const set of [this.site, ...this.articles.values()]) for (const client of set) client.res.end();
    await this.stop();
  }

  private leave(client: Client, set: Set<Client>, topic: Topic): void {
    if (!set.delete(client)) return;
    if (topic !== 'site' && set.size === 0) this.articles.delete(topic.articleId);
    this.clients--;
    const left = (this.perAddress.get(client.address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(client.address, left);
    else this.perAddress.delete(client.address);
    if (this.clients === 0 && !this.closed) {
      this.lingerTimer = setTimeout(() => void this.stop(), LINGER_MS);
      this.lingerTimer.unref();
    }
  }

  private start(): Promise<void> {
    if (this.lastId !== null) return Promise.resolve();
    this.starting ??= (async () => {
      const now = await logNow(this.db);
      this.lastId = now.id;
      this.missing.clear();
      this.startedOpen =
        now.snapshot === null || now.xmin === null
          ? null
          : { upTo: now.id, xmin: now.xmin, snapshot: now.snapshot, since: Date.now(), seen: [] };
      const postgres = isPostgresUrl(this.databaseUrl);
      this.pollTimer = setInterval(() => this.wake(), postgres ? Math.max(this.opts.pollMs, PG_POLL_MS) : this.opts.pollMs);
      this.pollTimer.unref();
      this.heartbeatTimer = setInterval(() => this.heartbeat(), this.opts.heartbeatMs);
      this.heartbeatTimer.unref();
      if (postgres) await this.listen();
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.pollTimer = this.heartbeatTimer = this.lingerTimer = null;
    this.lastId = null;
    this.startedOpen = null;
    const listener = this.listener;
    this.listener = null;
    if (listener) await listener.end().catch(() => undefined);
  }

  /** One connection of its own (not the pool's): LISTEN holds it. Reconnects while the hub runs. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    this.listener = client;
    const retry = () => {
      if (this.listener !== client) return;
      this.listener = null;
      const again = setTimeout(() => {
        if (this.lastId !== null && !this.listener) void this.listen();
      }, 1000);
      again.unref();
    };
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.logger.warn({ err }, 'live updates: the LISTEN connection failed; reconnecting');
      retry();
    });
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // What changed while it was down.
      this.wake();
    } catch (err) {
      this.logger.warn({ err }, 'live updates: no LISTEN connection; reading the log every few seconds');
      retry();
    }
  }

  /** Reads the log now (or right after the read that is busy). */
  private wake(): void {
    if (this.lastId === null) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    void this.read()
      .catch((err) => this.logger.warn({ err }, 'live updates: reading the change log failed'))
      .finally(() => {
        this.reading = false;
        if (this.readAgain) {
          this.readAgain = false;
          this.wake();
        }
      });
  }

  /** The position (events.ts) up to this change, as a page or an event's id gives it. */
  private idText(changeId: number): string {
    return positionText({ id: eventId(changeId, this.oldestMissing()), xmin: this.startedOpen?.xmin ?? null });
  }

  /**
   * The changes of transactions open at the hub's start that have committed since (PostgreSQL). Asked
   * whether any is still open first: one that commits between the two reads is then still looked for.
   */
  private async startedOpenChanges(now: number): Promise<Change[]> {
    const started = this.startedOpen;
    if (!started) return [];
    const open = now - started.since <= MISSING_MS && (await stillOpen(this.db, started.snapshot));
    const changes = await committedSince(this.db, started.upTo, started.snapshot, started.seen);
    started.seen.push(...changes.map((c) => c.id));
    if (!open && this.startedOpen === started) this.startedOpen = null;
    return changes;
  }

  private oldestMissing(): number | null {
    let oldest: number | null = null;
    for (const id of this.missing.keys()) if (oldest === null || id < oldest) oldest = id;
    return oldest;
  }

  private async read(): Promise<void> {
    const from = this.lastId;
    if (from === null) return;
    const now = Date.now();
    for (const [id, since] of this.missing) if (now - since > MISSING_MS) this.missing.delete(id);
    const late = await this.startedOpenChanges(now);
    const read = await changesAfter(this.db, from, [...this.missing.keys()], BATCH);
    if (this.lastId !== from) return; // stopped (or restarted) meanwhile
    const changes = late.length ? [...late, ...read].sort((a, b) => a.id - b.id) : read;
    let last = from;
    for (const change of changes) {
      if (change.id <= from) {
        this.missing.delete(change.id);
        continue;
      }
      for (let gap = last + 1; gap < change.id; gap++) this.missing.set(gap, now);
      last = Math.max(last, change.id);
    }
    if (changes.length) {
      const messages = await this.messages(changes.filter((c) => this.articles.has(c.articleId)));
      if (this.lastId !== from) return;
      for (const [articleId, text] of messages) this.broadcast(this.articles.get(articleId) ?? [], text);
    }
    // At once after sending: a page that connects from here on is replayed up to this change and hears
    // the next ones live; none falls between the two.
    this.lastId = last;
    if (changes.length && this.site.size) await this.sendCounts([...new Set(changes.map((c) => c.articleId))]);
    if (read.length === BATCH) this.readAgain = true;
  }

  /** The voorpagina's numbers after a change of these articles. */
  private async countsMessage(articleIds: number[]): Promise<string> {
    const { total, articles } = await articleCounts(this.db, articleIds, new Date());
    // By the article's address: the voorpagina's links to the reacties (#reacties) are found by it.
    const artikelen = articles.map((a) => ({ pad: articlePath(a), aantal: a.count }));
    return sseMessage('aantallen', { totaal: total, artikelen });
  }

  private async sendCounts(articleIds: number[]): Promise<void> {
    this.broadcast(this.site, await this.countsMessage(articleIds));
  }

  /**
   * The event text per article, for these changes in their order, each article's followed by its
   * reacties count now (the heading of its reacties).
   */
  private async messages(changes: Change[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (!changes.length) return out;
    const states = await reactiesNow(this.db, [...new Set(changes.map((c) => c.reactieId))]);
    for (const change of changes) {
      const event = reactieEvent(change, states.get(change.reactieId));
      if (!event) continue;
      out.set(change.articleId, (out.get(change.articleId) ?? '') + sseMessage('reactie', event, this.idText(change.id)));
    }
    if (!out.size) return out;
    for (const count of (await articleCounts(this.db, [...out.keys()], new Date())).articles)
      out.set(count.id, out.get(count.id) + sseMessage('aantal', { aantal: count.count }));
    return out;
  }

  /** What a page missed since `after`: its article's changes, or for the voorpagina the counts of the articles that changed. */
  private async replay(client: Client, topic: Topic, after: LogPosition): Promise<void> {
    try {
      const upTo = this.lastId ?? after.id;
      if (topic === 'site') {
        const touched = await articlesChangedAfter(this.db, after, upTo, REPLAY_LIMIT);
        if (touched.length) this.write(client, Buffer.from(await this.countsMessage(touched)));
        return;
      }
      const changes = await articleChangesAfter(this.db, topic.articleId, after, upTo, REPLAY_LIMIT + 1);
      if (changes.length > REPLAY_LIMIT) this.write(client, Buffer.from(sseMessage('verouderd', {})));
      else this.write(client, Buffer.from((await this.messages(changes)).get(topic.articleId) ?? ''));
    } finally {
      const queued = client.queue ?? [];
      client.queue = null;
      for (const text of queued) this.write(client, text);
    }
  }

  /**
   * The same event to many connections (5.000 readers of one article): encoded once, and each
   * connection gets that one Buffer; nothing is serialised or looked up per reader.
   */
  private broadcast(clients: Iterable<Client>, text: string): void {
    if (!text) return;
    const chunk = Buffer.from(text);
    for (const client of clients) this.send(client, chunk);
  }

  private send(client: Client, chunk: Buffer): void {
    if (client.queue) client.queue.push(chunk);
    else this.write(client, chunk);
  }

  private write(client: Client, chunk: Buffer): void {
    if (!chunk.length || client.res.writableEnded) return;
    client.res.write(chunk);
    if (client.res.writableLength > MAX_BUFFERED) client.res.end();
  }

  /** One timer for all connections (start), one Buffer for all of them. */
  private heartbeat(): void {
    for (const set of [this.site, ...this.articles.values()]) for (const client of set) this.write(client, HEARTBEAT);
  }
}
