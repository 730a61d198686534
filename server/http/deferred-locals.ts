// Locals a page needs only when it is rendered. A reactie POST is answered with a redirect nearly
// always; the article page (its attachments, its dossiers) is rendered only when the form comes
// back with an error. The features that add to that page defer their reads for a POST, and the
// page loads them before rendering: each read on SQLite waits its turn on the one connection.
import type { Response } from 'express';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Loads that fill res.locals for the page, run by loadDeferredLocals. */
      deferredLocals?: Array<() => Promise<void>>;
    }
  }
}

export function deferLocals(res: Response, load: () => Promise<void>): void {
  (res.locals.deferredLocals ??= []).push(load);
}

/** Runs the deferred loads (once): before rendering a page that shows what they fill in. */
export async function loadDeferredLocals(res: Response): Promise<void> {
  const loads = res.locals.deferredLocals ?? [];
  res.locals.deferredLocals = [];
  await Promise.all(loads.map((load) => load()));
}
