// Why the moderation policy held a reactie (or an author's edit), kept with it at the moment it was
// decided: what the address had written before changes later, so a moderator reading "Waarom hier?"
// next week must see what held it then, not what a query would say now. The decision is a pure
// function (heldBecause); the one read it needs (addressHistory) is this feature's, on its own table.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { parseJson } from '../db/rows';
import type { ModerationPolicy } from '../settings/settings';
import type { CheckHit } from '../spam/local-checks';
import type { AkismetVerdict } from '../spam/akismet';
import { emailKey } from '../shared/email';
import { initialStatus } from './initial-status';
import type { ReactieStatus } from './queries';

type Conn = Db | Knex.Transaction;

/**
 * The policy's reasons, in the order a moderator reads them:
 * address-held: a moderator set the address to "altijd vasthouden" (addresses/rules.ts);
 * hold-all: the policy holds every reactie; first-reactie: this address never wrote before;
 * earlier-removed: it wrote before, none approved, some taken away (spam, prullenbak);
 * earlier-waiting: its earlier reacties wait for a moderator too.
 */
export const POLICY_REASONS = ['address-held', 'hold-all', 'first-reactie', 'earlier-removed', 'earlier-waiting'] as const;
export type PolicyReason = (typeof POLICY_REASONS)[number];

/** What is kept: the policy's reasons and, for a held edit, the checks that held the new text. */
export interface HeldBecause {
  policy: PolicyReason[];
  hits?: CheckHit[];
  /** Akismet's answer on a held edit (a new reactie keeps its own in akismet_response). */
  akismet?: AkismetVerdict;
}

/**
 * The address's earlier reacties by status, before this one. heldBecause asks only whether there are
 * any of each (spam-queries.ts reads just that: 1 or 0).
 */
export interface AddressHistory {
  approved: number;
  pending: number;
  removed: number;
}

/**
 * The policy's reasons for holding a reactie whose checks found nothing (or would have found nothing):
 * none when the policy would publish it. Asked for every held reactie, so a reactie held by a check or
 * an unanswered Akismet call also says when the policy would have held it anyway.
 */
export function heldBecause(policy: ModerationPolicy, knownAddress: boolean, history: AddressHistory, addressHeld = false): PolicyReason[] {
  const held: PolicyReason[] = addressHeld ? ['address-held'] : [];
  if (initialStatus('clear', policy, knownAddress) === 'approved') return held;
  if (policy === 'all') return [...held, 'hold-all'];
  const reasons: PolicyReason[] = [];
  if (history.approved + history.pending + history.removed === 0) reasons.push('first-reactie');
  if (history.approved === 0 && history.removed > 0) reasons.push('earlier-removed');
  if (history.pending > 0) reasons.push('earlier-waiting');
  // The address is unknown to the policy but wrote before without any of these: still a first approval.
  return [...held, ...(reasons.length ? reasons : (['first-reactie'] as const))];
}

/** How many reacties this address (its lower-cased key) wrote before, by status: on the (author_email_key, status) index. */
async function addressHistory(conn: Conn, addressKey: string): Promise<AddressHistory> {
  const rows: Array<{ status: string; n: number | string }> = await conn('reacties')
    .where({ author_email_key: addressKey })
    .select('status')
    .count({ n: '*' })
    .groupBy('status');
  const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { approved: n('approved'), pending: n('pending'), removed: n('spam') + n('trash') };
}

/**
 * The policy's reasons for a reactie about to be stored with this status; the address's history is read
 * only when they depend on it, and not at all when `known` (read with the sender's facts) is given.
 */
export async function policyHold(
  conn: Conn,
  status: ReactieStatus,
  policy: ModerationPolicy,
  knownAddress: boolean,
  authorEmail: string,
  addressHeld = false,
  known?: AddressHistory,
): Promise<HeldBecause | null> {
  if (status !== 'pending' || initialStatus('clear', policy, knownAddress, addressHeld) === 'approved') return null;
  const unknown = initialStatus('clear', policy, knownAddress) !== 'approved';
  const history =
    policy === 'all' || !unknown ? { approved: 0, pending: 0, removed: 0 } : (known ?? (await addressHistory(conn, emailKey(authorEmail))));
  return { policy: heldBecause(policy, knownAddress, history, addressHeld) };
}

export function heldBecauseColumn(value: HeldBecause | null | undefined): string | null {
  return value && (value.policy.length || value.hits?.length || value.akismet) ? JSON.stringify(value) : null;
}

export function parseHeldBecause(value: unknown): HeldBecause | null {
  const parsed = parseJson<Partial<HeldBecause>>(value);
  if (!parsed || !Array.isArray(parsed.policy)) return null;
  const policy = parsed.policy.filter((p): p is PolicyReason => (POLICY_REASONS as readonly string[]).includes(p));
  return {
    policy,
    ...(Array.isArray(parsed.hits) ? { hits: parsed.hits } : {}),
    ...(typeof parsed.akismet === 'string' ? { akismet: parsed.akismet } : {}),
  };
}
