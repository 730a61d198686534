// sitemap.xml: the public pages, every dossier and every public article (news and council
// documents), with their last change. Past `urlsPerFile` addresses (50.000 by the protocol,
// sitemaps.org) it splits: /sitemap.xml becomes a sitemap index of /sitemap-1.xml,
// /sitemap-2.xml, …, each with the newest last change of its addresses.
import type { Deps } from '../deps';
import { publicArticleLocations, publicArticlesState } from '../articles/listing-queries';
import { dossierLocations, dossiersState } from '../dossiers/queries';
import { el, xmlDocument } from '../shared/xml';

export const URLS_PER_SITEMAP = 50_000;

// The listings and pages that always exist.
const FIXED_PATHS = ['/', '/documenten', '/dossiers', '/archief', '/over-deze-weblog', '/privacy', '/toegankelijkheid'];

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

interface Location {
  path: string;
  updatedAt?: Date;
}

/**
 * What the sitemap holds now, read in two small queries: the number of addresses and a key that
 * changes whenever any address or last change in it does (see publicArticlesState), so the
 * files built for one key can be served until it moves.
 */
export interface SitemapState {
  key: string;
  dossiers: number;
  articles: number;
  /** The newest last change of any address (null: only the fixed pages). */
  lastChange: Date | null;
}

export async function sitemapState(deps: Deps, now: Date): Promise<SitemapState> {
  const [articles, dossiers] = await Promise.all([publicArticlesState(deps.db, now), dossiersState(deps.db)]);
  const times = [articles.lastChange, dossiers.lastChange].filter((d): d is Date => d !== null).map((d) => d.getTime());
  return {
    key: `${articles.count}:${articles.edits}:${articles.lastChange?.getTime() ?? ''}:${dossiers.count}:${dossiers.edits}`,
    dossiers: dossiers.count,
    articles: articles.count,
    lastChange: times.length ? new Date(Math.max(...times)) : null,
  };
}

/** How many files of addresses the state needs (1: /sitemap.xml is the one file, no index). */
export function sitemapFiles(state: SitemapState, urlsPerFile: number): number {
  return Math.max(1, Math.ceil((FIXED_PATHS.length + state.dossiers + state.articles) / urlsPerFile));
}

/** The addresses at positions [from, from + count): the fixed pages, then dossiers, then articles. */
async function locations(deps: Deps, state: SitemapState, now: Date, from: number, count: number): Promise<Location[]> {
  const out: Location[] = FIXED_PATHS.slice(from, from + count).map((path) => ({ path }));
  let skip = Math.max(0, from - FIXED_PATHS.length);
  if (out.length < count && skip < state.dossiers) {
    out.push(...(await dossierLocations(deps.db, skip, count - out.length)));
  }
  skip = Math.max(0, skip - state.dossiers);
  if (out.length < count) out.push(...(await publicArticleLocations(deps.db, now, skip, count - out.length)));
  return out;
}

/** One file of addresses (file numbers from 1), with the newest last change in it. */
export async function urlSet(
  deps: Deps,
  state: SitemapState,
  now: Date,
  file: number,
  urlsPerFile: number,
): Promise<{ xml: string; lastChange: Date | null }> {
  const base = deps.config.baseUrl;
  const locs = await locations(deps, state, now, (file - 1) * urlsPerFile, urlsPerFile);
  let newest: Date | null = null;
  for (const l of locs) if (l.updatedAt && (!newest || l.updatedAt > newest)) newest = l.updatedAt;
  const xml = xmlDocument(
    el(
      'urlset',
      { xmlns: NS },
      locs.map((l) =>
        el('url', {}, [el('loc', {}, `${base}${l.path}`), l.updatedAt ? el('lastmod', {}, l.updatedAt.toISOString()) : null]),
      ),
    ),
  );
  return { xml, lastChange: newest };
}

/** The index of the files, each with the newest last change of its addresses. */
export function sitemapIndex(deps: Deps, files: Array<{ lastChange: Date | null }>): string {
  const base = deps.config.baseUrl;
  return xmlDocument(
    el(
      'sitemapindex',
      { xmlns: NS },
      files.map((f, i) =>
        el('sitemap', {}, [
          el('loc', {}, `${base}/sitemap-${i + 1}.xml`),
          f.lastChange ? el('lastmod', {}, f.lastChange.toISOString()) : null,
        ]),
      ),
    ),
  );
}
