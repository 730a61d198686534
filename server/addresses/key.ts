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
