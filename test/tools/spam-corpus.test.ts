// npm run spam:corpus: the generator writes exactly the committed corpus files, so they cannot drift
// from the fragments and code that make them; and its random numbers are CPython's, draw for draw.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PythonRandom } from '../../tools/spam-corpus/python-random';

const ROOT = path.join(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'server', 'spam', 'corpus');
const FILES = ['train.csv', 'holdout-a.csv', 'holdout-b.csv'];

describe('tools: the spam corpus generator', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-corpus-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the committed train and holdout files byte for byte', () => {
    const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['tools/spam-corpus/make-corpus.ts', '--out', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /train\.csv: 2883 rijen/);
    for (const name of FILES) {
      const made = fs.readFileSync(path.join(dir, name));
      const committed = fs.readFileSync(path.join(CORPUS, name));
      assert.ok(made.equals(committed), `${name} differs from server/spam/corpus/${name}: run npm run spam:corpus and commit the result`);
    }
  });

  it('draws what CPython 3 random.Random draws from the same seed', () => {
    // Values printed by CPython 3.11: random.Random(seed).random(), .randrange(), .randint(), .choice(), .shuffle().
    const r = new PythonRandom(42);
    assert.deepEqual([r.random(), r.random(), r.random()], [0.6394267984578837, 0.025010755222666936, 0.27502931836911926]);
    const s = new PythonRandom(11);
    assert.deepEqual(
      Array.from({ length: 5 }, () => s.randrange(0, 1000)),
      [463, 886, 573, 877, 946],
    );
    assert.equal(s.randint(1, 99), 60);
    assert.equal(s.choice([...'abcdefg']), 'd');
    assert.equal(s.getrandbits(32), 2181161661);
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    new PythonRandom(5).shuffle(x);
    assert.deepEqual(x, [2, 3, 1, 0, 8, 7, 6, 5, 4, 9]);
    assert.equal(new PythonRandom(2 ** 40 + 7).random(), 0.6137037779936511, 'a seed of two 32-bit words');
    assert.equal(new PythonRandom(0).random(), 0.8444218515250481);
  });
});
