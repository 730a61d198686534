// A browser an account logged in on before. Failed logins are limited per account, wherever they
// come from, which would let a stranger lock an editor out with a few wrong passwords from a few
// addresses. So a browser that once logged in to the account carries a cookie saying so (an HMAC of
// the account's address with the site secret: nothing to read, nothing to forge), and its attempts
// count on a budget of their own that strangers cannot use up. The per-address limit still applies.
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { parseCookies } from '../http/cookies';
import { sameSignature } from '../http/signature';

const DEVICE_COOKIE = 'stadslog_apparaat';
// A laptop in the office or at home is used for months; a new device logs in once to be known again.
const DEVICE_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;

function deviceMark(secret: string, emailKey: string): string {
  return crypto.createHmac('sha256', secret).update(`login-device:${emailKey}`).digest('base64url');
}

/** Whether this browser logged in to the account of `emailKey` (lower-cased address) before. */
export function knownDevice(req: Request, secret: string, emailKey: string): boolean {
  const given = parseCookies(req.headers.cookie)[DEVICE_COOKIE];
  if (!given) return false;
  return sameSignature(deviceMark(secret, emailKey), given);
}

/** Marks this browser as one the account logs in on (the newest account wins on a shared browser). */
export function rememberDevice(res: Response, secret: string, emailKey: string, secure: boolean): void {
  res.cookie(DEVICE_COOKIE, deviceMark(secret, emailKey), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/beheer/inloggen',
    maxAge: DEVICE_MAX_AGE_MS,
  });
}
