// The page cache for the pages most readers open: the voorpagina and article pages, for readers
// without a cookie (no session, no remembered details: everyone gets the same page).
//
// Two ways in, sharing one cache:
// - `front`, a plain node:http handler in front of Express (createServer in app.ts). It answers a
//   request for a URL the app has kept a page for, with the headers the app sent with it, and
//   hands everything else to Express. A hit costs the version check and a copy to the socket.
// - `lookup`, the Express middleware, mounted before the session and the other features'
//   middleware: the same check for what the front did not answer (a first visit, a test on the
//   bare app). On a miss the request goes on as usual, with a slot set, and the route's sendHtml
//   keeps what it rendered; once it is kept, the front learns which URL that page answers.
//
// What the versions cover (and every kept page shows the tagline of the layout, so it is in them
// too): the site version moves with every change the voorpagina shows (articles, counts); an
// article's version with every change to its reacties (lockArticle), to the article itself, its
// dossiers and its attachments (touchArticles). Both live in the database. An article's is read for
// every request (readers of the same moment share a read; see shared/coalesce), so a change on one app
// server shows on every other at once. The site version is too on SQLite; on PostgreSQL each app server
// keeps it in memory, told of every change by the database at commit (reacties/site-version.ts), so a
// change shows on every server as soon as the notification is in (a millisecond or so).
//
// What the keys cover: the voorpagina's page number, an article and its page of reacties. A page is
// kept only from a request whose query is exactly its key's ("/", "/?pagina=2", "…?reacties=3"; see
// PageCacheSlot.query), so nothing else a request carries can end up in the page every reader gets.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Router } from 'express';
import type { Deps } from '../deps';
import { readsOf } from '../db/knex';
import { PageCache } from '../http/page-cache';
import { SiteVersionWatch } from '../reacties/site-version';
import { taglineVersion } from '../tagline/state';
import { Coalescer } from '../shared/coalesce';
import { parseId } from '../shared/validation';
import { isPermalink, readReactiePage } from './permalink';
import { articlePath, findArticleBySlug, isPublic, type Article } from './queries';

// URLs the front knows a page for; a bound, since anyone can make up query strings.
const MAX_FRONT_URLS = 2000;

/** Same page for everyone: no cookie means no session, no flash, no remembered details. */
function anonymous(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !req.headers.cookie;
}

/** How the front finds a URL's page: its cache key and what its version is now (null: let the app answer). */
interface FrontRoute {
  key: string;
  /** The pattern of the route that kept the page, for the metrics. */
  pattern: string;
  version: () => Promise<string | null>;
}

export interface PublicPages {
  lookup: Router;
  /** Answers a kept page before Express, or calls `next` (the app). */
  front: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

export function publicPages(deps: Deps, onHit: (req: IncomingMessage, res: ServerResponse, route: string) => void = () => {}): PublicPages {
  const cache = new PageCache({
    maxBytes: deps.config.pageCacheBytes,
    // The reactie form's token: signed per response, with the moment the form was shown.
    fillHole: (purpose) => deps.formTokens.issue(purpose, deps.clock().getTime()),
  });
  const lookup = Router();
  if (!cache.enabled) return { lookup, front: (_req, _res, next) => next() };
  // Under load, readers share the reads of articles (each still sees every change committed before
  // it arrived): the reads, not the bytes, were what a hit cost.
  const articles = new Coalescer<Article | null>();
  const frontRoutes = new Map<string, FrontRoute>();
  // A hit's reads never wait behind posts' writes (db/knex.ts readsOf).
  const reads = readsOf(deps.db);
  // On PostgreSQL kept in memory, refreshed by the database's notifications: a voorpagina hit makes no round trip.
  const siteVersions = new SiteVersionWatch(reads, deps.config.databaseUrl, deps.logger);

  const voorpaginaVersion = async () => `site:${await siteVersions.read()}:${taglineVersion(deps.db)}`;
  const articleVersion = (article: Article) => `artikel:${article.version}:${article.updatedAt.getTime()}:${taglineVersion(deps.db)}`;
  const remember = (url: string, route: FrontRoute) => {
    if (frontRoutes.has(url)) return;
    if (frontRoutes.size >= MAX_FRONT_URLS) frontRoutes.delete(frontRoutes.keys().next().value!);
    frontRoutes.set(url, route);
  };

  lookup.get('/', async (req, res, next) => {
    const page = typeof req.query.pagina === 'string' ? parseId(req.query.pagina) : req.query.pagina === undefined ? 1 : null;
    if (!anonymous(req) || page === null) return next();
    const key = `voorpagina:${page}`;
    const version = await voorpaginaVersion();
    const hit = cache.get(key, version, deps.clock().getTime());
    // Any request of the key gets the kept page (?utm_source=… too); it is kept only from "/" or "/?pagina=N".
    if (hit) return cache.send(req, res, hit);
    const query = page === 1 ? '' : `pagina=${page}`;
    const url = req.originalUrl;
    res.locals.pageCacheSlot = {
      cache,
      key,
      version,
      query,
      onKept: () => remember(url, { key, pattern: '/', version: voorpaginaVersion }),
    };
    next();
  });

  lookup.get('/:year/:month/:slug', async (req, res, next) => {
    const page = readReactiePage(req.query.reacties);
    // ?reactie=ID opens the folded branch that holds it (a permalink deep in a thread): rendered fresh.
    // ?volgorde= orders the threads otherwise, and keeps the choice in a cookie: rendered fresh too.
    const fresh = req.query.antwoord !== undefined || req.query.reactie !== undefined || req.query.volgorde !== undefined;
    if (!anonymous(req) || !isPermalink(req.params) || fresh || page === null) return next();
    const slug = String(req.params.slug);
    const path = req.path;
    // Shared between the readers of this moment: the rest of the request only reads it.
    const article = await articles.read(slug, () => findArticleBySlug(reads, slug));
    res.locals.permalinkArticle = article;
    if (!article || !isPublic(article, deps.clock()) || articlePath(article) !== path) return next();
    const key = `artikel:${article.id}:${page ?? 'nieuwste'}`;
    const hit = cache.get(key, articleVersion(article), deps.clock().getTime());
    if (hit) return cache.send(req, res, hit);
    // The front keeps up to MAX_FRONT_URLS of these: they hold the article's id, never the article
    // (its text, up to 200.000 characters of a council document, would be kept beside the page).
    const articleId = article.id;
    const route: FrontRoute = {
      key,
      pattern: '/:year/:month/:slug',
      // The same checks as above, on the article as it is now (unpublished, moved: the app answers).
      version: async () => {
        const now = await articles.read(slug, () => findArticleBySlug(reads, slug));
        return now && now.id === articleId && isPublic(now, deps.clock()) && articlePath(now) === path ? articleVersion(now) : null;
      },
    };
    const query = page === undefined ? '' : `reacties=${page}`;
    // Not `req` in the closure: through the route the front would keep the request, its response and what that holds.
    const url = req.originalUrl;
    res.locals.pageCacheSlot = { cache, key, version: articleVersion(article), query, onKept: () => remember(url, route) };
    next();
  });

  const front = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const route = anonymous(req) && req.url !== undefined ? frontRoutes.get(req.url) : undefined;
    if (!route) return next();
    route.version().then(
      (version) => {
        const hit = version === null ? undefined : cache.get(route.key, version, deps.clock().getTime());
        if (!hit) return next();
        onHit(req, res, route.pattern);
        cache.send(req, res, hit);
      },
      // A failed read is the app's to answer (its error page, its log).
      () => next(),
    );
  };

  return { lookup, front };
}
