// The addresses in the news mails, signed like the reply e-mails' links (notifications/links.ts)
// with purposes of their own: confirm (seven days), and manage (change or unsubscribe; no expiry).
import type { Deps } from '../deps';
import { signedQuery } from '../notifications/links';

export const NEWSMAIL_PATH = '/nieuwsbrief';
export const CONFIRM_PATH = '/nieuwsbrief/bevestigen';
export const MANAGE_PATH = '/nieuwsbrief/wijzigen';
export const UNSUBSCRIBE_PATH = '/nieuwsbrief/afmelden';

export function confirmUrl(deps: Pick<Deps, 'config'>, id: number, now: Date): string {
  return `${deps.config.baseUrl}${CONFIRM_PATH}?${signedQuery(deps.config.sessionSecret, 'news-confirm', [id], now.getTime())}`;
}

export function manageUrls(deps: Pick<Deps, 'config'>, id: number): { manage: string; unsubscribe: string } {
  const query = signedQuery(deps.config.sessionSecret, 'news-manage', [id], 0);
  return { manage: `${deps.config.baseUrl}${MANAGE_PATH}?${query}`, unsubscribe: `${deps.config.baseUrl}${UNSUBSCRIBE_PATH}?${query}` };
}
