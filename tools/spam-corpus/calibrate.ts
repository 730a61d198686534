// npm run spam:calibrate [-- --write]: fits the calibration of the learning filter's score and
// chooses its two thresholds, on out-of-fold scores of the day-one training material only
// (server/spam/corpus/train.csv and sms-train.csv): every row is scored by counts learned from the
// other folds, never by counts that saw it. The holdout files are never read here. Prints the
// parameters, a reliability table and the rates per corpus; --write puts them in
// server/spam/classifier/calibration.ts.
import fs from 'node:fs';
import path from 'node:path';
import { SPAM_CORPUS_DIR } from '../../server/paths';
import { readCorpus } from '../../server/spam/corpus';
import { evidenceVector, spamProbability, type Calibration } from '../../server/spam/classifier/bayes';
import { trainOn, type LabelledRow } from '../../server/spam/classifier/builtin';
import { features, FEATURE_GROUPS } from '../../server/spam/classifier/features';

const FOLDS = 5;
// Real messages weigh more than generated ones: generated rows share fragments across folds, so
// their out-of-fold scores are surer than a site's will be.
const SOURCES = [
  { file: 'train.csv', weight: 1 },
  { file: 'sms-train.csv', weight: 3 },
];
// At most this share of honest rows of either corpus above each threshold.
const HAM_MARKED = 0.0025;
const HAM_FLAGGED = 0.04;
const L2 = 0.01;
// "Vrijwel zeker spam" is never said of a score under this: a reactie marked spam is seen by no one.
const SPAM_AT_LEAST = 0.9;

interface Scored {
  source: string;
  spam: boolean;
  weight: number;
  vector: number[];
  features: ReturnType<typeof features>;
  sources: Parameters<typeof spamProbability>[1];
}

function outOfFold(): Scored[] {
  const rows: Array<LabelledRow & { source: string; weight: number }> = [];
  for (const s of SOURCES) {
    const csv = fs.readFileSync(path.join(SPAM_CORPUS_DIR, s.file), 'utf8');
    const read = readCorpus(csv, { author: 'author', content: 'content', label: 'spam', url: 'url' });
    for (const r of read) rows.push({ ...r, source: s.file, weight: s.weight });
  }
  const out: Scored[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const counts = trainOn(rows.filter((_, i) => i % FOLDS !== k));
    const sources = [{ counts, weight: 1 }];
    rows.forEach((r, i) => {
      if (i % FOLDS !== k) return;
      const f = features({ authorName: r.author, authorUrl: r.url || null, body: r.content });
      out.push({ source: r.source, spam: r.spam, weight: r.weight, vector: evidenceVector(f, sources), features: f, sources });
    });
  }
  return out;
}

/** Weighted logistic regression with weights ≥ 0 (projected gradient descent) and a little L2. */
function fit(rows: Scored[]): Calibration {
  const n = FEATURE_GROUPS.length;
  let b = 0;
  const w = Array.from({ length: n }, () => 0.2);
  const total = rows.reduce((a, r) => a + r.weight, 0);
  for (let step = 0; step < 4000; step++) {
    let gb = 0;
    const gw = w.map((x) => L2 * x);
    for (const r of rows) {
      const z = b + r.vector.reduce((a, x, i) => a + x * w[i], 0);
      const d = (r.weight * (1 / (1 + Math.exp(-z)) - (r.spam ? 1 : 0))) / total;
      gb += d;
      r.vector.forEach((x, i) => (gw[i] += d * x));
    }
    const rate = step < 2000 ? 0.5 : 0.1;
    b -= rate * gb;
    for (let i = 0; i < n; i++) w[i] = Math.max(0, w[i] - rate * gw[i]);
  }
  return { intercept: round(b), weights: w.map(round) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The lowest threshold (in steps of 0,01) with at most `share` of each corpus's honest rows at or above it. */
function threshold(scores: Array<{ source: string; spam: boolean; p: number }>, share: number): number {
  for (let t = 0.05; t < 1; t += 0.01) {
    const ok = SOURCES.every((s) => {
      const ham = scores.filter((x) => x.source === s.file && !x.spam);
      return ham.filter((x) => x.p >= t).length <= share * ham.length;
    });
    if (ok) return Math.round(t * 100) / 100;
  }
  return 0.99;
}

function main(): void {
  const rows = outOfFold();
  const cal = fit(rows);
  const scores = rows.map((r) => ({ source: r.source, spam: r.spam, p: spamProbability(r.features, r.sources, cal) }));
  const spamAt = Math.max(SPAM_AT_LEAST, threshold(scores, HAM_MARKED));
  const holdAt = Math.min(spamAt, threshold(scores, HAM_FLAGGED));
  console.log(`intercept ${cal.intercept}; weights ${FEATURE_GROUPS.map((g, i) => `${g} ${cal.weights[i]}`).join(', ')}`);
  console.log(`spam from ${spamAt}, held from ${holdAt}\n`);
  console.log('reliability (out of fold): score band, rows, share that is spam');
  for (let lo = 0; lo < 1; lo += 0.1) {
    const band = scores.filter((s) => s.p >= lo && (s.p < lo + 0.1 || lo >= 0.9));
    if (band.length)
      console.log(
        `  ${lo.toFixed(1)}–${(lo + 0.1).toFixed(1)}  ${String(band.length).padStart(5)}  ${(band.filter((s) => s.spam).length / band.length).toFixed(3)}`,
      );
  }
  for (const s of SOURCES) {
    const mine = scores.filter((x) => x.source === s.file);
    const spam = mine.filter((x) => x.spam);
    const ham = mine.filter((x) => !x.spam);
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
    const logloss = mine.reduce((a, x) => a - Math.log(Math.max(1e-9, x.spam ? x.p : 1 - x.p)), 0) / mine.length;
    console.log(
      `${s.file}: log loss ${logloss.toFixed(3)}, spam marked or held ${pct(spam.filter((x) => x.p >= holdAt).length, spam.length)}, ` +
        `ham marked ${pct(ham.filter((x) => x.p >= spamAt).length, ham.length)}, ` +
        `ham held ${pct(ham.filter((x) => x.p >= holdAt && x.p < spamAt).length, ham.length)}`,
    );
  }
  if (process.argv.includes('--write')) {
    const file = path.join(__dirname, '..', '..', 'server', 'spam', 'classifier', 'calibration.ts');
    const text = fs.readFileSync(file, 'utf8');
    const body =
      `export const CALIBRATION: Calibration = {\n  intercept: ${cal.intercept},\n  weights: [${cal.weights.join(', ')}],\n};\n\n` +
      `export const THRESHOLDS = { spam: ${spamAt}, hold: ${holdAt} };\n`;
    fs.writeFileSync(file, text.slice(0, text.indexOf('export const CALIBRATION')) + body);
    console.log(`\n${file} bijgewerkt`);
  }
}

main();
