// Naive Bayes over the presence of features (a feature counts once per reactie), with counts that
// can be added and taken back one reactie at a time: training is a few additions, never a retrain.
// The built-in model and a site's own model are two sets of counts, added up when scoring. The
// evidence is turned into a probability by a calibration fitted on reacties the counts never saw
// (calibration.ts), with every feature's share capped, so that 0,9 means about nine in ten.
import { FEATURE_GROUPS, type Features } from './features';

export type Label = 'spam' | 'ham';

/** Per feature: in how many spam and ham reacties it occurred. */
export interface CountsView {
  docs: { spam: number; ham: number };
  get(id: number): { spam: number; ham: number } | undefined;
}

/** Counts kept in memory: the built-in model, and the site's model inside `npm run spam:eval`. */
export class MemoryCounts implements CountsView {
  docs = { spam: 0, ham: 0 };
  private readonly counts = new Map<number, { spam: number; ham: number }>();

  add(f: Features, label: Label, delta = 1): void {
    this.docs[label] += delta;
    for (const id of f.ids) {
      let c = this.counts.get(id);
      if (!c) this.counts.set(id, (c = { spam: 0, ham: 0 }));
      c[label] += delta;
    }
  }

  get(id: number) {
    return this.counts.get(id);
  }

  get size(): number {
    return this.counts.size;
  }
}

export interface WeightedCounts {
  counts: CountsView;
  /** How much one reactie in these counts weighs: a site's own decisions weigh more than the bundled corpus. */
  weight: number;
}

/** The calibrated score's parameters (calibration.ts): log-odds = intercept + Σ weight[group] × evidence. */
export interface Calibration {
  intercept: number;
  /** One per FEATURE_GROUPS entry, never negative: more spam evidence never lowers the score. */
  weights: readonly number[];
}

// Add-one smoothing, and a feature seen in few reacties keeps only part of its evidence
// (n / (n + SHRINK)): a word met twice in spam says little, the same word met in 200 says a lot.
const ALPHA = 1;
const SHRINK = 3;
const MAX_LLR = 4;
/** What one feature may add to (or take from) the calibrated log-odds: one odd word never decides. */
export const FEATURE_CAP = 1.2;
/** Calibrated scores stay within σ(±LOGIT_BOUND), 0,007…0,993: the filter is never certain. */
export const LOGIT_BOUND = 5;

/**
 * The evidence of each feature for spam (a capped, shrunk log-likelihood ratio; 0 for a feature
 * never seen) and, per group, the divisor that keeps a long reactie from being judged by the sheer
 * number of its features (the square root of how many features of that group it has).
 */
function featureEvidence(f: Features, sources: WeightedCounts[]): { evidence: number[]; scale: number[] } | null {
  let docsSpam = 0;
  let docsHam = 0;
  for (const s of sources) {
    docsSpam += s.weight * s.counts.docs.spam;
    docsHam += s.weight * s.counts.docs.ham;
  }
  if (docsSpam === 0 || docsHam === 0) return null;
  const perGroup = FEATURE_GROUPS.map(() => 0);
  for (const g of f.groups) perGroup[g]++;
  const scale = perGroup.map((n) => Math.sqrt(Math.max(1, n)));
  const evidence = f.ids.map((id) => {
    let spam = 0;
    let ham = 0;
    for (const s of sources) {
      const c = s.counts.get(id);
      if (c) {
        spam += s.weight * c.spam;
        ham += s.weight * c.ham;
      }
    }
    const n = spam + ham;
    if (n <= 0) return 0;
    const llr = Math.log((spam + ALPHA) / (docsSpam + 2 * ALPHA)) - Math.log((ham + ALPHA) / (docsHam + 2 * ALPHA));
    return (Math.max(-MAX_LLR, Math.min(MAX_LLR, llr)) * n) / (n + SHRINK);
  });
  return { evidence, scale };
}

/** Per group, the summed evidence divided by its scale: what the calibration is fitted on. */
export function evidenceVector(f: Features, sources: WeightedCounts[]): number[] {
  const e = featureEvidence(f, sources);
  const v = FEATURE_GROUPS.map(() => 0);
  if (!e) return v;
  f.groups.forEach((g, i) => (v[g] += e.evidence[i] / e.scale[g]));
  return v;
}

/** What each feature adds to the calibrated log-odds, capped at ±FEATURE_CAP (null: no model yet). */
export function contributions(f: Features, sources: WeightedCounts[], cal: Calibration): number[] | null {
  const e = featureEvidence(f, sources);
  if (!e) return null;
  return f.groups.map((g, i) => Math.max(-FEATURE_CAP, Math.min(FEATURE_CAP, (cal.weights[g] * e.evidence[i]) / e.scale[g])));
}

/** The calibrated probability (0…1) that a reactie with these features is spam. 0.5 when nothing is known. */
export function spamProbability(f: Features, sources: WeightedCounts[], cal: Calibration): number {
  const parts = contributions(f, sources, cal);
  if (!parts) return 0.5;
  const logit = cal.intercept + parts.reduce((a, b) => a + b, 0);
  return 1 / (1 + Math.exp(-Math.max(-LOGIT_BOUND, Math.min(LOGIT_BOUND, logit))));
}
