// Autodiscovery: the feeds a page offers besides the site's own two (articles and reacties, which
// views/partials/head-meta.ejs links on every page), as res.locals.feedLinks: an article page its
// reacties, a dossier page its articles, /documenten (filtered by type) that type's documents.
// An error page shows none of these.
import { Router, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { articleAtPermalink } from '../articles/permalink';
import { ARTICLE_KINDS, articlePath, isPublic } from '../articles/queries';
import { isDocumentType } from '../documents/types';

export interface FeedLink {
  title: string;
  /** Absolute URL. */
  href: string;
  type: 'application/rss+xml';
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      feedLinks?: FeedLink[];
    }
  }
}

export function feedLinks(deps: Deps): Router {
  const base = deps.config.baseUrl;
  const link = (title: string, path: string): FeedLink => ({ title, href: `${base}${path}`, type: 'application/rss+xml' });
  const router = Router();

  router.use((_req, res, next) => {
    res.locals.feedLinks = [];
    next();
  });

  // The reactie form posted back with an error renders the article page too.
  const article: RequestHandler = async (req, res, next) => {
    const found = await articleAtPermalink(deps.db, req, res);
    if (found && isPublic(found, deps.clock()))
      res.locals.feedLinks!.push(link(`Reacties op “${found.title}”`, `${articlePath(found)}/feed`));
    next();
  };
  router.get('/:year/:month/:slug', article);
  router.post('/:year/:month/:slug/reacties', article);

  // No lookup: a dossier that does not exist gets the error page, which shows no page-specific links.
  router.get('/dossiers/:slug', (req, res, next) => {
    res.locals.feedLinks!.push(link('Artikelen in dit dossier', `/dossiers/${encodeURIComponent(String(req.params.slug))}/feed`));
    next();
  });

  router.get('/moderatie', (_req, res, next) => {
    res.locals.feedLinks!.push(link('Moderatielogboek', '/moderatie/feed'));
    next();
  });

  router.get('/documenten', (req, res, next) => {
    const soort = req.query.soort;
    if (isDocumentType(soort) && soort !== 'nieuws')
      res.locals.feedLinks!.push(link(`Raadsdocumenten: ${ARTICLE_KINDS[soort]}`, `/documenten/${soort}/feed`));
    else res.locals.feedLinks!.push(link('Raadsdocumenten', '/documenten/feed'));
    next();
  });

  return router;
}
