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
    /**
     * Count only requests that failed (login attempts with a wrong password). The route gives a success
     * back with refundRateLimits before it answers; otherwise it is given back once the answer is sent.
     */
    onlyFailures?: boolean;
    /**
     * Count only requests that succeeded and did what is limited: a form sent back with an error is not
     * a reactie, a click that changed nothing no appreciation. The route gives such a request back with
     * refundRateLimits before it answers (an error status is given back anyway, once the answer is sent).
     */
    onlySuccesses?: boolean;
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
    skipFailedRequests: opts.onlySuccesses ?? false,
    handler: (req, res, next) => {
      Promise.resolve(opts.onLimit(req, res, minutesToWait(req, limit))).catch(next);
    },
  };
  if (opts.key) options.keyGenerator = opts.key;
  if (!opts.onlyFailures && !opts.onlySuccesses) return Object.assign(rateLimit(options), { reset: (key: string) => counts.resetKey(key) });
  // A hit the route has already given back (refundRateLimits) is not given back again when the
  // response finishes: for the library it then counts as what it does not decrement.
  const refunded = (res: Response) => (res.locals.rateLimitRefunds ?? []).some((r) => r.name === name && r.done);
  options.requestWasSuccessful = opts.onlyFailures
    ? (_req, res) => res.statusCode < 400 && !refunded(res)
    : (_req, res) => res.statusCode < 400 || refunded(res);
  const limited = rateLimit(options);
  const handler: RequestHandler = (req, res, next) =>
    void limited(req, res, (err?: unknown) => {
      const key = (req as Request & { rateLimit?: { key?: string } }).rateLimit?.key;
      if (!err && key !== undefined) {
        const entry: Refund = { name, done: false, refund: () => counts.decrement(key) };
        (res.locals.rateLimitRefunds ??= []).push(entry);
      }
      next(err);
    });
  // reset: forgets what was counted for one key (opts.key's value), e.g. an account's failures.
  return Object.assign(handler, { reset: (key: string) => counts.resetKey(key) });
}

type Refund = { name: string; done: boolean; refund: () => Promise<void> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The hits this request's limiters counted and may give back (refundRateLimits). */
      rateLimitRefunds?: Refund[];
    }
  }
}

/**
 * Gives back, before the answer leaves, the hits this request's limiters counted: it did nothing they
 * limit (a form sent back with an error, a correct login, a click that changed nothing). The library
 * would give them back only once the response has finished, so the next request could still find
 * them counted.
 */
export async function refundRateLimits(res: Response): Promise<void> {
  for (const entry of res.locals.rateLimitRefunds ?? []) {
    if (entry.done) continue;
    entry.done = true;
    await entry.refund();
  }
}
