// Measures the offline spam filter on a labelled corpus: the local content checks and then the
// learning classifier, exactly as the pipeline combines them, with "held" counted apart from
// "spam" (held is safe for a resident, spam is not). Trained and measured rows never overlap:
// the caller gives the site's training rows (or none, for the day-one model) and the rows to measure.
import type { CountsView } from './classifier/bayes';
import { trainOn, type LabelledRow } from './classifier/builtin';
import { classifierHit, scoreWith } from './classifier/classify';
import { contentChecks, decide, type LocalDecision } from './local-checks';
import { DEFAULT_SPAM_SETTINGS, type SpamSettings } from './settings';

export interface Evaluation {
  rows: number;
  /** matrix[actual][predicted] */
  matrix: Record<'spam' | 'ham', Record<LocalDecision, number>>;
  spamPrecision: number;
  spamRecall: number;
  /** Spam that was marked spam or held: what residents never see. */
  caughtOrHeldRecall: number;
  hamFalsePositiveRate: number;
  hamHeldRate: number;
  falsePositives: Array<{ author: string; content: string; why: string[] }>;
}

export interface EvaluateOptions {
  settings?: SpamSettings;
  /** The site's own model (what its moderators taught it); null: the day-one model alone. */
  site?: CountsView | null;
  /** false: without the day-one model, as if the site's decisions were all the filter knew. */
  builtin?: boolean;
  onProgress?: (done: number, total: number) => void;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** The site's model after its moderators decided on these rows. */
export function siteModelFrom(rows: LabelledRow[]): CountsView {
  return trainOn(rows);
}

export function evaluate(corpus: LabelledRow[], options: EvaluateOptions = {}): Evaluation {
  const settings = options.settings ?? DEFAULT_SPAM_SETTINGS;
  const matrix: Evaluation['matrix'] = { spam: { spam: 0, hold: 0, pass: 0 }, ham: { spam: 0, hold: 0, pass: 0 } };
  const falsePositives: Evaluation['falsePositives'] = [];
  corpus.forEach((row, i) => {
    const hits = contentChecks(
      { authorName: row.author, authorEmail: row.email, authorUrl: row.url || null, body: row.content, ip: null, userAgent: null },
      settings,
    );
    const score = scoreWith(
      { site: options.site ?? null, builtin: options.builtin !== false },
      {
        authorName: row.author,
        authorUrl: row.url || null,
        body: row.content,
      },
    );
    hits.push(classifierHit(score, false));
    const predicted = decide(hits);
    matrix[row.spam ? 'spam' : 'ham'][predicted]++;
    if (!row.spam && predicted === 'spam')
      falsePositives.push({
        author: row.author,
        content: row.content.slice(0, 120),
        why: hits.filter((h) => h.outcome === 'spam').map((h) => h.detail),
      });
    options.onProgress?.(i + 1, corpus.length);
  });
  return summarise(matrix, corpus.length, falsePositives);
}

function summarise(matrix: Evaluation['matrix'], rows: number, falsePositives: Evaluation['falsePositives']): Evaluation {
  const spamTotal = matrix.spam.spam + matrix.spam.hold + matrix.spam.pass;
  const hamTotal = matrix.ham.spam + matrix.ham.hold + matrix.ham.pass;
  return {
    rows,
    matrix,
    spamPrecision: ratio(matrix.spam.spam, matrix.spam.spam + matrix.ham.spam),
    spamRecall: ratio(matrix.spam.spam, spamTotal),
    caughtOrHeldRecall: ratio(matrix.spam.spam + matrix.spam.hold, spamTotal),
    hamFalsePositiveRate: ratio(matrix.ham.spam, hamTotal),
    hamHeldRate: ratio(matrix.ham.hold, hamTotal),
    falsePositives,
  };
}

/**
 * k-fold cross-validation of the classifier learning a site from nothing but its own decisions
 * (no day-one model: its corpus may hold these very rows). Every row is measured exactly once, by a
 * model that never saw it; the matrices of the folds are added up.
 */
export function crossValidate(corpus: LabelledRow[], k: number, settings?: SpamSettings): Evaluation {
  const folds = Array.from({ length: k }, (_, f) => corpus.filter((_, i) => i % k === f));
  const results = folds.map((test, f) => {
    const train = corpus.filter((_, i) => i % k !== f);
    return evaluate(test, { settings, site: siteModelFrom(train), builtin: false });
  });
  const matrix: Evaluation['matrix'] = { spam: { spam: 0, hold: 0, pass: 0 }, ham: { spam: 0, hold: 0, pass: 0 } };
  for (const r of results)
    for (const a of ['spam', 'ham'] as const) for (const p of ['spam', 'hold', 'pass'] as const) matrix[a][p] += r.matrix[a][p];
  return summarise(
    matrix,
    corpus.length,
    results.flatMap((r) => r.falsePositives),
  );
}
