// The article a permalink (/YYYY/MM/slug, and its /reacties) names, read once per request: the
// article page, and the features that add to it (attachments, dossiers) from their own middleware,
// all ask here, so one request does one lookup. A malformed year or month names no article.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { readsOf, type Db } from '../db/knex';
import { parseId } from '../shared/validation';
import { findArticleBySlug, type Article } from './queries';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The article of this request's permalink once looked up (null: none), see articleAtPermalink. */
      permalinkArticle?: Article | null;
    }
  }
}

export function isPermalink(params: Record<string, string>): boolean {
  return /^\d{4}$/.test(params.year ?? '') && /^\d{2}$/.test(params.month ?? '');
}

/**
 * Middleware that runs `handler` for the requests of an article page only: GET, HEAD or POST (a reactie,
 * sent back with its error) of a permalink and of its /reacties. Every other request passes by. The
 * features that add to the article page (attachments, live updates) mount their locals through it.
 */
export function forArticlePages(handler: (req: Request, res: Response, next: NextFunction) => unknown): Router {
  const router = Router();
  router.use('/:year/:month/:slug', async (req, res, next) => {
    if (!isPermalink(req.params) || (req.path !== '/' && req.path !== '/reacties')) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return next();
    await handler(req, res, next);
  });
  return router;
}

export async function articleAtPermalink(db: Db, req: Request, res: Response): Promise<Article | null> {
  if (res.locals.permalinkArticle !== undefined) return res.locals.permalinkArticle;
  const params = req.params as Record<string, string>;
  const article = isPermalink(params) ? await findArticleBySlug(readsOf(db), params.slug) : null;
  res.locals.permalinkArticle = article;
  return article;
}

/** ?reacties=N, the page of an article's discussion: undefined when absent, null when it is not a page number. */
export function readReactiePage(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? parseId(value) : null;
}
