// The words and features that weighed most for the learning filter's score of one reactie, for
// "Waarom hier?" (reasons.ts): the classifier names them from the reactie's own text, in memory
// (server/spam/classifier/explain.ts). Only for a score the filter acted on: below the hold threshold
// the filter did not decide where the reactie is, and its features would only distract.
import type { Db } from '../../db/knex';
import { THRESHOLDS } from '../../spam/classifier/calibration';
import { explainReacties } from '../../spam/classifier/explain';
import type { ClassifiedContent } from '../../spam/classifier/features';

export interface Evidence {
  /** The word or feature as a moderator reads it: woord "casino", een verkorte link. */
  label: string;
  /** How much it pushed towards spam (positive) or towards a normal reactie (negative). */
  weight: number;
}

/** At most this many, heaviest first: a moderator reads them at a glance. */
const SHOWN = 4;

/** The heaviest evidence for each reactie's score where the score held or caught it (one read for the page). */
export async function classifierEvidence(
  db: Db,
  rows: ReadonlyArray<{ content: ClassifiedContent; score: number | undefined }>,
): Promise<Evidence[][]> {
  const acted = rows.flatMap((r, i) => (r.score !== undefined && r.score >= THRESHOLDS.hold ? [i] : []));
  const explained = await explainReacties(
    db,
    acted.map((i) => rows[i].content),
    SHOWN,
  );
  const out: Evidence[][] = rows.map(() => []);
  acted.forEach((i, k) => {
    out[i] = explained[k].filter((f) => f.weight > 0).map((f) => ({ label: f.feature, weight: f.weight }));
  });
  return out;
}
