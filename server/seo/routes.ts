// /sitemap.xml (or its index and parts) and /robots.txt.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { answeredNotModified } from '../http/conditional';
import { notFound } from '../http/errors';
import { URLS_PER_SITEMAP } from './sitemap';
import { SitemapCache, type SitemapFile } from './sitemap-cache';

const XML = 'application/xml; charset=utf-8';

/** Sends a kept file: 304 when the crawler has it, gzip when it takes gzip. */
function sendFile(req: Request, res: Response, file: SitemapFile): void {
  res.vary('Accept-Encoding');
  if (answeredNotModified(req, res, file.version, file.lastChange)) return;
  res.type(XML);
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.set('Content-Encoding', 'gzip');
    res.send(file.gzip);
  } else res.send(file.body);
}

/** `urlsPerFile` is only lowered by the tests, to see the split without 50.000 rows. */
export function seoRoutes(deps: Deps, { urlsPerFile = URLS_PER_SITEMAP } = {}): Router {
  const router = Router();
  const sitemap = new SitemapCache(deps, urlsPerFile);

  router.get('/robots.txt', publicCache, (_req, res) => {
    res
      .type('text/plain; charset=utf-8')
      .send(['User-agent: *', 'Disallow: /beheer', '', `Sitemap: ${deps.config.baseUrl}/sitemap.xml`, ''].join('\n'));
  });

  router.get('/sitemap.xml', publicCache, async (req, res) => {
    const file = await sitemap.file(0);
    if (!file) throw notFound('De sitemap bestaat niet.');
    sendFile(req, res, file);
  });

  router.get('/sitemap-:file.xml', publicCache, async (req, res) => {
    const n = /^[1-9]\d{0,5}$/.test(String(req.params.file)) ? Number(req.params.file) : 0;
    const file = n > 0 ? await sitemap.file(n) : null;
    if (!file) throw notFound('Dit deel van de sitemap bestaat niet.');
    sendFile(req, res, file);
  });

  return router;
}
