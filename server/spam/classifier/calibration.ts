// The calibration of the learning filter's score, fitted offline by `npm run spam:calibrate`
// (tools/spam-corpus/calibrate.ts) on out-of-fold scores of the training material: each row scored by
// counts that never saw it, both as the day-one model scores and as a site that learned from its own
// moderators' decisions scores. A logistic regression over the evidence per kind of feature
// (features.ts FEATURE_GROUPS), with weights kept at zero or above so the score only rises with spam
// evidence. The thresholds come from the same scores. Never fitted on the holdout files
// docs/spam-filter.md reports.
import type { Calibration } from './bayes';

export const CALIBRATION: Calibration = {
  intercept: -2.636,
  weights: [0.462, 0.298, 0.695, 0.497, 0.807, 0.529],
};

export const THRESHOLDS = { spam: 0.9, hold: 0.17 };
