// What a resident's browser remembers of its own reacties: the held ones that only their author
// may see, and the tokens to edit or withdraw the newest for a short while (edit-token.ts). It is
// one cookie, signed with the site secret, on the resident's own device, not a row in a server
// session: placing a reactie writes the reactie and nothing else (a session row per resident was a
// quarter of the cost of a post), and the server keeps nothing about a browser.
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { parseCookies } from '../http/cookies';
import { sameSignature } from '../http/signature';

const OWN_COOKIE = 'stadslog_eigen';
// Long enough to see a held reactie until a moderator decides on it, also after the weekend.
const OWN_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
// The newest held reacties a browser remembers as its own; older ones have long been moderated.
const MAX_HELD = 20;
// A browser posting more than this within the edit window is rare; the oldest token goes first.
const MAX_EDIT_TOKENS = 10;

export interface OwnReacties {
  /** Held reacties this browser posted, newest last. */
  held: number[];
  /** Reactie id → its edit token, newest last. */
  edit: Array<[number, string]>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** This request's cookie, read once (readOwn). */
      ownReacties?: OwnReacties;
    }
  }
}

function signature(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(`eigen:${payload}`).digest('base64url');
}

function decode(raw: string | undefined, secret: string): OwnReacties {
  const none: OwnReacties = { held: [], edit: [] };
  const dot = raw?.lastIndexOf('.') ?? -1;
  if (!raw || dot < 1) return none;
  const payload = raw.slice(0, dot);
  // Anyone could write ids into an unsigned cookie and see other residents' held reacties.
  if (!sameSignature(signature(secret, payload), raw.slice(dot + 1))) return none;
  try {
    const data: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const { h, e } = (data ?? {}) as { h?: unknown; e?: unknown };
    const held = Array.isArray(h) ? h.filter((id): id is number => Number.isInteger(id)) : [];
    const edit = Array.isArray(e)
      ? e.filter((p): p is [number, string] => Array.isArray(p) && Number.isInteger(p[0]) && typeof p[1] === 'string')
      : [];
    return { held, edit };
  } catch {
    return none;
  }
}

/** What this browser's cookie says (nothing when it is missing, damaged or not signed by us). */
export function readOwn(req: Request, secret: string): OwnReacties {
  return (req.ownReacties ??= decode(parseCookies(req.headers.cookie)[OWN_COOKIE], secret));
}

/** A reactie this browser just placed: held ones are remembered to show them, every one gets its edit token. */
export function rememberPosted(
  req: Request,
  res: Response,
  secret: string,
  posted: { id: number; held: boolean; editToken: string },
  secure: boolean,
): void {
  const own = readOwn(req, secret);
  const held = posted.held ? [...own.held.filter((id) => id !== posted.id), posted.id].slice(-MAX_HELD) : own.held;
  const edit = [...own.edit.filter(([id]) => id !== posted.id), [posted.id, posted.editToken] as [number, string]].slice(-MAX_EDIT_TOKENS);
  req.ownReacties = { held, edit };
  const payload = Buffer.from(JSON.stringify({ h: held, e: edit }), 'utf8').toString('base64url');
  res.cookie(OWN_COOKIE, `${payload}.${signature(secret, payload)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: OWN_MAX_AGE_MS,
    path: '/',
  });
}

/** The held reacties this browser posted: they may reply to those, and see them. */
export function ownReactieIds(req: Request, secret: string): number[] {
  return readOwn(req, secret).held;
}

/** Every reactie this browser placed that its cookie still names (held ones, and those it holds a token for). */
export function placedReactieIds(req: Request, secret: string): number[] {
  const own = readOwn(req, secret);
  return [...new Set([...own.held, ...own.edit.map(([id]) => id)])];
}
