// The reacties a browser posted that still wait for approval: only their author sees them, so
// they are remembered in the author's session (the only cookie a resident ever gets, after posting).
import 'express-session';
import type { Request } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** Held reacties this browser posted, newest last. */
    ownReacties?: number[];
  }
}

// The newest held reacties a browser remembers as its own; older ones have long been moderated.
const MAX_OWN_REACTIES = 20;

export function ownReactieIds(req: Request): number[] {
  return Array.isArray(req.session?.ownReacties) ? req.session.ownReacties.filter((id) => Number.isInteger(id)) : [];
}

export function rememberOwnReactie(req: Request, id: number): void {
  req.session.ownReacties = [...ownReactieIds(req).filter((own) => own !== id), id].slice(-MAX_OWN_REACTIES);
}
