// What a reader's page hears of one change: a decision from the change and the reactie as it is now
// (pure, so the rules are tested without a database). Only ids: the page asks for the HTML of new or
// changed reacties at /artikel/:id/live/reacties, rendered by the same template as the page itself.
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

/** The id a browser sends back on reconnecting: never past a change that may still commit (hub.ts). */
export function eventId(changeId: number, oldestMissing: number | null): number {
  return oldestMissing === null ? changeId : Math.min(changeId, oldestMissing - 1);
}

/** One Server-Sent Event, as written to the connection. */
export function sseMessage(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
