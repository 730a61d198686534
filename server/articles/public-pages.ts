// The page cache's lookup for the pages most readers open: the voorpagina and article pages, for
// readers without a cookie (no session, no remembered details: everyone gets the same page).
// Mounted before the session and the other features' middleware, so a hit costs one indexed read
// of a version and nothing else. On a miss the request goes on as usual, with a slot set, and the
// route's sendHtml keeps what it rendered.
//
// What the versions cover (and every kept page shows the tagline of the layout, so it is in them too): the site version moves with every change the voorpagina shows (articles,
// counts); an article's version with every change to its reacties (lockArticle), to the article
// itself, its dossiers and its attachments (touchArticles). Both live in the database, so a change
// on one app server shows on every other at once.
import { Router, type Request } from 'express';
import type { Deps } from '../deps';
import { PageCache } from '../http/page-cache';
import { siteVersion } from '../reacties/counters';
import { taglineVersion } from '../tagline/state';
import { Coalescer } from '../shared/coalesce';
import { parseId } from '../shared/validation';
import { isPermalink, readReactiePage } from './permalink';
import { articlePath, findArticleBySlug, isPublic, type Article } from './queries';

/** Same page for everyone: no cookie means no session, no flash, no remembered details. */
function anonymous(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !req.headers.cookie;
}

export function publicPageCache(deps: Deps): Router {
  const cache = new PageCache({
    maxBytes: deps.config.pageCacheBytes,
    // The reactie form's token: signed per response, with the moment the form was shown.
    fillHole: (purpose) => deps.formTokens.issue(purpose, deps.clock().getTime()),
  });
  const lookup = Router();
  if (!cache.enabled) return lookup;
  // Under load, readers share the reads of versions and articles (each still sees every change
  // committed before it arrived): the reads, not the bytes, were what a hit cost.
  const versions = new Coalescer<number>();
  const articles = new Coalescer<Article | null>();

  lookup.get('/', async (req, res, next) => {
    const page = typeof req.query.pagina === 'string' ? parseId(req.query.pagina) : req.query.pagina === undefined ? 1 : null;
    if (!anonymous(req) || page === null) return next();
    const key = `voorpagina:${page}`;
    const version = `site:${await versions.read('site', () => siteVersion(deps.db))}:${taglineVersion(deps.db)}`;
    const hit = cache.get(key, version, deps.clock().getTime());
    if (hit) return cache.send(req, res, hit);
    res.locals.pageCacheSlot = { cache, key, version };
    next();
  });

  lookup.get('/:year/:month/:slug', async (req, res, next) => {
    const page = readReactiePage(req.query.reacties);
    // ?reactie=ID opens the folded branch that holds it (a permalink deep in a thread): rendered fresh.
    const fresh = req.query.antwoord !== undefined || req.query.reactie !== undefined;
    if (!anonymous(req) || !isPermalink(req.params) || fresh || page === null) return next();
    const slug = String(req.params.slug);
    // Shared between the readers of this moment: the rest of the request only reads it.
    const article = await articles.read(slug, () => findArticleBySlug(deps.db, slug));
    res.locals.permalinkArticle = article;
    if (!article || !isPublic(article, deps.clock()) || articlePath(article) !== req.path) return next();
    const key = `artikel:${article.id}:${page ?? 'nieuwste'}`;
    const version = `artikel:${article.version}:${article.updatedAt.getTime()}:${taglineVersion(deps.db)}`;
    const hit = cache.get(key, version, deps.clock().getTime());
    if (hit) return cache.send(req, res, hit);
    res.locals.pageCacheSlot = { cache, key, version };
    next();
  });

  return lookup;
}
