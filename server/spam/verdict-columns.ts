// How a verdict is kept with the reactie, so moderators see why and rechecks know what to send.
// The reacties feature stores and reads these values; this module owns their shape.
import { parseJson } from '../db/rows';
import type { AkismetAnswer, AkismetParams } from './akismet';
import type { CheckHit, LocalDecision } from './local-checks';
import type { Verdict } from './pipeline';

// The first recheck of an unanswered Akismet call comes after a minute; later ones back off.
const FIRST_RECHECK_DELAY_MS = 60 * 1000;

export interface StoredChecks {
  /** The local decision before Akismet: what a recheck returns to when Akismet says ham. */
  local: LocalDecision;
  outcome: 'spam' | 'hold' | 'clear';
  hits: CheckHit[];
  /** The learning classifier's spam probability; absent in rows stored before it existed. */
  score?: number;
}

export interface StoredVerdict {
  checks: StoredChecks;
  akismet: AkismetAnswer | null;
  /** Exactly what was sent to Akismet, for submit-spam/ham and rechecks. */
  akismetPayload: AkismetParams | null;
  /** When to ask Akismet again; null when it answered. */
  recheckAt: Date | null;
}

export function storedVerdict(verdict: Extract<Verdict, { kind: 'store' }>, now: Date): StoredVerdict {
  return {
    checks: { local: verdict.local, outcome: verdict.outcome, hits: verdict.hits, score: verdict.score },
    akismet: verdict.akismet,
    akismetPayload: verdict.akismetPayload,
    recheckAt: verdict.recheck ? new Date(now.getTime() + FIRST_RECHECK_DELAY_MS) : null,
  };
}

/** Whether the checks found the address known (an earlier approved reactie); 'trusted' in older rows. */
export function knownAddress(checks: StoredChecks | null): boolean {
  return Boolean(checks?.hits.some((h) => h.check === 'known-address' || (h.check as string) === 'trusted'));
}

export function parseStoredChecks(value: unknown): StoredChecks | null {
  const parsed = parseJson<Partial<StoredChecks>>(value);
  if (!parsed || !Array.isArray(parsed.hits)) return null;
  return {
    local: parsed.local ?? 'pass',
    outcome: parsed.outcome ?? 'clear',
    hits: parsed.hits,
    ...(typeof parsed.score === 'number' ? { score: parsed.score } : {}),
  };
}

export const parseAkismetAnswer = (value: unknown): AkismetAnswer | null => parseJson<AkismetAnswer>(value);
export const parseAkismetPayload = (value: unknown): AkismetParams | null => parseJson<AkismetParams>(value);
