// /beheer/reacties/wijzigingen: a resident's edit of a published reactie that the spam checks held
// (reacties/editing/edit.ts). The moderator sees the old text, still public, beside the new one: approving
// puts the new text on the page, rejecting keeps the old one. Both under the article lock, and both
// teach the learning spam filter (learn.ts).
import { Router, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { badRequest, notFound } from '../http/errors';
import { approveHeldEdit, editStateOf, listHeldEdits, rejectHeldEdit } from '../reacties/editing/edit-queries';
import { lockReactie, type Reactie } from '../reacties/queries';
import { learnFromEditDecision } from './learn';
import { reactieOf } from './messages';
import { heldEditReasons } from './why/reasons';
import { plainTextToParagraphs } from '../reacties/thread-tree';
import { field, parseId } from '../shared/validation';

const PAGE = 50;

export function heldEditRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];

  router.get('/beheer/reacties/wijzigingen', ...guard, async (_req, res) => {
    const edits = await listHeldEdits(deps.db, PAGE);
    res.render('beheer/moderation/held-edits', {
      title: 'Gewijzigde reacties',
      bodyClass: 'beheer',
      edits: edits.map((e) => ({
        ...e,
        oldText: plainTextToParagraphs(e.body),
        newText: plainTextToParagraphs(e.pendingBody),
        why: heldEditReasons(e.heldBecause),
      })),
    });
  });

  router.post('/beheer/reacties/wijzigingen/:id', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const action = field(req.body, 'actie');
    if (action !== 'goedkeuren' && action !== 'afwijzen') throw badRequest('Kies goedkeuren of afwijzen.');
    if (id === null) throw notFound('Deze reactie bestaat niet (meer).');
    let authorName = '';
    let decided: { reactie: Reactie; text: string } | null = null;
    const done = await deps.db.transaction(async (trx) => {
      const reactie = await lockReactie(trx, id);
      if (!reactie) return false;
      authorName = reactie.authorName;
      const text = (await editStateOf(trx, id))?.pendingBody ?? null;
      const changed = await (action === 'goedkeuren' ? approveHeldEdit(trx, reactie) : rejectHeldEdit(trx, reactie));
      if (changed && text !== null) decided = { reactie, text };
      return changed;
    });
    if (done)
      await audit(deps.db, currentActor(res), action === 'goedkeuren' ? 'reactie.edit-approve' : 'reactie.edit-reject', {
        type: 'reactie',
        id,
      });
    if (decided) await learnFromEditDecision(deps, decided, action);
    req.session.flash = done
      ? action === 'goedkeuren'
        ? `De nieuwe tekst van ${reactieOf(authorName)} staat nu op de pagina.`
        : `De nieuwe tekst van ${reactieOf(authorName)} is afgewezen; de oude tekst blijft staan.`
      : `Bij ${reactieOf(authorName)} wacht geen wijziging (meer). Misschien was een andere moderator je voor.`;
    res.redirect(303, '/beheer/reacties/wijzigingen');
  });

  return router;
}
