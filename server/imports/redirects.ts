// Old WordPress addresses of imported articles answer with a 301 to the article's permalink here:
// /2015/05/27/slug/, /2015/05/slug/, /slug/, an attachment's page, and /?p=ID, /?page_id=ID,
// /?attachment_id=ID. Only for articles readers may see; anything else goes on to a 404.
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { articlePath, findArticleById, isPublic } from '../articles/queries';
import { importedId, redirectTarget } from './queries';

async function redirectTo(deps: Deps, res: Response, next: NextFunction, articleId: number | null): Promise<void> {
  const article = articleId === null ? null : await findArticleById(deps.db, articleId);
  if (!article || !isPublic(article, deps.clock())) return next();
  res.redirect(301, articlePath(article));
}

function queryId(req: Request, name: string): string | null {
  const v = req.query[name];
  return typeof v === 'string' && /^\d{1,18}$/.test(v) ? v : null;
}

/** /?p=ID and friends: mounted before the page cache, which would otherwise answer with the voorpagina. */
export function wordpressQueryRedirects(deps: Deps): Router {
  const router = Router();
  router.get('/', async (req, res, next) => {
    const post = queryId(req, 'p') ?? queryId(req, 'page_id');
    const attachment = queryId(req, 'attachment_id');
    if (post) return redirectTo(deps, res, next, await importedId(deps.db, 'post', post));
    if (attachment) return redirectTo(deps, res, next, await redirectTarget(deps.db, `/?attachment_id=${attachment}`));
    next();
  });
  return router;
}

/** Every other old path: mounted after all routes, just before the 404. */
export function wordpressRedirects(deps: Deps): Router {
  const router = Router();
  router.get('/{*path}', async (req, res, next) => redirectTo(deps, res, next, await redirectTarget(deps.db, req.path)));
  return router;
}
