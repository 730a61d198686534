// A row of either database's search query as a hit.
import { toDate } from '../db/rows';
import type { SearchHit } from './search-index';
import { snippetHtml } from './snippet';

export function toHit(row: Record<string, unknown>): SearchHit {
  return {
    kind: row.kind === 'reactie' ? 'reactie' : 'article',
    refId: Number(row.ref_id),
    articleId: Number(row.article_id),
    articleTitle: String(row.title),
    articleKind: String(row.article_kind),
    articleSlug: String(row.slug),
    articlePublishedAt: toDate(row.published_at),
    articleCreatedAt: toDate(row.created_at),
    snippetHtml: snippetHtml(typeof row.snippet === 'string' ? row.snippet : ''),
  };
}
