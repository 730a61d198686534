// Dossiers and which articles they hold. dossiers/ owns the tables dossiers and dossier_articles.
//
// The public dossier page lists a dossier's public articles, newest first and in pages, and the
// article search of beheer looks for titles. Both need the articles table in the same query (to
// filter, order and page); they only select article ids and leave reading the articles themselves
// to their owner (listArticlesByIds, one query), whose rule for "public" (isPublic) they mirror and re-check.
import { olderThan } from '../db/keyset';
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { aggregateText, sumOfTimes, toCount, toDate, toDateOrNull } from '../db/rows';
import { renderMarkdown } from '../shared/markdown';
import { isPublic, listArticlesByIds, touchArticles, type Article, type ArticleCursor } from '../articles/queries';

export interface Dossier {
  id: number;
  slug: string;
  title: string;
  introMarkdown: string;
  introHtml: string;
  /** "Wie doen mee": one person, organisation or heading per line, as the editors typed them. */
  participants: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface DossierInput {
  title: string;
  slug: string;
  introMarkdown: string;
  /** One per line, LF-separated, no empty lines. */
  participants: string;
}

type Row = Record<string, unknown>;

function toDossier(row: Row): Dossier {
  const participants = typeof row.participants === 'string' ? row.participants : '';
  return {
    id: Number(row.id),
    slug: String(row.slug),
    title: String(row.title),
    introMarkdown: String(row.intro_markdown),
    introHtml: String(row.intro_html),
    participants: participants === '' ? [] : participants.split('\n'),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function dossierColumns(input: DossierInput, now: Date): Row {
  return {
    title: input.title,
    slug: input.slug,
    intro_markdown: input.introMarkdown,
    intro_html: renderMarkdown(input.introMarkdown),
    participants: input.participants,
    updated_at: now,
  };
}

export async function createDossier(db: Db, input: DossierInput, now: Date): Promise<Dossier> {
  const [row] = await db('dossiers')
    .insert({ ...dossierColumns(input, now), created_at: now })
    .returning('*');
  return toDossier(row);
}

// An article page shows the titles of its dossiers: changing a dossier changes those pages.
async function touchArticlesOf(conn: Db | Knex.Transaction, dossierId: number): Promise<void> {
  const rows: Array<{ article_id: number }> = await conn('dossier_articles').where({ dossier_id: dossierId }).select('article_id');
  await touchArticles(
    conn,
    rows.map((r) => Number(r.article_id)),
  );
}

export async function updateDossier(db: Db, id: number, input: DossierInput, now: Date): Promise<Dossier | null> {
  return db.transaction(async (trx) => {
    const [row] = await trx('dossiers').where({ id }).update(dossierColumns(input, now)).returning('*');
    if (row) await touchArticlesOf(trx, id);
    return row ? toDossier(row) : null;
  });
}

/** Removes the dossier and its list of articles (the articles themselves stay). */
export async function deleteDossier(db: Db, id: number): Promise<boolean> {
  return db.transaction(async (trx) => {
    await touchArticlesOf(trx, id);
    await trx('dossier_articles').where({ dossier_id: id }).delete();
    return (await trx('dossiers').where({ id }).delete()) > 0;
  });
}

export async function findDossierById(db: Db, id: number): Promise<Dossier | null> {
  const row = await db('dossiers').where({ id }).first();
  return row ? toDossier(row) : null;
}

export async function findDossierBySlug(db: Db, slug: string): Promise<Dossier | null> {
  const row = await db('dossiers').where({ slug }).first();
  return row ? toDossier(row) : null;
}

/** A slug not yet taken by another dossier: "slug", then "slug-2", "slug-3", … */
export async function uniqueDossierSlug(db: Db, base: string, exceptId?: number): Promise<string> {
  const rows: Row[] = await db('dossiers').where('slug', base).orWhere('slug', 'like', `${base}-%`).select('slug', 'id');
  const taken = new Set(rows.filter((r) => Number(r.id) !== exceptId).map((r) => String(r.slug)));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function dossierSlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  const q = db('dossiers').where({ slug });
  if (exceptId !== undefined) q.whereNot({ id: exceptId });
  return Boolean(await q.first('id'));
}

/** Every dossier with the number of articles in it (any status), by title: for beheer. */
export async function listDossiersForBeheer(db: Db): Promise<Array<{ dossier: Dossier; articleCount: number }>> {
  const [rows, counts] = await Promise.all([
    db('dossiers')
      .select('*')
      .orderBy([{ column: 'title' }, { column: 'id' }]),
    db('dossier_articles').select('dossier_id').count({ n: '*' }).groupBy('dossier_id'),
  ]);
  const byId = new Map((counts as Row[]).map((r) => [Number(r.dossier_id), Number(r.n)]));
  return (rows as Row[]).map((r) => ({ dossier: toDossier(r), articleCount: byId.get(Number(r.id)) ?? 0 }));
}

/** Articles that readers may see: published and due (as articles/queries.ts isPublic); a page is in no list. */
function publicLinks(db: Db, now: Date) {
  return db('dossier_articles')
    .join('articles', 'articles.id', 'dossier_articles.article_id')
    .where('articles.status', 'published')
    .andWhere('articles.is_page', false)
    .andWhere('articles.published_at', '<=', now);
}

/** Every dossier with the number of its public articles, by title: the public /dossiers page. */
export async function listDossiersForReaders(db: Db, now: Date): Promise<Array<{ dossier: Dossier; articleCount: number }>> {
  const [rows, counts] = await Promise.all([
    db('dossiers')
      .select('*')
      .orderBy([{ column: 'title' }, { column: 'id' }]),
    publicLinks(db, now).select('dossier_articles.dossier_id').count({ n: '*' }).groupBy('dossier_articles.dossier_id'),
  ]);
  const byId = new Map((counts as Row[]).map((r) => [Number(r.dossier_id), Number(r.n)]));
  return (rows as Row[]).map((r) => ({ dossier: toDossier(r), articleCount: byId.get(Number(r.id)) ?? 0 }));
}

async function articlesByIds(db: Db, ids: number[]): Promise<Article[]> {
  return listArticlesByIds(db, ids);
}

/** One page of a dossier's public articles, newest first. */
export async function publicArticlesOfDossier(
  db: Db,
  dossierId: number,
  now: Date,
  page: number,
  perPage: number,
): Promise<{ articles: Article[]; total: number }> {
  const [rows, countRow] = await Promise.all([
    publicLinks(db, now)
      .where('dossier_articles.dossier_id', dossierId)
      .select('articles.id')
      .orderBy([
        { column: 'articles.published_at', order: 'desc' },
        { column: 'articles.id', order: 'desc' },
      ])
      .limit(perPage)
      .offset((page - 1) * perPage),
    publicLinks(db, now).where('dossier_articles.dossier_id', dossierId).count({ n: '*' }).first(),
  ]);
  const articles = await articlesByIds(
    db,
    (rows as Row[]).map((r) => Number(r.id)),
  );
  return { articles: articles.filter((a) => isPublic(a, now)), total: toCount(countRow) };
}

/** A dossier's public articles, newest first, after the cursor: the open-data API. */
export async function publicArticlesOfDossierAfter(
  db: Db,
  dossierId: number,
  now: Date,
  after: ArticleCursor | null,
  limit: number,
): Promise<Article[]> {
  const q = publicLinks(db, now).where('dossier_articles.dossier_id', dossierId).select('articles.id');
  olderThan(q, 'articles.published_at', 'articles.id', after);
  const rows: Row[] = await q
    .orderBy([
      { column: 'articles.published_at', order: 'desc' },
      { column: 'articles.id', order: 'desc' },
    ])
    .limit(limit);
  const articles = await articlesByIds(
    db,
    rows.map((r) => Number(r.id)),
  );
  return articles.filter((a) => isPublic(a, now));
}

/** All articles in a dossier, any status, newest first (concepts without a date on top): for beheer. */
export async function allArticlesOfDossier(db: Db, dossierId: number): Promise<Article[]> {
  const rows: Row[] = await db('dossier_articles').where({ dossier_id: dossierId }).select('article_id');
  const articles = await articlesByIds(
    db,
    rows.map((r) => Number(r.article_id)),
  );
  const time = (a: Article) => (a.publishedAt ?? new Date(8.64e15)).getTime();
  return articles.sort((a, b) => time(b) - time(a) || b.id - a.id);
}

/** The dossiers an article is in, by title: for the line "In dossier: …" on its page. */
export async function dossiersOfArticle(db: Db, articleId: number): Promise<Array<Pick<Dossier, 'slug' | 'title'>>> {
  const rows: Row[] = await db('dossiers')
    .join('dossier_articles', 'dossier_articles.dossier_id', 'dossiers.id')
    .where('dossier_articles.article_id', articleId)
    .select('dossiers.slug', 'dossiers.title')
    .orderBy([{ column: 'dossiers.title' }, { column: 'dossiers.id' }]);
  return rows.map((r) => ({ slug: String(r.slug), title: String(r.title) }));
}

/** Adds an article; false when it was already in the dossier. */
export async function addArticleToDossier(db: Db, dossierId: number, articleId: number, now: Date): Promise<boolean> {
  const inserted = await db('dossier_articles')
    .insert({ dossier_id: dossierId, article_id: articleId, added_at: now })
    .onConflict(['dossier_id', 'article_id'])
    .ignore()
    .returning('article_id');
  if (inserted.length > 0) await touchArticles(db, [articleId]);
  return inserted.length > 0;
}

/** The ids of the dossiers an article is in: the editor's ticked boxes. */
export async function dossierIdsOfArticle(db: Db, articleId: number): Promise<number[]> {
  const rows: Row[] = await db('dossier_articles').where({ article_id: articleId }).select('dossier_id');
  return rows.map((r) => Number(r.dossier_id));
}

/** Puts the article in exactly these dossiers (the editor's choice), in the caller's transaction. */
export async function setArticleDossiers(trx: Knex.Transaction, articleId: number, dossierIds: number[], now: Date): Promise<void> {
  const current = new Set(
    (await trx('dossier_articles').where({ article_id: articleId }).select('dossier_id')).map((r: Row) => Number(r.dossier_id)),
  );
  const wanted = new Set(dossierIds);
  const gone = [...current].filter((id) => !wanted.has(id));
  const added = [...wanted].filter((id) => !current.has(id));
  if (gone.length) await trx('dossier_articles').where({ article_id: articleId }).whereIn('dossier_id', gone).delete();
  for (const id of added) await trx('dossier_articles').insert({ dossier_id: id, article_id: articleId, added_at: now });
  if (gone.length || added.length) await touchArticles(trx, [articleId]);
}

/** Removes an article from the dossier; false when it was not in it. */
export async function removeArticleFromDossier(db: Db, dossierId: number, articleId: number): Promise<boolean> {
  const removed = (await db('dossier_articles').where({ dossier_id: dossierId, article_id: articleId }).delete()) > 0;
  if (removed) await touchArticles(db, [articleId]);
  return removed;
}

/** Articles of any status whose title contains the words typed (case-insensitive), newest first. */
export async function searchArticlesByTitle(db: Db, text: string, limit: number): Promise<Article[]> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows: Row[] = await db('articles')
    .whereRaw(`lower(title) like ? escape '\\'`, [pattern])
    .select('id')
    .orderBy('id', 'desc')
    .limit(limit);
  return articlesByIds(
    db,
    rows.map((r) => Number(r.id)),
  );
}

/** How many dossiers there are and the newest change of one: moves when one is made, edited or removed. */
export async function dossiersState(db: Db): Promise<{ count: number; edits: string; lastChange: Date | null }> {
  const row = (await db('dossiers')
    .count({ n: '*' })
    .max({ updated: 'updated_at' })
    .select(db.raw(`${sumOfTimes(db, 'updated_at')} as edits`))
    .first()) as Record<string, unknown> | undefined;
  return { count: Number(row?.n ?? 0), edits: aggregateText(row?.edits), lastChange: toDateOrNull(row?.updated) };
}

/** Paths and last changes of dossiers, by id, for one sitemap file. */
export async function dossierLocations(db: Db, offset: number, limit: number): Promise<Array<{ path: string; updatedAt: Date }>> {
  const rows: Row[] = await db('dossiers').select('slug', 'updated_at').orderBy('id').offset(offset).limit(limit);
  return rows.map((r) => ({ path: `/dossiers/${String(r.slug)}`, updatedAt: toDate(r.updated_at) }));
}
