// Posting a reactie under an article: POST, then a redirect to the reactie's anchor on the article
// page, or the page again with the form, its text kept and a Dutch message.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { notFound } from '../http/errors';
import { limiter, refundRateLimits } from '../http/rate-limit';
import { rateLimitedPage, submitReactie, type AfterPost } from '../reacties/posting/submit';
import { officialRoles, staffOf } from '../reacties/posting/official';
import { keptSettings } from '../settings/settings';
import { renderArticlePage } from './article-page';
import { withOpenness } from './closing';
import { articlePath, isPublic, type Article } from './queries';
import { articleAtPermalink } from './permalink';

/** afterPost: what happens once a reactie is stored with an e-mail box ticked (app.ts gives notifications/'). */
export function reactieRoutes(deps: Deps, afterPost?: AfterPost): Router {
  const router = Router();

  async function publicArticle(req: Request, res: Response): Promise<Article> {
    const article = await articleAtPermalink(deps.db, req, res);
    if (!article || !isPublic(article, deps.clock()))
      throw notFound('Dit artikel bestaat niet (meer); je reactie kon niet worden geplaatst.');
    return article;
  }

  /** The article with reactiesOpen as it is now (closed by time, closing.ts), and who may react officially. */
  async function postTarget(req: Request, res: Response) {
    const stored = await publicArticle(req, res);
    // As every post reads them: kept for a moment per process (settings.ts), not read per post.
    const settings = await keptSettings(deps.db);
    const article = withOpenness(stored, settings, deps.clock());
    return { stored, article, official: { staff: staffOf(res), roles: officialRoles(settings) } };
  }

  // Counts stored reacties only: a form sent back with an error does not use up the limit.
  const perIp = limiter({ db: deps.db, secret: deps.config.sessionSecret }, 'reactie-ip', deps.config.rateLimits.reactiesPerIp, {
    onlySuccesses: true,
    onLimit: async (req, res, minutes) => {
      const article = await publicArticle(req, res);
      await renderArticlePage(deps, req, res, article, rateLimitedPage(deps, req, article, minutes));
    },
  });

  router.post('/:year/:month/:slug/reacties', perIp, async (req, res) => {
    const { stored, article, official } = await postTarget(req, res);
    const path = articlePath(article);
    const target = { ...article, permalink: `${deps.config.baseUrl}${path}` };
    const result = await submitReactie(deps, req, res, target, afterPost, official);
    // ?bevestigingsmail=ID: the page says under the resident's own new reactie that no confirmation mail was sent now.
    const mail = result.posted && result.confirmationAlreadySent ? `&bevestigingsmail=${result.id}` : '';
    if (result.posted) return res.redirect(303, `${path}?reacties=${result.page}${mail}#reactie-${result.id}`);
    // Sent back with an error: no reactie, so not counted (given back before the resident sees the form).
    await refundRateLimits(res);
    await renderArticlePage(deps, req, res, stored, result.page);
  });

  return router;
}
