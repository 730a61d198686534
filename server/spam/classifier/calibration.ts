// The calibration of the learning filter's score, fitted offline by `npm run spam:calibrate`
// (tools/spam-corpus/calibrate.ts) on out-of-fold scores of the day-one training material: each row
// scored by counts learned from the other folds only. A logistic regression over the evidence per
// kind of feature (features.ts FEATURE_GROUPS), with weights kept at zero or above so the score only
// rises with spam evidence. Never fitted on the holdout files docs/spam-filter.md reports.
import type { Calibration } from './bayes';

export const CALIBRATION: Calibration = {
  intercept: -2.603,
  weights: [0.376, 0.327, 0.714, 0.571, 0.735, 0.619],
};

export const THRESHOLDS = { spam: 0.9, hold: 0.22 };
