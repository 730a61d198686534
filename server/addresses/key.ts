// The person behind an e-mail address, as moderators know them: only by a keyed hash of the address
// (HMAC with the site secret, over the address as emailKey compares it). The hash is stored with a
// rule or a note, never the address, and no page or URL shows it: a page names the person by one of
// their reacties (/beheer/reacties/:id/schrijver).
import crypto from 'node:crypto';
import { emailKey } from '../shared/email';

// The keys made last, per secret: a page of the moderation queue asks for fifty at a time, again
// on every tab and reload. Forgotten all at once when full (only memory, never stored).
const KEPT = 5000;
const kept = new Map<string, Map<string, string>>();

/** The keyed hash of an address; '' for no address (an anonymised reactie has none). */
export function addressKeyOf(secret: string, email: string): string {
  const key = emailKey(email);
  if (key === '') return '';
  let mine = kept.get(secret);
  if (!mine) {
    if (kept.size >= 4) kept.clear();
    kept.set(secret, (mine = new Map()));
  }
  let hash = mine.get(key);
  if (hash === undefined) {
    hash = crypto.createHmac('sha256', secret).update(`address:${key}`).digest('hex');
    if (mine.size >= KEPT) mine.clear();
    mine.set(key, hash);
  }
  return hash;
}

/**
 * Forgets an address's key (AVG erasure, privacy/queries.ts): the address itself is what the memory above is
 * looked up by, and an erased person's address must not stay in the process until the memory is next full.
 * Other app processes forget it when their memory is full (only memory, never stored or shown).
 */
export function forgetAddressKey(email: string): void {
  const key = emailKey(email);
  for (const mine of kept.values()) mine.delete(key);
}

/** Whether this process holds the key of an address (for the erasure's test). */
export function addressKeyKept(email: string): boolean {
  const key = emailKey(email);
  return [...kept.values()].some((mine) => mine.has(key));
}
