// The article a permalink (/YYYY/MM/slug, and its /reacties) names, read once per request: the
// article page, and the features that add to it (attachments, dossiers) from their own middleware,
// all ask here, so one request does one lookup. A malformed year or month names no article.
import type { Request, Response } from 'express';
import { readsOf, type Db } from '../db/knex';
import { parseId } from '../shared/validation';
import { findArticleBySlug, type Article } from './queries';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The article of this request's permalink once looked up (null: none), see articleAtPermalink. */
      permalinkArticle?: Article | null;
    }
  }
}

export function isPermalink(params: Record<string, string>): boolean {
  return /^\d{4}$/.test(params.year ?? '') && /^\d{2}$/.test(params.month ?? '');
}

export async function articleAtPermalink(db: Db, req: Request, res: Response): Promise<Article | null> {
  if (res.locals.permalinkArticle !== undefined) return res.locals.permalinkArticle;
  const params = req.params as Record<string, string>;
  const article = isPermalink(params) ? await findArticleBySlug(readsOf(db), params.slug) : null;
  res.locals.permalinkArticle = article;
  return article;
}

/** ?reacties=N, the page of an article's discussion: undefined when absent, null when it is not a page number. */
export function readReactiePage(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? parseId(value) : null;
}
