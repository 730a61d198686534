// Revisions of articles: revisions/ owns article_revisions. A row is kept in the transaction of the
// save it records (articles/queries.ts calls the InSave given here), numbered by the article's own
// count of saves, so a save keeps one row at most. Public pages never read this table.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { parseJson, toDate } from '../db/rows';
import type { Article, InSave } from '../articles/queries';
import { loadDocuments } from '../documents/queries';
import { tagsOfArticle } from '../tags/queries';
import { contentOf, readContent, summarise, type RevisionContent } from './content';

type Conn = Db | Knex.Transaction;

export interface Revision {
  id: number;
  articleId: number;
  number: number;
  at: Date;
  /** Who saved it; null for the copy made of an article from before the history began. */
  author: string | null;
  summary: string;
  content: RevisionContent;
}

/** Who saves: the account, by id and by the name it has now. */
export interface Saver {
  id: number;
  name: string;
}

function toRevision(r: Record<string, unknown>): Revision | null {
  const content = readContent(parseJson(r.content));
  if (!content) return null;
  return { ...toEntry(r), content };
}

/** The article as it is now, as a revision keeps it: its text, document and tags. */
async function currentContent(conn: Conn, article: Article): Promise<RevisionContent> {
  const documents = await loadDocuments(conn, new Map([[article.id, article.kind]]));
  const tags = (await tagsOfArticle(conn, article.id)).map((t) => t.name);
  return contentOf(article, documents.get(article.id), tags);
}

async function latestBefore(conn: Conn, articleId: number, number: number): Promise<Revision | null> {
  const row = await conn('article_revisions')
    .where({ article_id: articleId })
    .andWhere('number', '<', number)
    .orderBy('number', 'desc')
    .first();
  return row ? toRevision(row) : null;
}

async function keep(
  trx: Conn,
  article: Article,
  by: Saver | null,
  at: Date,
  summary?: (content: RevisionContent) => string,
): Promise<void> {
  const content = await currentContent(trx, article);
  const previous = await latestBefore(trx, article.id, article.revision);
  await trx('article_revisions')
    .insert({
      article_id: article.id,
      number: article.revision,
      created_at: at,
      user_id: by?.id ?? null,
      author: by?.name ?? null,
      summary: summary ? summary(content) : summarise(previous?.content ?? null, content),
      content: JSON.stringify(content),
    })
    .onConflict(['article_id', 'number'])
    .ignore();
}

/** The InSave of a save from the editor: keeps the article as saved, by this editor, now. */
export function keepRevision(by: Saver, at: () => Date, summary?: (content: RevisionContent) => string): InSave {
  return (trx, article) => keep(trx, article, by, at(), summary);
}

/**
 * An article saved before the history began (or made by the WordPress import or the demo) has no copy of
 * its current state: opening it in the editor keeps one, so its first edit can be compared and undone.
 */
export async function keepStartingPoint(db: Db, article: Article): Promise<void> {
  const has = await db('article_revisions').where({ article_id: article.id, number: article.revision }).first('id');
  if (has) return;
  await keep(db, article, null, article.updatedAt, () => 'Versie van vóór de versiegeschiedenis');
}

export type RevisionEntry = Omit<Revision, 'content'>;

/** Newest first, for the list: without their copies (the summary says what changed). */
export async function listRevisions(db: Db, articleId: number): Promise<RevisionEntry[]> {
  const rows: Array<Record<string, unknown>> = await db('article_revisions')
    .where({ article_id: articleId })
    .orderBy('number', 'desc')
    .select('id', 'article_id', 'number', 'created_at', 'author', 'summary');
  return rows.map(toEntry);
}

function toEntry(r: Record<string, unknown>): RevisionEntry {
  return {
    id: Number(r.id),
    articleId: Number(r.article_id),
    number: Number(r.number),
    at: toDate(r.created_at),
    author: typeof r.author === 'string' ? r.author : null,
    summary: String(r.summary),
  };
}

export async function findRevision(db: Db, articleId: number, number: number): Promise<Revision | null> {
  const row = await db('article_revisions').where({ article_id: articleId, number }).first();
  return row ? toRevision(row) : null;
}

/** What else a save did ("ter beoordeling aangeboden"), added to the summary of the revision it kept. */
export async function addToSummary(conn: Conn, articleId: number, number: number, text: string): Promise<void> {
  await conn('article_revisions')
    .where({ article_id: articleId, number })
    .update({ summary: conn.raw('summary || ?', [`; ${text}`]) });
}
