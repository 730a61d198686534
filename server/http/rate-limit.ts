// Rate limits on the forms anyone can post: login and reacties. Counted in the database.
import rateLimit, { type Options } from 'express-rate-limit';
import type { Request, RequestHandler, Response } from 'express';
import type { RateLimit } from '../config';
import type { Db } from '../db/knex';
import { KnexRateLimitStore } from './rate-limit-store';

/** Whole minutes until the window that stopped this request ends (at least 1). */
function minutesToWait(req: Request, limit: RateLimit, now = Date.now()): number {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const ms = reset ? reset.getTime() - now : limit.windowMs;
  return Math.max(1, Math.ceil(ms / 60000));
}

export function limiter(
  store: { db: Db; secret: string },
  name: string,
  limit: RateLimit,
  opts: {
    key?: (req: Request) => string;
    /** Renders the page with the user's input kept and a Dutch message; must answer 429. */
    onLimit: (req: Request, res: Response, minutes: number) => Promise<void> | void;
    /** Count only requests that failed (login attempts with a wrong password). */
    onlyFailures?: boolean;
    /** Count only requests that succeeded: a form sent back with an error is not a reactie. */
    onlySuccesses?: boolean;
    /** Count only the requests this says did what is limited (an appreciation given, not one resent). */
    countsIf?: (req: Request, res: Response) => boolean;
  },
): RequestHandler & { reset: (key: string) => Promise<void> } {
  const counts = new KnexRateLimitStore(store.db, `${name}:`, store.secret);
  const options: Partial<Options> = {
    windowMs: limit.windowMs,
    limit: limit.max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: counts,
    skipSuccessfulRequests: opts.onlyFailures ?? false,
    skipFailedRequests: (opts.onlySuccesses ?? false) || opts.countsIf !== undefined,
    handler: (req, res, next) => {
      Promise.resolve(opts.onLimit(req, res, minutesToWait(req, limit))).catch(next);
    },
  };
  if (opts.key) options.keyGenerator = opts.key;
  if (opts.countsIf) options.requestWasSuccessful = opts.countsIf;
  // reset: forgets what was counted for one key (opts.key's value), e.g. an account's failures.
  return Object.assign(rateLimit(options), { reset: (key: string) => counts.resetKey(key) });
}
