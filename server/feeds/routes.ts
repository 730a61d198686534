// The feeds, each as RSS 2.0 at …/feed and as Atom at …/feed/atom (the addresses WordPress uses):
//   /feed                      the articles            /reacties/feed          all visible reacties
//   /YYYY/MM/slug/feed         one article's reacties  /documenten/feed        all council documents
//   /documenten/:soort/feed    one document type       /dossiers/:slug/feed    one dossier's articles
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { answeredNotModified } from '../http/conditional';
import { notFound } from '../http/errors';
import { articleAtPermalink } from '../articles/permalink';
import { ARTICLE_KINDS, articlePath, isPublic } from '../articles/queries';
import { findDossierBySlug, publicArticlesOfDossier } from '../dossiers/queries';
import { isDocumentType } from '../documents/types';
import { FEED_CONTENT_TYPES, feedUpdated, writeFeed, type Feed } from './format';
import { articleListFeed, articlesFeed, FEED_ITEMS, moderationLogFeed, reactiesFeed } from './sources';

/** Both addresses of a feed: RSS at the path, Atom under /atom. */
const both = (path: string): string[] => [path, `${path}/atom`];

function send(deps: Deps, req: Request, res: Response, feed: Feed): void {
  const format = req.path.endsWith('/atom') ? 'atom' : 'rss';
  // The feed's whole content is its version: an edited reactie or a new answer changes it too.
  if (answeredNotModified(req, res, `${format}\n${JSON.stringify(feed)}`, feedUpdated(feed))) return;
  res.type(FEED_CONTENT_TYPES[format]).send(writeFeed(feed, format, deps.config.siteName));
}

export function feedRoutes(deps: Deps): Router {
  const router = Router();
  const site = deps.config.siteName;

  router.get(both('/feed'), publicCache, async (req, res) => {
    const h = { title: site, description: deps.config.siteTagline, pagePath: '/', feedPath: '/feed' };
    send(deps, req, res, await articlesFeed(deps, {}, h));
  });

  router.get(both('/reacties/feed'), publicCache, async (req, res) => {
    const h = { title: `Reacties · ${site}`, description: `De nieuwste reacties op ${site}`, pagePath: '/', feedPath: '/reacties/feed' };
    send(deps, req, res, await reactiesFeed(deps, null, h));
  });

  router.get(both('/moderatie/feed'), publicCache, async (req, res) => {
    const h = {
      title: `Moderatielogboek · ${site}`,
      description: 'De besluiten van de moderatie over reacties die op de weblog stonden',
      pagePath: '/moderatie',
      feedPath: '/moderatie/feed',
    };
    send(deps, req, res, await moderationLogFeed(deps, h));
  });

  router.get(both('/:year/:month/:slug/feed'), publicCache, async (req, res) => {
    const article = await articleAtPermalink(deps.db, req, res);
    if (!article || !isPublic(article, deps.clock())) throw notFound('Dit artikel bestaat niet (meer), of is nog niet gepubliceerd.');
    const path = articlePath(article);
    const { year, month, slug } = req.params as Record<string, string>;
    if (path !== `/${year}/${month}/${slug}`) return res.redirect(301, `${path}/feed${req.path.endsWith('/atom') ? '/atom' : ''}`);
    const h = {
      title: `Reacties op “${article.title}” · ${site}`,
      description: `De reacties op “${article.title}”`,
      pagePath: path,
      feedPath: `${path}/feed`,
    };
    send(deps, req, res, await reactiesFeed(deps, article, h));
  });

  router.get(both('/documenten/feed'), publicCache, async (req, res) => {
    const h = {
      title: `Raadsdocumenten · ${site}`,
      description: 'De nieuwste raadsdocumenten',
      pagePath: '/documenten',
      feedPath: '/documenten/feed',
    };
    send(deps, req, res, await articlesFeed(deps, { documents: true }, h));
  });

  router.get(both('/documenten/:soort/feed'), publicCache, async (req, res) => {
    const kind = String(req.params.soort);
    if (!isDocumentType(kind) || kind === 'nieuws') throw notFound('Deze soort raadsdocument bestaat niet.');
    const h = {
      title: `${ARTICLE_KINDS[kind]} · Raadsdocumenten · ${site}`,
      description: `De nieuwste raadsdocumenten van de soort ${ARTICLE_KINDS[kind]}`,
      pagePath: `/documenten?soort=${encodeURIComponent(kind)}`,
      feedPath: `/documenten/${kind}/feed`,
    };
    send(deps, req, res, await articlesFeed(deps, { kind }, h));
  });

  router.get(both('/dossiers/:slug/feed'), publicCache, async (req, res) => {
    const dossier = await findDossierBySlug(deps.db, String(req.params.slug));
    if (!dossier) throw notFound('Dit dossier bestaat niet (meer).');
    const { articles } = await publicArticlesOfDossier(deps.db, dossier.id, deps.clock(), 1, FEED_ITEMS);
    const path = `/dossiers/${dossier.slug}`;
    const h = {
      title: `Dossier ${dossier.title} · ${site}`,
      description: `De artikelen in het dossier ${dossier.title}`,
      pagePath: path,
      feedPath: `${path}/feed`,
    };
    send(deps, req, res, await articleListFeed(deps, articles, h));
  });

  return router;
}
