// Public pages: /over-deze-weblog and /privacy.
import { Router } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { getPage, isPageSlug } from './queries';
import { getSpamSettings } from '../spam/settings';

export function pageRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/:slug', publicCache, async (req, res, next) => {
    const slug = String(req.params.slug);
    if (!isPageSlug(slug)) return next();
    const page = await getPage(deps.db, slug);
    // The privacy page states the facts as configured, whatever the editors wrote above them.
    const privacyFacts =
      slug === 'privacy'
        ? {
            ipRetentionDays: deps.config.ipRetentionDays,
            akismet: deps.config.akismet !== null,
            spamRetentionDays: (await getSpamSettings(deps.db)).spamRetentionDays,
          }
        : null;
    res.render('pages/page', { title: page.title, page, privacyFacts });
  });
  return router;
}
