// Every moderator decision teaches the learning spam filter: spam and a confirmed verdict count as
// spam, approving and "geen spam" as not spam. Run right after the decision's own transaction;
// a failure is logged and never undoes what the moderator did.
import type { Deps } from '../deps';
import type { Reactie, ReactieStatus } from '../reacties/queries';
import { spamScoreOf } from '../reacties/spam/spam-queries';
import type { Label } from '../spam/classifier/bayes';
import { HOLD_AT, scoreReactie } from '../spam/classifier/classify';
import { features } from '../spam/classifier/features';
import { learnReactie, learnText } from '../spam/classifier/store';
import type { ModerationAction } from './actions';

/**
 * What a decision says about a reactie. The bin says "not for this site", which is spam only when
 * the filter already suspected it (it was in Spam, or scored at least HOLD_AT): a rude resident who
 * is trashed wrote no spam, and no good example of ham either, so that teaches nothing.
 */
export function lessonOf(action: ModerationAction, from: ReactieStatus, score: number | null): Label | null {
  switch (action) {
    case 'spam':
      return 'spam';
    case 'goedkeuren':
    case 'geen-spam':
      return 'ham';
    case 'prullenbak':
      return from === 'spam' || (score !== null && score >= HOLD_AT) ? 'spam' : null;
    case 'verwijderen':
      return from === 'spam' ? 'spam' : null;
    default:
      return null;
  }
}

export async function learnFromDecision(deps: Deps, reactie: Reactie, action: ModerationAction, from: ReactieStatus): Promise<void> {
  try {
    const score = action === 'prullenbak' && from !== 'spam' ? await spamScoreOf(deps.db, reactie.id) : null;
    const label = lessonOf(action, from, score);
    if (!label) return;
    const f = features({ authorName: reactie.authorName, authorUrl: reactie.authorUrl, body: reactie.body });
    await learnReactie(deps.db, reactie.id, f, label, deps.clock());
  } catch (err) {
    deps.logger.error({ err, reactie: reactie.id, action }, 'spam classifier could not learn');
  }
}

/**
 * What a decision on a held edit says about its new text. Approving it: not spam. Rejecting it says
 * "not this text", which is spam only when the filter suspected the text itself (a score of at least
 * HOLD_AT): an edit held for a rude word or a second link teaches nothing.
 */
export function lessonOfEdit(action: 'goedkeuren' | 'afwijzen', score: number | null): Label | null {
  if (action === 'goedkeuren') return 'ham';
  return score !== null && score >= HOLD_AT ? 'spam' : null;
}

/**
 * A held edit was approved or rejected: the new text is learned as a text of its own (the reactie's
 * first text keeps whatever it was learned as). A held edit is decided once, so there is nothing to
 * move back later.
 */
export async function learnFromEditDecision(
  deps: Deps,
  edit: { reactie: Reactie; text: string },
  action: 'goedkeuren' | 'afwijzen',
): Promise<void> {
  try {
    const content = { authorName: edit.reactie.authorName, authorUrl: edit.reactie.authorUrl, body: edit.text };
    const score = action === 'afwijzen' ? await scoreReactie(deps.db, content) : null;
    const label = lessonOfEdit(action, score);
    if (label) await learnText(deps.db, features(content), label);
  } catch (err) {
    deps.logger.error({ err, reactie: edit.reactie.id, action }, 'spam classifier could not learn from a held edit');
  }
}
