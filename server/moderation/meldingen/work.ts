// What waits for the moderators besides held reacties: reacties readers reported, authors' edits
// the checks held, and bezwaren. The beheer menu and the Overzicht show the counts (menuCounts, as
// locals of every beheer page a moderator opens), and the moderators' digest mail includes them
// (workSince answers the port notifications/jobs.ts declares).
import type { RequestHandler } from 'express';
import type { Db } from '../../db/knex';
import { can } from '../../accounts/roles';
import { countHeldEdits, countHeldEditsSince } from '../../reacties/edit-queries';
import { countReported, countReportsSince } from '../../reacties/report-queue-queries';
import type { ModerationWork, OpenWorkSince } from '../../notifications/jobs';
import { countOpenAppeals, countOpenAppealsSince } from '../appeals';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** For a moderator: what waits besides held reacties (the menu and the Overzicht show it). */
      work?: ModerationWork;
    }
  }
}

async function moderationWork(db: Db): Promise<ModerationWork> {
  const [reports, heldEdits, appeals] = await Promise.all([countReported(db), countHeldEdits(db), countOpenAppeals(db)]);
  return { reports, heldEdits, appeals };
}

/** Counts for the beheer menu: only on pages (GET) and only for who moderates. */
export function menuCounts(db: Db): RequestHandler {
  return async (req, res, next) => {
    const user = res.locals.user;
    if (req.method === 'GET' && user && can(user.role, 'moderation')) res.locals.work = await moderationWork(db);
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
