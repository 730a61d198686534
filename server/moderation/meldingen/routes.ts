// /beheer/reacties/meldingen: the reacties readers reported, of every status (still on the page, or
// hidden by the reports until a moderator looks), most reported first, with each report's reason
// and note (never who sent it) and "Waarom hier?". A moderator decides in place: keep it and
// dismiss the reports ("Laten staan"), remove it with a reason ("Weghalen met reden…"), or spam.
import { Router, type Request, type RequestHandler } from 'express';
import type { Deps } from '../../deps';
import { currentActor, requirePermission } from '../../accounts/auth';
import { noStore } from '../../http/cache';
import { notFound } from '../../http/errors';
import { MODERATION_REASONS, type ModerationReason } from '../../reacties/moderation-log';
import { listReportedRows } from '../../reacties/reports/report-queue-queries';
import { plainTextToParagraphs } from '../../reacties/thread-tree';
import { field, parseId } from '../../shared/validation';
import { queueItems, QUEUE_PAGE_SIZE, scoreLabel } from '../queue';
import { STATUS_TABS, tabCounts } from '../tabs';
import { keepReactie } from './keep';
import { writerInfoForQueue } from '../writer/queue-info';
import { keptSettings } from '../../settings/settings';
import { removalReasonsOf } from '../../settings/removal-reasons';
import { templateOptionsOf } from '../../http/partials';
import { rowParts } from '../row-parts';

const MELDINGEN_PATH = '/beheer/reacties/meldingen';

/** The script asks for JSON: it updates the page in place instead of following a redirect. */
const wantsJson = (req: Request) => req.get('accept') === 'application/json';

export function reportQueueRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];

  router.get(MELDINGEN_PATH, ...guard, async (req, res) => {
    const page = parseId(typeof req.query.pagina === 'string' ? req.query.pagina : '') ?? 1;
    const [counts, rows] = await Promise.all([
      tabCounts(deps.db, { q: '', articleId: null }),
      listReportedRows(deps.db, { limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE }),
    ]);
    const items = await queueItems(deps.db, rows, deps.clock());
    // The person behind each reactie (rule, notes) and the removal reasons of the keys 1 to 9 (writer/, settings/).
    const writers = await writerInfoForQueue(
      deps,
      items.map((i) => i.reactie),
      deps.clock(),
    );
    const removalReasons = removalReasonsOf((await keptSettings(deps.db)).removalReasons);
    const here = page > 1 ? `${MELDINGEN_PATH}?pagina=${page}` : MELDINGEN_PATH;
    res.render('beheer/moderation/meldingen', {
      title: 'Meldingen van lezers',
      bodyClass: 'beheer',
      tabs: STATUS_TABS,
      counts,
      tabUrl: (status: string) => `/beheer/reacties?status=${status}`,
      items: items.map((item) => ({
        ...item,
        text: plainTextToParagraphs(item.reactie.body, { links: false }),
        score: item.checks?.score === undefined ? null : scoreLabel(item.checks.score),
        hidden: item.reactie.status === 'pending' && item.reactie.removedByReports,
        spam: item.reactie.status === 'pending' || item.reactie.status === 'approved',
        writer: writers.get(item.reactie.id),
      })),
      removalReasons: removalReasons.map((r) => r.label),
      reasonLabel: (reason: ModerationReason) => MODERATION_REASONS[reason],
      page,
      pages: Math.max(1, Math.ceil(counts.meldingen / QUEUE_PAGE_SIZE)),
      here,
      removeUrl: (id: number) => `/beheer/reacties/${id}/weghalen?terug=${encodeURIComponent(here)}`,
      parts: rowParts(templateOptionsOf(req.app)),
    });
  });

  router.post('/beheer/reacties/:id/laten-staan', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    if (id === null) throw notFound('Deze reactie bestaat niet (meer).');
    const outcome = await keepReactie(deps, currentActor(res), id);
    if (!outcome.ok && outcome.missing) throw notFound(outcome.message);
    if (wantsJson(req)) return res.status(outcome.ok ? 200 : 409).json({ ok: outcome.ok, message: outcome.message });
    req.session.flash = outcome.message;
    const back = field(req.body, 'terug');
    res.redirect(303, back.startsWith(MELDINGEN_PATH) && /^[\w/?=&%.+-]*$/.test(back) ? back : MELDINGEN_PATH);
  });

  return router;
}
