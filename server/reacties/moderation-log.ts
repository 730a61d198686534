// The public moderation log: every decision on a reactie that had been public, with the reason
// category and the moderator's public note, and nobody's name, address or IP. Who decided stays in
// the audit log (audit/), which only admins read. /moderatie and its feed read these rows.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { olderThan } from '../db/keyset';
import { toDate } from '../db/rows';
import { REASON_CATEGORIES } from '../settings/removal-reasons';

type Conn = Db | Knex.Transaction;

/** Why a reactie came off the page; the reasons a reader can report are the first four (defined with the removal reasons' setting). */
export const MODERATION_REASONS = REASON_CATEGORIES;
export type ModerationReason = keyof typeof MODERATION_REASONS;

export function isModerationReason(value: unknown): value is ModerationReason {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MODERATION_REASONS, value);
}

export const LOG_ACTIONS = {
  verborgen: 'verborgen na meldingen van lezers',
  verwijderd: 'verwijderd door de moderatie',
  hersteld: 'teruggezet door de moderatie',
  bewerkt: 'bewerkt door de moderatie',
  'bezwaar-toegekend': 'bezwaar toegekend, reactie teruggezet',
  'bezwaar-afgewezen': 'bezwaar afgewezen, reactie blijft weg',
  uitgelicht: 'uitgelicht door de redactie',
  'niet-meer-uitgelicht': 'niet meer uitgelicht',
} as const;
export type LogAction = keyof typeof LOG_ACTIONS;

/** Actions that are no judgement on the reactie: they have no reason (stored as 'anders'). */
const ACTIONS_WITHOUT_REASON: readonly LogAction[] = ['uitgelicht', 'niet-meer-uitgelicht'];

/** Actions after which the reactie is off the page (what a bezwaar can be made against). */
const REMOVING_ACTIONS: readonly LogAction[] = ['verborgen', 'verwijderd', 'bezwaar-afgewezen'];

// A public note is a sentence or two, shown as plain text.
export const PUBLIC_NOTE_MAX = 500;

export interface LogEntry {
  id: number;
  reactieId: number;
  articleId: number;
  action: LogAction;
  reason: ModerationReason;
  publicNote: string | null;
  createdAt: Date;
}

export interface PublicLogEntry extends LogEntry {
  articleTitle: string;
  articleSlug: string;
  articlePublishedAt: Date | null;
  articleCreatedAt: Date;
}

export async function addLogEntry(
  trx: Conn,
  entry: { reactieId: number; articleId: number; action: LogAction; reason: ModerationReason; publicNote?: string | null },
  now: Date,
): Promise<void> {
  await trx('moderation_log').insert({
    reactie_id: entry.reactieId,
    article_id: entry.articleId,
    action: entry.action,
    reason: entry.reason,
    public_note: entry.publicNote?.trim() ? entry.publicNote.trim() : null,
    created_at: now,
  });
}

function toEntry(row: Record<string, unknown>): LogEntry {
  return {
    id: Number(row.id),
    reactieId: Number(row.reactie_id),
    articleId: Number(row.article_id),
    action: row.action as LogAction,
    reason: isModerationReason(row.reason) ? row.reason : 'anders',
    publicNote: (row.public_note as string | null) ?? null,
    createdAt: toDate(row.created_at),
  };
}

/** The newest log entry of a reactie, or null when it was never logged (never public, or before the log). */
async function latestLogEntry(conn: Conn, reactieId: number): Promise<LogEntry | null> {
  const row = await conn('moderation_log')
    .where({ reactie_id: reactieId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first();
  return row ? toEntry(row) : null;
}

/** Whether a reactie's last logged decision took it off the page. */
export async function removedPublicly(conn: Conn, reactieId: number): Promise<LogEntry | null> {
  const last = await latestLogEntry(conn, reactieId);
  return last && REMOVING_ACTIONS.includes(last.action) ? last : null;
}

/**
 * One page of the log, newest first, after `cursor`; only entries of public articles (the log
 * never names an article readers cannot see).
 */
export async function listPublicLog(db: Db, now: Date, limit: number, cursor: { at: Date; id: number } | null): Promise<PublicLogEntry[]> {
  const q = db('moderation_log as m')
    .join('articles as a', 'a.id', 'm.article_id')
    .where('a.status', 'published')
    .andWhere('a.published_at', '<=', now)
    .select('m.*', 'a.title as a_title', 'a.slug as a_slug', 'a.published_at as a_published_at', 'a.created_at as a_created_at')
    .orderBy([
      { column: 'm.created_at', order: 'desc' },
      { column: 'm.id', order: 'desc' },
    ])
    .limit(limit);
  olderThan(q, 'm.created_at', 'm.id', cursor);
  const rows: Array<Record<string, unknown>> = await q;
  return rows.map((row) => ({
    ...toEntry(row),
    articleTitle: String(row.a_title),
    articleSlug: String(row.a_slug),
    articlePublishedAt: row.a_published_at ? toDate(row.a_published_at) : null,
    articleCreatedAt: toDate(row.a_created_at),
  }));
}

/** One line for a log entry, as the page and the feed say it: "Reactie verwijderd door de moderatie: beledigend". */
export function logEntrySummary(e: Pick<LogEntry, 'action' | 'reason'>): string {
  if (ACTIONS_WITHOUT_REASON.includes(e.action)) return `Reactie ${LOG_ACTIONS[e.action]}`;
  return `Reactie ${LOG_ACTIONS[e.action]}: ${MODERATION_REASONS[e.reason]}`;
}
