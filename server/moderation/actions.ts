// What a moderator can do with a reactie, each in one transaction with the counters kept right,
// written to the audit log, and (for spam verdicts) reported to Akismet and the spam memory; every
// decision also teaches the learning spam filter (learn.ts).
import type { Deps } from '../deps';
import { mailEnabled } from '../config';
import { enqueueMail } from '../notifications/queue';
import { appealMail } from './appeals';
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
import { addLogEntry, removedPublicly, type LogAction, type LogEntry, type ModerationReason } from '../reacties/moderation-log';
import { closeReports, mostReported, openReportsFor, type OpenReport } from '../reacties/reports/reports';
import { akismetPayloadOf } from '../reacties/spam/spam-queries';
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

/**
 * What the public log says about a decision on a reactie that had been public: the reason category
 * and the moderator's public note. Without a reason (the keyboard, a bulk action) it is worked out:
 * spam for spam, else what most readers reported, else the reason it was hidden for, else "anders".
 */
export interface PublicDecision {
  reason?: ModerationReason;
  note?: string | null;
  /** The decision answers a bezwaar: logged as its outcome instead of a plain restore. */
  appeal?: boolean;
  /** A removal reason that says "geen mail" (settings/removal-reasons.ts): the author gets no mail. */
  mailAuthor?: boolean;
}

/** What happened, with the author's name for the moderator's message (messages.ts). */
export type ActionOutcome =
  | { ok: true; from: ReactieStatus; to: ReactieStatus | 'deleted'; authorName: string }
  | { ok: false; reason: 'missing' | 'not-allowed'; status?: ReactieStatus; authorName?: string };

export async function applyModerationAction(
  deps: Deps,
  actor: Actor,
  id: number,
  action: ModerationAction,
  decision: PublicDecision = {},
): Promise<ActionOutcome> {
  const outcome = await deps.db.transaction(async (trx): Promise<ActionOutcome & { reactie?: Reactie }> => {
    // Decided on a copy read under the lock: another moderator or a job may have acted a moment ago.
    const reactie = await lockReactie(trx, id);
    if (!reactie) return { ok: false, reason: 'missing' };
    if (!(MODERATION_ACTIONS[action].from as readonly string[]).includes(reactie.status))
      return { ok: false, reason: 'not-allowed', status: reactie.status, authorName: reactie.authorName };
    const to = targetStatus(action, reactie);
    // Read before the change: whether the public log knows this reactie as taken off the page.
    const removed = await removedPublicly(trx, id);
    const reports = (await openReportsFor(trx, [id])).get(id) ?? [];
    const logged = to === 'deleted' ? null : planPublicDecision({ reactie, to, action, decision, removed, reports });
    if (to === 'deleted') await deleteReactie(trx, reactie);
    // Taken off a public page: its place in the thread keeps a placeholder with the reason.
    else await setReactieStatus(trx, reactie, to, deps.clock(), logged?.action === 'verwijderd' ? { reason: logged.reason } : undefined);
    if (logged)
      await addLogEntry(
        trx,
        { reactieId: id, articleId: reactie.articleId, action: logged.action, reason: logged.reason, publicNote: decision.note },
        deps.clock(),
      );
    if (to !== 'deleted') await closeReports(trx, id, deps.clock());
    // The author may ask for a second look: the signed link goes to the address the reactie was written with.
    if (logged?.action === 'verwijderd' && reactie.authorEmail && decision.mailAuthor !== false && mailEnabled(deps.config)) {
      const article = await trx('articles').where({ id: reactie.articleId }).first('title');
      const site = { name: deps.config.siteName, baseUrl: deps.config.baseUrl };
      await enqueueMail(
        trx,
        appealMail(site, reactie, { reason: logged.reason, note: decision.note }, String(article?.title ?? ''), deps.config.sessionSecret),
        deps.clock(),
      );
    }
    // A human decided: no background recheck may change it afterwards.
    if (to !== 'deleted') await endRecheck(trx, id);
    return { ok: true, from: reactie.status, to, authorName: reactie.authorName, reactie };
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
  return { ok: true, from: outcome.from, to: outcome.to, authorName: outcome.authorName };
}

export async function editReactie(
  deps: Deps,
  actor: Actor,
  id: number,
  changes: { authorName: string; authorUrl: string | null; body: string },
  decision: PublicDecision = {},
): Promise<boolean> {
  const edited = await deps.db.transaction(async (trx) => {
    const reactie = await lockReactie(trx, id);
    if (!reactie) return false;
    await updateReactieText(trx, id, changes);
    // A visible reactie whose text a moderator changed: readers see it changed, so the log says so.
    const changed = reactie.body !== changes.body || reactie.authorName !== changes.authorName || reactie.authorUrl !== changes.authorUrl;
    if (changed && reactie.status === 'approved')
      await addLogEntry(
        trx,
        { reactieId: id, articleId: reactie.articleId, action: 'bewerkt', reason: decision.reason ?? 'anders', publicNote: decision.note },
        deps.clock(),
      );
    return true;
  });
  if (edited) await audit(deps.db, actor, 'reactie.edit', { type: 'reactie', id });
  return edited;
}

/** The public log row a decision needs, if any: only reacties that had been public are logged. */
function planPublicDecision(d: {
  reactie: Reactie;
  to: ReactieStatus;
  action: ModerationAction;
  decision: PublicDecision;
  removed: LogEntry | null;
  reports: OpenReport[];
}): { action: LogAction; reason: ModerationReason } | null {
  const { reactie, to, decision, removed } = d;
  let logged: LogAction | null = null;
  if (to === 'approved' && removed) logged = decision.appeal ? 'bezwaar-toegekend' : 'hersteld';
  else if (to !== 'approved' && reactie.status === 'approved') logged = 'verwijderd';
  // Hidden after readers' reports and now removed by a moderator: still a decision on a public reactie.
  else if (to !== 'approved' && removed?.action === 'verborgen' && reactie.status === 'pending') logged = 'verwijderd';
  if (!logged) return null;
  const reason =
    decision.reason ?? (d.action === 'spam' ? 'spam' : d.reports.length ? mostReported(d.reports) : (removed?.reason ?? 'anders'));
  return { action: logged, reason };
}
