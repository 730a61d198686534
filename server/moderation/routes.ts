// /beheer/reacties: the moderation queue, its actions one by one and in bulk, and editing a reactie.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { noStore } from '../http/cache';
import { readsOf } from '../db/knex';
import { badRequest, notFound } from '../http/errors';
import { findReactie, isReactieStatus, type Reactie, type ReactieStatus } from '../reacties/queries';
import { plainTextToParagraphs } from '../reacties/thread-tree';
import { REACTIE_LIMITS, validateReactieEdit } from '../reacties/posting/validation';
import { field, parseId, type FieldErrors } from '../shared/validation';
import { escapeHtml } from '../shared/html';
import { actionsFor, applyModerationAction, editReactie, isModerationAction, MODERATION_ACTIONS } from './actions';
import { spamFilterRoutes } from './filter-routes';
import { readDecision, reasonLocals } from './decision';
import { MODERATION_REASONS, type ModerationReason } from '../reacties/moderation-log';
import { removalRoutes } from './removal-routes';
import { moderationWorkFor } from './meldingen/work';
import { heldEditRoutes } from './edit-routes';
import { writerRoutes } from './writer/routes';
import { writerInfoForQueue } from './writer/queue-info';
import { keptSettings } from '../settings/settings';
import { removalReasonsOf } from '../settings/removal-reasons';
import { listQueue, QUEUE_PAGE_SIZE, scoreLabel } from './queue';
import { STATUS_TABS, tabCounts } from './tabs';
import { reportQueueRoutes } from './meldingen/routes';
import { templateOptionsOf } from '../http/partials';
import { rowParts } from './row-parts';
import { bulkMessage, decisionMessage, whose } from './messages';

const ACTION_LABELS = Object.fromEntries(Object.entries(MODERATION_ACTIONS).map(([k, v]) => [k, v.label]));
const GONE = 'Deze reactie bestaat niet (meer).';

/** The script asks for JSON: it updates the page in place instead of following a redirect. */
const wantsJson = (req: Request) => req.get('accept') === 'application/json';

/** Back to the tab the moderator came from: only our own queue URLs (the Meldingen queue too). */
function backTo(value: string): string {
  return /^\/beheer\/reacties(\/meldingen)?(\?[\w=&%.+-]*)?$/.test(value) ? value : '/beheer/reacties';
}

interface QueueQuery {
  status: ReactieStatus;
  page: number;
  q: string;
  articleId: number | null;
  sort: 'newest' | 'score';
}

function readQueueQuery(query: Request['query']): QueueQuery {
  const text = (name: string) => (typeof query[name] === 'string' ? query[name] : '');
  return {
    status: isReactieStatus(query.status) ? query.status : 'pending',
    page: parseId(text('pagina')) ?? 1,
    q: text('q').slice(0, 200),
    articleId: parseId(text('artikel')),
    sort: text('sorteer') === 'spamkans' ? 'score' : 'newest',
  };
}

/** A queue URL that keeps the search and article filter, with other parameters set. */
function queueUrl(f: QueueQuery, extra: Record<string, string | number>): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.articleId) params.set('artikel', String(f.articleId));
  if (f.sort === 'score') params.set('sorteer', 'spamkans');
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  return `/beheer/reacties?${params.toString()}`;
}

export function moderationRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];
  router.use(spamFilterRoutes(deps));
  // Before /beheer/reacties/:id/:actie, which would take "weghalen" for an unknown action.
  router.use(removalRoutes(deps));
  // Before /beheer/reacties/:id/:actie, which would take /beheer/reacties/wijzigingen/5.
  router.use(heldEditRoutes(deps));
  // Before /beheer/reacties/:id/:actie, which would take /beheer/reacties/5/notities.
  router.use(writerRoutes(deps));
  // Before /beheer/reacties/:id/:actie, which would take "laten-staan" for an unknown action.
  router.use(reportQueueRoutes(deps));

  async function loadReactie(req: Request): Promise<Reactie> {
    const id = parseId(String(req.params.id));
    const reactie = id === null ? null : await findReactie(deps.db, id);
    if (!reactie) throw notFound(GONE);
    return reactie;
  }

  router.get('/beheer/reacties', ...guard, async (req, res) => {
    const f = readQueueQuery(req.query);
    // Reads only (on SQLite beside the writer, so a busy queue does not wait behind posts).
    const reads = readsOf(deps.db);
    // The menu's counts (read once for this answer) give the Meldingen tab, the bezwaren and the held edits.
    const work = moderationWorkFor(deps.db, res);
    const [counts, items, { appeals, heldEdits }] = await Promise.all([
      tabCounts(
        deps.db,
        f,
        work.then((w) => w.reports),
      ),
      listQueue(reads, f, deps.clock()),
      work,
    ]);
    const removalReasons = removalReasonsOf((await keptSettings(deps.db)).removalReasons);
    const writers = await writerInfoForQueue(
      { ...deps, db: reads },
      items.map((i) => i.reactie),
      deps.clock(),
    );
    res.render('beheer/moderation/queue', {
      title: 'Reacties modereren',
      bodyClass: 'beheer',
      tabs: STATUS_TABS,
      ...f,
      counts,
      appeals,
      heldEdits,
      items: items.map((item) => ({
        ...item,
        text: plainTextToParagraphs(item.reactie.body, { links: false }),
        actions: actionsFor(item.reactie.status),
        score: item.checks?.score === undefined ? null : scoreLabel(item.checks.score),
        writer: writers.get(item.reactie.id),
      })),
      pageSpam: actionsFor(f.status).includes('spam'),
      sortUrl: (sort: 'newest' | 'score') => queueUrl({ ...f, sort }, { status: f.status }),
      actionLabels: ACTION_LABELS,
      removalReasons: removalReasons.map((r) => r.label),
      // The quick removal's options, the same on every reactie of the page: made once, escaped here.
      reasonOptionsHtml: removalReasons.map((r, i) => `<option value="${i + 1}">${i + 1}. ${escapeHtml(r.label)}</option>`).join(''),
      reasonLabel: (reason: ModerationReason) => MODERATION_REASONS[reason],
      bulkActions: Object.keys(MODERATION_ACTIONS),
      pages: Math.max(1, Math.ceil(counts[f.status] / QUEUE_PAGE_SIZE)),
      here: queueUrl(f, { status: f.status, pagina: f.page }),
      query: (extra: Record<string, string | number>) => queueUrl(f, extra),
      parts: rowParts(templateOptionsOf(req.app)),
    });
  });

  // The tab counts for the script, which keeps them current without a reload.
  router.get('/beheer/reacties/aantallen', ...guard, async (req, res) => {
    res.json(await tabCounts(deps.db, readQueueQuery(req.query)));
  });

  router.post('/beheer/reacties/bulk', ...guard, async (req, res) => {
    const back = backTo(field(req.body, 'terug'));
    const action = field(req.body, 'actie');
    const raw = (req.body as Record<string, unknown>)?.ids;
    const ids = (Array.isArray(raw) ? raw : [raw]).map((v) => parseId(v)).filter((id): id is number => id !== null);
    if (!isModerationAction(action)) req.session.flash = 'Kies wat er met de geselecteerde reacties moet gebeuren.';
    else if (ids.length === 0) req.session.flash = 'Selecteer eerst een of meer reacties.';
    else {
      let done = 0;
      for (const id of ids) if ((await applyModerationAction(deps, currentActor(res), id, action)).ok) done++;
      req.session.flash = bulkMessage(action, done, ids.length - done);
    }
    res.redirect(303, back);
  });

  const renderEdit = (
    res: Response,
    status: number,
    r: Reactie,
    values: { name: string; website: string; body: string; reason: string; note: string },
    errors: FieldErrors,
  ) =>
    res.status(status).render('beheer/moderation/edit', {
      title: 'Reactie bewerken',
      bodyClass: 'beheer',
      id: r.id,
      values,
      limits: REACTIE_LIMITS,
      // An edit of a reactie readers see is logged publicly, with its reason.
      public: r.status === 'approved',
      ...reasonLocals(values, errors),
    });

  router.get('/beheer/reacties/:id/bewerken', ...guard, async (req, res) => {
    const r = await loadReactie(req);
    renderEdit(res, 200, r, { name: r.authorName, website: r.authorUrl ?? '', body: r.body, reason: '', note: '' }, {});
  });

  router.post('/beheer/reacties/:id/bewerken', ...guard, async (req, res) => {
    const reactie = await loadReactie(req);
    const values = { name: field(req.body, 'naam'), website: field(req.body, 'website'), body: field(req.body, 'reactie') };
    const { valid, errors } = validateReactieEdit(values);
    const decision = readDecision(req.body, { required: false });
    if (!valid || !decision.valid)
      return renderEdit(res, 422, reactie, { ...values, ...decision.values }, { ...errors, ...decision.errors });
    await editReactie(deps, currentActor(res), reactie.id, valid, decision.valid);
    req.session.flash = `${whose(valid.authorName)} is bijgewerkt.`;
    res.redirect(303, `/beheer/reacties?status=${reactie.status}`);
  });

  router.post('/beheer/reacties/:id/:actie', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const action = String(req.params.actie);
    if (!isModerationAction(action)) throw badRequest('Deze actie bestaat niet.');
    if (id === null) throw notFound(GONE);
    // The queue's quick buttons send no reason (actions.ts works one out); a form that sends one is checked.
    const decision = readDecision(req.body, { required: false });
    if (!decision.valid) throw badRequest(Object.values(decision.errors).join(' '));
    const outcome = await applyModerationAction(deps, currentActor(res), id, action, decision.valid);
    if (!outcome.ok && outcome.reason === 'missing') throw notFound(GONE);
    const message = decisionMessage(action, outcome.authorName ?? '', outcome);
    if (wantsJson(req)) return res.status(outcome.ok ? 200 : 409).json({ ok: outcome.ok, message });
    req.session.flash = message;
    res.redirect(303, backTo(field(req.body, 'terug')));
  });

  return router;
}
