// What waits for the moderators besides held reacties: reacties readers reported, authors' edits
// the checks held, and bezwaren. The beheer menu and the Overzicht show the counts (menuCounts, as
// locals of every beheer page a moderator opens), and the moderators' digest mail includes them
// (workSince answers the port notifications/jobs.ts declares).
import type { RequestHandler, Response } from 'express';
import { readsOf, type Db } from '../../db/knex';
import { can } from '../../accounts/roles';
import { countHeldEditsSince, heldEditsCountQuery } from '../../reacties/editing/edit-queries';
import { countReportsSince, reportedCountQuery } from '../../reacties/reports/report-queue-queries';
import type { ModerationWork, OpenWorkSince } from '../../notifications/jobs';
import { countOpenAppealsSince, openAppealsCountQuery } from '../appeals';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** For a moderator: what waits besides held reacties (the menu and the Overzicht show it). */
      work?: ModerationWork;
    }
  }
}

/** The three counts in one statement: one round trip instead of three, on every page a moderator opens. */
async function moderationWork(db: Db): Promise<ModerationWork> {
  const row: Record<string, unknown> | undefined = await db
    .select({ reports: reportedCountQuery(db), heldEdits: heldEditsCountQuery(db), appeals: openAppealsCountQuery(db) })
    .first();
  return { reports: Number(row?.reports ?? 0), heldEdits: Number(row?.heldEdits ?? 0), appeals: Number(row?.appeals ?? 0) };
}

const readFor = new WeakMap<Response, Promise<ModerationWork>>();

/** The counts for this answer, read once however many parts ask (the menu, the queue's tabs). */
export function moderationWorkFor(db: Db, res: Response): Promise<ModerationWork> {
  let work = readFor.get(res);
  if (!work) readFor.set(res, (work = moderationWork(readsOf(db))));
  return work;
}

/**
 * Counts for the beheer menu: only for who moderates, and read when a page is rendered (a GET);
 * a JSON answer, a redirect or a download shows no menu and reads nothing.
 */
export function menuCounts(db: Db): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user;
    if (req.method !== 'GET' || !user || !can(user.role, 'moderation')) return next();
    const render = res.render.bind(res) as (...args: unknown[]) => void;
    res.render = (...args: unknown[]) => {
      // Once: an error page after a failed read is rendered without the counts.
      res.render = render;
      moderationWorkFor(db, res).then(
        (work) => {
          res.locals.work = work;
          render(...args);
        },
        (err: unknown) => req.next?.(err),
      );
    };
    next();
  };
}

/** The digest's counts, and whether any of them grew since the last digest. */
export function workSince(db: Db): OpenWorkSince {
  return async (since) => {
    const [work, reports, heldEdits, appeals] = await Promise.all([
      moderationWork(db),
      countReportsSince(db, since),
      countHeldEditsSince(db, since),
      countOpenAppealsSince(db, since),
    ]);
    return { ...work, newer: reports + heldEdits + appeals };
  };
}
