// /documenten: every public council document by its own date (the datum field; the day it was
// published only when it has none), newest or oldest first, filtered by type, year, month,
// afzender, partij and portefeuillehouder, each filter with counts, paged; every filtered listing
// has a stable URL. The date is the article's document_date column (written with every save), so
// the page follows an index in order and the counts per year and month read a range of it.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { answerTermOf, type AnswerTerm } from '../documents/answer-term';
import { isoDateIn } from '../documents/dates';
import { countFieldValues, withFieldValue } from '../documents/queries';
import { DOCUMENT_TYPES, fieldOf, isDocumentType, type DocumentTypeKey } from '../documents/types';
import { documentsOf, listArticlesByIds, type Article } from './queries';
import { MONTHS } from '../shared/format';

export const DOCUMENTS_PER_PAGE = 20;
// A filter shows this many values at the most (the most frequent).
const FACET_LIMIT = 30;

export interface DocumentFilter {
  type: DocumentTypeKey | null;
  afzender: string | null;
  portefeuillehouder: string | null;
  partij: string | null;
  year: number | null;
  /** 1–12; only with a year. */
  month: number | null;
  oldestFirst: boolean;
  page: number;
}

export interface Facet {
  value: string;
  label: string;
  n: number;
}

export interface DocumentEntry {
  article: Article;
  /** YYYY-MM-DD: the document's own date, or the day it was published. */
  date: string;
  /** False when the document has no datum and is listed under its publication date. */
  ownDate: boolean;
  /** Kenmerk and afzender with the labels of the document's type ("Nummer", "Van"). */
  kenmerk: { label: string; value: string } | null;
  afzender: { label: string; value: string } | null;
  /** Written questions: submitted, answer term, answered or late. */
  answer: AnswerTerm | null;
}

export interface DocumentListing {
  items: DocumentEntry[];
  total: number;
  facets: { type: Facet[]; year: Facet[]; month: Facet[]; afzender: Facet[]; portefeuillehouder: Facet[]; partij: Facet[] };
}

/** The filter from the query string: unknown or empty values are no filter. */
export function readDocumentFilter(query: Record<string, unknown>): DocumentFilter {
  const text = (name: string) => (typeof query[name] === 'string' && query[name].trim() ? query[name].trim().slice(0, 200) : null);
  const soort = text('soort');
  const jaar = text('jaar');
  const maand = text('maand');
  const page = Number(text('pagina') ?? '1');
  const year = jaar && /^\d{4}$/.test(jaar) ? Number(jaar) : null;
  const month = year !== null && maand && /^\d{1,2}$/.test(maand) && Number(maand) >= 1 && Number(maand) <= 12 ? Number(maand) : null;
  return {
    type: isDocumentType(soort) && soort !== 'nieuws' ? soort : null,
    afzender: text('afzender'),
    portefeuillehouder: text('portefeuillehouder'),
    partij: text('partij'),
    year,
    month,
    oldestFirst: text('volgorde') === 'oudste',
    page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The document dates of a year or a month, as a range of YYYY-MM-DD strings: [from, to). */
function dateRange(year: number, month: number | null): [string, string] {
  if (month === null) return [`${year}`, `${year + 1}`];
  return [`${year}-${pad(month)}`, month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`];
}

/** Public documents matching the filter, leaving out one filter (for that filter's own counts). */
function matching(db: Db, f: DocumentFilter, now: Date, except?: keyof DocumentFilter): Knex.QueryBuilder {
  const q = db('articles').where({ status: 'published' });
  // News has no document date, so a range of it holds council documents only; written as a range
  // (not "is not null"), it is what SQLite's planner follows in the index, in order.
  if (f.year && except !== 'year') {
    const [from, to] = dateRange(f.year, except === 'month' ? null : f.month);
    q.andWhere('document_date', '>=', from).andWhere('document_date', '<', to);
  } else q.andWhere('document_date', '>', '');
  q.andWhere('published_at', '<=', now);
  if (f.type && except !== 'type') q.where({ kind: f.type });
  if (f.afzender && except !== 'afzender') q.whereIn('id', withFieldValue(db, 'afzender', f.afzender));
  if (f.portefeuillehouder && except !== 'portefeuillehouder')
    q.whereIn('id', withFieldValue(db, 'portefeuillehouder', f.portefeuillehouder));
  if (f.partij && except !== 'partij') q.whereIn('id', withFieldValue(db, 'partijen', f.partij));
  return q;
}

function labelled(type: DocumentTypeKey, key: string, value: unknown): { label: string; value: string } | null {
  const field = fieldOf(type, key);
  return field && typeof value === 'string' && value ? { label: field.label, value } : null;
}

export async function listDocuments(db: Db, f: DocumentFilter, now: Date, answerTermDays: number): Promise<DocumentListing> {
  const today = isoDateIn(now);
  const order = f.oldestFirst ? 'asc' : 'desc';
  const [idRows, totalRow, types, years, months, afzenders, portefeuillehouders, partijen] = await Promise.all([
    matching(db, f, now)
      .select('id')
      .orderBy([
        { column: 'document_date', order },
        { column: 'id', order },
      ])
      .limit(DOCUMENTS_PER_PAGE)
      .offset((f.page - 1) * DOCUMENTS_PER_PAGE),
    matching(db, f, now).count({ n: '*' }).first(),
    matching(db, f, now, 'type').select('kind').count({ n: '*' }).groupBy('kind'),
    matching(db, f, now, 'year')
      .select(db.raw('substr(document_date, 1, 4) as year'))
      .count({ n: '*' })
      .groupByRaw('substr(document_date, 1, 4)')
      .orderBy('year', 'desc'),
    f.year
      ? matching(db, f, now, 'month')
          .select(db.raw('substr(document_date, 6, 2) as month'))
          .count({ n: '*' })
          .groupByRaw('substr(document_date, 6, 2)')
          .orderBy('month')
      : Promise.resolve([]),
    countFieldValues(db, 'afzender', matching(db, f, now, 'afzender').select('id'), FACET_LIMIT),
    countFieldValues(db, 'portefeuillehouder', matching(db, f, now, 'portefeuillehouder').select('id'), FACET_LIMIT),
    countFieldValues(db, 'partijen', matching(db, f, now, 'partij').select('id'), FACET_LIMIT),
  ]);
  const articles = await listArticlesByIds(
    db,
    idRows.map((r: { id: number }) => Number(r.id)),
  );
  const docs = await documentsOf(db, articles);
  const value = (s: unknown) => ({ value: String(s), label: String(s) });
  return {
    items: articles.map((article): DocumentEntry => {
      const doc = docs.get(article.id) ?? { fields: {}, questions: [] };
      const datum = doc.fields.datum;
      return {
        article,
        date: article.documentDate ?? '',
        ownDate: typeof datum === 'string' && datum === article.documentDate,
        kenmerk: labelled(article.kind, 'kenmerk', doc.fields.kenmerk),
        afzender: labelled(article.kind, 'afzender', doc.fields.afzender),
        answer: answerTermOf(article.kind, doc, today, answerTermDays),
      };
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
      month: (months as Array<{ month: string; n: number | string }>).map((r) => ({
        value: String(Number(r.month)),
        label: MONTHS[Number(r.month) - 1],
        n: Number(r.n),
      })),
      afzender: afzenders.map((r) => ({ ...value(r.value), n: r.n })),
      portefeuillehouder: portefeuillehouders.map((r) => ({ ...value(r.value), n: r.n })),
      partij: partijen.map((r) => ({ ...value(r.value), n: r.n })),
    },
  };
}

export type DocumentsUrlChange = Partial<
  Record<'soort' | 'jaar' | 'maand' | 'afzender' | 'partij' | 'portefeuillehouder' | 'volgorde' | 'pagina', string | number | null>
>;

/** The filters and page a listing was read with, as its address names them (empty ones are left out there). */
export function documentParams(f: DocumentFilter): Record<string, string | number | null> {
  return {
    soort: f.type,
    jaar: f.year,
    maand: f.month,
    afzender: f.afzender,
    partij: f.partij,
    portefeuillehouder: f.portefeuillehouder,
    volgorde: f.oldestFirst ? 'oudste' : null,
    pagina: f.page,
  };
}

/** The listing's address with one filter set or cleared (and back to page 1): stable, shareable URLs. */
export function documentsUrl(f: DocumentFilter, change: DocumentsUrlChange): string {
  const params: Record<string, string | number | null> = { ...documentParams(f), pagina: null, ...change };
  // A month belongs to its year: another year, or none, clears it.
  if ('jaar' in change) params.maand = change.maand ?? null;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== '' && !(k === 'pagina' && v === 1)) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `/documenten?${s}` : '/documenten';
}
