// Autosaved drafts of the article editor: revisions/ owns editor_drafts. One per user and article
// (null: a new article), replaced by each autosave, removed when the article is saved.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { parseJson, toDate } from '../db/rows';

type Conn = Db | Knex.Transaction;

/** The form's fields as typed, by name: a value, or the values of boxes ticked under one name. */
export type DraftForm = Record<string, string | string[]>;

export interface Draft {
  articleId: number | null;
  savedAt: Date;
  form: DraftForm;
}

// The article form's own fields, with the lead image, a new article's tags and the dossier choice's marker; anything
// else sent along (the token, a button) is not kept.
const KEPT =
  /^(?:titel|slug|soort|tekst|samenvatting|auteur|status|publicatietijd|vastgepind|reacties_open|reacties_sluiten_na|versie|correctienoot|hoofdfoto|tags|dossiers_gekozen|doc__[a-z-]+__[a-z_]+|(?:vraag|antwoord|label)_\d{1,3})$/;
// Boxes ticked under one name: the dossiers, and a new article's files waiting on the server (their tokens, ticked
// and offered; attachments/new-article.ts). The file itself is never in the form: the tokens bring it back.
const KEPT_LISTS = /^(?:dossier|bijlage|bijlagen_aangeboden)$/;
/** More boxes than any form has: a list beyond this is not the editor's. */
const MAX_LIST = 200;

export function draftFields(body: unknown): DraftForm {
  const out: DraftForm = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (KEPT.test(name) && typeof value === 'string') out[name] = value;
    else if (KEPT_LISTS.test(name)) {
      const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
      if (values.length) out[name] = values.slice(0, MAX_LIST);
    }
  }
  return out;
}

/** One field of a draft as typed; undefined when the draft has none. */
export function draftValue(form: DraftForm, name: string): string | undefined {
  const value = form[name];
  return typeof value === 'string' ? value : undefined;
}

/** The values of a draft's boxes ticked under one name. */
export function draftList(form: DraftForm, name: string): string[] {
  const value = form[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const forArticle = (conn: Conn, userId: number, articleId: number | null) =>
  articleId === null
    ? conn('editor_drafts').where({ user_id: userId }).whereNull('article_id')
    : conn('editor_drafts').where({ user_id: userId, article_id: articleId });

export async function saveDraft(db: Db, userId: number, articleId: number | null, form: DraftForm, now: Date): Promise<void> {
  await db.transaction(async (trx) => {
    await forArticle(trx, userId, articleId).delete();
    await trx('editor_drafts').insert({ user_id: userId, article_id: articleId, saved_at: now, form: JSON.stringify(form) });
  });
}

export async function findDraft(db: Db, userId: number, articleId: number | null): Promise<Draft | null> {
  const row = await forArticle(db, userId, articleId).first();
  const form = row ? parseJson<DraftForm>(row.form) : null;
  if (!row || !form || typeof form !== 'object') return null;
  return { articleId, savedAt: toDate(row.saved_at), form: draftFields(form) };
}

export async function dropDraft(conn: Conn, userId: number, articleId: number | null): Promise<void> {
  await forArticle(conn, userId, articleId).delete();
}
