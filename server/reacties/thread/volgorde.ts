// The order a reader reads a discussion in (?volgorde=): oldest first (the default), newest first, or
// the most appreciated first. Threads stay whole: they are ordered by their first (top-level)
// reactie, the replies below it stay in the order they were written. The choice is kept per browser
// in a cookie, so the next article opens in it too; the default keeps no cookie (and so the page cache).
import type { Request, Response } from 'express';
import { parseCookies } from '../../http/cookies';
import type { ThreadNode } from '../thread-tree';

export const VOLGORDES = ['oudste', 'nieuwste', 'waardering'] as const;
export type Volgorde = (typeof VOLGORDES)[number];
export const DEFAULT_VOLGORDE: Volgorde = 'oudste';

export const VOLGORDE_LABELS: Record<Volgorde, string> = {
  oudste: 'Oudste eerst',
  nieuwste: 'Nieuwste eerst',
  waardering: 'Meest gewaardeerd',
};

const VOLGORDE_COOKIE = 'stadslog_volgorde';
const KEEP_MS = 365 * 24 * 60 * 60 * 1000;

function isVolgorde(value: unknown): value is Volgorde {
  return typeof value === 'string' && (VOLGORDES as readonly string[]).includes(value);
}

/** The order this browser keeps (its cookie), or oldest first: for a page that offers no choice of its own. */
export function keptVolgorde(req: Request): Volgorde {
  const kept = parseCookies(req.headers.cookie)[VOLGORDE_COOKIE];
  return isVolgorde(kept) ? kept : DEFAULT_VOLGORDE;
}

/**
 * The order for this request: ?volgorde= when it names one (and then kept in the browser's cookie,
 * or the cookie dropped for the default), else the cookie's, else oldest first. An unknown value is
 * not an error: the discussion is simply shown in the order the reader had.
 */
export function chooseVolgorde(req: Request, res: Response, secure: boolean): Volgorde {
  const kept = parseCookies(req.headers.cookie)[VOLGORDE_COOKIE];
  const asked = req.query.volgorde;
  if (!isVolgorde(asked)) return keptVolgorde(req);
  if (asked === DEFAULT_VOLGORDE) {
    if (kept !== undefined) res.clearCookie(VOLGORDE_COOKIE, { path: '/' });
  } else if (asked !== kept) {
    res.cookie(VOLGORDE_COOKIE, asked, { httpOnly: true, sameSite: 'lax', secure, maxAge: KEEP_MS, path: '/' });
  }
  return asked;
}

/** A thread's weight for "most appreciated": only a shown reactie's appreciations count. */
const appreciation = (node: ThreadNode) => (node.removed || node.pending || node.reactie.withdrawn ? 0 : node.reactie.waarderingen);

const byTime = (a: ThreadNode, b: ThreadNode) =>
  a.reactie.createdAt.getTime() - b.reactie.createdAt.getTime() || a.reactie.id - b.reactie.id;

/** The threads in this order (a new array; the threads themselves are not changed). */
export function sortThreads(roots: readonly ThreadNode[], volgorde: Volgorde): ThreadNode[] {
  const sorted = [...roots];
  if (volgorde === 'oudste') return sorted.sort(byTime);
  if (volgorde === 'nieuwste') return sorted.sort((a, b) => byTime(b, a));
  return sorted.sort((a, b) => appreciation(b) - appreciation(a) || byTime(a, b));
}
