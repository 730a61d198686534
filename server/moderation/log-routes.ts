// /moderatie: the public moderation log, newest first, in pages that hold while decisions are
// added (a cursor of the last entry shown). No person in it: no resident, no moderator.
import { Router } from 'express';
import type { Deps } from '../deps';
import { badRequest } from '../http/errors';
import { articlePath } from '../articles/queries';
import { listPublicLog, LOG_ACTIONS, logEntrySummary, MODERATION_REASONS } from '../reacties/moderation-log';

const LOG_PAGE_SIZE = 50;

/** `na=1733040000000.12`: the moment and id of the last entry on the page before. */
function readCursor(value: unknown): { at: Date; id: number } | null | undefined {
  if (value === undefined) return null;
  const m = typeof value === 'string' ? /^(\d{1,15})\.(\d{1,10})$/.exec(value) : null;
  return m ? { at: new Date(Number(m[1])), id: Number(m[2]) } : undefined;
}

export function moderationLogRoutes(deps: Deps): Router {
  const router = Router();

  router.get('/moderatie', async (req, res) => {
    const cursor = readCursor(req.query.na);
    if (cursor === undefined) throw badRequest('Dit adres van het moderatielogboek klopt niet. Begin bij /moderatie.');
    const rows = await listPublicLog(deps.db, deps.clock(), LOG_PAGE_SIZE + 1, cursor);
    const shown = rows.slice(0, LOG_PAGE_SIZE);
    const last = shown[shown.length - 1];
    res.set('Cache-Control', 'no-cache');
    res.render('moderation/log', {
      title: 'Moderatielogboek',
      entries: shown.map((e) => ({
        ...e,
        summary: logEntrySummary(e),
        actionLabel: LOG_ACTIONS[e.action],
        reasonLabel: MODERATION_REASONS[e.reason],
        articleUrl: articlePath({ slug: e.articleSlug, publishedAt: e.articlePublishedAt, createdAt: e.articleCreatedAt }),
      })),
      first: cursor === null,
      nextUrl: rows.length > LOG_PAGE_SIZE && last ? `/moderatie?na=${last.createdAt.getTime()}.${last.id}` : null,
    });
  });

  return router;
}
