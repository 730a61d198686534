// An express-rate-limit store in the app's own database, so several app processes share one count.
// Keys (an IP address, a typed e-mail address) are stored only as keyed hashes: the table holds
// no personal data, and every key has the same short length whatever was typed.
import crypto from 'node:crypto';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { KEPT } from '../db/pg-statements';

type Conn = Db | Knex.Transaction;

function storedKey(secret: string, prefix: string, key: string): string {
  return prefix + crypto.createHmac('sha256', secret).update(`rate-limit:${prefix}${key}`).digest('base64url');
}

/**
 * Counts one hit for `key` in a window of `windowMs` that starts at its first hit (a new window once
 * that one has passed). One statement on both databases, so two processes never both count the
 * first hit. Returns the hits in the window so far. The store below counts requests with it; a
 * feature counts other things (a confirmation mail per address), inside its own transaction.
 */
export async function countHit(
  conn: Conn,
  secret: string,
  prefix: string,
  key: string,
  windowMs: number,
  now: number,
): Promise<ClientRateLimitInfo> {
  const result = await conn
    .raw(
      `insert into rate_limits (key, hits, reset_at) values (?, 1, ?)
     on conflict (key) do update set
       hits = case when rate_limits.reset_at <= ? then 1 else rate_limits.hits + 1 end,
       reset_at = case when rate_limits.reset_at <= ? then excluded.reset_at else rate_limits.reset_at end
     returning hits, reset_at`,
      [storedKey(secret, prefix, key), now + windowMs, now, now],
    )
    .options(KEPT);
  const row = (Array.isArray(result) ? result[0] : result.rows[0]) as { hits: number | string; reset_at: number | string };
  return { totalHits: Number(row.hits), resetTime: new Date(Number(row.reset_at)) };
}

/** Forgets the hits of one key (an erased person's). */
export async function forgetHits(conn: Conn, secret: string, prefix: string, key: string): Promise<void> {
  await conn('rate_limits')
    .where({ key: storedKey(secret, prefix, key) })
    .delete();
}

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
    return storedKey(this.secret, this.prefix, key);
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  increment(key: string): Promise<ClientRateLimitInfo> {
    return countHit(this.db, this.secret, this.prefix, key, this.windowMs, Date.now());
  }

  async decrement(key: string): Promise<void> {
    await this.db('rate_limits')
      .where({ key: this.stored(key) })
      .andWhere('hits', '>', 0)
      .decrement('hits', 1);
  }

  resetKey(key: string): Promise<void> {
    return forgetHits(this.db, this.secret, this.prefix, key);
  }
}

/** Removes finished windows; called on a timer by main.ts. */
export async function purgeRateLimits(db: Db, now = Date.now()): Promise<number> {
  return db('rate_limits').where('reset_at', '<=', now).delete();
}
