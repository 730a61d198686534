// The rows behind a resident's own edit or withdrawal (edit.ts), and a moderator's decision on a
// held edit. Every change runs under the article lock on a copy read under it (lockReactie), and
// moves the article's version, so a cached page never shows the old text.
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { toDate, toDateOrNull } from '../../db/rows';
import { bumpSiteVersionIfFeatured, lockArticle } from '../counters';
import { reactieBodyHtml } from '../html';
import type { Reactie } from '../queries';
import { heldBecauseColumn, parseHeldBecause, type HeldBecause } from '../held-because';

type Conn = Db | Knex.Transaction;

/** What the edit rules read of a reactie besides the Reactie itself. */
export interface EditState {
  withdrawn: boolean;
  editedAt: Date | null;
  /** A held edit waiting for a moderator: its text. */
  pendingBody: string | null;
}

export async function editStateOf(conn: Conn, id: number): Promise<EditState | null> {
  const row = await conn('reacties').where({ id }).first('withdrawn_at', 'edited_at', 'pending_body');
  if (!row) return null;
  return {
    withdrawn: row.withdrawn_at !== null && row.withdrawn_at !== undefined,
    editedAt: toDateOrNull(row.edited_at),
    pendingBody: typeof row.pending_body === 'string' ? row.pending_body : null,
  };
}

/** The new text is shown at once (a held reactie, or an edit the spam checks let through). */
export async function replaceText(trx: Knex.Transaction, reactie: Reactie, body: string, now: Date): Promise<void> {
  await lockArticle(trx, reactie.articleId);
  await bumpSiteVersionIfFeatured(trx, reactie.id);
  await trx('reacties')
    .where({ id: reactie.id })
    .update({
      body,
      body_html: reactieBodyHtml(body),
      edited_at: now,
      pending_body: null,
      pending_body_html: null,
      pending_edit_at: null,
      pending_edit_held_because: null,
    });
}

/** The new text waits for a moderator; the old one stays public meanwhile. */
export async function holdText(trx: Knex.Transaction, reactie: Reactie, body: string, now: Date, why: HeldBecause): Promise<void> {
  await lockArticle(trx, reactie.articleId);
  await trx('reacties')
    .where({ id: reactie.id })
    .update({
      pending_body: body,
      pending_body_html: reactieBodyHtml(body),
      pending_edit_at: now,
      pending_edit_held_because: heldBecauseColumn(why),
    });
}

/** A moderator approved a held edit: its text replaces the old one. False when none waits (any more). */
export async function approveHeldEdit(trx: Knex.Transaction, reactie: Reactie): Promise<boolean> {
  const row = await trx('reacties').where({ id: reactie.id }).first('pending_body', 'pending_edit_at');
  if (!row || typeof row.pending_body !== 'string') return false;
  await replaceText(trx, reactie, row.pending_body, toDate(row.pending_edit_at));
  return true;
}

/** A moderator rejected a held edit: the old text stays. */
export async function rejectHeldEdit(trx: Knex.Transaction, reactie: Reactie): Promise<boolean> {
  await lockArticle(trx, reactie.articleId);
  const n = await trx('reacties')
    .where({ id: reactie.id })
    .whereNotNull('pending_edit_at')
    .update({ pending_body: null, pending_body_html: null, pending_edit_at: null, pending_edit_held_because: null });
  return n === 1;
}

/** Whether replies hang below a reactie that its readers or their authors may see. */
export async function hasLiveReplies(conn: Conn, id: number): Promise<boolean> {
  const row = await conn('reacties').where({ parent_id: id }).whereIn('status', ['approved', 'pending', 'spam']).first('id');
  return Boolean(row);
}

// The placeholder's HTML, stored like any reactie's: feeds and the API show the same words.
const WITHDRAWN_HTML = '<p>Reactie ingetrokken door de schrijver.</p>';

/**
 * A withdrawn reactie with replies stays where it is, as a placeholder without name, website or
 * text, so the replies keep their context; it keeps its status, so no count moves.
 */
export async function keepAsPlaceholder(trx: Knex.Transaction, reactie: Reactie, now: Date): Promise<void> {
  await lockArticle(trx, reactie.articleId);
  await bumpSiteVersionIfFeatured(trx, reactie.id);
  await trx('reacties').where({ id: reactie.id }).update({
    author_name: '',
    author_url: null,
    body: '',
    body_html: WITHDRAWN_HTML,
    withdrawn_at: now,
    pending_body: null,
    pending_body_html: null,
    pending_edit_at: null,
    pending_edit_held_because: null,
  });
}

/** Marks a reactie as withdrawn before it goes to the trash (the queue shows who removed it). */
export async function markWithdrawn(trx: Knex.Transaction, id: number, now: Date): Promise<void> {
  await bumpSiteVersionIfFeatured(trx, id);
  await trx('reacties')
    .where({ id })
    .update({ withdrawn_at: now, pending_body: null, pending_body_html: null, pending_edit_at: null, pending_edit_held_because: null });
}

export interface HeldEdit {
  id: number;
  articleId: number;
  authorName: string;
  body: string;
  pendingBody: string;
  pendingAt: Date;
  /** What held the new text (null for edits held before this was kept). */
  heldBecause: HeldBecause | null;
}

/** Held edits for the moderators, oldest first. */
export async function listHeldEdits(db: Db, limit: number): Promise<HeldEdit[]> {
  const rows = await db('reacties')
    .whereNotNull('pending_edit_at')
    .orderBy('pending_edit_at')
    .limit(limit)
    .select('id', 'article_id', 'author_name', 'body', 'pending_body', 'pending_edit_at', 'pending_edit_held_because');
  return rows.map((r) => ({
    id: Number(r.id),
    articleId: Number(r.article_id),
    authorName: String(r.author_name),
    body: String(r.body),
    pendingBody: String(r.pending_body),
    pendingAt: toDate(r.pending_edit_at),
    heldBecause: parseHeldBecause(r.pending_edit_held_because),
  }));
}

/** Held edits that wait for a moderator: the statement, asked with the other counts of what waits in one round trip (moderation/meldingen/work.ts). */
export const heldEditsCountQuery = (db: Db) => db('reacties').whereNotNull('pending_edit_at').count({ n: '*' });

/** Held edits that began to wait after `since` (the moderators' digest mails when there is news). */
export async function countHeldEditsSince(db: Db, since: Date): Promise<number> {
  return Number((await db('reacties').where('pending_edit_at', '>', since).count({ n: '*' }).first())?.n ?? 0);
}
