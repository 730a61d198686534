// Reacties held because Akismet could not answer are asked again, with backoff, until it does.
// Safe with several app processes: a reactie is claimed with one conditional update before it is
// sent, and its status changes only under the article lock, on a fresh copy, while no moderator
// has acted on it (every moderation action ends the rechecks): a human decision always wins.
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db } from '../../db/knex';
import { SYSTEM_ACTOR, audit } from '../../audit/audit-log';
import { loadSettings } from '../../settings/settings';
import { commentCheck } from '../../spam/akismet';
import { knownAddress } from '../../spam/verdict-columns';
import { initialStatus } from '../initial-status';
import { addressKeyOf } from '../../addresses/key';
import { ruleInForce } from '../../addresses/rules';
import { lockReactie, setReactieStatus } from '../queries';
import {
  awaitsRecheck,
  claimRecheck,
  listDueRechecks,
  postponeRecheck,
  recheckCandidate,
  recordRecheckAnswer,
  stopRecheck,
} from './spam-queries';

// After the first minute: 5 minutes, 15, an hour, three hours, then every six hours.
const BACKOFF_MS = [5, 15, 60, 180, 360].map((m) => m * 60 * 1000);
// About two days of trying; then a moderator decides, as for any held reactie.
const MAX_RECHECKS = 12;
// Longer than one Akismet call with its timeout: another process will not take the same reactie.
const CLAIM_MS = 60 * 1000;
const BATCH = 20;

export interface RecheckResult {
  checked: number;
  resolved: number;
}

function backoff(attempts: number): number {
  return BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)];
}

export async function recheckDue(
  db: Db,
  config: Pick<Config, 'akismet' | 'sessionSecret'>,
  logger: Logger,
  now: Date,
): Promise<RecheckResult> {
  const result: RecheckResult = { checked: 0, resolved: 0 };
  if (!config.akismet) return result;
  for (const id of await listDueRechecks(db, now, BATCH)) {
    if (!(await claimRecheck(db, id, now, new Date(now.getTime() + CLAIM_MS)))) continue;
    const candidate = await recheckCandidate(db, id);
    // A moderator already decided, or the data to send is gone: nothing left to ask.
    if (!candidate || candidate.status !== 'pending' || !candidate.payload) {
      await stopRecheck(db, id);
      continue;
    }
    result.checked++;
    const answer = await commentCheck(config.akismet, { ...candidate.payload, recheck_reason: 'recheck_queue' });
    const attempts = candidate.attempts + 1;
    if (answer.verdict === 'error') {
      const giveUp = attempts >= MAX_RECHECKS;
      await postponeRecheck(db, id, { attempts, nextAt: giveUp ? null : new Date(now.getTime() + backoff(attempts)), answer });
      logger.warn({ reactie: id, attempts, error: answer.error }, 'akismet recheck failed');
      continue;
    }
    const { moderationPolicy } = await loadSettings(db);
    const local = candidate.checks?.local ?? 'hold';
    const outcome = answer.verdict === 'ham' ? (local === 'pass' ? 'clear' : 'hold') : 'spam';
    let target: ReturnType<typeof initialStatus> = 'pending';
    const applied = await db.transaction(async (trx) => {
      const current = await lockReactie(trx, id);
      if (!current) return false;
      const stillOurs = await awaitsRecheck(trx, id);
      await recordRecheckAnswer(trx, id, attempts, answer);
      if (!stillOurs) return false;
      // An address a moderator holds (or blocked after it was posted) keeps waiting.
      const rule = await ruleInForce(trx, addressKeyOf(config.sessionSecret, current.authorEmail), now);
      target = initialStatus(outcome, moderationPolicy, knownAddress(candidate.checks), rule !== null);
      if (target !== 'pending') await setReactieStatus(trx, current, target, now);
      return true;
    });
    if (!applied) continue;
    await audit(db, SYSTEM_ACTOR, 'reactie.recheck', { type: 'reactie', id }, `Akismet: ${answer.verdict} → ${target}`);
    result.resolved++;
  }
  return result;
}
