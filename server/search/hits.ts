// A row of either database's search query as a hit.
import { toDate } from '../db/rows';
import type { SearchHit } from './search-index';

export function toHit(row: Record<string, unknown>): SearchHit {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const body = text(row.body);
  const fields = text(row.fields);
  return {
    kind: row.kind === 'reactie' || row.kind === 'bijlage' ? row.kind : 'article',
    refId: Number(row.ref_id),
    attachmentTitle: row.kind === 'bijlage' ? String(row.entry_title) : null,
    articleId: Number(row.article_id),
    articleTitle: String(row.title),
    articleKind: String(row.article_kind),
    articleSlug: String(row.slug),
    articlePublishedAt: toDate(row.published_at),
    articleCreatedAt: toDate(row.created_at),
    text: body.trim() === '' ? text(row.entry_title) : fields ? `${body} ${fields}` : body,
  };
}

/** The columns both databases select for a hit. */
export const HIT_COLUMNS = [
  'e.kind',
  'e.ref_id',
  'e.article_id',
  'e.title as entry_title',
  'e.body',
  'e.fields',
  'a.title',
  'a.kind as article_kind',
  'a.slug',
  'a.published_at',
  'a.created_at',
];
