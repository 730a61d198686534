// The learning spam filter's place in the verdict: a spam probability from the day-one model plus
// what this site's moderators taught it, turned into a check hit. Above SPAM_AT it is spam, from
// HOLD_AT it is held as "waarschijnlijk spam (0,87)", below it the normal policy decides.
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import type { CheckHit } from '../local-checks';
import { spamProbability, type CountsView, type WeightedCounts } from './bayes';
import { builtinCounts } from './builtin';
import { CALIBRATION, THRESHOLDS } from './calibration';
import { features, type ClassifiedContent } from './features';
import { siteCounts } from './store';

// Chosen with the calibration (calibration.ts) on out-of-fold scores of the day-one training
// material, never on the holdout files or on anything docs/spam-filter.md reports.
export const SPAM_AT = THRESHOLDS.spam;
export const HOLD_AT = THRESHOLDS.hold;
// One decision of this site's moderators weighs as much as this many reacties of the bundled corpus:
// the site's own spam is what matters, and a few days of decisions should outweigh the corpus.
// (npm run spam:calibrate fits the calibration for a site with this weight too.)
export const SITE_WEIGHT = 3;

/** The counts a score weighs: the day-one model and the site's own decisions. */
export function siteSources(site: CountsView): WeightedCounts[] {
  return [
    { counts: builtinCounts(), weight: 1 },
    { counts: site, weight: SITE_WEIGHT },
  ];
}

/** A score without the database: for `npm run spam:eval`, with the site's model in memory. */
export function scoreWith(model: { site: CountsView | null; builtin: boolean }, c: ClassifiedContent): number {
  const sources: WeightedCounts[] = [];
  if (model.builtin) sources.push({ counts: builtinCounts(), weight: 1 });
  if (model.site) sources.push({ counts: model.site, weight: SITE_WEIGHT });
  return spamProbability(features(c), sources, CALIBRATION);
}

export async function scoreReactie(db: Db | Knex.Transaction, c: ClassifiedContent): Promise<number> {
  const f = features(c);
  const site = await siteCounts(db, f.ids);
  return spamProbability(f, siteSources(site), CALIBRATION);
}

const nl = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A score as moderators read it, "waarschijnlijk spam (0,87)"; the score is calibrated, so the words follow the number. */
export function scoreWords(score: number): { text: string; suspect: boolean } {
  const shown = nl.format(Math.floor(score * 100) / 100);
  if (score >= SPAM_AT) return { text: `vrijwel zeker spam (${shown})`, suspect: true };
  if (score >= 0.5) return { text: `waarschijnlijk spam (${shown})`, suspect: true };
  if (score >= HOLD_AT) return { text: `mogelijk spam (${shown})`, suspect: true };
  return { text: `spamkans ${shown}`, suspect: false };
}

/**
 * The hit for a score. An address with an approved reactie before is held at most, and only from
 * SPAM_AT: the filter can be wrong about a resident it has not seen write like this, and a
 * moderator then teaches it.
 */
export function classifierHit(score: number, trusted: boolean): CheckHit {
  const detail = scoreWords(score).text;
  if (score >= SPAM_AT && !trusted) return { check: 'classifier', outcome: 'spam', detail };
  if (score >= HOLD_AT && !(trusted && score < SPAM_AT)) return { check: 'classifier', outcome: 'hold', detail };
  return { check: 'classifier', outcome: 'note', detail };
}
