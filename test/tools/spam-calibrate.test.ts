// npm run spam:calibrate: the committed calibration and thresholds are exactly what the tool fits on
// the committed training material, so a changed corpus or feature cannot leave them stale.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CALIBRATION, THRESHOLDS } from '../../server/spam/classifier/calibration';
import { FEATURE_GROUPS } from '../../server/spam/classifier/features';

const ROOT = path.join(__dirname, '..', '..');

describe('tools: the spam filter calibration', function () {
  this.timeout(120_000);

  it('fits the committed calibration and thresholds on out-of-fold scores, and prints a reliability table', () => {
    const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['tools/spam-corpus/calibrate.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(res.status, 0, res.stderr);
    const weights = FEATURE_GROUPS.map((g, i) => `${g} ${CALIBRATION.weights[i]}`).join(', ');
    const stale = 'run npm run spam:calibrate -- --write and commit the result';
    assert.ok(res.stdout.includes(`intercept ${CALIBRATION.intercept}; weights ${weights}\n`), `${stale}\n${res.stdout}`);
    assert.ok(res.stdout.includes(`spam from ${THRESHOLDS.spam}, held from ${THRESHOLDS.hold}\n`), `${stale}\n${res.stdout}`);
    assert.match(res.stdout, /reliability \(out of fold, both situations\)/);
    // Day one, and a site that learned from its moderators' decisions on real messages.
    assert.match(res.stdout, /day one, sms-train\.csv: log loss 0\.\d+, spam marked or held \d+\.\d %, ham marked 0\.\d %/);
    assert.match(res.stdout, /after learning, sms-train\.csv: log loss 0\.\d+, spam marked or held \d+\.\d %, ham marked 0\.\d %/);
  });
});
