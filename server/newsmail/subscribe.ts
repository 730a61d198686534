// A request from the form on /nieuwsbrief: the subscriber, unconfirmed, and one mail that asks to
// confirm (double opt-in); to an address that is subscribed already, a mail that says so, with the
// link to change it. Every outcome looks the same on the page: it never tells whether an address
// is subscribed. An address gets one such mail a day at the most, in the same window as the reply
// e-mails' confirmations (notifications/subscribe.ts), which an erasure forgets too.
import type { Deps } from '../deps';
import { countHit } from '../http/rate-limit-store';
import { enqueueMail } from '../notifications/queue';
import { CONFIRMATION_LIMIT } from '../notifications/subscribe';
import { mailboxKey } from '../shared/email';
import { loadSettings } from '../settings/settings';
import { confirmUrl, manageUrls } from './links';
import { alreadySubscribedMail, frequencyText, KINDS_TEXT, newsConfirmationMail } from './messages';
import type { Frequency, NewsKinds } from './schedule';
import { requestSubscription } from './subscribers';

export async function requestNewsmail(
  deps: Pick<Deps, 'config' | 'db'>,
  input: { email: string; frequency: Frequency; kinds: NewsKinds },
  now: Date,
): Promise<void> {
  const schedule = (await loadSettings(deps.db)).newsmail;
  const site = { name: deps.config.siteName, baseUrl: deps.config.baseUrl };
  await deps.db.transaction(async (trx) => {
    const { prefix, windowMs } = CONFIRMATION_LIMIT;
    const { totalHits } = await countHit(trx, deps.config.sessionSecret, prefix, mailboxKey(input.email), windowMs, now.getTime());
    // Within the day nothing is stored or sent: the mail of that day is the one to use.
    if (totalHits > 1) return;
    const sub = await requestSubscription(trx, input, now);
    if (sub.confirmedAt) {
      const links = manageUrls(deps, sub.id);
      await enqueueMail(trx, alreadySubscribedMail(site, sub.email, links.manage, links.unsubscribe), now);
      return;
    }
    const what = `${KINDS_TEXT[input.kinds]}, ${frequencyText(input.frequency, schedule)}`;
    await enqueueMail(trx, newsConfirmationMail(site, sub.email, what, confirmUrl(deps, sub.id, now)), now);
  });
}
