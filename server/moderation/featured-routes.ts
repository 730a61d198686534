// "Uitlichten": an editor or moderator features a reactie from the article page (a small form under
// each reactie, for them only), or stops featuring it. Back to the reactie with a message; the
// decision goes in the audit log (who) and the public moderation log (that it happened).
import { Router, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { articlePath, findArticleById } from '../articles/queries';
import { setFeatured } from '../reacties/thread/featured';
import { findReactie, threadPageOf } from '../reacties/queries';
import { parseId } from '../shared/validation';

const GONE = 'Deze reactie staat niet (meer) op de pagina: alleen een goedgekeurde reactie kan worden uitgelicht.';

export function featuredRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('featuring')];

  for (const [path, on] of [
    ['uitlichten', true],
    ['niet-uitlichten', false],
  ] as const) {
    router.post(`/beheer/reacties/:id/${path}`, ...guard, async (req, res) => {
      const id = parseId(String(req.params.id));
      const reactie = id === null ? null : await findReactie(deps.db, id);
      const article = reactie ? await findArticleById(deps.db, reactie.articleId) : null;
      if (!reactie || !article) throw notFound(GONE);
      const outcome = await setFeatured(deps.db, reactie.id, on, deps.clock());
      if (outcome === 'gone') throw notFound(GONE);
      if (outcome !== 'unchanged')
        await audit(deps.db, currentActor(res), on ? 'reactie.feature' : 'reactie.unfeature', { type: 'reactie', id: reactie.id });
      req.session.flash = on
        ? 'De reactie is uitgelicht: hij staat nu boven de discussie en op de voorpagina.'
        : 'De reactie is niet meer uitgelicht.';
      res.redirect(303, `${articlePath(article)}?reacties=${await threadPageOf(deps.db, reactie.id)}#reactie-${reactie.id}`);
    });
  }

  return router;
}
