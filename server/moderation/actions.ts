// What a moderator can do with a reactie, each in one transaction with the counters kept right,
// written to the audit log, and (for spam verdicts) reported to Akismet and the spam memory; every
// decision also teaches the learning spam filter (learn.ts).
import type { Deps } from '../deps';
import { audit, type Actor } from '../audit/audit-log';
import {
  deleteReactie,
  endRecheck,
  lockReactie,
  restoreTarget,
  setReactieStatus,
  updateReactieText,
  type Reactie,
  type ReactieStatus,
} from '../reacties/queries';
import { akismetPayloadOf } from '../reacties/spam-queries';
import { reportSpamVerdict } from '../spam/feedback';
import { learnFromDecision } from './learn';

export const MODERATION_ACTIONS = {
  goedkeuren: { label: 'Goedkeuren', from: ['pending', 'spam'], audit: 'reactie.approve' },
  afkeuren: { label: 'Afkeuren', from: ['approved'], audit: 'reactie.unapprove' },
  spam: { label: 'Spam', from: ['pending', 'approved'], audit: 'reactie.spam' },
  'geen-spam': { label: 'Geen spam', from: ['spam'], audit: 'reactie.not-spam' },
  prullenbak: { label: 'Prullenbak', from: ['pending', 'approved', 'spam'], audit: 'reactie.trash' },
  herstellen: { label: 'Herstellen', from: ['trash'], audit: 'reactie.restore' },
  verwijderen: { label: 'Definitief verwijderen', from: ['spam', 'trash'], audit: 'reactie.delete' },
} as const satisfies Record<string, { label: string; from: readonly ReactieStatus[]; audit: string }>;

export type ModerationAction = keyof typeof MODERATION_ACTIONS;

export function isModerationAction(value: unknown): value is ModerationAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MODERATION_ACTIONS, value);
}

export function actionsFor(status: ReactieStatus): ModerationAction[] {
  return (Object.keys(MODERATION_ACTIONS) as ModerationAction[]).filter((a) =>
    (MODERATION_ACTIONS[a].from as readonly string[]).includes(status),
  );
}

function targetStatus(action: ModerationAction, reactie: Reactie): ReactieStatus | 'deleted' {
  switch (action) {
    case 'goedkeuren':
      return 'approved';
    case 'afkeuren':
      return 'pending';
    case 'spam':
      return 'spam';
    case 'geen-spam':
      return 'pending';
    case 'prullenbak':
      return 'trash';
    case 'herstellen':
      return restoreTarget(reactie);
    case 'verwijderen':
      return 'deleted';
  }
}

export type ActionOutcome =
  | { ok: true; from: ReactieStatus; to: ReactieStatus | 'deleted' }
  | { ok: false; reason: 'missing' | 'not-allowed'; status?: ReactieStatus };

export async function applyModerationAction(deps: Deps, actor: Actor, id: number, action: ModerationAction): Promise<ActionOutcome> {
  const outcome = await deps.db.transaction(async (trx): Promise<ActionOutcome & { reactie?: Reactie }> => {
    // Decided on a copy read under the lock: another moderator or a job may have acted a moment ago.
    const reactie = await lockReactie(trx, id);
    if (!reactie) return { ok: false, reason: 'missing' };
    if (!(MODERATION_ACTIONS[action].from as readonly string[]).includes(reactie.status))
      return { ok: false, reason: 'not-allowed', status: reactie.status };
    const to = targetStatus(action, reactie);
    if (to === 'deleted') await deleteReactie(trx, reactie);
    else await setReactieStatus(trx, reactie, to, deps.clock());
    // A human decided: no background recheck may change it afterwards.
    if (to !== 'deleted') await endRecheck(trx, id);
    return { ok: true, from: reactie.status, to, reactie };
  });
  if (!outcome.ok) return outcome;
  await audit(deps.db, actor, MODERATION_ACTIONS[action].audit, { type: 'reactie', id }, `${outcome.from} → ${outcome.to}`);
  // Tell Akismet and the local memory when a moderator corrects or confirms the filter.
  const r = outcome.reactie;
  if (r) await learnFromDecision(deps, r, action, outcome.from);
  if (r && (action === 'spam' || (outcome.from === 'spam' && (action === 'geen-spam' || action === 'goedkeuren')))) {
    const judged = {
      id,
      sender: { ip: r.ip, email: r.authorEmail, url: r.authorUrl },
      akismetPayload: await akismetPayloadOf(deps.db, id),
    };
    await reportSpamVerdict(deps.db, deps.config, deps.logger, judged, action === 'spam' ? 'spam' : 'ham', deps.clock());
  }
  return { ok: true, from: outcome.from, to: outcome.to };
}

export async function editReactie(
  deps: Deps,
  actor: Actor,
  id: number,
  changes: { authorName: string; authorUrl: string | null; body: string },
): Promise<boolean> {
  const edited = await deps.db.transaction(async (trx) => {
    const reactie = await lockReactie(trx, id);
    if (!reactie) return false;
    await updateReactieText(trx, id, changes);
    return true;
  });
  if (edited) await audit(deps.db, actor, 'reactie.edit', { type: 'reactie', id });
  return edited;
}
