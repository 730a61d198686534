// Articles: reading them for the voorpagina and article pages, and writing them from beheer.
import { olderThan } from '../db/keyset';
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { rawGet } from '../db/raw-get';
import { toBool, toCount, toDate, toDateOrNull } from '../db/rows';
import { amsterdamParts } from '../shared/format';
import { renderBody, renderMarkdown, type FigureOf } from '../shared/markdown';
import { figureSource } from '../images/figure';
import { autoExcerpt } from './excerpt';
import { bumpSiteVersion, countsInSiteTotal, moveSiteTotal } from '../reacties/counters';
import { isoDateIn } from '../documents/dates';
import { loadDocuments, saveDocument, saveDocumentSource, type DocumentData, type DocumentSource } from '../documents/queries';
import { DOCUMENT_TYPES, isDocumentType, type DocumentTypeKey } from '../documents/types';
import { KEPT } from '../db/pg-statements';

/** An article's type: news, or one of the council documents of documents/types.ts. */
export type ArticleKind = DocumentTypeKey;
export const ARTICLE_KINDS: Record<ArticleKind, string> = Object.fromEntries(
  Object.values(DOCUMENT_TYPES).map((t) => [t.key, t.label]),
) as Record<ArticleKind, string>;
/** 'review': "Ter beoordeling", offered to a reviewer (reviews/); like a draft, never public. */
export type ArticleStatus = 'draft' | 'review' | 'published';
/** Markdown when written here; sanitised HTML when moved in from WordPress (imports/). */
export type BodyFormat = 'markdown' | 'html';

export interface Article {
  id: number;
  slug: string;
  title: string;
  kind: ArticleKind;
  /** The body as stored and edited: Markdown, or HTML when bodyFormat is 'html'. */
  bodyMarkdown: string;
  bodyFormat: BodyFormat;
  bodyHtml: string;
  excerptMarkdown: string;
  excerptHtml: string;
  authorName: string;
  authorId: number | null;
  status: ArticleStatus;
  publishedAt: Date | null;
  pinned: boolean;
  reactiesOpen: boolean;
  /** Reacties close by themselves this many days after publication; null: the site's setting (closing.ts). */
  reactiesCloseAfterDays: number | null;
  reactieCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** When the college's answers to written questions were added, for "antwoorden toegevoegd op …". */
  answersAddedAt: Date | null;
  /** A council document's own date (its datum field), or the day it was published when it has none; null for news. */
  documentDate: string | null;
  /** Moves with every change to what the article's page shows: the page cache's key (see page-cache.ts). */
  version: number;
  /** How many times it was saved from the editor (revisions/ keeps a copy of each); the form carries it. */
  revision: number;
  /** The public correction note ("In een eerdere versie stond …"), shown above the text; null when none. */
  correctionNote: string | null;
  correctedAt: Date | null;
  /** When the title or text last changed while it was public: "Bijgewerkt op …". */
  textUpdatedAt: Date | null;
  /** A page moved in from WordPress: shown at its address, in no listing (publicArticles). */
  isPage: boolean;
  /** The photo (images.id) on the voorpagina, in the feeds and when shared; null: none. */
  leadImageId: number | null;
  /** The page it is part of, for a page; null otherwise. */
  pageParentId: number | null;
}

type Row = Record<string, unknown>;

function toArticle(row: Row): Article {
  return {
    id: Number(row.id),
    slug: String(row.slug),
    title: String(row.title),
    kind: isDocumentType(row.kind) ? row.kind : 'nieuws',
    bodyMarkdown: String(row.body_markdown),
    bodyFormat: row.body_format === 'html' ? 'html' : 'markdown',
    bodyHtml: String(row.body_html),
    excerptMarkdown: String(row.excerpt_markdown),
    excerptHtml: String(row.excerpt_html),
    authorName: String(row.author_name),
    authorId: row.author_id === null || row.author_id === undefined ? null : Number(row.author_id),
    status: row.status === 'published' || row.status === 'review' ? row.status : 'draft',
    publishedAt: toDateOrNull(row.published_at),
    pinned: toBool(row.pinned),
    reactiesOpen: toBool(row.reacties_open),
    reactiesCloseAfterDays:
      row.reacties_close_after_days === null || row.reacties_close_after_days === undefined ? null : Number(row.reacties_close_after_days),
    reactieCount: Number(row.reactie_count),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    answersAddedAt: toDateOrNull(row.answers_added_at),
    documentDate: typeof row.document_date === 'string' && row.document_date ? row.document_date : null,
    version: Number(row.version ?? 0),
    revision: Number(row.revision ?? 0),
    correctionNote: typeof row.correction_note === 'string' && row.correction_note ? row.correction_note : null,
    correctedAt: toDateOrNull(row.corrected_at),
    textUpdatedAt: toDateOrNull(row.text_updated_at),
    isPage: toBool(row.is_page),
    pageParentId: row.page_parent_id === null || row.page_parent_id === undefined ? null : Number(row.page_parent_id),
    leadImageId: row.lead_image_id === null || row.lead_image_id === undefined ? null : Number(row.lead_image_id),
  };
}

/**
 * Something shown on the article's page changed outside the article itself (its dossiers, its
 * attachments): its cached page is out of date on every app server.
 */
export async function touchArticles(conn: Db | Knex.Transaction, ids: number[]): Promise<void> {
  if (ids.length)
    await conn('articles')
      .whereIn('id', ids)
      .update({ version: conn.raw('version + 1') });
}

/** The first moment after `now` at which a scheduled article appears: until then a cached listing holds. */
export async function nextScheduledAt(db: Db, now: Date): Promise<Date | null> {
  const row = await db('articles').where({ status: 'published' }).andWhere('published_at', '>', now).min({ at: 'published_at' }).first();
  return toDateOrNull(row?.at);
}

/** The structured part of documents (fields, questions) for these articles. */
export async function documentsOf(db: Db, articles: Article[]): Promise<Map<number, DocumentData>> {
  return loadDocuments(db, new Map(articles.map((a) => [a.id, a.kind])));
}

/** Published and due: scheduled articles appear by themselves once their time has come. */
export function isPublic(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status === 'published' && article.publishedAt !== null && article.publishedAt.getTime() <= now.getTime();
}

export function isScheduled(article: Article, now: Date): boolean {
  return article.status === 'published' && article.publishedAt !== null && article.publishedAt.getTime() > now.getTime();
}

/** /2015/05/slug, with year and month in Amsterdam time. */
export function articlePath(article: Pick<Article, 'slug' | 'publishedAt' | 'createdAt'>): string {
  const p = amsterdamParts(article.publishedAt ?? article.createdAt);
  return `/${p.year}/${p.month}/${article.slug}`;
}

/** Public articles as listed: pages (isPage) are public at their address but in no listing. */
export function publicArticles(db: Db, now: Date) {
  return db('articles').where({ status: 'published', is_page: false }).andWhere('published_at', '<=', now);
}

/**
 * A page of the voorpagina: pinned articles first, then the rest, newest first. Read as two
 * queries so each follows an index in order (status, pinned, published_at) and stops after a page,
 * instead of sorting every published article to show ten.
 */
export async function listVoorpagina(db: Db, now: Date, page: number, perPage: number): Promise<{ articles: Article[]; total: number }> {
  const newestFirst = [
    { column: 'published_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ];
  const [pinned, countRow] = await Promise.all([
    publicArticles(db, now).andWhere({ pinned: true }).select('*').orderBy(newestFirst),
    publicArticles(db, now).count({ n: '*' }).first(),
  ]);
  const offset = (page - 1) * perPage;
  const fromPinned = pinned.slice(offset, offset + perPage);
  const rest =
    fromPinned.length === perPage
      ? []
      : await publicArticles(db, now)
          .andWhere({ pinned: false })
          .select('*')
          .orderBy(newestFirst)
          .limit(perPage - fromPinned.length)
          .offset(Math.max(0, offset - pinned.length));
  return { articles: [...fromPinned, ...rest].map(toArticle), total: toCount(countRow) };
}

/** Where a newest-first listing goes on: after this article (the open-data API's cursor). */
export interface ArticleCursor {
  at: Date;
  id: number;
}

/**
 * Public articles, newest first, after the cursor: the open-data API. Kinds narrow it (documents
 * are every kind but news); one index range, (status, published_at) or (kind, status, published_at).
 */
export async function listPublicArticlesAfter(
  db: Db,
  now: Date,
  opts: { kinds?: readonly ArticleKind[]; after: ArticleCursor | null; limit: number },
): Promise<Article[]> {
  const q = publicArticles(db, now).select('*');
  if (opts.kinds) q.whereIn('kind', opts.kinds);
  olderThan(q, 'published_at', 'id', opts.after);
  const rows = await q
    .orderBy([
      { column: 'published_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(opts.limit);
  return rows.map(toArticle);
}

/**
 * Public articles published after `after` up to `until`, oldest first, narrowed to kinds when given:
 * what one news mail brings (newsmail/).
 */
export async function listPublishedBetween(
  db: Db,
  after: Date,
  until: Date,
  opts: { kinds?: readonly ArticleKind[]; notKinds?: readonly ArticleKind[]; limit: number },
): Promise<Article[]> {
  const q = publicArticles(db, until).andWhere('published_at', '>', after).select('*');
  if (opts.kinds) q.whereIn('kind', opts.kinds);
  if (opts.notKinds) q.whereNotIn('kind', opts.notKinds);
  const rows = await q.orderBy([{ column: 'published_at' }, { column: 'id' }]).limit(opts.limit);
  return rows.map(toArticle);
}

/** When the weblog started: the first published article. */
const startedQuery = (db: Db, now: Date) => publicArticles(db, now).min({ first: 'published_at' }).first();

export async function weblogStartedAt(db: Db, now: Date): Promise<Date | null> {
  const row = await startedQuery(db, now).options(KEPT);
  return toDateOrNull(row?.first);
}

/**
 * weblogStartedAt as PostgreSQL's text and values, for a caller that sends it along with its own
 * statements in one round trip (search/postgres-index.ts); `read` gives its answer from the row, as
 * text ("2006-01-02 10:00:00+00", which Date reads).
 */
export function weblogStartedAtStatement(
  db: Db,
  now: Date,
): { text: string; values: unknown[]; read: (rows: Array<Record<string, string | null>>) => Date | null } {
  const { sql, bindings } = startedQuery(db, now).toSQL().toNative();
  return { text: sql, values: [...bindings], read: (rows) => toDateOrNull(rows[0]?.first) };
}

/** Read on every article view: without the query builder (db/raw-get.ts). */
export async function findArticleBySlug(db: Db, slug: string): Promise<Article | null> {
  const row = await rawGet(db, 'select * from articles where slug = ?', [slug]);
  return row ? toArticle(row) : null;
}

export async function findArticleById(db: Db, id: number): Promise<Article | null> {
  const row = await db('articles').where({ id }).first();
  return row ? toArticle(row) : null;
}

/** Beheer's list, newest first; with a status, only the articles of that status ("Ter beoordeling"). */
export async function listArticlesForBeheer(
  db: Db,
  page: number,
  perPage: number,
  status?: ArticleStatus,
): Promise<{ articles: Article[]; total: number }> {
  const of = () => (status ? db('articles').where({ status }) : db('articles'));
  const [rows, countRow] = await Promise.all([
    of()
      .select('*')
      .orderByRaw('published_at is null desc')
      .orderBy([
        { column: 'published_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(perPage)
      .offset((page - 1) * perPage),
    of().count({ n: '*' }).first(),
  ]);
  return { articles: rows.map(toArticle), total: toCount(countRow) };
}

export interface ArticleInput {
  title: string;
  slug: string;
  kind: ArticleKind;
  bodyMarkdown: string;
  /** 'markdown' when left out. */
  bodyFormat?: BodyFormat;
  excerptMarkdown: string;
  authorName: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  pinned: boolean;
  reactiesOpen: boolean;
  /** Days after publication reacties close by themselves; null or left out: the site's setting. */
  reactiesCloseAfterDays?: number | null;
  /** The document's fields and questions; none for news. */
  document?: DocumentData;
  /** The text the document was recognised from, with the editor's corrections: kept for recognising it again. */
  source?: DocumentSource;
  /** The public correction note ('' removes it); left out: unchanged. Only a public article takes one. */
  correctionNote?: string;
  /** The lead image (images.id), null for none; left out: unchanged. */
  leadImageId?: number | null;
}

/**
 * Runs inside a save's transaction, once the article is written and its revision counted:
 * revisions/ keeps its copy there, so a save and its revision are stored together or not at all.
 */
export type InSave = (trx: Knex.Transaction, article: Article) => Promise<void>;

export interface SaveOptions {
  /** The revision the editor's form was opened at: when the article was saved since, nothing is written. */
  openedAt?: number;
  inSave?: InSave;
}

/** A save: the article as stored, or, when someone else saved it since the form was opened, the article as it is. */
export type SaveResult = { ok: true; article: Article } | { ok: false; current: Article };

/** What lists show under the title: the editor's summary, or one made from the text (excerpt.ts). */
function teaser(input: Pick<ArticleInput, 'title' | 'kind' | 'bodyMarkdown' | 'bodyFormat' | 'excerptMarkdown' | 'document'>): string {
  if (input.excerptMarkdown.trim()) return input.excerptMarkdown;
  const subject = input.document?.fields.onderwerp;
  const firstQuestion = input.document?.questions.find((q) => q.question.trim())?.question ?? null;
  return autoExcerpt({ ...input, subject: typeof subject === 'string' ? subject : null, firstQuestion });
}

/** The date /documenten lists a document under: its own datum, or else the day it is (or would be) published. */
function documentDate(input: ArticleInput, publishedAt: Date | null, now: Date): string | null {
  if (input.kind === 'nieuws') return null;
  const datum = input.document?.fields.datum;
  return typeof datum === 'string' && datum ? datum : isoDateIn(publishedAt ?? now);
}

/** The photos the text names ("[foto 12]"), read for its rendering; an HTML body (an import) has none. */
async function figuresOf(conn: Db | Knex.Transaction, body: string, format: BodyFormat | undefined): Promise<FigureOf | undefined> {
  return format === 'html' ? undefined : figureSource(conn, body);
}

function articleColumns(input: ArticleInput, now: Date, figureOf?: FigureOf): Row {
  const excerpt = teaser(input);
  // Publishing without a time means "now"; a draft keeps the time it was given, if any.
  const publishedAt = input.status === 'published' ? (input.publishedAt ?? now) : input.publishedAt;
  return {
    title: input.title,
    slug: input.slug,
    kind: input.kind,
    body_markdown: input.bodyMarkdown,
    body_format: input.bodyFormat ?? 'markdown',
    body_html: renderBody(input.bodyMarkdown, input.bodyFormat ?? 'markdown', { document: input.kind !== 'nieuws', figureOf }),
    excerpt_markdown: input.excerptMarkdown,
    excerpt_html: renderMarkdown(excerpt),
    author_name: input.authorName,
    status: input.status,
    published_at: publishedAt,
    document_date: documentDate(input, publishedAt, now),
    pinned: input.pinned,
    reacties_open: input.reactiesOpen,
    reacties_close_after_days: input.reactiesCloseAfterDays ?? null,
    updated_at: now,
    ...(input.leadImageId === undefined ? {} : { lead_image_id: input.leadImageId }),
  };
}

/**
 * Makes the stored excerpt again for every article without a summary of its own, from its text as
 * excerpt.ts reads it now: rows stored under an older rule ("Brief over: …" under a letter named
 * after its subject) get the current one. Returns how many changed; `npm run recount` runs it.
 */
export async function refreshAutoExcerpts(db: Db, batch = 500): Promise<number> {
  let changed = 0;
  for (let after = 0; ;) {
    const rows: Row[] = await db('articles')
      .where('id', '>', after)
      .orderBy('id')
      .limit(batch)
      .select('id', 'title', 'kind', 'body_markdown', 'body_format', 'excerpt_markdown', 'excerpt_html');
    if (rows.length === 0) return changed;
    after = Number(rows[rows.length - 1].id);
    const auto = rows.filter((r) => !String(r.excerpt_markdown).trim()).map(toArticlePart);
    const documents = await loadDocuments(db, new Map(auto.map((a) => [a.id, a.kind])));
    const updates = auto
      .map((a) => ({ id: a.id, html: renderMarkdown(teaser({ ...a, excerptMarkdown: '', document: documents.get(a.id) })), was: a.html }))
      .filter((u) => u.html !== u.was);
    if (updates.length)
      await db.transaction(async (trx) => {
        for (const u of updates) await trx('articles').where({ id: u.id }).update({ excerpt_html: u.html });
        // Kept pages show excerpts (lists) and descriptions (an article's meta): all of them move on.
        await touchArticles(
          trx,
          updates.map((u) => u.id),
        );
        await bumpSiteVersion(trx);
      });
    changed += updates.length;
  }
}

function toArticlePart(row: Row) {
  return {
    id: Number(row.id),
    title: String(row.title),
    kind: isDocumentType(row.kind) ? row.kind : ('nieuws' as ArticleKind),
    bodyMarkdown: String(row.body_markdown),
    bodyFormat: row.body_format === 'html' ? ('html' as const) : ('markdown' as const),
    html: String(row.excerpt_html),
  };
}

export async function createArticle(db: Db, input: ArticleInput, authorId: number | null, now: Date, inSave?: InSave): Promise<Article> {
  const figureOf = await figuresOf(db, input.bodyMarkdown, input.bodyFormat);
  return db.transaction(async (trx) => {
    const [row] = await trx('articles')
      .insert({ ...articleColumns(input, now, figureOf), author_id: authorId, created_at: now, reactie_count: 0, revision: inSave ? 1 : 0 })
      .returning('*');
    // Answers that come with the questions were not "added later".
    if (input.document) await saveDocument(trx, Number(row.id), input.document);
    if (input.source) await saveDocumentSource(trx, Number(row.id), input.source, now);
    await bumpSiteVersion(trx);
    const article = toArticle(row);
    if (inSave) await inSave(trx, article);
    return article;
  });
}

/** Public at `now`, as the row stood before a change. */
const wasPublic = (row: Row, now: Date) =>
  row.status === 'published' && row.published_at !== null && toDate(row.published_at).getTime() <= now.getTime();

/**
 * What a save from the editor changes besides the columns of the input: the revision count, the
 * correction note (only on a public article) and "Bijgewerkt op" (the title or text of a public article changed).
 */
function editColumns(before: Row, columns: Row, input: ArticleInput, now: Date): Row {
  const out: Row = { revision: Number(before.revision ?? 0) + 1 };
  if (!wasPublic(before, now)) return out;
  if (columns.title !== before.title || columns.body_markdown !== before.body_markdown) out.text_updated_at = now;
  if (input.correctionNote !== undefined) {
    const note = input.correctionNote.trim() || null;
    const was = typeof before.correction_note === 'string' && before.correction_note ? before.correction_note : null;
    if (note !== was) Object.assign(out, { correction_note: note, corrected_at: note ? now : null });
  }
  return out;
}

/**
 * Writes an article under its row lock. When the change takes the article out of publication or
 * back in, its reacties leave or rejoin the site total in the same transaction.
 */
async function changeArticle(
  db: Db | Knex.Transaction,
  id: number,
  columns: Row,
  edit?: { input: ArticleInput; now: Date; options: SaveOptions },
): Promise<SaveResult | null> {
  const document = edit?.input.document;
  const source = edit?.input.source;
  return db.transaction(async (trx) => {
    const before = await trx('articles').where({ id }).forUpdate().first();
    if (!before) return null;
    const opened = edit?.options.openedAt;
    if (opened !== undefined && opened !== Number(before.revision ?? 0)) return { ok: false, current: toArticle(before) };
    if (edit) Object.assign(columns, editColumns(before, columns, edit.input, edit.now));
    if (source) await saveDocumentSource(trx, id, source, columns.updated_at as Date);
    // Answers that were not there before: the article says when they arrived.
    const answered = document ? await saveDocument(trx, id, document) : false;
    const [row] = await trx('articles')
      .where({ id })
      .update({ ...columns, version: trx.raw('version + 1'), ...(answered ? { answers_added_at: columns.updated_at } : {}) })
      .returning('*');
    const was = countsInSiteTotal(before);
    const is = countsInSiteTotal(row);
    if (was !== is) await moveSiteTotal(trx, (is ? 1 : -1) * Number(before.reactie_count));
    await bumpSiteVersion(trx);
    const article = toArticle(row);
    if (edit?.options.inSave) await edit.options.inSave(trx, article);
    return { ok: true as const, article };
  });
}

/** A save from the editor (or a restored revision): counted as a revision; refused when the form is out of date. */
export async function saveArticle(
  db: Db | Knex.Transaction,
  id: number,
  input: ArticleInput,
  now: Date,
  options: SaveOptions = {},
): Promise<SaveResult | null> {
  const figureOf = await figuresOf(db, input.bodyMarkdown, input.bodyFormat);
  return changeArticle(db, id, articleColumns(input, now, figureOf), { input, now, options });
}

export async function updateArticle(db: Db, id: number, input: ArticleInput, now: Date): Promise<Article | null> {
  const saved = await saveArticle(db, id, input, now);
  return saved?.ok ? saved.article : null;
}

export async function unpublishArticle(db: Db, id: number, now: Date): Promise<void> {
  await changeArticle(db, id, { status: 'draft', updated_at: now });
}

/**
 * Counts a save that changed something of the article kept elsewhere (its tags), under the
 * article's row lock; returns the article as it is now, or null when it is gone.
 */
export async function countRevision(trx: Knex.Transaction, id: number): Promise<Article | null> {
  const before = await trx('articles').where({ id }).forUpdate().first('id');
  if (!before) return null;
  const [row] = await trx('articles')
    .where({ id })
    .update({ revision: trx.raw('revision + 1'), version: trx.raw('version + 1') })
    .returning('*');
  return toArticle(row);
}

/** A slug not yet taken by another article: "slug", then "slug-2", "slug-3", … */
export async function uniqueSlug(db: Db, base: string, exceptId?: number): Promise<string> {
  const q = db('articles').where('slug', base).orWhere('slug', 'like', `${base}-%`);
  const taken = new Set<string>(
    (await q.select('slug', 'id')).filter((r: Row) => Number(r.id) !== exceptId).map((r: Row) => String(r.slug)),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  const q = db('articles').where({ slug });
  if (exceptId !== undefined) q.whereNot({ id: exceptId });
  return Boolean(await q.first('id'));
}

export async function countDrafts(db: Db): Promise<number> {
  return toCount(await db('articles').where({ status: 'draft' }).count({ n: '*' }).first());
}

/** Articles waiting "Ter beoordeling": the Overzicht's count. */
export async function countInReview(db: Db): Promise<number> {
  return toCount(await db('articles').where({ status: 'review' }).count({ n: '*' }).first());
}

/** The article as a save from the editor would give it, unchanged: a status change (reviews/) saves it so. */
export function articleAsInput(article: Article, document: DocumentData | undefined): ArticleInput {
  return {
    title: article.title,
    slug: article.slug,
    kind: article.kind,
    bodyMarkdown: article.bodyMarkdown,
    bodyFormat: article.bodyFormat,
    excerptMarkdown: article.excerptMarkdown,
    authorName: article.authorName,
    status: article.status,
    publishedAt: article.publishedAt,
    pinned: article.pinned,
    reactiesOpen: article.reactiesOpen,
    reactiesCloseAfterDays: article.reactiesCloseAfterDays,
    document,
  };
}

export async function hasArticles(conn: Db): Promise<boolean> {
  return Boolean(await conn('articles').first('id'));
}

/** These articles, in the order of the ids given. */
export async function listArticlesByIds(db: Db, ids: number[]): Promise<Article[]> {
  if (!ids.length) return [];
  const rows = await db('articles').whereIn('id', ids);
  const byId = new Map(rows.map((r: Row) => [Number(r.id), toArticle(r)]));
  return ids.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
}

/** A new body for an article (an import pointed its links at the attachments): rendered again, its page version moves. */
export async function replaceArticleBody(conn: Db | Knex.Transaction, id: number, body: string): Promise<void> {
  const row = await conn('articles').where({ id }).first('body_format', 'kind');
  if (!row) return;
  const format: BodyFormat = row.body_format === 'html' ? 'html' : 'markdown';
  await conn('articles')
    .where({ id })
    .update({
      body_markdown: body,
      body_html: renderBody(body, format, { document: row.kind !== 'nieuws', figureOf: await figuresOf(conn, body, format) }),
      version: conn.raw('version + 1'),
    });
}

/** Articles stored as HTML whose body holds this text: an import's links to rewrite. */
export async function htmlArticlesContaining(conn: Db | Knex.Transaction, text: string): Promise<Array<{ id: number; body: string }>> {
  const rows: Row[] = await conn('articles')
    .where({ body_format: 'html' })
    .andWhere('body_markdown', 'like', `%${text}%`)
    .select('id', 'body_markdown');
  return rows.map((r) => ({ id: Number(r.id), body: String(r.body_markdown) }));
}

/** Makes an article a page (imports/posts.ts), under its parent page when it has one. */
export async function markAsPage(conn: Db | Knex.Transaction, id: number, parentId: number | null): Promise<void> {
  await conn('articles')
    .where({ id })
    .update({ is_page: true, page_parent_id: parentId, version: conn.raw('version + 1') });
}

export async function isPage(conn: Db | Knex.Transaction, id: number): Promise<boolean> {
  const row = await conn('articles').where({ id }).first('is_page');
  return row ? toBool(row.is_page) : false;
}

/** A page's link as its family shows it. */
export interface PageLink {
  title: string;
  path: string;
}

/** The public parent page of a page, and its public child pages by title: "Onderdeel van" and "Pagina's hieronder". */
export async function pageFamily(db: Db, article: Article, now: Date): Promise<{ parent: PageLink | null; children: PageLink[] }> {
  if (!article.isPage) return { parent: null, children: [] };
  const [parentRow, childRows] = await Promise.all([
    article.pageParentId === null
      ? null
      : db('articles')
          .where({ id: article.pageParentId, status: 'published', is_page: true })
          .andWhere('published_at', '<=', now)
          .first('title', 'slug', 'published_at', 'created_at'),
    db('articles')
      .where({ page_parent_id: article.id, status: 'published', is_page: true })
      .andWhere('published_at', '<=', now)
      .select('title', 'slug', 'published_at', 'created_at')
      .orderBy([{ column: 'title' }, { column: 'id' }]),
  ]);
  const link = (r: Row): PageLink => ({
    title: String(r.title),
    path: articlePath({ slug: String(r.slug), publishedAt: toDateOrNull(r.published_at), createdAt: toDate(r.created_at) }),
  });
  return { parent: parentRow ? link(parentRow as Row) : null, children: (childRows as Row[]).map(link) };
}
