// Tags and which articles carry them. tags/ owns the tables tags and article_tags.
// Like dossiers/queries.ts, the tag page selects only article ids here (to filter, order and page
// with the articles table) and leaves reading the articles to their owner (listArticlesByIds).
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { COLUMN_LIMITS } from '../db/limits';
import { toCount } from '../db/rows';
import { slugify } from '../shared/slug';
import { normalizeLine } from '../shared/validation';
import { isPublic, listArticlesByIds, touchArticles, type Article } from '../articles/queries';

type Conn = Db | Knex.Transaction;

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

export const TAG_LIMITS = { name: COLUMN_LIMITS.tags.name, perArticle: 50 } as const;

export const tagPath = (tag: Pick<Tag, 'slug'>): string => `/tags/${tag.slug}`;

const toTag = (r: Record<string, unknown>): Tag => ({ id: Number(r.id), slug: String(r.slug), name: String(r.name) });

/** "Fietsen, verkeer ,  Fietsen": the names typed, trimmed, each once (case-insensitively), in order. */
export function parseTagNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const name = normalizeLine(part);
    const key = name.toLocaleLowerCase('nl-NL');
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export async function findTagBySlug(conn: Conn, slug: string): Promise<Tag | null> {
  const row = await conn('tags').where({ slug }).first();
  return row ? toTag(row) : null;
}

export async function findTagById(conn: Conn, id: number): Promise<Tag | null> {
  const row = await conn('tags').where({ id }).first();
  return row ? toTag(row) : null;
}

/**
 * The tag with this slug (made from the name when not given), created when there is none: a tag
 * is known by its slug, so "Fietsen" and "fietsen" are one tag.
 */
export async function findOrCreateTag(conn: Conn, name: string, slug?: string): Promise<Tag> {
  const cutName = [...name].slice(0, TAG_LIMITS.name).join('');
  const wanted = (slugify(slug || cutName) || 'tag').slice(0, COLUMN_LIMITS.tags.slug);
  const existing = await findTagBySlug(conn, wanted);
  if (existing) return existing;
  // Made before "&" read as "en" ("B&W" was b-w, now b-en-w): the tag keeps its slug and its page.
  if (!slug && cutName.includes('&')) {
    const older = await findTagBySlug(conn, slugify(cutName.replace(/&/g, ' ')).slice(0, COLUMN_LIMITS.tags.slug));
    if (older) return older;
  }
  await conn('tags').insert({ slug: wanted, name: cutName }).onConflict('slug').ignore();
  return (await findTagBySlug(conn, wanted))!;
}

export async function tagsOfArticle(conn: Conn, articleId: number): Promise<Tag[]> {
  const rows: Array<Record<string, unknown>> = await conn('tags')
    .join('article_tags', 'article_tags.tag_id', 'tags.id')
    .where('article_tags.article_id', articleId)
    .select('tags.id', 'tags.slug', 'tags.name');
  // By name as a Dutch reader sorts (the databases' orders differ in case), the same everywhere.
  return rows.map(toTag).sort((a, b) => a.name.localeCompare(b.name, 'nl-NL', { sensitivity: 'base' }) || a.id - b.id);
}

/** Adds tags to an article (those it has stay); the article's page shows them, so its version moves. */
export async function addTagsToArticle(conn: Conn, articleId: number, tagIds: number[]): Promise<void> {
  if (tagIds.length === 0) return;
  await conn('article_tags')
    .insert([...new Set(tagIds)].map((tag_id) => ({ article_id: articleId, tag_id })))
    .onConflict(['article_id', 'tag_id'])
    .ignore();
  await touchArticles(conn, [articleId]);
}

/** The article's tags become exactly these names (new ones are created); unused tags stay for their URL. */
export async function setArticleTags(trx: Conn, articleId: number, names: string[]): Promise<Tag[]> {
  const tags: Tag[] = [];
  for (const name of names) tags.push(await findOrCreateTag(trx, name));
  await trx('article_tags').where({ article_id: articleId }).delete();
  if (tags.length)
    await trx('article_tags').insert([...new Set(tags.map((t) => t.id))].map((tag_id) => ({ article_id: articleId, tag_id })));
  await touchArticles(trx, [articleId]);
  return tags;
}

/** A tag's public articles; a page (articles/queries.ts publicArticles) is in no list. */
function publicLinks(db: Db, tagId: number, now: Date) {
  return db('article_tags')
    .join('articles', 'articles.id', 'article_tags.article_id')
    .where('article_tags.tag_id', tagId)
    .andWhere('articles.status', 'published')
    .andWhere('articles.is_page', false)
    .andWhere('articles.published_at', '<=', now);
}

/** One page of a tag's public articles, newest first. */
export async function publicArticlesOfTag(
  db: Db,
  tagId: number,
  now: Date,
  page: number,
  perPage: number,
): Promise<{ articles: Article[]; total: number }> {
  const [rows, countRow] = await Promise.all([
    publicLinks(db, tagId, now)
      .select('articles.id')
      .orderBy([
        { column: 'articles.published_at', order: 'desc' },
        { column: 'articles.id', order: 'desc' },
      ])
      .limit(perPage)
      .offset((page - 1) * perPage),
    publicLinks(db, tagId, now).count({ n: '*' }).first(),
  ]);
  const articles = await listArticlesByIds(
    db,
    (rows as Array<{ id: number }>).map((r) => Number(r.id)),
  );
  return { articles: articles.filter((a) => isPublic(a, now)), total: toCount(countRow) };
}

/** Every tag with its articles' ids (any status): the WordPress export. */
export async function listAllTags(db: Db): Promise<Tag[]> {
  return ((await db('tags').select('id', 'slug', 'name').orderBy('id')) as Array<Record<string, unknown>>).map(toTag);
}
