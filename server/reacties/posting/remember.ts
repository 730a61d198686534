// "Onthoud mijn gegevens": name, e-mail and website in a cookie on the reader's own device,
// set only when they tick the box, removed when they post without it.
import type { Request, Response } from 'express';
import { parseCookies } from '../../http/cookies';

const REMEMBER_COOKIE = 'stadslog_onthoud';
const REMEMBER_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

export interface RememberedDetails {
  name: string;
  email: string;
  website: string;
}

export function readRemembered(req: Request): RememberedDetails | null {
  const raw = parseCookies(req.headers.cookie)[REMEMBER_COOKIE];
  if (!raw) return null;
  try {
    const data = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof data?.name !== 'string' || typeof data?.email !== 'string') return null;
    return { name: data.name, email: data.email, website: typeof data.website === 'string' ? data.website : '' };
  } catch {
    return null;
  }
}

export function rememberDetails(res: Response, details: RememberedDetails, secure: boolean): void {
  const value = Buffer.from(JSON.stringify(details), 'utf8').toString('base64url');
  res.cookie(REMEMBER_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, maxAge: REMEMBER_MAX_AGE_MS, path: '/' });
}

export function forgetDetails(req: Request, res: Response): void {
  if (readRemembered(req)) res.clearCookie(REMEMBER_COOKIE, { path: '/' });
}
