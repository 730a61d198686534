// The moderation decision for a reactie as it comes in: the spam verdict, the site's moderation
// policy, whether the address is known (an earlier approved reactie) and whether a moderator set it
// to "altijd vasthouden" (addresses/rules.ts) — one pure function, so posting and the Akismet recheck
// decide the same way.
import type { ModerationPolicy } from '../settings/settings';
import type { StoredChecks } from '../spam/verdict-columns';
import type { ReactieStatus } from './queries';

/** The spam verdict's outcome: spam, held for a moderator, or clear to follow the policy. */
export type SpamOutcome = StoredChecks['outcome'];

export function initialStatus(outcome: SpamOutcome, policy: ModerationPolicy, knownAddress: boolean, addressHeld = false): ReactieStatus {
  if (outcome === 'spam') return 'spam';
  if (outcome === 'hold' || addressHeld) return 'pending';
  // Clear: published at once only for an address with an approved reactie, under the 'trusted' policy.
  return policy === 'trusted' && knownAddress ? 'approved' : 'pending';
}
