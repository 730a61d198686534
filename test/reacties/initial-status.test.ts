// The moderation decision for a new reactie, as one pure function: every combination.
import assert from 'node:assert/strict';
import { initialStatus } from '../../server/reacties/initial-status';

describe('reacties: initial status', () => {
  const cases: Array<[Parameters<typeof initialStatus>, string]> = [
    [['spam', 'trusted', true], 'spam'],
    [['spam', 'all', false], 'spam'],
    [['hold', 'trusted', true], 'pending'],
    [['hold', 'all', true], 'pending'],
    [['clear', 'trusted', true], 'approved'],
    [['clear', 'trusted', false], 'pending'],
    [['clear', 'all', true], 'pending'],
    [['clear', 'all', false], 'pending'],
  ];
  for (const [[outcome, policy, known], expected] of cases) {
    it(`${outcome}, policy ${policy}, ${known ? 'known' : 'unknown'} address → ${expected}`, () => {
      assert.equal(initialStatus(outcome, policy, known), expected);
    });
  }
});
