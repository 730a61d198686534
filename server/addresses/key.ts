// The person behind an e-mail address, as moderators know them: only by a keyed hash of the address
// (HMAC with the site secret, over the address as emailKey compares it). The hash is stored with a
// rule or a note, never the address, and no page or URL shows it: a page names the person by one of
// their reacties (/beheer/reacties/:id/schrijver).
import crypto from 'node:crypto';
import { emailKey } from '../shared/email';

/** The keyed hash of an address; '' for no address (an anonymised reactie has none). */
export function addressKeyOf(secret: string, email: string): string {
  const key = emailKey(email);
  if (key === '') return '';
  return crypto.createHmac('sha256', secret).update(`address:${key}`).digest('hex');
}
