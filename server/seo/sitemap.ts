// sitemap.xml: the public pages, every dossier and every public article (news and council
// documents), with their last change. Past `urlsPerFile` addresses (50.000 by the protocol) it
// splits: /sitemap.xml becomes a sitemap index of /sitemap-1.xml, /sitemap-2.xml, …
import type { Deps } from '../deps';
import { countPublicArticles, publicArticleLocations } from '../articles/listing-queries';
import { countDossiers, dossierLocations } from '../dossiers/queries';
import { el, xmlDocument } from '../shared/xml';

export const URLS_PER_SITEMAP = 50_000;

// The listings and pages that always exist.
const FIXED_PATHS = ['/', '/documenten', '/dossiers', '/archief', '/over-deze-weblog', '/privacy', '/toegankelijkheid'];

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

interface Location {
  path: string;
  updatedAt?: Date;
}

export interface SitemapPlan {
  total: number;
  files: number;
}

export async function sitemapPlan(deps: Deps, urlsPerFile: number): Promise<SitemapPlan> {
  const [dossiers, articles] = await Promise.all([countDossiers(deps.db), countPublicArticles(deps.db, deps.clock())]);
  const total = FIXED_PATHS.length + dossiers + articles;
  return { total, files: Math.max(1, Math.ceil(total / urlsPerFile)) };
}

/** The addresses at positions [from, from + count): the fixed pages, then dossiers, then articles. */
async function locations(deps: Deps, from: number, count: number): Promise<Location[]> {
  const out: Location[] = FIXED_PATHS.slice(from, from + count).map((path) => ({ path }));
  let skip = Math.max(0, from - FIXED_PATHS.length);
  const dossierCount = await countDossiers(deps.db);
  if (out.length < count && skip < dossierCount) {
    out.push(...(await dossierLocations(deps.db, skip, count - out.length)));
  }
  skip = Math.max(0, skip - dossierCount);
  if (out.length < count) out.push(...(await publicArticleLocations(deps.db, deps.clock(), skip, count - out.length)));
  return out;
}

/** One file of addresses (file numbers from 1). */
export async function urlSet(deps: Deps, file: number, urlsPerFile: number): Promise<string> {
  const base = deps.config.baseUrl;
  const locs = await locations(deps, (file - 1) * urlsPerFile, urlsPerFile);
  return xmlDocument(
    el(
      'urlset',
      { xmlns: NS },
      locs.map((l) =>
        el('url', {}, [el('loc', {}, `${base}${l.path}`), l.updatedAt ? el('lastmod', {}, l.updatedAt.toISOString()) : null]),
      ),
    ),
  );
}

export function sitemapIndex(deps: Deps, files: number): string {
  const base = deps.config.baseUrl;
  return xmlDocument(
    el(
      'sitemapindex',
      { xmlns: NS },
      Array.from({ length: files }, (_, i) => el('sitemap', {}, [el('loc', {}, `${base}/sitemap-${i + 1}.xml`)])),
    ),
  );
}
