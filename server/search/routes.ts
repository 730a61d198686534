// /zoeken: search articles, council documents (their fields too) and approved reacties, with the
// Dutch analyser (stems, compound parts), the editors' abbreviations and synonyms, filters by type
// and year, and "Bedoelde je …?" when nothing is found. An empty or odd query gets a page with tips,
// a page past the end a link back: never an error. Result pages carry <meta name="robots" content="noindex">.
import { Router } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { setCanonicalQuery } from '../http/canonical';
import { amsterdamParts } from '../shared/format';
import { parseId } from '../shared/validation';
import { ARTICLE_KINDS, articlePath } from '../articles/queries';
import { dutchAnalyser } from './analyser/lexicon';
import { RESULTS_PER_PAGE, type SearchFilters, type SearchHit } from './search-index';
import { siteSearch } from './site-search';
import { markMatches, snippetHtml } from './snippet';

// Deeper than anyone reads; keeps the offset a database skips bounded.
const MAX_PAGE = 100;
const FIRST_YEAR = 1990;

function kindLabel(hit: SearchHit): string {
  if (hit.kind === 'reactie') return 'Reactie';
  if (hit.articleKind === 'nieuws') return 'Artikel';
  return ARTICLE_KINDS[hit.articleKind as keyof typeof ARTICLE_KINDS] ?? 'Artikel';
}

function hitPath(hit: SearchHit): string {
  if (hit.kind === 'reactie') return `/reactie/${hit.refId}`;
  return articlePath({ slug: hit.articleSlug, publishedAt: hit.articlePublishedAt, createdAt: hit.articleCreatedAt });
}

/** The kinds a resident can filter on, as the select shows them. */
const KIND_OPTIONS: Array<{ value: string; label: string }> = [
  ...Object.entries(ARTICLE_KINDS).map(([value, label]) => ({ value, label: value === 'nieuws' ? 'Artikelen' : label })),
  { value: 'reactie', label: 'Reacties' },
];

function readFilters(query: Record<string, unknown>, now: Date): SearchFilters {
  const kind = typeof query.soort === 'string' && KIND_OPTIONS.some((o) => o.value === query.soort) ? query.soort : null;
  const year = typeof query.jaar === 'string' && /^\d{4}$/.test(query.jaar) ? Number(query.jaar) : null;
  return { kind, year: year !== null && year >= FIRST_YEAR && year <= now.getUTCFullYear() + 1 ? year : null };
}

export function searchRoutes(deps: Deps): Router {
  const router = Router();
  const search = siteSearch(deps.db);

  router.get('/zoeken', publicCache, async (req, res) => {
    const now = deps.clock();
    const filters = readFilters(req.query, now);
    const page = Math.min(parseId(typeof req.query.pagina === 'string' ? req.query.pagina : '1') ?? 1, MAX_PAGE);
    const found = await search(req.query.q, filters, page, now);
    const { query, total, corrected } = found;
    const typed = query.input.trim() !== '';
    const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / RESULTS_PER_PAGE)));
    const params = (extra: Record<string, string>) => {
      const p = new URLSearchParams({ q: query.input });
      if (filters.kind) p.set('soort', filters.kind);
      if (filters.year !== null) p.set('jaar', String(filters.year));
      for (const [k, v] of Object.entries(extra)) p.set(k, v);
      return `/zoeken?${p.toString()}`;
    };
    setCanonicalQuery(res, { q: query.input, soort: filters.kind ?? undefined, jaar: filters.year ?? undefined, pagina: page });
    const yearOf = (d: Date) => Number(amsterdamParts(d).year);
    const thisYear = yearOf(now);
    const firstYear = found.startedAt ? yearOf(found.startedAt) : thisYear;
    const analyser = dutchAnalyser();
    res.render('search/results', {
      // Result pages are endless and say nothing of their own: search engines follow, not keep, them.
      noindex: true,
      title: typed ? `Zoeken: ${query.input.trim()}` : 'Zoeken',
      q: query.input,
      typed,
      searchable: query.terms.length > 0,
      filtered: filters.kind !== null || filters.year !== null,
      filters,
      kindOptions: KIND_OPTIONS,
      years: Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i),
      corrected,
      correctedHref: corrected === null ? null : params({ q: corrected }),
      unfilteredHref: `/zoeken?q=${encodeURIComponent(query.input)}`,
      total,
      approximate: found.approximate,
      page,
      pages,
      firstNumber: (page - 1) * RESULTS_PER_PAGE + 1,
      href: (n: number) => (n === 1 ? params({}) : params({ pagina: String(n) })),
      items: found.hits.map((hit) => ({
        hit,
        label: kindLabel(hit),
        path: hitPath(hit),
        snippetHtml: snippetHtml(markMatches(hit.text, found.terms, analyser)),
      })),
    });
  });

  return router;
}
