// A resident edits or withdraws their own reactie, for EDIT_WINDOW_MS after posting, from the
// browser that posted it (edit-token.ts). An edit of a published reactie passes the spam checks
// again (Akismet with recheck_reason=edit); when they hold it, the old text stays public and the
// new one waits for a moderator (edit-queries.ts). A withdrawal takes the reactie off the page
// with the counters moved by delta; with replies below it, it stays as a placeholder instead.
import type { Request } from 'express';
import { audit, type Actor } from '../../audit/audit-log';
import type { Deps } from '../../deps';
import { loadSettings } from '../../settings/settings';
import { judgeReactie } from '../../spam/pipeline';
import { editWindowEnds, holdsEditToken } from './edit-token';
import { editStateOf, hasLiveReplies, holdText, keepAsPlaceholder, markWithdrawn, replaceText } from './edit-queries';
import { initialStatus } from '../initial-status';
import { addressKeyOf } from '../../addresses/key';
import { ruleInForce } from '../../addresses/rules';
import { heldBecause, type HeldBecause } from '../held-because';
import { findReactie, lockReactie, setReactieStatus, type Reactie } from '../queries';
import { senderHistory } from '../spam/spam-queries';

/** Who acted, in the audit log, when a resident changed their own reactie. */
const AUTHOR_ACTOR: Actor = { id: null, email: 'schrijver van de reactie' };

/** Why not, as a Dutch 403/404/410; with the reactie's article when the reactie exists, for the page to name it. */
export type EditRefusal = { ok: false; status: 403 | 404 | 410; message: string; articleId?: number };
export type Editable = { ok: true; reactie: Reactie; endsAt: Date; pendingBody: string | null };

// Why the page cannot edit; the page adds that the typed text is kept below only when something was typed.
export const EDIT_MESSAGES = {
  missing: 'Deze reactie bestaat niet (meer).',
  notYours: 'Je kunt alleen je eigen reactie bewerken of intrekken, in de browser waarmee je hem plaatste.',
  gone: 'Deze reactie kan niet meer worden bewerkt of ingetrokken: hij is ingetrokken of door de moderatie verwijderd.',
  expired:
    'De 15 minuten waarin je je reactie kon bewerken of intrekken zijn voorbij. Wil je iets toevoegen? Plaats dan een nieuwe reactie.',
} as const;

/** Whether this browser may still edit this reactie now; else why not, as a Dutch 403/404/410. */
export async function editableReactie(deps: Deps, req: Request, id: number, now: Date): Promise<Editable | EditRefusal> {
  const reactie = await findReactie(deps.db, id);
  const state = reactie ? await editStateOf(deps.db, id) : null;
  if (!reactie || !state) return { ok: false, status: 404, message: EDIT_MESSAGES.missing };
  const articleId = reactie.articleId;
  if (!holdsEditToken(req, deps.config.sessionSecret, reactie))
    return { ok: false, status: 403, message: EDIT_MESSAGES.notYours, articleId };
  if (reactie.status === 'trash' || state.withdrawn) return { ok: false, status: 410, message: EDIT_MESSAGES.gone, articleId };
  const endsAt = editWindowEnds(reactie.createdAt);
  if (now.getTime() > endsAt.getTime()) return { ok: false, status: 410, message: EDIT_MESSAGES.expired, articleId };
  return { ok: true, reactie, endsAt, pendingBody: state.pendingBody };
}

export type EditOutcome = 'shown' | 'held' | 'unchanged' | 'gone';

/**
 * Stores the author's new text. A held or caught reactie (only its author sees it) just gets the
 * new text, for the moderator to judge; a published one is judged again first.
 */
export async function editOwnReactie(
  deps: Deps,
  reactie: Reactie,
  body: string,
  target: { permalink: string; updatedAt: Date },
  now: Date,
): Promise<EditOutcome> {
  if (body === reactie.body) return 'unchanged';
  let show = reactie.status !== 'approved';
  // Kept with a held edit for the moderator's "Waarom hier?": the checks that held it and the policy.
  let why: HeldBecause = { policy: [] };
  if (!show) {
    const settings = await loadSettings(deps.db);
    const verdict = await judgeReactie(
      deps.db,
      senderHistory(deps.db),
      deps.config,
      {
        ...reactie,
        body,
        honeypot: '',
        renderedAt: null,
        referrer: null,
        permalink: target.permalink,
        articleModifiedAt: target.updatedAt,
        now,
        edit: true,
      },
      settings.spam,
    );
    // An edit is never refused or thrown away unseen: what the checks doubt, a moderator decides.
    const outcome = verdict.kind === 'store' ? verdict.outcome : 'hold';
    const known = verdict.hits.some((h) => h.check === 'known-address');
    // An address a moderator holds or blocked since (addresses/rules.ts): the new text waits for them.
    const rule = await ruleInForce(deps.db, addressKeyOf(deps.config.sessionSecret, reactie.authorEmail), now);
    show = verdict.kind === 'store' && initialStatus(outcome, settings.moderationPolicy, known, rule !== null) === 'approved';
    why = {
      // The edit is by an author with a published reactie: the policy holds it only when it holds everything.
      policy: heldBecause(settings.moderationPolicy, known, { approved: 1, pending: 0, removed: 0 }, rule !== null),
      hits: verdict.hits.filter((h) => h.outcome === 'spam' || h.outcome === 'hold' || h.outcome === 'suspect'),
      ...(verdict.kind !== 'refuse' && verdict.akismet ? { akismet: verdict.akismet.verdict } : {}),
    };
  }
  const applied = await deps.db.transaction(async (trx) => {
    const current = await lockReactie(trx, reactie.id);
    // A moderator trashed it meanwhile: their decision wins.
    if (!current || current.status === 'trash') return false;
    if (show) await replaceText(trx, current, body, now);
    else await holdText(trx, current, body, now, why);
    return true;
  });
  if (!applied) return 'gone';
  const outcome = show ? 'shown' : 'held';
  await audit(
    deps.db,
    AUTHOR_ACTOR,
    'reactie.author-edit',
    { type: 'reactie', id: reactie.id },
    outcome === 'held' ? 'wacht op goedkeuring' : undefined,
  );
  return outcome;
}

/** Takes the author's reactie off the page (or leaves a placeholder when replies hang below it). */
export async function withdrawOwnReactie(deps: Deps, reactie: Reactie, now: Date): Promise<boolean> {
  const done = await deps.db.transaction(async (trx) => {
    const current = await lockReactie(trx, reactie.id);
    if (!current || current.status === 'trash') return false;
    if (current.status === 'approved' && (await hasLiveReplies(trx, current.id))) {
      await keepAsPlaceholder(trx, current, now);
    } else {
      await markWithdrawn(trx, current.id, now);
      await setReactieStatus(trx, current, 'trash', now);
    }
    return true;
  });
  if (done) await audit(deps.db, AUTHOR_ACTOR, 'reactie.withdraw', { type: 'reactie', id: reactie.id });
  return done;
}
