// /documenten: every public council document, filtered by type, portefeuillehouder, partij and
// year, each filter with counts, paged; every filtered listing has a stable URL.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { yearOf } from '../db/rows';
import { countFieldValues, questionStates, withFieldValue } from '../documents/queries';
import { DOCUMENT_TYPES, isDocumentType, type DocumentTypeKey } from '../documents/types';
import { documentsOf, listArticlesByIds, type Article } from './queries';

export const DOCUMENTS_PER_PAGE = 20;
// A filter shows this many values at the most (the most frequent).
const FACET_LIMIT = 30;

export interface DocumentFilter {
  type: DocumentTypeKey | null;
  portefeuillehouder: string | null;
  partij: string | null;
  year: number | null;
  page: number;
}

export interface Facet {
  value: string;
  label: string;
  n: number;
}

export interface DocumentListing {
  items: Array<{ article: Article; subject: string | null; questions: { total: number; open: number } | null }>;
  total: number;
  facets: { type: Facet[]; portefeuillehouder: Facet[]; partij: Facet[]; year: Facet[] };
}

/** The filter from the query string: unknown or empty values are no filter. */
export function readDocumentFilter(query: Record<string, unknown>): DocumentFilter {
  const text = (name: string) => (typeof query[name] === 'string' && query[name].trim() ? query[name].trim().slice(0, 200) : null);
  const soort = text('soort');
  const jaar = text('jaar');
  const page = Number(text('pagina') ?? '1');
  return {
    type: isDocumentType(soort) && soort !== 'nieuws' ? soort : null,
    portefeuillehouder: text('portefeuillehouder'),
    partij: text('partij'),
    year: jaar && /^\d{4}$/.test(jaar) ? Number(jaar) : null,
    page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1,
  };
}

/** Public documents matching the filter, leaving out one filter (for that filter's own counts). */
function matching(db: Db, f: DocumentFilter, now: Date, except?: keyof DocumentFilter): Knex.QueryBuilder {
  const q = db('articles').where({ status: 'published' }).andWhere('published_at', '<=', now).whereNot({ kind: 'nieuws' });
  if (f.type && except !== 'type') q.where({ kind: f.type });
  if (f.year && except !== 'year') q.whereRaw(`${yearOf(db, 'published_at')} = ?`, [f.year]);
  if (f.portefeuillehouder && except !== 'portefeuillehouder')
    q.whereIn('id', withFieldValue(db, 'portefeuillehouder', f.portefeuillehouder));
  if (f.partij && except !== 'partij') q.whereIn('id', withFieldValue(db, 'partijen', f.partij));
  return q;
}

export async function listDocuments(db: Db, f: DocumentFilter, now: Date): Promise<DocumentListing> {
  const [idRows, totalRow, types, years, portefeuillehouders, partijen] = await Promise.all([
    matching(db, f, now)
      .select('id')
      .orderBy([
        { column: 'published_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(DOCUMENTS_PER_PAGE)
      .offset((f.page - 1) * DOCUMENTS_PER_PAGE),
    matching(db, f, now).count({ n: '*' }).first(),
    matching(db, f, now, 'type').select('kind').count({ n: '*' }).groupBy('kind'),
    matching(db, f, now, 'year')
      .select(db.raw(`${yearOf(db, 'published_at')} as year`))
      .count({ n: '*' })
      .groupByRaw(yearOf(db, 'published_at'))
      .orderBy('year', 'desc'),
    countFieldValues(db, 'portefeuillehouder', matching(db, f, now, 'portefeuillehouder').select('id'), FACET_LIMIT),
    countFieldValues(db, 'partijen', matching(db, f, now, 'partij').select('id'), FACET_LIMIT),
  ]);
  const articles = await listArticlesByIds(
    db,
    idRows.map((r: { id: number }) => Number(r.id)),
  );
  const [docs, questions] = await Promise.all([
    documentsOf(db, articles),
    questionStates(
      db,
      articles.map((a) => a.id),
    ),
  ]);
  const value = (s: unknown) => ({ value: String(s), label: String(s) });
  return {
    items: articles.map((article) => {
      const subject = docs.get(article.id)?.fields.onderwerp;
      return { article, subject: typeof subject === 'string' ? subject : null, questions: questions.get(article.id) ?? null };
    }),
    total: Number((totalRow as { n?: number | string } | undefined)?.n ?? 0),
    facets: {
      type: types
        .filter((r: { kind: string }) => isDocumentType(r.kind))
        .map((r: { kind: DocumentTypeKey; n: number | string }) => ({
          value: r.kind,
          label: DOCUMENT_TYPES[r.kind].label,
          n: Number(r.n),
        })),
      year: years.map((r: { year: number | string; n: number | string }) => ({ ...value(r.year), n: Number(r.n) })),
      portefeuillehouder: portefeuillehouders.map((r) => ({ ...value(r.value), n: r.n })),
      partij: partijen.map((r) => ({ ...value(r.value), n: r.n })),
    },
  };
}

/** The listing's address with one filter set or cleared (and back to page 1): stable, shareable URLs. */
export function documentsUrl(
  f: DocumentFilter,
  change: Partial<Record<'soort' | 'portefeuillehouder' | 'partij' | 'jaar' | 'pagina', string | number | null>>,
): string {
  const params: Record<string, string | number | null> = {
    soort: f.type,
    portefeuillehouder: f.portefeuillehouder,
    partij: f.partij,
    jaar: f.year,
    pagina: null,
    ...change,
  };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== '' && !(k === 'pagina' && v === 1)) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `/documenten?${s}` : '/documenten';
}
