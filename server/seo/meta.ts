// What search engines and link previews read in every public page's <head>: the canonical address,
// OpenGraph and Twitter-card tags (views/partials/head-meta.ejs), and for an article its structured
// data. All addresses are absolute, from config.baseUrl.
import type { RequestHandler } from 'express';
import type { Deps } from '../deps';

/** The site image for link previews (public/img/stadslog-og.png, 1200×630). */
export const SITE_IMAGE_PATH = '/static/img/stadslog-og.png';

// The query parameters that make a different page (a listing's page, /documenten's filters), in a
// fixed order; everything else (?antwoord=, tracking) points to the same canonical page.
const CANONICAL_PARAMS = ['soort', 'jaar', 'portefeuillehouder', 'partij', 'pagina'];

export interface PageMeta {
  siteUrl: string;
  canonical: string;
  image: string;
  /** Set for an article page by articleMeta. */
  article?: ArticleMeta;
}

export interface ArticleMeta {
  description: string;
  publishedTime: string;
  modifiedTime: string;
  section: string | null;
  /** JSON-LD, already safe inside <script type="application/ld+json"> (see seo/structured-data.ts). */
  jsonLdForScript: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      meta?: PageMeta;
    }
  }
}

function canonicalUrl(baseUrl: string, path: string, query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const name of CANONICAL_PARAMS) {
    const value = query[name];
    // Page 1 is the listing itself.
    if (typeof value === 'string' && value !== '' && !(name === 'pagina' && value === '1')) params.set(name, value);
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

export function pageMeta(deps: Deps): RequestHandler {
  const base = deps.config.baseUrl;
  return (req, res, next) => {
    // Beheer is no public page (robots.txt keeps it out too).
    if (req.path === '/beheer' || req.path.startsWith('/beheer/')) return next();
    res.locals.meta = { siteUrl: `${base}/`, canonical: canonicalUrl(base, req.path, req.query), image: `${base}${SITE_IMAGE_PATH}` };
    next();
  };
}
