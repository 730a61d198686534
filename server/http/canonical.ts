// The query part of a page's canonical address (<link rel="canonical"> and og:url, see
// views/partials/head-meta.ejs): only the values the page's route read to make the page, as that
// route read them (a listing's page number, /documenten's filters). Never the request's own query
// string: a parameter a page does not read names no other page, and a page kept in the page cache
// is shown to every reader of its key, so it may hold nothing of a request outside that key.
import type { Response } from 'express';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** "?pagina=2", or "" for the page without a query: what the route set (canonicalQuery). */
      canonicalQuery?: string;
    }
  }
}

/**
 * Names the values that make this page another one than the bare path, in the order given; empty
 * values are left out, and so is page 1 (`pagina`), which is the listing itself.
 */
export function setCanonicalQuery(res: Response, values: Record<string, string | number | null | undefined>): void {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '' || (name === 'pagina' && value === 1)) continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  res.locals.canonicalQuery = search ? `?${search}` : '';
}
