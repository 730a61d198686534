// The learning spam filter's place in the verdict: a spam probability from the day-one model plus
// what this site's moderators taught it, turned into a check hit. Above SPAM_AT it is spam, from
// HOLD_AT it is held as "waarschijnlijk spam (0,87)", below it the normal policy decides.
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import type { CheckHit } from '../local-checks';
import { spamProbability, type CountsView } from './bayes';
import { builtinCounts } from './builtin';
import { features, type ClassifiedContent } from './features';
import { siteCounts } from './store';

// Chosen on cross-validation of the train part of the corpus and on the older hand-written corpus,
// never on the holdout part or on anything docs/spam-filter.md reports.
export const SPAM_AT = 0.98;
export const HOLD_AT = 0.6;
// One decision of this site's moderators weighs as much as this many reacties of the bundled corpus:
// the site's own spam is what matters, and a few days of decisions should outweigh the corpus.
const SITE_WEIGHT = 3;

/** A score without the database: for `npm run spam:eval`, with the site's model in memory. */
export function scoreWith(model: { site: CountsView | null; builtin: boolean }, c: ClassifiedContent): number {
  const sources = [];
  if (model.builtin) sources.push({ counts: builtinCounts(), weight: 1 });
  if (model.site) sources.push({ counts: model.site, weight: SITE_WEIGHT });
  return spamProbability(features(c), sources);
}

export async function scoreReactie(db: Db | Knex.Transaction, c: ClassifiedContent): Promise<number> {
  const f = features(c);
  const site = await siteCounts(db, f.ids);
  return spamProbability(f, [
    { counts: builtinCounts(), weight: 1 },
    { counts: site, weight: SITE_WEIGHT },
  ]);
}

const nl = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The hit for a score. An address with an approved reactie before is held at most: the filter can
 * be wrong about a resident it has not seen write like this, and a moderator then teaches it.
 */
export function classifierHit(score: number, trusted: boolean): CheckHit {
  const shown = nl.format(Math.floor(score * 100) / 100);
  if (score >= SPAM_AT && !trusted) return { check: 'classifier', outcome: 'spam', detail: `vrijwel zeker spam (${shown})` };
  if (score >= HOLD_AT && !(trusted && score < SPAM_AT))
    return { check: 'classifier', outcome: 'hold', detail: `waarschijnlijk spam (${shown})` };
  return { check: 'classifier', outcome: 'note', detail: `spamkans ${shown}` };
}
