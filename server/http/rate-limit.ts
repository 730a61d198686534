// Rate limits on the forms anyone can post: login and reacties. Counted in the database.
import rateLimit, { type Options } from 'express-rate-limit';
import type { Request, RequestHandler, Response } from 'express';
import type { RateLimit } from '../config';
import type { Db } from '../db/knex';
import { KnexRateLimitStore } from './rate-limit-store';

export function limiter(
  db: Db,
  name: string,
  limit: RateLimit,
  opts: {
    key?: (req: Request) => string;
    /** Renders the page with the user's input kept and a Dutch message; must answer 429. */
    onLimit: (req: Request, res: Response, minutes: number) => Promise<void> | void;
    onlyFailures?: boolean;
  },
): RequestHandler {
  const options: Partial<Options> = {
    windowMs: limit.windowMs,
    limit: limit.max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new KnexRateLimitStore(db, `${name}:`),
    skipSuccessfulRequests: opts.onlyFailures ?? false,
    handler: (req, res, next) => {
      const minutes = Math.max(1, Math.ceil(limit.windowMs / 60000));
      Promise.resolve(opts.onLimit(req, res, minutes)).catch(next);
    },
  };
  if (opts.key) options.keyGenerator = opts.key;
  return rateLimit(options);
}
