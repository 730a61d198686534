// /zoeken: search articles, council documents (their fields too) and approved reacties.
// An empty or odd query gets a page with tips, a page past the end a link back: never an error.
// Result pages carry <meta name="robots" content="noindex">.
import { Router } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { setCanonicalQuery } from '../http/canonical';
import { parseId } from '../shared/validation';
import { ARTICLE_KINDS, articlePath } from '../articles/queries';
import { parseQuery } from './query';
import { RESULTS_PER_PAGE, searchIndexFor, type SearchHit } from './search-index';

// Deeper than anyone reads; keeps the offset a database skips bounded.
const MAX_PAGE = 100;

function kindLabel(hit: SearchHit): string {
  if (hit.kind === 'reactie') return 'Reactie';
  if (hit.articleKind === 'nieuws') return 'Artikel';
  return ARTICLE_KINDS[hit.articleKind as keyof typeof ARTICLE_KINDS] ?? 'Artikel';
}

function hitPath(hit: SearchHit): string {
  if (hit.kind === 'reactie') return `/reactie/${hit.refId}`;
  return articlePath({ slug: hit.articleSlug, publishedAt: hit.articlePublishedAt, createdAt: hit.articleCreatedAt });
}

export function searchRoutes(deps: Deps): Router {
  const router = Router();
  const index = searchIndexFor(deps.db);

  router.get('/zoeken', publicCache, async (req, res) => {
    const query = parseQuery(req.query.q);
    const page = Math.min(parseId(typeof req.query.pagina === 'string' ? req.query.pagina : '1') ?? 1, MAX_PAGE);
    const typed = query.input.trim() !== '';
    const { total, hits } = query.terms.length ? await index.search(query, page, deps.clock()) : { total: 0, hits: [] };
    const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / RESULTS_PER_PAGE)));
    const base = `/zoeken?q=${encodeURIComponent(query.input)}`;
    setCanonicalQuery(res, { q: query.input, pagina: page });
    res.render('search/results', {
      // Result pages are endless and say nothing of their own: search engines follow, not keep, them.
      noindex: true,
      title: typed ? `Zoeken: ${query.input.trim()}` : 'Zoeken',
      q: query.input,
      typed,
      searchable: query.terms.length > 0,
      total,
      page,
      pages,
      firstNumber: (page - 1) * RESULTS_PER_PAGE + 1,
      href: (n: number) => (n === 1 ? base : `${base}&pagina=${n}`),
      items: hits.map((hit) => ({ hit, label: kindLabel(hit), path: hitPath(hit) })),
    });
  });

  return router;
}
