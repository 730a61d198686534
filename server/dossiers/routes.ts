// Public dossier pages (/dossiers, /dossiers/:slug), and the dossiers an article is in for its page.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { setCanonicalQuery } from '../http/canonical';
import { articlePageLocals } from '../http/deferred-locals';
import { notFound } from '../http/errors';
import { parseId } from '../shared/validation';
import { ARTICLE_KINDS, articlePath } from '../articles/queries';
import { articleAtPermalink } from '../articles/permalink';
import { dossiersOfArticle, findDossierBySlug, listDossiersForReaders, publicArticlesOfDossier } from './queries';

// As the voorpagina: ten items fit a phone screen's scroll.
const ARTICLES_PER_PAGE = 10;

const dossierPath = (d: { slug: string }): string => `/dossiers/${d.slug}`;

export function dossierRoutes(deps: Deps): Router {
  const router = Router();

  router.get('/dossiers', publicCache, async (_req, res) => {
    const rows = await listDossiersForReaders(deps.db, deps.clock());
    res.render('dossiers/index', {
      title: 'Dossiers',
      items: rows.map(({ dossier, articleCount }) => ({ dossier, articleCount, path: dossierPath(dossier) })),
    });
  });

  router.get('/dossiers/:slug', publicCache, async (req, res) => {
    const dossier = await findDossierBySlug(deps.db, String(req.params.slug));
    if (!dossier) throw notFound('Dit dossier bestaat niet (meer).');
    const page = parseId(typeof req.query.pagina === 'string' ? req.query.pagina : '1');
    if (page === null) throw notFound('Deze pagina van het dossier bestaat niet.');
    const { articles, total } = await publicArticlesOfDossier(deps.db, dossier.id, deps.clock(), page, ARTICLES_PER_PAGE);
    const pages = Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE));
    if (page > pages) throw notFound('Deze pagina van het dossier bestaat niet.');
    setCanonicalQuery(res, { pagina: page });
    res.render('dossiers/dossier', {
      title: page > 1 ? `${dossier.title}, pagina ${page}` : dossier.title,
      description: dossier.introMarkdown.slice(0, 200) || undefined,
      dossier,
      path: dossierPath(dossier),
      total,
      items: articles.map((a) => ({ article: a, path: articlePath(a), kindLabel: ARTICLE_KINDS[a.kind] ?? a.kind })),
      page,
      pages,
    });
  });

  return router;
}

/**
 * For an article's page: the dossiers it is in, as res.locals.dossiers ([{ title, path }]), which
 * views/articles/article.ejs shows when present. articles/ renders the page and may not know about
 * dossiers, so this runs just before articleRoutes for the same URLs (the page itself, and the reactie
 * form posted back with an error), and leaves the answer to the article route: it never ends a request.
 */
export function articleDossiers(deps: Deps): Router {
  const load = async (req: Request, res: Response) => {
    const article = await articleAtPermalink(deps.db, req, res);
    if (article) {
      const dossiers = await dossiersOfArticle(deps.db, article.id);
      res.locals.dossiers = dossiers.map((d) => ({ title: d.title, path: dossierPath(d) }));
    }
  };
  const lookUp = articlePageLocals(load);
  const router = Router();
  router.get('/:year/:month/:slug', lookUp);
  router.post('/:year/:month/:slug/reacties', lookUp);
  return router;
}
