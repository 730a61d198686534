// Bezwaar: the resident's form behind the signed link (/moderatie/bezwaar/:id?t=…), and the
// moderators' list of open bezwaren (/beheer/bezwaren) where each is granted or rejected.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { audit } from '../audit/audit-log';
import { currentActor, requirePermission } from '../accounts/auth';
import { noStore } from '../http/cache';
import { HttpError, notFound } from '../http/errors';
import { limiter } from '../http/rate-limit';
import { findArticleById } from '../articles/queries';
import { addLogEntry, MODERATION_REASONS, removedPublicly } from '../reacties/moderation-log';
import { findReactie, lockReactie, type Reactie } from '../reacties/queries';
import { plainTextToParagraphs } from '../reacties/thread-tree';
import { checkMultiLine, field, isBlank, parseId, tidyText, type FieldErrors } from '../shared/validation';
import { applyModerationAction } from './actions';
import { readDecision, reasonLocals } from './decision';
import { addAppeal, APPEAL_MAX, appealLinkValid, decideAppeal, findAppeal, hasOpenAppeal, listOpenAppeals } from './appeals';

/** The link's signature, checked by fromLink before anything uses it. */
const linkToken = (req: Request): string => (typeof req.query.t === 'string' ? req.query.t : '');

const BAD_LINK = 'Deze link klopt niet. Gebruik de link uit de e-mail precies zoals hij is.';

export function appealRoutes(deps: Deps): Router {
  const router = Router();
  const secret = deps.config.sessionSecret;

  async function fromLink(req: Request): Promise<Reactie> {
    const id = parseId(String(req.params.id));
    if (id === null || !appealLinkValid(secret, id, req.query.t)) throw new HttpError(403, BAD_LINK);
    const reactie = await findReactie(deps.db, id);
    if (!reactie) throw notFound('Deze reactie bestaat niet meer; er valt geen bezwaar meer tegen te maken.');
    return reactie;
  }

  async function render(
    res: Response,
    status: number,
    r: Reactie,
    token: string,
    values: { body: string },
    errors: FieldErrors,
    done?: string,
  ) {
    const removed = await removedPublicly(deps.db, r.id);
    const article = await findArticleById(deps.db, r.articleId);
    res.status(status).render('moderation/appeal', {
      title: 'Bezwaar tegen een besluit van de moderatie',
      reactie: { id: r.id, createdAt: r.createdAt, text: plainTextToParagraphs(r.body) },
      articleTitle: article?.title ?? '',
      reason: removed ? MODERATION_REASONS[removed.reason] : null,
      open: await hasOpenAppeal(deps.db, r.id),
      action: `/moderatie/bezwaar/${r.id}?t=${encodeURIComponent(token)}`,
      values,
      errors,
      done,
      max: APPEAL_MAX,
    });
  }

  const perIp = limiter({ db: deps.db, secret }, 'appeal-ip', deps.config.rateLimits.reportsPerIp, {
    onLimit: async (req, res, minutes) => {
      const r = await fromLink(req);
      await render(
        res,
        429,
        r,
        linkToken(req),
        { body: field(req.body, 'bezwaar') },
        {
          bezwaar: `Er kwamen veel verzoeken van dit adres. Probeer het over ${minutes} minuten opnieuw; je tekst staat er nog.`,
        },
      );
    },
  });

  router.get('/moderatie/bezwaar/:id', noStore, async (req, res) => {
    const r = await fromLink(req);
    await render(res, 200, r, linkToken(req), { body: '' }, {});
  });

  router.post('/moderatie/bezwaar/:id', noStore, perIp, async (req, res) => {
    const r = await fromLink(req);
    const errors: FieldErrors = {};
    // The shared check: control characters refused, only invisible characters counts as nothing typed.
    const typed = checkMultiLine(errors, 'bezwaar', field(req.body, 'bezwaar'), { label: 'Je bezwaar', required: false, max: APPEAL_MAX });
    const body = tidyText(typed);
    if (isBlank(typed)) errors.bezwaar = 'Schrijf waarom de moderatie nog eens moet kijken.';
    if (!(await removedPublicly(deps.db, r.id)))
      errors.bezwaar = 'Deze reactie is niet (meer) verwijderd door de moderatie: er valt niets tegen te maken.';
    else if (await hasOpenAppeal(deps.db, r.id)) errors.bezwaar = 'Je bezwaar is al binnen; een moderator kijkt ernaar.';
    if (Object.keys(errors).length) return render(res, 422, r, linkToken(req), { body: typed }, errors);
    await addAppeal(deps.db, r.id, body, deps.clock());
    await render(
      res,
      200,
      r,
      linkToken(req),
      { body: '' },
      {},
      'Je bezwaar is ontvangen. Een moderator kijkt er opnieuw naar; de uitkomst komt in het moderatielogboek.',
    );
  });

  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];

  router.get('/beheer/bezwaren', ...guard, async (_req, res) => {
    const appeals = await listOpenAppeals(deps.db);
    const items = [];
    for (const a of appeals) {
      const r = await findReactie(deps.db, a.reactieId);
      const removed = r ? await removedPublicly(deps.db, r.id) : null;
      if (r)
        items.push({
          ...a,
          reactie: r,
          text: plainTextToParagraphs(r.body),
          appealText: plainTextToParagraphs(a.body),
          reason: removed ? MODERATION_REASONS[removed.reason] : null,
        });
    }
    res.render('beheer/moderation/appeals', {
      title: 'Bezwaren',
      bodyClass: 'beheer',
      items,
      ...reasonLocals({ reason: '', note: '' }, {}),
    });
  });

  router.post('/beheer/bezwaren/:id/:uitkomst', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const outcome = String(req.params.uitkomst);
    const appeal = id === null ? null : await findAppeal(deps.db, id);
    if (!appeal || appeal.outcome !== null) throw notFound('Dit bezwaar bestaat niet (meer) of is al beslist.');
    if (outcome !== 'toekennen' && outcome !== 'afwijzen') throw notFound('Deze uitkomst bestaat niet.');
    const decision = readDecision(req.body, { required: false });
    if (!decision.valid) throw new HttpError(400, Object.values(decision.errors).join(' '));
    const actor = currentActor(res);
    if (outcome === 'toekennen') {
      // Back on the page: a trashed one is restored first, then approved (the log says "bezwaar toegekend").
      let r = await findReactie(deps.db, appeal.reactieId);
      if (r?.status === 'trash') await applyModerationAction(deps, actor, r.id, 'herstellen', { ...decision.valid, appeal: true });
      r = await findReactie(deps.db, appeal.reactieId);
      if (r && r.status !== 'approved') await applyModerationAction(deps, actor, r.id, 'goedkeuren', { ...decision.valid, appeal: true });
    } else {
      await deps.db.transaction(async (trx) => {
        const r = await lockReactie(trx, appeal.reactieId);
        const removed = r ? await removedPublicly(trx, r.id) : null;
        if (r && removed)
          await addLogEntry(
            trx,
            {
              reactieId: r.id,
              articleId: r.articleId,
              action: 'bezwaar-afgewezen',
              reason: decision.valid?.reason ?? removed.reason,
              publicNote: decision.valid?.note,
            },
            deps.clock(),
          );
      });
    }
    await decideAppeal(deps.db, appeal.id, outcome === 'toekennen' ? 'toegekend' : 'afgewezen', deps.clock());
    await audit(deps.db, actor, outcome === 'toekennen' ? 'reactie.appeal-granted' : 'reactie.appeal-rejected', {
      type: 'reactie',
      id: appeal.reactieId,
    });
    req.session.flash =
      outcome === 'toekennen' ? 'Bezwaar toegekend: de reactie staat weer op de pagina.' : 'Bezwaar afgewezen: de reactie blijft weg.';
    res.redirect(303, '/beheer/bezwaren');
  });

  return router;
}
