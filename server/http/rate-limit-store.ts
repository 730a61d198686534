// An express-rate-limit store in the app's own database, so several app processes share one count.
// Keys (an IP address, a typed e-mail address) are stored only as keyed hashes: the table holds
// no personal data, and every key has the same short length whatever was typed.
import crypto from 'node:crypto';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Db } from '../db/knex';

export class KnexRateLimitStore implements Store {
  private windowMs = 60_000;
  // Keys in the database are shared between processes, so limits hold across all of them.
  localKeys = false;

  constructor(
    private readonly db: Db,
    readonly prefix: string,
    private readonly secret: string,
  ) {}

  private stored(key: string): string {
    return this.prefix + crypto.createHmac('sha256', this.secret).update(`rate-limit:${this.prefix}${key}`).digest('base64url');
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = Date.now();
    // One statement on both databases: start a new window when the old one has passed, else count on.
    const result = await this.db.raw(
      `insert into rate_limits (key, hits, reset_at) values (?, 1, ?)
       on conflict (key) do update set
         hits = case when rate_limits.reset_at <= ? then 1 else rate_limits.hits + 1 end,
         reset_at = case when rate_limits.reset_at <= ? then excluded.reset_at else rate_limits.reset_at end
       returning hits, reset_at`,
      [this.stored(key), now + this.windowMs, now, now],
    );
    const row = (Array.isArray(result) ? result[0] : result.rows[0]) as { hits: number | string; reset_at: number | string };
    return { totalHits: Number(row.hits), resetTime: new Date(Number(row.reset_at)) };
  }

  async decrement(key: string): Promise<void> {
    await this.db('rate_limits')
      .where({ key: this.stored(key) })
      .andWhere('hits', '>', 0)
      .decrement('hits', 1);
  }

  async resetKey(key: string): Promise<void> {
    await this.db('rate_limits')
      .where({ key: this.stored(key) })
      .delete();
  }
}

/** Removes finished windows; called on a timer by main.ts. */
export async function purgeRateLimits(db: Db, now = Date.now()): Promise<number> {
  return db('rate_limits').where('reset_at', '<=', now).delete();
}
