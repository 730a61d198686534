// /sitemap.xml (or its index and parts) and /robots.txt.
import { Router } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { notFound } from '../http/errors';
import { sitemapIndex, sitemapPlan, urlSet, URLS_PER_SITEMAP } from './sitemap';

const XML = 'application/xml; charset=utf-8';

/** `urlsPerFile` is only lowered by the tests, to see the split without 50.000 rows. */
export function seoRoutes(deps: Deps, { urlsPerFile = URLS_PER_SITEMAP } = {}): Router {
  const router = Router();

  router.get('/robots.txt', publicCache, (_req, res) => {
    res
      .type('text/plain; charset=utf-8')
      .send(['User-agent: *', 'Disallow: /beheer', '', `Sitemap: ${deps.config.baseUrl}/sitemap.xml`, ''].join('\n'));
  });

  router.get('/sitemap.xml', publicCache, async (_req, res) => {
    const plan = await sitemapPlan(deps, urlsPerFile);
    res.type(XML).send(plan.files > 1 ? sitemapIndex(deps, plan.files) : await urlSet(deps, 1, urlsPerFile));
  });

  router.get('/sitemap-:file.xml', publicCache, async (req, res) => {
    const file = /^[1-9]\d{0,5}$/.test(String(req.params.file)) ? Number(req.params.file) : 0;
    const plan = await sitemapPlan(deps, urlsPerFile);
    if (file < 1 || file > plan.files || plan.files === 1) throw notFound('Dit deel van de sitemap bestaat niet.');
    res.type(XML).send(await urlSet(deps, file, urlsPerFile));
  });

  return router;
}
