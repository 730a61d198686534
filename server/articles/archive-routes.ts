// The archive, as WordPress shows it: /archief lists every month with its number of articles
// ("november 2026 (12)"), /2026 the months of a year, /2026/11 the articles of a month in pages.
// /YYYY and /YYYY/MM never clash with /:slug (pages) or /YYYY/MM/slug (articles): one and two
// segments of digits only, and a page slug is never four digits.
import { Router } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { setCanonicalQuery } from '../http/canonical';
import { HttpError, notFound } from '../http/errors';
import { parseId } from '../shared/validation';
import { archiveMonths, monthStart, publicArticlesBetween, type ArchiveMonth } from './listing-queries';
import { ARTICLE_KINDS, articlePath } from './queries';

// As the voorpagina.
const ARTICLES_PER_PAGE = 10;
// Timestamps start in 1970; the end of year 9999 would be a five-digit year.
const MIN_YEAR = 1970;
const MAX_YEAR = 9998;
const outOfRange = (year: number): boolean => year < MIN_YEAR || year > MAX_YEAR;

const MONTH_NAME = new Intl.DateTimeFormat('nl-NL', { month: 'long', timeZone: 'UTC' });
/** "november 2026", also for a year far outside the weblog's (no date arithmetic). */
const monthLabel = (year: number, month: number): string => `${MONTH_NAME.format(Date.UTC(2000, month - 1, 15))} ${year}`;

const monthPath = (year: number, month: number): string => `/${year}/${String(month).padStart(2, '0')}`;

function byYear(months: ArchiveMonth[]) {
  const years: Array<{ year: number; count: number; path: string; months: Array<{ label: string; count: number; path: string }> }> = [];
  for (const m of months) {
    let y = years.at(-1);
    if (!y || y.year !== m.year) years.push((y = { year: m.year, count: 0, path: `/${m.year}`, months: [] }));
    y.count += m.count;
    y.months.push({ label: monthLabel(m.year, m.month), count: m.count, path: monthPath(m.year, m.month) });
  }
  return years;
}

const nothingIn = (when: string): HttpError =>
  new HttpError(404, `In ${when} is op deze weblog niets gepubliceerd.`, 'In het archief staan alle maanden waarin wel iets verscheen.');

export function archiveRoutes(deps: Deps): Router {
  const router = Router();

  router.get('/archief', publicCache, async (_req, res) => {
    res.render('articles/archive', { title: 'Archief', heading: 'Archief', years: byYear(await archiveMonths(deps.db, deps.clock())) });
  });

  router.get('/:year', publicCache, async (req, res, next) => {
    const raw = String(req.params.year);
    if (!/^\d{4}$/.test(raw)) return next();
    const year = Number(raw);
    if (outOfRange(year)) throw nothingIn(raw);
    const months = await archiveMonths(deps.db, deps.clock(), { from: monthStart(year, 1), to: monthStart(year + 1, 1) });
    if (!months.length) throw nothingIn(raw);
    res.render('articles/archive', { title: `Archief ${year}`, heading: `Archief ${year}`, years: byYear(months) });
  });

  router.get('/:year/:month', publicCache, async (req, res, next) => {
    const { year: y, month: m } = req.params as Record<string, string>;
    if (!/^\d{4}$/.test(y) || !/^\d{2}$/.test(m)) return next();
    const year = Number(y);
    const month = Number(m);
    if (month < 1 || month > 12) throw notFound('Deze maand bestaat niet.');
    const label = monthLabel(year, month);
    if (outOfRange(year)) throw nothingIn(label);
    const page = parseId(typeof req.query.pagina === 'string' ? req.query.pagina : '1');
    if (page === null) throw notFound('Deze pagina van het archief bestaat niet.');
    const range = { from: monthStart(year, month), to: monthStart(year, month + 1) };
    const { articles, total } = await publicArticlesBetween(deps.db, deps.clock(), range, page, ARTICLES_PER_PAGE);
    if (total === 0) throw nothingIn(label);
    const pages = Math.ceil(total / ARTICLES_PER_PAGE);
    if (page > pages) throw notFound('Deze pagina van het archief bestaat niet.');
    const path = monthPath(year, month);
    setCanonicalQuery(res, { pagina: page });
    res.render('articles/archive-month', {
      title: page > 1 ? `Archief ${label}, pagina ${page}` : `Archief ${label}`,
      label,
      total,
      yearPath: `/${year}`,
      year,
      items: articles.map((a) => ({ article: a, path: articlePath(a), kindLabel: ARTICLE_KINDS[a.kind] })),
      page,
      pages,
      href: (n: number) => (n === 1 ? path : `${path}?pagina=${n}`),
    });
  });

  return router;
}
