// Lists of public articles for the feeds, the archive (/YYYY, /YYYY/MM) and the sitemap. Every
// query filters on (status, published_at), the index the voorpagina uses, so none reads a whole table
// row by row; isPublic (queries.ts) is the same rule in JavaScript.
import type { Db } from '../db/knex';
import { aggregateText, amsterdamCalendar, sumOfTimes, toCount, toDate, toDateOrNull } from '../db/rows';
import { fromLocalInputValue } from '../shared/format';
import { articlePath, listArticlesByIds, publicArticles, type Article, type ArticleKind } from './queries';

/** Which public articles a feed follows: all, the council documents, or one type. */
export type ArticleSelection = { kind: ArticleKind } | { documents: true } | Record<string, never>;

/** The newest public articles of a selection, newest first. */
export async function latestPublicArticles(db: Db, now: Date, selection: ArticleSelection, limit: number): Promise<Article[]> {
  const q = publicArticles(db, now)
    .select('id')
    .orderBy([
      { column: 'published_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  if ('kind' in selection) q.where({ kind: selection.kind });
  if ('documents' in selection) q.whereNot({ kind: 'nieuws' });
  const rows: Array<{ id: number }> = await q;
  return listArticlesByIds(
    db,
    rows.map((r) => Number(r.id)),
  );
}

export interface ArchiveMonth {
  year: number;
  /** 1–12 */
  month: number;
  count: number;
}

/** The first moment of a month in Amsterdam. */
export function monthStart(year: number, month: number): Date {
  const next = new Date(Date.UTC(year, month - 1, 1));
  const iso = `${String(next.getUTCFullYear()).padStart(4, '0')}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-01T00:00`;
  return fromLocalInputValue(iso)!;
}

/** Months with public articles and how many, newest first; within [from, to) when given. */
export async function archiveMonths(db: Db, now: Date, range?: { from: Date; to: Date }): Promise<ArchiveMonth[]> {
  const q = publicArticles(db, now)
    .select(db.raw(`${amsterdamCalendar(db, 'published_at', 'YYYY-MM')} as ym`))
    .count({ n: '*' })
    .groupByRaw(amsterdamCalendar(db, 'published_at', 'YYYY-MM'))
    .orderBy('ym', 'desc');
  if (range) q.andWhere('published_at', '>=', range.from).andWhere('published_at', '<', range.to);
  const rows = (await q) as unknown as Array<{ ym: string; n: number | string }>;
  return rows.map((r) => ({ year: Number(r.ym.slice(0, 4)), month: Number(r.ym.slice(5, 7)), count: Number(r.n) }));
}

/** One page of the public articles published in [from, to), newest first. */
export async function publicArticlesBetween(
  db: Db,
  now: Date,
  range: { from: Date; to: Date },
  page: number,
  perPage: number,
): Promise<{ articles: Article[]; total: number }> {
  const inRange = () => publicArticles(db, now).andWhere('published_at', '>=', range.from).andWhere('published_at', '<', range.to);
  const [rows, countRow] = await Promise.all([
    inRange()
      .select('id')
      .orderBy([
        { column: 'published_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(perPage)
      .offset((page - 1) * perPage),
    inRange().count({ n: '*' }).first(),
  ]);
  const articles = await listArticlesByIds(
    db,
    (rows as Array<{ id: number }>).map((r) => Number(r.id)),
  );
  return { articles, total: toCount(countRow) };
}

/**
 * The public articles as the sitemap sees them, in one read: how many, the sum of their last edits
 * (which moves with every edit, also one in the same millisecond as the newest or stamped by an app
 * server whose clock is behind) and the newest of their last changes (an edit's updated_at, or a
 * scheduled article's time). It moves when an article appears (published, or scheduled and now
 * due), goes (unpublished, made a page) or is edited, and not when a reactie is posted.
 */
export async function publicArticlesState(db: Db, now: Date): Promise<{ count: number; edits: string; lastChange: Date | null }> {
  const row = (await publicArticles(db, now)
    .count({ n: '*' })
    .max({ updated: 'updated_at' })
    .max({ published: 'published_at' })
    .select(db.raw(`${sumOfTimes(db, 'updated_at')} as edits`))
    .first()) as Record<string, unknown> | undefined;
  const times = [toDateOrNull(row?.updated), toDateOrNull(row?.published)].filter((d): d is Date => d !== null);
  return {
    count: Number(row?.n ?? 0),
    edits: aggregateText(row?.edits),
    lastChange: times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null,
  };
}

/** Paths and last changes of public articles, oldest first, for one sitemap file. */
export async function publicArticleLocations(
  db: Db,
  now: Date,
  offset: number,
  limit: number,
): Promise<Array<{ path: string; updatedAt: Date }>> {
  const rows: Array<Record<string, unknown>> = await publicArticles(db, now)
    .select('slug', 'published_at', 'created_at', 'updated_at')
    .orderBy([{ column: 'published_at' }, { column: 'id' }])
    .offset(offset)
    .limit(limit);
  return rows.map((r) => {
    const publishedAt = toDateOrNull(r.published_at);
    const updatedAt = toDate(r.updated_at);
    return {
      path: articlePath({ slug: String(r.slug), publishedAt, createdAt: toDate(r.created_at) }),
      // A scheduled article appears at its time, after its last edit.
      updatedAt: publishedAt && publishedAt > updatedAt ? publishedAt : updatedAt,
    };
  });
}
