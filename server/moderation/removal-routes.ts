// Taking a public reactie off the page with a reason (the public log shows it), and dismissing
// readers' reports. The queue's quick buttons and keyboard use a worked-out reason (actions.ts);
// this page asks for it, with a public note.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { audit } from '../audit/audit-log';
import { currentActor, requirePermission } from '../accounts/auth';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { findReactie, lockReactie, type Reactie } from '../reacties/queries';
import { closeReports, mostReported, openReportsFor } from '../reacties/reports';
import { removedPublicly } from '../reacties/moderation-log';
import { plainTextToParagraphs } from '../reacties/thread';
import { field, parseId, type FieldErrors } from '../shared/validation';
import { applyModerationAction, isModerationAction, MODERATION_ACTIONS, type ModerationAction } from './actions';
import { readDecision, reasonLocals, type DecisionForm } from './decision';
import { decisionMessage, reactieOf, removalMessage } from './messages';

const GONE = 'Deze reactie bestaat niet (meer).';
// What takes a reactie off the page, in the order the form offers them.
const REMOVALS: readonly ModerationAction[] = ['afkeuren', 'prullenbak', 'spam'];

/** Opened from the Meldingen queue: back there afterwards (only that queue's own URLs); else null. */
function backFrom(value: unknown): string | null {
  return typeof value === 'string' && /^\/beheer\/reacties\/meldingen(\?pagina=\d+)?$/.test(value) ? value : null;
}

export function removalRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];

  async function load(req: Request): Promise<Reactie> {
    const id = parseId(String(req.params.id));
    const reactie = id === null ? null : await findReactie(deps.db, id);
    if (!reactie) throw notFound(GONE);
    return reactie;
  }

  const allowed = (r: Reactie) => REMOVALS.filter((a) => (MODERATION_ACTIONS[a].from as readonly string[]).includes(r.status));

  function render(
    res: Response,
    status: number,
    r: Reactie,
    values: DecisionForm & { action: string; back: string | null },
    errors: FieldErrors,
  ) {
    res.status(status).render('beheer/moderation/remove', {
      title: 'Reactie weghalen',
      bodyClass: 'beheer',
      reactie: r,
      text: plainTextToParagraphs(r.body),
      actions: allowed(r).map((a) => ({ value: a, label: MODERATION_ACTIONS[a].label })),
      action: values.action,
      back: values.back,
      actionError: errors.actie,
      ...reasonLocals(values, errors),
    });
  }

  router.get('/beheer/reacties/:id/weghalen', ...guard, async (req, res) => {
    const r = await load(req);
    const reports = (await openReportsFor(deps.db, [r.id])).get(r.id) ?? [];
    const hidden = await removedPublicly(deps.db, r.id);
    const reason = reports.length ? mostReported(reports) : (hidden?.reason ?? '');
    render(res, 200, r, { action: allowed(r)[0] ?? '', reason, note: '', back: backFrom(req.query.terug) }, {});
  });

  router.post('/beheer/reacties/:id/weghalen', ...guard, async (req, res) => {
    const r = await load(req);
    const action = field(req.body, 'actie');
    const back = backFrom(field(req.body, 'terug'));
    const { values, valid, errors } = readDecision(req.body, { required: true });
    if (!isModerationAction(action) || !allowed(r).includes(action))
      errors.actie = allowed(r).length ? 'Kies hoe de reactie van de pagina gaat.' : 'Deze reactie staat niet (meer) op de pagina.';
    if (!valid || errors.actie) return render(res, 422, r, { ...values, action, back }, errors);
    const outcome = await applyModerationAction(deps, currentActor(res), r.id, action as ModerationAction, valid);
    req.session.flash = outcome.ok
      ? removalMessage(action as ModerationAction, r.authorName, valid.reason ?? 'anders')
      : decisionMessage(action as ModerationAction, r.authorName, outcome);
    res.redirect(303, back ?? `/beheer/reacties?status=${outcome.ok ? outcome.to : r.status}`);
  });

  router.post('/beheer/reacties/:id/meldingen-negeren', ...guard, async (req, res) => {
    const r = await load(req);
    const closed = await deps.db.transaction(async (trx) => {
      // Under the article's lock, like every change of a reactie's moderation state.
      await lockReactie(trx, r.id);
      return closeReports(trx, r.id, deps.clock());
    });
    if (closed) await audit(deps.db, currentActor(res), 'reactie.reports-dismissed', { type: 'reactie', id: r.id }, String(closed));
    req.session.flash = closed
      ? `De meldingen over ${reactieOf(r.authorName)} zijn genegeerd; de reactie blijft staan.`
      : `Over ${reactieOf(r.authorName)} waren geen open meldingen.`;
    const back = field(req.body, 'terug');
    res.redirect(303, /^\/beheer\/reacties(\?[\w=&%.+-]*)?$/.test(back) ? back : '/beheer/reacties');
  });

  return router;
}
