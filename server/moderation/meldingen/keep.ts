// "Laten staan" in the Meldingen queue: the moderator keeps a reported reactie. One that is still on
// the page stays there and its reports are dismissed; one the reports hid goes back on the page
// (approved: the public log says it was put back, and the reports close with that decision).
// Both under the article's lock, both in the audit log.
import type { Deps } from '../../deps';
import { audit, type Actor } from '../../audit/audit-log';
import { findReactie, lockReactie } from '../../reacties/queries';
import { closeReports } from '../../reacties/reports/reports';
import { hiddenByReports } from '../../reacties/reports/report-queue-queries';
import { applyModerationAction } from '../actions';
import { reactieOf, whose } from '../messages';

export type KeepOutcome = { ok: true; message: string } | { ok: false; missing: boolean; message: string };

export async function keepReactie(deps: Deps, actor: Actor, id: number): Promise<KeepOutcome> {
  const reactie = await findReactie(deps.db, id);
  if (!reactie) return { ok: false, missing: true, message: 'Deze reactie bestaat niet (meer).' };
  if (await hiddenByReports(deps.db, id)) {
    const outcome = await applyModerationAction(deps, actor, id, 'goedkeuren');
    return outcome.ok
      ? { ok: true, message: `${whose(reactie.authorName)} staat weer op de pagina; de meldingen zijn afgehandeld.` }
      : { ok: false, missing: !outcome.status, message: `${whose(reactie.authorName)} is al door iemand anders beoordeeld.` };
  }
  const closed = await deps.db.transaction(async (trx) => {
    // Under the article's lock, like every change of a reactie's moderation state.
    await lockReactie(trx, id);
    return closeReports(trx, id, deps.clock());
  });
  if (!closed) return { ok: false, missing: false, message: `Over ${reactieOf(reactie.authorName)} waren geen open meldingen (meer).` };
  await audit(deps.db, actor, 'reactie.reports-dismissed', { type: 'reactie', id }, String(closed));
  return { ok: true, message: `De meldingen over ${reactieOf(reactie.authorName)} zijn genegeerd; de reactie blijft staan.` };
}
