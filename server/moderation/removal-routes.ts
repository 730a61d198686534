// Taking a public reactie off the page with a reason (the public log shows it), and dismissing
// readers' reports. The queue's quick buttons and keys a/s/t use a worked-out reason (actions.ts);
// this page asks for it: one of the removal reasons of the settings (the queue's keys 1 to 9 send
// one too, removal-choice.ts), or another reason with a public note.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { audit } from '../audit/audit-log';
import { currentActor, requirePermission } from '../accounts/auth';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { findReactie, lockReactie, type Reactie } from '../reacties/queries';
import { closeReports, mostReported, openReportsFor } from '../reacties/reports/reports';
import { removedPublicly } from '../reacties/moderation-log';
import { plainTextToParagraphs } from '../reacties/thread-tree';
import { field, parseId, type FieldErrors } from '../shared/validation';
import { applyModerationAction, isModerationAction, MODERATION_ACTIONS, type ModerationAction } from './actions';
import { reasonLocals } from './decision';
import { actionForRemoval, readRemovalChoice, REMOVAL_FIELD, type RemovalForm } from './removal-choice';
import { keptSettings } from '../settings/settings';
import { removalReasonsOf, type RemovalReason } from '../settings/removal-reasons';
import { decisionMessage, reactieOf, removalMessage } from './messages';

const GONE = 'Deze reactie bestaat niet (meer).';
const QUEUE_URL = /^\/beheer\/reacties(\?[\w=&%.+-]*)?$/;
/** The queue's script asks for JSON: it updates the page in place instead of following a redirect. */
const wantsJson = (req: Request) => req.get('accept') === 'application/json';
// What takes a reactie off the page, in the order the form offers them.
const REMOVALS: readonly ModerationAction[] = ['afkeuren', 'prullenbak', 'spam'];

/** Opened from the Meldingen queue, or sent by a queue's quick removal form: back there afterwards (only their own URLs); else null. */
function backFrom(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return /^\/beheer\/reacties\/meldingen(\?pagina=\d+)?$/.test(value) || QUEUE_URL.test(value) ? value : null;
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

  const removalReasons = async () => removalReasonsOf((await keptSettings(deps.db)).removalReasons);

  async function render(
    res: Response,
    status: number,
    r: Reactie,
    values: RemovalForm & { action: string; back: string | null },
    errors: FieldErrors,
  ) {
    const reasons = await removalReasons();
    res.status(status).render('beheer/moderation/remove', {
      title: 'Reactie weghalen',
      bodyClass: 'beheer',
      reactie: r,
      text: plainTextToParagraphs(r.body),
      actions: allowed(r).map((a) => ({ value: a, label: MODERATION_ACTIONS[a].label })),
      action: values.action,
      back: values.back,
      actionError: errors.actie,
      removalReasons: reasons.map((reason, i) => ({ value: String(i + 1), ...reason })),
      choice: values.choice,
      choiceError: errors[REMOVAL_FIELD],
      ...reasonLocals(values, errors),
    });
  }

  router.get('/beheer/reacties/:id/weghalen', ...guard, async (req, res) => {
    const r = await load(req);
    const reports = (await openReportsFor(deps.db, [r.id])).get(r.id) ?? [];
    const hidden = await removedPublicly(deps.db, r.id);
    const reason = reports.length ? mostReported(reports) : (hidden?.reason ?? '');
    // What readers reported picks the first removal reason of that category, if there is one.
    const first = reason ? (await removalReasons()).findIndex((x: RemovalReason) => x.category === reason) : -1;
    const choice = first >= 0 ? String(first + 1) : '';
    await render(res, 200, r, { action: allowed(r)[0] ?? '', reason, note: '', choice, back: backFrom(req.query.terug) }, {});
  });

  router.post('/beheer/reacties/:id/weghalen', ...guard, async (req, res) => {
    const r = await load(req);
    const { values, valid, errors } = readRemovalChoice(req.body, await removalReasons());
    const back = backFrom(field(req.body, 'terug'));
    // The queue's keys send a removal reason without an action: spam for spam, else the prullenbak.
    const typed = field(req.body, 'actie');
    const action = typed || (valid ? actionForRemoval(valid.removal) : '');
    if (allowed(r).length === 0) errors.actie = 'Deze reactie staat niet (meer) op de pagina.';
    // Without a typed action and without a valid reason, the reason's message says enough.
    else if ((typed || valid) && (!isModerationAction(action) || !allowed(r).includes(action)))
      errors.actie = 'Kies hoe de reactie van de pagina gaat.';
    if (!valid || errors.actie) {
      if (wantsJson(req)) return res.status(422).json({ ok: false, message: Object.values(errors).join(' ') });
      return render(res, 422, r, { ...values, action, back }, errors);
    }
    const outcome = await applyModerationAction(deps, currentActor(res), r.id, action as ModerationAction, valid);
    const message = outcome.ok
      ? removalMessage(action as ModerationAction, r.authorName, valid.reason ?? 'anders', valid.removal?.label)
      : decisionMessage(action as ModerationAction, r.authorName, outcome);
    if (wantsJson(req)) return res.status(outcome.ok ? 200 : 409).json({ ok: outcome.ok, message });
    req.session.flash = message;
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
    res.redirect(303, QUEUE_URL.test(back) ? back : '/beheer/reacties');
  });

  return router;
}
