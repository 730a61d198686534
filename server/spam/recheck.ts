// Reacties held because Akismet could not answer are asked again, with backoff, until it does.
// Safe with several app processes: a reactie is claimed with one conditional update before it is sent.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/knex';
import { SYSTEM_ACTOR, audit } from '../audit/audit-log';
import { lockReactie, setReactieStatus, type ReactieStatus } from '../reacties/queries';
import { commentCheck, type AkismetParams } from './akismet';
import type { StoredChecks } from './verdict-columns';

// After the first minute: 5 minutes, 15, an hour, three hours, then every six hours.
const BACKOFF_MS = [5, 15, 60, 180, 360].map((m) => m * 60 * 1000);
// About two days of trying; then a moderator decides, as for any held reactie.
export const MAX_RECHECKS = 12;
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

async function claim(db: Db, id: number, now: Date): Promise<boolean> {
  const n = await db('reacties')
    .where({ id, recheck_needed: true })
    .andWhere((q) => q.whereNull('recheck_claimed_until').orWhere('recheck_claimed_until', '<', now))
    .update({ recheck_claimed_until: new Date(now.getTime() + CLAIM_MS) });
  return n === 1;
}

export async function recheckDue(db: Db, config: Pick<Config, 'akismet'>, logger: Logger, now: Date): Promise<RecheckResult> {
  const result: RecheckResult = { checked: 0, resolved: 0 };
  if (!config.akismet) return result;
  const due: Array<{ id: number }> = await db('reacties')
    .where({ recheck_needed: true })
    .andWhere('recheck_next_at', '<=', now)
    .orderBy('recheck_next_at')
    .limit(BATCH)
    .select('id');
  for (const { id } of due) {
    if (!(await claim(db, Number(id), now))) continue;
    const row = await db('reacties').where({ id }).first('status', 'akismet_payload', 'spam_checks', 'recheck_attempts');
    const stop = { recheck_needed: false, recheck_claimed_until: null };
    // A moderator already decided, or the data to send is gone: nothing left to ask.
    if (!row || row.status !== 'pending' || !row.akismet_payload) {
      await db('reacties').where({ id }).update(stop);
      continue;
    }
    result.checked++;
    const payload = JSON.parse(row.akismet_payload) as AkismetParams;
    const answer = await commentCheck(config.akismet, { ...payload, recheck_reason: 'recheck_queue' });
    const attempts = Number(row.recheck_attempts) + 1;
    if (answer.verdict === 'error') {
      const giveUp = attempts >= MAX_RECHECKS;
      // Only while still waiting for us: a moderator's decision in the meantime ended the rechecks.
      await db('reacties').where({ id, recheck_needed: true }).update({
        recheck_attempts: attempts,
        recheck_needed: !giveUp,
        recheck_next_at: giveUp ? null : new Date(now.getTime() + backoff(attempts)),
        recheck_claimed_until: null,
        akismet_response: JSON.stringify(answer),
      });
      logger.warn({ reactie: id, attempts, error: answer.error }, 'akismet recheck failed');
      continue;
    }
    const checks = JSON.parse(row.spam_checks ?? '{}') as Partial<StoredChecks>;
    const target: ReactieStatus = answer.verdict === 'ham' ? (checks.clearStatus ?? 'pending') : 'spam';
    // Lock first, then decide on a fresh copy: a moderator may have acted while Akismet answered
    // (every moderation action clears recheck_needed), and a human decision always wins.
    const applied = await db.transaction(async (trx) => {
      const current = await lockReactie(trx, Number(id));
      if (!current) return false;
      const stillOurs = await trx('reacties').where({ id, recheck_needed: true, status: 'pending' }).first('id');
      await trx('reacties').where({ id }).update({
        ...stop,
        recheck_attempts: attempts,
        akismet_result: answer.verdict,
        akismet_guid: answer.guid ?? null,
        akismet_response: JSON.stringify(answer),
      });
      if (!stillOurs) return false;
      if (target !== 'pending') await setReactieStatus(trx, current, target, now);
      return true;
    });
    if (!applied) continue;
    await audit(db, SYSTEM_ACTOR, 'reactie.recheck', { type: 'reactie', id: Number(id) }, `Akismet: ${answer.verdict} → ${target}`);
    result.resolved++;
  }
  return result;
}
