// /beheer/reacties: the moderation queue, its actions one by one and in bulk, and editing a reactie.
import { Router, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { actorOf, requirePermission } from '../accounts/auth';
import { noStore } from '../http/cache';
import { badRequest, notFound } from '../http/errors';
import { findReactie } from '../reacties/queries';
import { plainTextToParagraphs } from '../reacties/thread';
import { REACTIE_LIMITS, validateReactieEdit } from '../reacties/validation';
import { field, parseId, type FieldErrors } from '../shared/validation';
import { actionsFor, applyModerationAction, editReactie, isModerationAction, MODERATION_ACTIONS } from './actions';
import { countByStatus, isQueueStatus, listQueue, QUEUE_PAGE_SIZE } from './queue';

export const STATUS_TABS = [
  { status: 'pending', label: 'Wachtend' },
  { status: 'approved', label: 'Goedgekeurd' },
  { status: 'spam', label: 'Spam' },
  { status: 'trash', label: 'Prullenbak' },
] as const;

/** Back to the tab the moderator came from: only our own queue URLs. */
function backTo(value: string): string {
  return /^\/beheer\/reacties(\?[\w=&%.+-]*)?$/.test(value) ? value : '/beheer/reacties';
}

export function moderationRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];

  router.get('/beheer/reacties', ...guard, async (req, res) => {
    const status = isQueueStatus(req.query.status) ? req.query.status : 'pending';
    const page = typeof req.query.pagina === 'string' ? parseId(req.query.pagina) ?? 1 : 1;
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
    const articleId = typeof req.query.artikel === 'string' ? parseId(req.query.artikel) : null;
    const filter = { status, page, q, articleId };
    const [counts, items] = await Promise.all([countByStatus(deps.db, filter), listQueue(deps.db, filter, deps.clock())]);
    const query = (extra: Record<string, string | number>) => {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (articleId) params.set('artikel', String(articleId));
      for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
      return `/beheer/reacties?${params.toString()}`;
    };
    res.render('beheer/moderation/queue', {
      title: 'Reacties modereren',
      bodyClass: 'beheer',
      tabs: STATUS_TABS,
      status,
      counts,
      items: items.map((item) => ({ ...item, text: plainTextToParagraphs(item.reactie.body), actions: actionsFor(item.reactie.status) })),
      actionLabels: Object.fromEntries(Object.entries(MODERATION_ACTIONS).map(([k, v]) => [k, v.label])),
      bulkActions: Object.keys(MODERATION_ACTIONS),
      q,
      articleId,
      page,
      pages: Math.max(1, Math.ceil(counts[status] / QUEUE_PAGE_SIZE)),
      here: query({ status, pagina: page }),
      query,
    });
  });

  router.post('/beheer/reacties/bulk', ...guard, async (req, res) => {
    const back = backTo(field(req.body, 'terug'));
    const action = field(req.body, 'actie');
    const raw = (req.body as Record<string, unknown>)?.ids;
    const ids = (Array.isArray(raw) ? raw : [raw]).map((v) => parseId(v)).filter((id): id is number => id !== null);
    if (!isModerationAction(action)) {
      req.session.flash = 'Kies wat er met de geselecteerde reacties moet gebeuren.';
      return res.redirect(303, back);
    }
    if (ids.length === 0) {
      req.session.flash = 'Selecteer eerst een of meer reacties.';
      return res.redirect(303, back);
    }
    let done = 0;
    for (const id of ids) if ((await applyModerationAction(deps, actorOf(res.locals.user!), id, action)).ok) done++;
    const skipped = ids.length - done;
    req.session.flash = `${MODERATION_ACTIONS[action].label}: ${done} ${done === 1 ? 'reactie' : 'reacties'}${skipped ? `; ${skipped} overgeslagen (kon niet in hun huidige status)` : ''}.`;
    res.redirect(303, back);
  });

  const renderEdit = async (res: import('express').Response, status: number, id: number, values: { name: string; website: string; body: string }, errors: FieldErrors) => {
    res.status(status).render('beheer/moderation/edit', { title: 'Reactie bewerken', bodyClass: 'beheer', id, values, errors, limits: REACTIE_LIMITS });
  };

  router.get('/beheer/reacties/:id/bewerken', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const reactie = id === null ? null : await findReactie(deps.db, id);
    if (!reactie) throw notFound('Deze reactie bestaat niet (meer).');
    await renderEdit(res, 200, reactie.id, { name: reactie.authorName, website: reactie.authorUrl ?? '', body: reactie.body }, {});
  });

  router.post('/beheer/reacties/:id/bewerken', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const reactie = id === null ? null : await findReactie(deps.db, id);
    if (!reactie) throw notFound('Deze reactie bestaat niet (meer).');
    const values = { name: field(req.body, 'naam'), website: field(req.body, 'website'), body: field(req.body, 'reactie') };
    const { valid, errors } = validateReactieEdit(values);
    if (!valid) return renderEdit(res, 422, reactie.id, values, errors);
    await editReactie(deps, actorOf(res.locals.user!), reactie.id, valid);
    req.session.flash = 'Reactie bijgewerkt.';
    res.redirect(303, `/beheer/reacties?status=${reactie.status}`);
  });

  router.post('/beheer/reacties/:id/:actie', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const action = String(req.params.actie);
    if (!isModerationAction(action)) throw badRequest('Deze actie bestaat niet.');
    if (id === null) throw notFound('Deze reactie bestaat niet (meer).');
    const outcome = await applyModerationAction(deps, actorOf(res.locals.user!), id, action);
    if (!outcome.ok && outcome.reason === 'missing') throw notFound('Deze reactie bestaat niet (meer).');
    req.session.flash = outcome.ok
      ? `${MODERATION_ACTIONS[action].label}: reactie ${id} is ${outcome.to === 'deleted' ? 'definitief verwijderd' : 'verplaatst'}.`
      : `Reactie ${id} kon niet: "${MODERATION_ACTIONS[action].label}" past niet bij de huidige status. Misschien was een andere moderator je voor.`;
    res.redirect(303, backTo(field(req.body, 'terug')));
  });

  return router;
}
