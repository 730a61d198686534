// How a verdict is stored with the reactie, so moderators see why and rechecks know where to go.
import type { ReactieStatus } from '../reacties/queries';
import type { Verdict } from './pipeline';

// The first recheck of an unanswered Akismet call comes after a minute; later ones back off.
export const FIRST_RECHECK_DELAY_MS = 60 * 1000;

export interface StoredChecks {
  local: string;
  outcome: string;
  /** The status a reactie gets when a recheck clears it: what the policy gave it without Akismet. */
  clearStatus: ReactieStatus;
  hits: Array<{ check: string; outcome: string; detail: string }>;
}

export function spamColumns(verdict: Extract<Verdict, { kind: 'store' }>, clearStatus: ReactieStatus, now: Date): Record<string, unknown> {
  const checks: StoredChecks = {
    local: verdict.local,
    outcome: verdict.outcome,
    clearStatus,
    hits: verdict.hits,
  };
  const a = verdict.akismet;
  return {
    spam_checks: JSON.stringify(checks),
    akismet_result: a?.verdict ?? null,
    akismet_guid: a?.guid ?? null,
    akismet_response: a ? JSON.stringify(a) : null,
    akismet_payload: verdict.akismetPayload ? JSON.stringify(verdict.akismetPayload) : null,
    recheck_needed: verdict.recheck,
    recheck_attempts: 0,
    recheck_next_at: verdict.recheck ? new Date(now.getTime() + FIRST_RECHECK_DELAY_MS) : null,
  };
}
