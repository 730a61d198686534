// The right to edit or withdraw one's own reactie, without an account: when a reactie is posted,
// the author's browser gets a token signed with the site secret and bound to the reactie's id and
// its creation time, so it names exactly that reactie and only that browser holds it. Nothing about
// the author (e-mail, IP) is in the token or on the page; the page only shows "Bewerken" to the
// browser that holds a token for it, for as long as the edit window lasts.
import crypto from 'node:crypto';
import type { Request } from 'express';
import { readOwn } from '../own-cookie';
import { sameSignature } from '../../http/signature';

/** How long after posting its author may still change or withdraw a reactie. */
const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** The token a browser gets for a reactie it placed (own-cookie.ts keeps it). */
export function editToken(secret: string, reactie: { id: number; createdAt: Date }): string {
  return crypto.createHmac('sha256', secret).update(`bewerk:${reactie.id}:${reactie.createdAt.getTime()}`).digest('base64url');
}

/** Whether this browser holds the genuine token for this reactie (bound to its id and creation time). */
export function holdsEditToken(req: Request, secret: string, reactie: { id: number; createdAt: Date }): boolean {
  const given = readOwn(req, secret).edit.find(([id]) => id === reactie.id)?.[1];
  if (given === undefined) return false;
  return sameSignature(editToken(secret, reactie), given);
}

/** The ids this browser holds tokens for (checked against each reactie when the page is rendered). */
export function editTokenIds(req: Request, secret: string): number[] {
  return readOwn(req, secret).edit.map(([id]) => id);
}

export function editWindowEnds(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_MS);
}
