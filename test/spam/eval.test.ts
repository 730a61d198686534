// npm run spam:eval on the corpus in test/fixtures: the figures the README reports, and clear errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCorpus } from '../../server/spam/corpus';
import { evaluate } from '../../server/spam/evaluate';

const ROOT = path.join(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'spam-corpus.csv');

function evalCli(args: string[]) {
  return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/cli/spam-eval.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('spam: measured on a labelled corpus', function () {
  this.timeout(60_000);

  it('has at least 300 labelled Dutch and English comments', () => {
    const corpus = readCorpus(fs.readFileSync(CORPUS, 'utf8'), {
      author: 'author',
      content: 'content',
      label: 'spam',
      email: 'email',
      url: 'url',
    });
    assert.ok(corpus.length >= 300, `${corpus.length} rows`);
    assert.ok(corpus.filter((r) => r.spam).length >= 100);
    assert.ok(corpus.filter((r) => !r.spam).length >= 150);
  });

  it('keeps spam precision at or above 0.98 and catches or holds most spam', () => {
    const corpus = readCorpus(fs.readFileSync(CORPUS, 'utf8'), {
      author: 'author',
      content: 'content',
      label: 'spam',
      email: 'email',
      url: 'url',
    });
    const result = evaluate(corpus);
    assert.ok(result.spamPrecision >= 0.98, `precision ${result.spamPrecision}`);
    assert.ok(result.caughtOrHeldRecall >= 0.85, `caught or held ${result.caughtOrHeldRecall}`);
    assert.ok(result.hamFalsePositiveRate <= 0.01, `false positives ${result.hamFalsePositiveRate}`);
  });

  it('prints the confusion matrix and figures, with progress', () => {
    const res = evalCli([CORPUS]);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /echt spam\s+\(\s*\d+\)/);
    assert.match(res.stdout, /precisie spam .*: +1\.000|precisie spam .*: +0\.9[89]\d/);
    assert.match(res.stderr, /363 van 363 reacties beoordeeld/);
  });

  it('takes other column names, and says which column is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-eval-'));
    const file = path.join(dir, 'eigen.csv');
    fs.writeFileSync(file, 'naam,tekst,label\nJan,"Goed punt, eens",0\nSpammer,"Buy viagra https://bit.ly/x",1\n');
    const ok = evalCli([file, '--author-column', 'naam', '--content-column', 'tekst', '--label-column', 'label']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /op 2 reacties/);
    const missing = evalCli([file]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Kolom "author" \(author\) ontbreekt; het bestand heeft: naam, tekst, label/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
