// /meldingen/…: confirming and ending a subscription from the links in a mail. The signed link is
// the authorisation (no session, no form token): whoever has the mail may use it, nobody else can
// make one. Both show a page with a button first, so a mail program that opens links to check them
// changes nothing; the one-click POST of RFC 8058 (List-Unsubscribe-Post) unsubscribes at once.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { HttpError } from '../http/errors';
import { noStore } from '../http/cache';
import { articlePath, findArticleById, isPublic } from '../articles/queries';
import { publicReactiePlace } from '../reacties/queries';
import { ownReactieIds } from '../reacties/own-cookie';
import { checkSignedQuery, type LinkPurpose } from './links';
import { confirmSubscriptions, deleteSubscriptions, findSubscriptions, type Subscription } from './subscriptions';

/** Where the resident goes back to: the article (when public), and their reactie when they asked about its replies and it is shown. */
interface SubscriptionTarget {
  article: { title: string; path: string } | null;
  reactiePath: string | null;
}

export const UNSUBSCRIBE_PATH = '/meldingen/afmelden';
const CONFIRM_PATH = '/meldingen/bevestigen';

export function subscriptionRoutes(deps: Deps): Router {
  const router = Router();

  function idsOf(req: Request, purpose: LinkPurpose): number[] {
    const check = checkSignedQuery(deps.config.sessionSecret, purpose, req.query, deps.clock().getTime());
    if (check.ok) return check.ids;
    if (check.reason === 'expired')
      throw new HttpError(410, 'Deze bevestigingslink is verlopen. Plaats een nieuwe reactie en vink het vakje opnieuw aan.');
    throw new HttpError(400, 'Deze link is niet compleet of klopt niet. Kopieer de hele link uit de e-mail.');
  }

  function page(res: Response, status: number, view: string, locals: Record<string, unknown>) {
    res.status(status).render(`notifications/${view}`, locals);
  }

  const query = (req: Request) => new URLSearchParams(req.query as Record<string, string>).toString();

  // The subscriptions of one link come from one posted reactie, so they share its article.
  async function targetOf(req: Request, subs: Subscription[]): Promise<SubscriptionTarget> {
    const found = subs.length ? await findArticleById(deps.db, subs[0].articleId) : null;
    if (!found || !isPublic(found, deps.clock())) return { article: null, reactiePath: null };
    const replies = subs.find((s) => s.kind === 'replies' && s.reactieId !== null);
    const own = ownReactieIds(req, deps.config.sessionSecret);
    const shown = replies ? await publicReactiePlace(deps.db, replies.reactieId!, own) : null;
    return {
      article: { title: found.title, path: articlePath(found) },
      reactiePath: shown && shown.articleId === found.id ? `/reactie/${replies!.reactieId}` : null,
    };
  }

  router.get(CONFIRM_PATH, noStore, async (req, res) => {
    const subs = await findSubscriptions(deps.db, idsOf(req, 'confirm'));
    if (subs.length === 0) return page(res, 404, 'gone', { title: 'Aanmelding niet gevonden' });
    page(res, 200, 'confirm', {
      title: 'Bevestig je aanmelding',
      subs,
      action: `${CONFIRM_PATH}?${query(req)}`,
      ...(await targetOf(req, subs)),
    });
  });

  router.post(CONFIRM_PATH, noStore, async (req, res) => {
    const ids = idsOf(req, 'confirm');
    const n = await confirmSubscriptions(deps.db, ids, deps.clock());
    if (n === 0) return page(res, 404, 'gone', { title: 'Aanmelding niet gevonden' });
    const target = await targetOf(req, await findSubscriptions(deps.db, ids));
    page(res, 200, 'done', { title: 'Aanmelding bevestigd', message: 'Dank je. Je krijgt voortaan een e-mail zoals je vroeg.', ...target });
  });

  router.get(UNSUBSCRIBE_PATH, noStore, async (req, res) => {
    const subs = await findSubscriptions(deps.db, idsOf(req, 'unsubscribe'));
    if (subs.length === 0)
      return page(res, 200, 'done', { title: 'Je bent afgemeld', message: 'Je krijgt over deze reacties geen e-mail meer.' });
    page(res, 200, 'unsubscribe', { title: 'Afmelden', subs, action: `${UNSUBSCRIBE_PATH}?${query(req)}` });
  });

  router.post(UNSUBSCRIBE_PATH, noStore, async (req, res) => {
    await deleteSubscriptions(deps.db, idsOf(req, 'unsubscribe'));
    page(res, 200, 'done', { title: 'Je bent afgemeld', message: 'Je krijgt over deze reacties geen e-mail meer.' });
  });

  return router;
}
