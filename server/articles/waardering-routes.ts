// "Waarderen" under a reactie: POST /reactie/:id/waarderen, for anyone, without an account. The
// button says what it asks (actie=waarderen or intrekken), so a double click or a resent form
// counts once; pressing it again takes the appreciation back. Without JavaScript the reader comes
// back to the reactie on the article page; with it (Accept: application/json, public/js/site.js)
// the answer is the new count. Protected like the other public forms: the page's signed form
// token (one per page, article-page.ts), the same-origin check of app.ts, and a rate limit per
// reader that counts appreciations given or taken back, not clicks that changed nothing.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { noStore } from '../http/cache';
import { HttpError, notFound } from '../http/errors';
import { limiter, refundRateLimits } from '../http/rate-limit';
import { readerAddress } from '../http/reader-address';
import { placedReactieIds } from '../reacties/own-cookie';
import { findReactie, threadPageOf } from '../reacties/queries';
import {
  clickReader,
  isWaarderingAction,
  setWaardering,
  waarderingenLabel,
  waarderingFormPurpose,
  type WaarderingOutcome,
} from '../reacties/thread/waardering';
import { field, parseId } from '../shared/validation';
import { articlePath, findArticleById, isPublic } from './queries';

const GONE = 'Deze reactie staat niet (meer) op de pagina. Misschien heeft de moderatie hem weggehaald of de schrijver hem ingetrokken.';
const OWN = 'Je kunt je eigen reactie niet waarderen.';
const FORGED = 'Dit formulier is ongeldig. Laad de pagina opnieuw en probeer het nog eens.';
const STALE = 'Deze pagina stond te lang open. Laad de pagina opnieuw en probeer het nog eens.';

/** What the page's status line says after a click (read by screen readers). */
function message(outcome: WaarderingOutcome, active: boolean, count: number): string {
  const now = count === 0 ? 'Nog geen waarderingen.' : `Nu ${waarderingenLabel(count)}.`;
  if (outcome === 'removed') return `Je waardering is ingetrokken. ${now}`;
  if (outcome === 'added') return `Je waardering is gegeven. ${now}`;
  return active ? `Je had deze reactie al gewaardeerd. ${now}` : `Je had deze reactie niet gewaardeerd. ${now}`;
}

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

export function waarderingRoutes(deps: Deps): Router {
  const router = Router();
  const secret = deps.config.sessionSecret;

  const perReader = limiter({ db: deps.db, secret }, 'waardering-reader', deps.config.rateLimits.waarderingenPerReader, {
    key: ({ ip }) => readerAddress(ip ?? ''),
    // Only an appreciation given or taken back counts: a resent form changed nothing (refunded below).
    onlySuccesses: true,
    // The error page (or, asked by the script, JSON) with the message; nothing the reader typed to keep.
    onLimit: (_req, _res, minutes) => {
      const wait = minutes === 1 ? 'een minuut' : `${minutes} minuten`;
      return Promise.reject(new HttpError(429, `Je hebt in korte tijd veel reacties gewaardeerd. Probeer het over ${wait} opnieuw.`));
    },
  });

  router.post('/reactie/:id/waarderen', noStore, perReader, async (req: Request, res: Response) => {
    const id = parseId(String(req.params.id));
    const reactie = id === null ? null : await findReactie(deps.db, id);
    const article = reactie ? await findArticleById(deps.db, reactie.articleId) : null;
    if (!reactie || reactie.status !== 'approved' || !article || !isPublic(article, deps.clock())) throw notFound(GONE);
    const token = deps.formTokens.check(waarderingFormPurpose(article), field(req.body, '_token'), deps.clock().getTime());
    if (!token.ok) throw token.reason === 'expired' ? new HttpError(422, STALE) : new HttpError(403, FORGED);
    const action = field(req.body, 'actie');
    if (!isWaarderingAction(action)) throw new HttpError(400, 'Kies of je deze reactie wilt waarderen of je waardering wilt intrekken.');
    if (placedReactieIds(req, secret).includes(reactie.id)) throw new HttpError(403, OWN);
    const reader = clickReader(req, res, secret, { secure: deps.config.env === 'production', days: deps.config.ipRetentionDays });
    const result = await setWaardering(deps.db, { reactieId: reactie.id, reader, action }, deps.clock());
    if (result.outcome === 'gone') throw notFound(GONE);
    if (result.outcome !== 'added' && result.outcome !== 'removed') await refundRateLimits(res);
    if (wantsJson(req))
      return void res.json({
        count: result.count,
        label: result.count > 0 ? waarderingenLabel(result.count) : '',
        active: result.active,
        message: message(result.outcome, result.active, result.count),
      });
    res.redirect(303, `${articlePath(article)}?reacties=${await threadPageOf(deps.db, reactie.id)}#reactie-${reactie.id}`);
  });

  return router;
}
