// npm run spam:eval: the figures docs/spam-filter.md reports, always on rows the filter never learned from
// (our generated holdout and real SMS messages held apart),
// the --train, --folds and --json forms, and clear errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCorpus } from '../../server/spam/corpus';
import { crossValidate, evaluate, siteModelFrom } from '../../server/spam/evaluate';

const ROOT = path.join(__dirname, '..', '..');
const TRAIN = path.join(ROOT, 'server', 'spam', 'corpus', 'train.csv');
const HOLDOUT_A = path.join(ROOT, 'server', 'spam', 'corpus', 'holdout-a.csv');
const HOLDOUT_B = path.join(ROOT, 'server', 'spam', 'corpus', 'holdout-b.csv');
const SMS_TRAIN = path.join(ROOT, 'server', 'spam', 'corpus', 'sms-train.csv');
const SMS_A = path.join(ROOT, 'server', 'spam', 'corpus', 'sms-holdout-a.csv');
const SMS_B = path.join(ROOT, 'server', 'spam', 'corpus', 'sms-holdout-b.csv');
const SMS_C = path.join(ROOT, 'server', 'spam', 'corpus', 'sms-holdout-c.csv');
const SMS_D = path.join(ROOT, 'server', 'spam', 'corpus', 'sms-holdout-d.csv');
const COLUMNS = { author: 'author', content: 'content', label: 'spam', email: 'email', url: 'url' };
const load = (file: string) => readCorpus(fs.readFileSync(file, 'utf8'), COLUMNS);
const loadHoldout = () => [...load(HOLDOUT_A), ...load(HOLDOUT_B)];

function evalCli(args: string[]) {
  return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/cli/spam-eval.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('spam: measured on a labelled corpus', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-eval-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('bundles a large Dutch and English corpus, and a holdout part that shares no row with it', () => {
    const train = load(TRAIN);
    const holdout = loadHoldout();
    assert.ok(train.length >= 1500, `${train.length} train rows`);
    assert.ok(train.filter((r) => r.spam).length >= 700 && train.filter((r) => !r.spam).length >= 700);
    assert.ok(holdout.length >= 400 && holdout.filter((r) => r.spam).length >= 200);
    const trained = new Set(train.map((r) => r.content));
    assert.equal(holdout.filter((r) => trained.has(r.content)).length, 0, 'no holdout row is in the day-one model');
    for (const word of ['gemeente', 'subscribe', 'kanaal', 'giveaway'])
      assert.ok(
        train.some((r) => r.content.toLowerCase().includes(word)),
        word,
      );
  });

  it('the day-one model, on the holdout part it never learned from: catches or holds most spam, marks no resident', () => {
    const result = evaluate(loadHoldout());
    assert.ok(result.caughtOrHeldRecall >= 0.9, `caught or held ${result.caughtOrHeldRecall}`);
    assert.ok(result.hamFalsePositiveRate <= 0.01, `false positives ${result.hamFalsePositiveRate}`);
    assert.ok(result.hamHeldRate <= 0.1, `held ${result.hamHeldRate}`);
  });

  it('bundles real messages (SMS Spam Collection): the measured part shares no text with the part learned from', () => {
    const learnt = load(SMS_TRAIN);
    const measured = [...load(SMS_A), ...load(SMS_B)];
    assert.ok(learnt.length >= 500 && measured.length >= 300 && measured.filter((r) => r.spam).length >= 50);
    const known = new Set(learnt.map((r) => r.content.trim().toLowerCase()));
    assert.equal(measured.filter((r) => known.has(r.content.trim().toLowerCase())).length, 0);
    assert.equal(new Set(measured.map((r) => r.content.trim().toLowerCase())).size, measured.length);
  });

  it('the day-one model on real messages it never learned from: catches or holds 90 %, marks no one, holds few', () => {
    const result = evaluate([...load(SMS_A), ...load(SMS_B)]);
    assert.ok(result.caughtOrHeldRecall >= 0.9, `caught or held ${result.caughtOrHeldRecall}`);
    assert.ok(result.hamFalsePositiveRate <= 0.01, `false positives ${result.hamFalsePositiveRate}`);
    assert.ok(result.hamHeldRate <= 0.1, `held ${result.hamHeldRate}`);
  });

  it('bundles the rest of the collection (C and D): no text of it in any other bundled file, none twice', () => {
    const earlier = new Set([SMS_TRAIN, SMS_A, SMS_B].flatMap((f) => load(f).map((r) => r.content.trim().toLowerCase())));
    const c = load(SMS_C);
    const d = load(SMS_D);
    assert.ok(c.length >= 2000 && d.length >= 2000 && c.filter((r) => r.spam).length >= 250 && d.filter((r) => r.spam).length >= 250);
    const rest = [...c, ...d].map((r) => r.content.trim().toLowerCase());
    assert.equal(rest.filter((t) => earlier.has(t)).length, 0);
    assert.equal(new Set(rest).size, rest.length);
  });

  it('the day-one model on the 4.276 real messages of C and D: catches or holds 90 %, marks under 1 %, holds under 10 %', () => {
    const result = evaluate([...load(SMS_C), ...load(SMS_D)]);
    assert.ok(result.caughtOrHeldRecall >= 0.9, `caught or held ${result.caughtOrHeldRecall}`);
    assert.ok(result.hamFalsePositiveRate <= 0.01, `false positives ${result.hamFalsePositiveRate}`);
    assert.ok(result.hamHeldRate <= 0.1, `held ${result.hamHeldRate}`);
  });

  it('learned from real messages, measured on others: the targets after learning (95 %, 0,5 %, 5 %)', () => {
    // C → D and D → C: a site with 2.138 decisions; A+B → C+D: a young site with 350.
    for (const [learnt, measured] of [
      [[SMS_C], [SMS_D]],
      [[SMS_D], [SMS_C]],
      [
        [SMS_A, SMS_B],
        [SMS_C, SMS_D],
      ],
    ]) {
      const result = evaluate(measured.flatMap(load), { site: siteModelFrom(learnt.flatMap(load)) });
      const what = `${learnt.map((f) => path.basename(f)).join('+')} → ${measured.map((f) => path.basename(f)).join('+')}`;
      assert.ok(result.caughtOrHeldRecall >= 0.95, `${what}: caught or held ${result.caughtOrHeldRecall}`);
      assert.ok(result.hamFalsePositiveRate <= 0.005, `${what}: false positives ${result.hamFalsePositiveRate}`);
      assert.ok(result.hamHeldRate <= 0.05, `${what}: held ${result.hamHeldRate}`);
    }
  });

  it('learned from one half of the real messages, measured on the other: marks no one, holds at most 5 %', () => {
    for (const [learnt, measured] of [
      [SMS_A, SMS_B],
      [SMS_B, SMS_A],
    ]) {
      const result = evaluate(load(measured), { site: siteModelFrom(load(learnt)) });
      // 27 and 32 spam messages: one message is 3 to 4 points. docs/spam-filter.md reports both.
      assert.ok(result.caughtOrHeldRecall >= 0.93, `caught or held ${result.caughtOrHeldRecall}`);
      assert.ok(result.hamFalsePositiveRate <= 0.005, `false positives ${result.hamFalsePositiveRate}`);
      assert.ok(result.hamHeldRate <= 0.05, `held ${result.hamHeldRate}`);
    }
  });

  it('learned from one half of the holdout, measured on the other half: the rows never overlap', () => {
    const learnt = load(HOLDOUT_A);
    const measured = load(HOLDOUT_B);
    assert.equal(measured.filter((r) => learnt.some((l) => l.content === r.content)).length, 0);
    const result = evaluate(measured, { site: siteModelFrom(learnt) });
    assert.ok(result.caughtOrHeldRecall >= 0.95, `caught or held ${result.caughtOrHeldRecall}`);
    assert.ok(result.hamFalsePositiveRate <= 0.005, `false positives ${result.hamFalsePositiveRate}`);
    assert.ok(result.hamHeldRate <= 0.05, `held ${result.hamHeldRate}`);
  });

  it('cross-validates: every row measured once by a model that never saw it', () => {
    const rows = loadHoldout();
    const result = crossValidate(rows, 5);
    const m = result.matrix;
    assert.equal(m.spam.spam + m.spam.hold + m.spam.pass + m.ham.spam + m.ham.hold + m.ham.pass, rows.length);
    assert.ok(result.caughtOrHeldRecall >= 0.9 && result.hamFalsePositiveRate <= 0.01);
  });

  it('--train A B prints only one JSON object with --json, and learning helps', () => {
    const res = evalCli(['--train', HOLDOUT_A, HOLDOUT_B, '--json']);
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stderr, '');
    const out = JSON.parse(res.stdout) as Record<'spam' | 'ham', Record<'marked' | 'held' | 'passed', number>>;
    assert.deepEqual(Object.keys(out), ['spam', 'ham']);
    assert.deepEqual(Object.keys(out.spam), ['marked', 'held', 'passed']);
    assert.equal(out.spam.marked + out.spam.held + out.spam.passed, load(HOLDOUT_B).filter((r) => r.spam).length);
    const dayOne = JSON.parse(evalCli([HOLDOUT_B, '--json']).stdout) as typeof out;
    assert.ok(out.spam.passed <= dayOne.spam.passed, 'learning from A lets no more spam of B through');
  });

  it('prints the confusion matrix and figures, with progress, and k-fold figures', () => {
    const res = evalCli([HOLDOUT_A]);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /ingebouwd model \(dag één\), op 250 reacties/);
    assert.match(res.stdout, new RegExp(`echt spam\\s+\\(\\s*${load(HOLDOUT_A).filter((r) => r.spam).length}\\)`));
    assert.match(res.stderr, /250 van 250 reacties beoordeeld/);
    const folds = evalCli(['--folds', '5', HOLDOUT_A]);
    assert.equal(folds.status, 0, folds.stderr);
    assert.match(folds.stdout, /5-voudige kruisvalidatie op 250 reacties/);
  });

  it('takes other column names for both files, and says which column is missing', () => {
    const file = path.join(dir, 'eigen.csv');
    fs.writeFileSync(file, 'naam,tekst,label\nJan,"Goed punt, eens",0\nSpammer,"Buy viagra https://bit.ly/x",1\n');
    const columns = ['--author-column', 'naam', '--content-column', 'tekst', '--label-column', 'label'];
    const ok = evalCli([file, ...columns]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /op 2 reacties/);
    const trained = evalCli(['--train', file, `${file},${file}`, ...columns, '--json']);
    assert.equal(trained.status, 0, trained.stderr);
    assert.deepEqual(JSON.parse(trained.stdout).ham, { marked: 0, held: 0, passed: 2 }, 'A.csv,B.csv measures the rows of both');
    const missing = evalCli([file]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Kolom "author" \(author\) ontbreekt; het bestand heeft: naam, tekst, label/);
    const both = evalCli(['--train', file, '--folds', '3', file]);
    assert.equal(both.status, 1);
    assert.match(both.stderr, /Kies --train of --folds/);
    assert.match(evalCli(['--train']).stderr, /--train heeft een waarde nodig/);
  });
});
