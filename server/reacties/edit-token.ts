// The right to edit or withdraw one's own reactie, without an account: when a reactie is posted,
// the author's session gets a token signed with the site secret and bound to the reactie's id and
// its creation time, so it names exactly that reactie and only that browser holds it. Nothing about
// the author (e-mail, IP) is in the token or on the page; the page only shows "Bewerken" to the
// browser that holds a token for it, for as long as the edit window lasts.
import crypto from 'node:crypto';
import 'express-session';
import type { Request } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** Edit tokens of reacties this browser posted: reactie id → token. */
    editTokens?: Record<string, string>;
  }
}

/** How long after posting its author may still change or withdraw a reactie. */
const EDIT_WINDOW_MS = 15 * 60 * 1000;
// A browser posting more than this within the window is rare; the oldest token goes first.
const MAX_TOKENS = 10;

function editToken(secret: string, id: number, createdAt: Date): string {
  return crypto.createHmac('sha256', secret).update(`bewerk:${id}:${createdAt.getTime()}`).digest('base64url');
}

export function rememberEditToken(req: Request, secret: string, reactie: { id: number; createdAt: Date }): void {
  const entries = Object.entries(req.session.editTokens ?? {}).filter(([id]) => id !== String(reactie.id));
  entries.push([String(reactie.id), editToken(secret, reactie.id, reactie.createdAt)]);
  req.session.editTokens = Object.fromEntries(entries.slice(-MAX_TOKENS));
}

/** Whether this browser holds the genuine token for this reactie (bound to its id and creation time). */
export function holdsEditToken(req: Request, secret: string, reactie: { id: number; createdAt: Date }): boolean {
  const given = req.session?.editTokens?.[String(reactie.id)];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(editToken(secret, reactie.id, reactie.createdAt));
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

/** The ids this browser holds tokens for (checked against each reactie when the page is rendered). */
export function editTokenIds(req: Request): number[] {
  return Object.keys(req.session?.editTokens ?? {})
    .map(Number)
    .filter((id) => Number.isInteger(id));
}

export function editWindowEnds(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_MS);
}
