// CSRF protection that needs no session: a form carries a token signed with the site secret,
// bound to what the form is for and to when it was rendered. Public pages can therefore be cached,
// and readers get no cookie until they post. The render time doubles as the fill-time stamp for spam checks.
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './errors';
import { sameSignature } from './signature';

// A page left open for an afternoon, or served from a cache for a few days, must still post.
const FORM_TOKEN_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
// Clocks of several app servers may differ a little.
const CLOCK_SKEW_MS = 60 * 1000;

export interface FormTokenCheck {
  ok: boolean;
  /** When the form was rendered, if the token was genuine. */
  issuedAt?: number;
  reason?: 'missing' | 'forged' | 'expired';
}

export class FormTokens {
  constructor(private readonly secret: string) {}

  private sign(purpose: string, issuedAt: number): string {
    return crypto.createHmac('sha256', this.secret).update(`form:${purpose}:${issuedAt}`).digest('base64url');
  }

  issue(purpose: string, now = Date.now()): string {
    return `${now.toString(36)}.${this.sign(purpose, now)}`;
  }

  check(purpose: string, token: unknown, now = Date.now()): FormTokenCheck {
    if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
    const [stamp, mac] = token.split('.');
    const issuedAt = parseInt(stamp ?? '', 36);
    if (!mac || !Number.isSafeInteger(issuedAt)) return { ok: false, reason: 'forged' };
    if (!sameSignature(this.sign(purpose, issuedAt), mac)) return { ok: false, reason: 'forged' };
    if (issuedAt > now + CLOCK_SKEW_MS || now - issuedAt > FORM_TOKEN_MAX_AGE_MS) return { ok: false, reason: 'expired', issuedAt };
    return { ok: true, issuedAt };
  }
}

/**
 * Refuses state-changing requests that a browser marks as coming from another site.
 * Browsers send Sec-Fetch-Site and Origin on POST; non-browser clients send neither and are
 * held back by the tokens instead.
 */
export function sameOriginOnly(exemptPaths: readonly string[] = []): RequestHandler {
  return (req, _res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    // Paths authorised by a signed link instead (the one-click unsubscribe of RFC 8058, which a
    // mail provider POSTs from its own servers or a webmail page on another site): a forged
    // request without the link's signature changes nothing there.
    if (exemptPaths.includes(req.path)) return next();
    const fetchSite = req.get('sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return next(new HttpError(403, 'Dit formulier is vanaf een andere website verstuurd en is daarom geweigerd.'));
    }
    const origin = req.get('origin');
    if (origin && origin !== 'null') {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        return next(new HttpError(403, 'Dit formulier is vanaf een andere website verstuurd en is daarom geweigerd.'));
      }
      if (originHost !== req.get('host')) {
        return next(new HttpError(403, 'Dit formulier is vanaf een andere website verstuurd en is daarom geweigerd.'));
      }
    } else if (origin === 'null') {
      return next(new HttpError(403, 'Dit formulier is vanaf een andere website verstuurd en is daarom geweigerd.'));
    }
    next();
  };
}
