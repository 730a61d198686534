// Locals a page needs only when it is rendered. A reactie POST is answered with a redirect nearly
// always; the article page (its attachments, its dossiers) is rendered only when the form comes
// back with an error. The features that add to that page defer their reads for a POST, and the
// page loads them before rendering: each read on SQLite waits its turn on the one connection.
import type { Request, RequestHandler, Response } from 'express';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Loads that fill res.locals for the page, run by loadDeferredLocals. */
      deferredLocals?: Array<() => Promise<void>>;
      /** Loads that must run before the page reads anything (the live position), run by loadLocalsBeforeReads. */
      deferredBeforeReads?: Array<() => Promise<void>>;
    }
  }
}

function deferLocals(res: Response, load: () => Promise<void>): void {
  (res.locals.deferredLocals ??= []).push(load);
}

/**
 * Middleware that fills res.locals for the article page: at once for a GET, and for a POST (a
 * reactie, answered with a redirect nearly always) only when the page is rendered after all.
 */
export function articlePageLocals(load: (req: Request, res: Response) => Promise<void>, o: { beforeReads?: boolean } = {}): RequestHandler {
  return async (req, res, next) => {
    if (req.method === 'POST' && o.beforeReads) (res.locals.deferredBeforeReads ??= []).push(() => load(req, res));
    else if (req.method === 'POST') deferLocals(res, () => load(req, res));
    else await load(req, res);
    next();
  };
}

/**
 * Runs the loads deferred with beforeReads (once), one after the other: before the page starts any
 * read of its own or any other deferred load.
 */
export async function loadLocalsBeforeReads(res: Response): Promise<void> {
  const loads = res.locals.deferredBeforeReads ?? [];
  res.locals.deferredBeforeReads = [];
  for (const load of loads) await load();
}

/** Runs the deferred loads (once): before rendering a page that shows what they fill in. */
export async function loadDeferredLocals(res: Response): Promise<void> {
  const loads = res.locals.deferredLocals ?? [];
  res.locals.deferredLocals = [];
  await Promise.all(loads.map((load) => load()));
}
