// After a reactie is stored with an e-mail box ticked: the subscriptions, unconfirmed, and one mail
// that asks to confirm them (double opt-in). Only a queue row is written: the page never waits on SMTP.
//
// An address gets one confirmation mail a day at the most. Whoever types someone else's address
// under a few reacties (or the same address written otherwise: shared/email.ts refuses the
// variants) cannot fill that person's mailbox. A request within the day stores nothing new; the page
// tells the resident, in words that do not say whether the address is subscribed to anything, that
// a confirmation mail went out already.
import type { Deps } from '../deps';
import { findArticleById } from '../articles/queries';
import { countHit } from '../http/rate-limit-store';
import type { AfterPost } from '../reacties/posting/submit';
import { mailboxKey } from '../shared/email';
import { signedQuery } from './links';
import { confirmationMail } from './messages';
import { enqueueMail } from './queue';
import { deleteSubscriptions, subscribe, type Subscription } from './subscriptions';

/** The rate_limits window of the confirmation mails (the key is a keyed hash of the address). */
export const CONFIRMATION_LIMIT = { prefix: 'confirm-mail:', windowMs: 24 * 60 * 60 * 1000 };

function confirmUrl(deps: Pick<Deps, 'config'>, ids: number[], now: Date): string {
  return `${deps.config.baseUrl}/meldingen/bevestigen?${signedQuery(deps.config.sessionSecret, 'confirm', ids, now.getTime())}`;
}

export function subscribeAfterPost(deps: Deps): AfterPost {
  return async (posted, now) => {
    const article = await findArticleById(deps.db, posted.articleId);
    if (!article) return undefined;
    return deps.db.transaction(async (trx) => {
      const subs: Array<Subscription & { created: boolean }> = [];
      const base = { articleId: posted.articleId, email: posted.email };
      if (posted.replies) subs.push(await subscribe(trx, { ...base, kind: 'replies', reactieId: posted.id }, now));
      if (posted.article) subs.push(await subscribe(trx, { ...base, kind: 'article', reactieId: null }, now));
      const unconfirmed = subs.filter((s) => s.confirmedAt === null);
      if (unconfirmed.length === 0) return undefined;
      const { prefix, windowMs } = CONFIRMATION_LIMIT;
      const { totalHits } = await countHit(trx, deps.config.sessionSecret, prefix, mailboxKey(posted.email), windowMs, now.getTime());
      if (totalHits > 1) {
        // Nobody would confirm these (the mail of the day asks for what was asked then): not kept.
        await deleteSubscriptions(
          trx,
          unconfirmed.filter((s) => s.created).map((s) => s.id),
        );
        return 'already-sent';
      }
      const site = { name: deps.config.siteName, baseUrl: deps.config.baseUrl };
      const ids = unconfirmed.map((s) => s.id);
      await enqueueMail(trx, confirmationMail(site, unconfirmed, article.title, confirmUrl(deps, ids, now)), now);
      return undefined;
    });
  };
}
