// After a reactie is stored with an e-mail box ticked: the subscriptions, unconfirmed, and one mail
// that asks to confirm them (double opt-in). Only a queue row is written: the page never waits on SMTP.
import type { Deps } from '../deps';
import { findArticleById } from '../articles/queries';
import type { AfterPost } from '../reacties/submit';
import { signedQuery } from './links';
import { confirmationMail } from './messages';
import { enqueueMail } from './queue';
import { subscribe, type Subscription } from './subscriptions';

function confirmUrl(deps: Pick<Deps, 'config'>, ids: number[], now: Date): string {
  return `${deps.config.baseUrl}/meldingen/bevestigen?${signedQuery(deps.config.sessionSecret, 'confirm', ids, now.getTime())}`;
}

export function subscribeAfterPost(deps: Deps): AfterPost {
  return async (posted, now) => {
    const article = await findArticleById(deps.db, posted.articleId);
    if (!article) return;
    await deps.db.transaction(async (trx) => {
      const subs: Subscription[] = [];
      const base = { articleId: posted.articleId, email: posted.email };
      if (posted.replies) subs.push(await subscribe(trx, { ...base, kind: 'replies', reactieId: posted.id }, now));
      if (posted.article) subs.push(await subscribe(trx, { ...base, kind: 'article', reactieId: null }, now));
      const unconfirmed = subs.filter((s) => s.confirmedAt === null);
      if (unconfirmed.length === 0) return;
      const site = { name: deps.config.siteName, baseUrl: deps.config.baseUrl };
      const ids = unconfirmed.map((s) => s.id);
      await enqueueMail(trx, confirmationMail(site, unconfirmed, article.title, confirmUrl(deps, ids, now)), now);
    });
  };
}
