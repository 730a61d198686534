// The links in a mail: signed with the site secret (as the form tokens of http/form-token.ts),
// bound to what they do and to the subscriptions they name, so nothing is stored to check them
// and a link for one address cannot be turned into one for another.
import crypto from 'node:crypto';
import { sameSignature } from '../http/signature';

// The news mail (newsmail/) signs its subscribers' ids with purposes of its own, so a link for a
// reply subscription can never act on a news subscriber with the same number, nor the other way round.
export type LinkPurpose = 'confirm' | 'unsubscribe' | 'news-confirm' | 'news-manage';
const EXPIRING: readonly LinkPurpose[] = ['confirm', 'news-confirm'];

// A confirmation mail is read within days; after that the resident ticks the box again.
const CONFIRM_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
// An unsubscribe link keeps working as long as the mail is kept; it only ever removes.
const NO_EXPIRY = 0;

function sign(secret: string, purpose: LinkPurpose, ids: string, expires: number): string {
  return crypto.createHmac('sha256', secret).update(`mail:${purpose}:${ids}:${expires}`).digest('base64url');
}

/** The query string of a signed link: ?s=12,13&t=<expiry>.<mac> */
export function signedQuery(secret: string, purpose: LinkPurpose, ids: number[], now: number): string {
  const list = ids.join(',');
  const expires = EXPIRING.includes(purpose) ? now + CONFIRM_MAX_AGE_MS : NO_EXPIRY;
  return `s=${list}&t=${expires.toString(36)}.${sign(secret, purpose, list, expires)}`;
}

export type LinkCheck = { ok: true; ids: number[] } | { ok: false; reason: 'forged' | 'expired' };

export function checkSignedQuery(secret: string, purpose: LinkPurpose, query: Record<string, unknown>, now: number): LinkCheck {
  const list = typeof query.s === 'string' ? query.s : '';
  const token = typeof query.t === 'string' ? query.t : '';
  if (!/^\d{1,10}(,\d{1,10}){0,9}$/.test(list)) return { ok: false, reason: 'forged' };
  const [stamp, mac] = token.split('.');
  const expires = parseInt(stamp ?? '', 36);
  if (!mac || !Number.isSafeInteger(expires)) return { ok: false, reason: 'forged' };
  if (!sameSignature(sign(secret, purpose, list, expires), mac)) return { ok: false, reason: 'forged' };
  if (expires !== NO_EXPIRY && now > expires) return { ok: false, reason: 'expired' };
  return { ok: true, ids: list.split(',').map(Number) };
}
