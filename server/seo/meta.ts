// What search engines and link previews read in every public page's <head>: the canonical address,
// OpenGraph and Twitter-card tags (views/partials/head-meta.ejs), and for an article its structured
// data. All addresses are absolute, from config.baseUrl.
import type { RequestHandler } from 'express';
import type { Deps } from '../deps';

/** The site image for link previews (public/img/stadslog-og.png, 1200×630). */
export const SITE_IMAGE_PATH = '/static/img/stadslog-og.png';

export interface PageMeta {
  siteUrl: string;
  /**
   * The page's address without a query; head-meta.ejs adds the values its route named
   * (res.locals.canonicalQuery, http/canonical.ts). Nothing of the request's own query is in it.
   */
  canonical: string;
  image: string;
  /** Of the image: the site image's 1200×630 unless an article's lead image says otherwise. */
  imageWidth: number;
  imageHeight: number;
  /** What the image shows; null for the site image. */
  imageAlt: string | null;
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

export function pageMeta(deps: Deps): RequestHandler {
  const base = deps.config.baseUrl;
  return (req, res, next) => {
    // Beheer is no public page (robots.txt keeps it out too).
    if (req.path === '/beheer' || req.path.startsWith('/beheer/')) return next();
    res.locals.meta = {
      siteUrl: `${base}/`,
      canonical: `${base}${req.path}`,
      image: `${base}${SITE_IMAGE_PATH}`,
      imageWidth: 1200,
      imageHeight: 630,
      imageAlt: null,
    };
    next();
  };
}
