// Sessions in the app's own database, so they survive a restart and are shared by several app servers.
// Every callback is called exactly once, also when the database fails, so a broken database
// answers a request with an error page instead of hanging it or crashing the process.
import session from 'express-session';
import type { Db } from '../db/knex';

// express-session "touches" a session on every request; writing only when the expiry moved
// this much keeps reads from turning into writes.
const TOUCH_WRITE_INTERVAL_MS = 5 * 60 * 1000;
// Used when a session has no cookie expiry (should not happen with our config).
const FALLBACK_TTL_MS = 24 * 60 * 60 * 1000;
const STORED_EXPIRY = '__storedExpiresAt';

type Callback<T = unknown> = (err?: unknown, value?: T) => void;
type StoredSession = session.SessionData & { [STORED_EXPIRY]?: number };

function expiryOf(sess: session.SessionData): number {
  const expires = sess.cookie?.expires;
  return expires ? new Date(expires).getTime() : Date.now() + FALLBACK_TTL_MS;
}

/** Runs a promise and hands its outcome to a node-style callback exactly once. */
function settle<T>(work: Promise<T>, callback?: Callback<T>): void {
  work.then(
    (value) => callback?.(null, value),
    (err) => callback?.(err),
  );
}

export class KnexSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly table = 'sessions',
  ) {
    super();
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    settle(
      (async () => {
        const row = await this.db(this.table).where({ sid }).first('sess', 'expires_at');
        if (!row || Number(row.expires_at) <= Date.now()) return null;
        const data = JSON.parse(row.sess) as StoredSession;
        data[STORED_EXPIRY] = Number(row.expires_at);
        return data;
      })(),
      callback,
    );
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    const { [STORED_EXPIRY]: _omit, ...data } = sess as StoredSession;
    const row = { sid, sess: JSON.stringify(data), expires_at: expiryOf(sess) };
    settle(
      this.db(this.table)
        .insert(row)
        .onConflict('sid')
        .merge(['sess', 'expires_at'])
        .then(() => undefined),
      callback,
    );
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    const expiresAt = expiryOf(sess);
    const stored = (sess as StoredSession)[STORED_EXPIRY] ?? 0;
    if (expiresAt - stored < TOUCH_WRITE_INTERVAL_MS) return void callback?.(null);
    settle(
      this.db(this.table)
        .where({ sid })
        .update({ expires_at: expiresAt })
        .then(() => undefined),
      callback,
    );
  }

  override destroy(sid: string, callback?: Callback): void {
    settle(
      this.db(this.table)
        .where({ sid })
        .delete()
        .then(() => undefined),
      callback,
    );
  }

  /** Removes expired sessions; called on a timer by main.ts. */
  async purgeExpired(now = Date.now()): Promise<number> {
    return this.db(this.table).where('expires_at', '<=', now).delete();
  }
}
