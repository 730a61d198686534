// Public pages: /over-deze-weblog and /privacy.
import { Router } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { getPage, isPageSlug } from './queries';

export function pageRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/:slug', publicCache, async (req, res, next) => {
    const slug = String(req.params.slug);
    if (!isPageSlug(slug)) return next();
    const page = await getPage(deps.db, slug);
    res.render('pages/page', { title: page.title, page });
  });
  return router;
}
