// What a reader's page hears of one change: a decision from the change and the reactie as it is now
// (pure, so the rules are tested without a database). Only ids: the page asks for the HTML of new or
// changed reacties at /artikel/:id/live/reacties, rendered by the same template as the page itself.
import { parseId } from '../shared/validation';
import type { Change, ReactieNow } from './changes';

/**
 * nieuw: a reactie became visible (posted and approved, or approved from the queue);
 * gewijzigd: a visible reactie changed (edited, featured, now a placeholder with a reason);
 * weg: a reactie a reader could see is gone (withdrawn, taken off, deleted).
 */
export type LiveKind = 'nieuw' | 'gewijzigd' | 'weg';

export interface ReactieEvent {
  soort: LiveKind;
  reactie: number;
  /** The reactie it answers (null at the top of a thread): where a page inserts it. */
  antwoordOp: number | null;
  /** Whether it is in the article's "Uitgelicht door de redactie" block now: the page brings its block in line. */
  uitgelicht: boolean;
}

/**
 * Nothing for a reactie no reader could see before or now: a held, spam or trashed reactie is never
 * announced, not even by its id (its author's own page shows it without the live connection).
 */
export function reactieEvent(change: Change, now: ReactieNow | undefined): ReactieEvent | null {
  const shown = now !== undefined && now.shown && now.articleId === change.articleId;
  if (!shown && !change.wasShown) return null;
  const soort: LiveKind = !shown ? 'weg' : change.wasShown ? 'gewijzigd' : 'nieuw';
  return {
    soort,
    reactie: change.reactieId,
    antwoordOp: shown && now ? now.parentId : null,
    uitgelicht: now !== undefined && now.articleId === change.articleId && now.featured,
  };
}

/**
 * Where a page or a browser is in the change log: it has seen every change up to `id`, except, on
 * PostgreSQL, those of transactions from `xmin` on (the oldest transaction still open when the position
 * was taken; null when none was): a stream from here replays the changes after `id` and every change of
 * such a transaction (changes.ts). Ids are handed out before commit, so a change below `id` may commit
 * later; its transaction is then one of those. Written as "id" or "id.xmin" (?na=, Last-Event-ID).
 */
export interface LogPosition {
  id: number;
  xmin: string | null;
}

export function positionText(position: LogPosition): string {
  return position.xmin === null ? String(position.id) : `${position.id}.${position.xmin}`;
}

// A transaction id (PostgreSQL's xid8) below 2^63: what the column takes without an error.
const MAX_XID = 2n ** 63n - 1n;

/** A position as a browser sent it back; null when it is none (an id out of the column's range is none). */
export function parsePosition(text: string): LogPosition | null {
  const m = /^(\d{1,12})(?:\.(\d{1,19}))?$/.exec(text);
  if (!m) return null;
  const id = m[1] === '0' ? 0 : parseId(m[1]);
  if (id === null) return null;
  if (m[2] === undefined) return { id, xmin: null };
  const xmin = BigInt(m[2]);
  return xmin > MAX_XID ? null : { id, xmin: String(xmin) };
}

/** The id a browser sends back on reconnecting: never past a change that may still commit (hub.ts). */
export function eventId(changeId: number, oldestMissing: number | null): number {
  return oldestMissing === null ? changeId : Math.min(changeId, oldestMissing - 1);
}

/** One Server-Sent Event, as written to the connection. */
export function sseMessage(event: string, data: unknown, id?: string): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
