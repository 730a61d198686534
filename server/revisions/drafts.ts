// Autosaved drafts of the article editor: revisions/ owns editor_drafts. One per user and article
// (null: a new article), replaced by each autosave, removed when the article is saved.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { parseJson, toDate } from '../db/rows';

type Conn = Db | Knex.Transaction;

export interface Draft {
  articleId: number | null;
  savedAt: Date;
  /** The form's fields as typed, by name. */
  form: Record<string, string>;
}

// The article form's own fields, with the lead image and a new article's tags; anything else sent along (the
// token, a button) is not kept.
const KEPT =
  /^(?:titel|slug|soort|tekst|samenvatting|auteur|status|publicatietijd|vastgepind|reacties_open|reacties_sluiten_na|versie|correctienoot|hoofdfoto|tags|doc__[a-z-]+__[a-z_]+|(?:vraag|antwoord|label)_\d{1,3})$/;

export function draftFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (KEPT.test(name) && typeof value === 'string') out[name] = value;
  return out;
}

const forArticle = (conn: Conn, userId: number, articleId: number | null) =>
  articleId === null
    ? conn('editor_drafts').where({ user_id: userId }).whereNull('article_id')
    : conn('editor_drafts').where({ user_id: userId, article_id: articleId });

export async function saveDraft(db: Db, userId: number, articleId: number | null, form: Record<string, string>, now: Date): Promise<void> {
  await db.transaction(async (trx) => {
    await forArticle(trx, userId, articleId).delete();
    await trx('editor_drafts').insert({ user_id: userId, article_id: articleId, saved_at: now, form: JSON.stringify(form) });
  });
}

export async function findDraft(db: Db, userId: number, articleId: number | null): Promise<Draft | null> {
  const row = await forArticle(db, userId, articleId).first();
  const form = row ? parseJson<Record<string, string>>(row.form) : null;
  if (!row || !form || typeof form !== 'object') return null;
  return { articleId, savedAt: toDate(row.saved_at), form: draftFields(form) };
}

export async function dropDraft(conn: Conn, userId: number, articleId: number | null): Promise<void> {
  await forArticle(conn, userId, articleId).delete();
}
