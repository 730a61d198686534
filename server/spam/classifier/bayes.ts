// Naive Bayes over the presence of features (a feature counts once per reactie), with counts that
// can be added and taken back one reactie at a time: training is a few additions, never a retrain.
// The built-in model and a site's own model are two sets of counts, added up when scoring.
import type { Features } from './features';

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

// Add-half smoothing; one feature may shift the odds by e^3 at most, so a single rare word never decides.
const ALPHA = 0.5;
const MAX_EVIDENCE = 3;
// Features are not independent (a word and its 4-grams say the same thing): the summed evidence is
// scaled down so that the score is a usable probability, not always 0.000 or 1.000.
const TEMPERATURE = 4;

/** The probability (0…1) that a reactie with these features is spam. 0.5 when nothing is known. */
export function spamProbability(f: Features, sources: WeightedCounts[]): number {
  let docsSpam = 0;
  let docsHam = 0;
  for (const s of sources) {
    docsSpam += s.weight * s.counts.docs.spam;
    docsHam += s.weight * s.counts.docs.ham;
  }
  if (docsSpam === 0 || docsHam === 0) return 0.5;
  let evidence = 0;
  f.ids.forEach((id, i) => {
    let spam = 0;
    let ham = 0;
    for (const s of sources) {
      const c = s.counts.get(id);
      if (c) {
        spam += s.weight * c.spam;
        ham += s.weight * c.ham;
      }
    }
    if (spam + ham <= 0) return;
    const llr = Math.log((spam + ALPHA) / (docsSpam + 2 * ALPHA)) - Math.log((ham + ALPHA) / (docsHam + 2 * ALPHA));
    evidence += f.weights[i] * Math.max(-MAX_EVIDENCE, Math.min(MAX_EVIDENCE, llr));
  });
  const logit = Math.log(docsSpam / docsHam) + evidence / TEMPERATURE;
  return 1 / (1 + Math.exp(-logit));
}
