// The queries the spam filter's work needs on the reacties table, which this feature owns: the
// sender's history for the pipeline, the Akismet recheck queue, what was sent to Akismet, old spam.
import type { Knex } from 'knex';
import { readsOf, type Db } from '../../db/knex';
import { KEPT } from '../../db/pg-statements';
import { toDateOrNull } from '../../db/rows';
import type { AkismetAnswer, AkismetParams } from '../../spam/akismet';
import type { SenderHistory } from '../../spam/pipeline';
import { parseAkismetPayload, parseStoredChecks, type StoredChecks } from '../../spam/verdict-columns';
import type { AddressHistory } from '../held-because';

type Conn = Db | Knex.Transaction;
type Row = Record<string, unknown>;

/** The sender's history (senderHistory) with what the address wrote before, read in the same statement. */
export interface PostingHistory extends SenderHistory {
  /** After facts(): the address's earlier reacties as the moderation policy asks them (held-because.ts). */
  address(): AddressHistory | undefined;
}

/**
 * The sender's history as one statement of scalar subqueries: one round trip per post, each part on its
 * own index. With `address`, the same statement also says whether the address has reacties waiting or
 * taken away: all the moderation policy's reasons ask (held-because.ts), so a held post needs no read of its own.
 */
export function senderHistory(db: Db): SenderHistory;
export function senderHistory(db: Db, o: { address: true }): PostingHistory;
export function senderHistory(db: Db, o: { address?: boolean } = {}): SenderHistory | PostingHistory {
  let address: AddressHistory | undefined;
  return {
    address: () => address,
    async facts(q) {
      const parts: string[] = [];
      const bindings: unknown[] = [];
      const part = (sql: string, alias: string, ...values: unknown[]) => {
        parts.push(`(${sql}) as ${alias}`);
        bindings.push(...values);
      };
      if (q.floodSince)
        part('select max(created_at) from reacties where author_email_key = ? and created_at > ?', 'recent', q.addressKey, q.floodSince);
      if (q.ip) part('select count(*) from reacties where ip = ? and created_at > ?', 'from_ip', q.ip, q.rateSince);
      part(
        'select id from reacties where article_id = ? and author_email_key = ? and body = ? limit 1',
        'same_text',
        q.articleId,
        q.addressKey,
        q.body,
      );
      part("select 1 from reacties where author_email_key = ? and status = 'approved' limit 1", 'approved', q.addressKey);
      if (o.address) {
        part("select 1 from reacties where author_email_key = ? and status = 'pending' limit 1", 'pending', q.addressKey);
        part("select 1 from reacties where author_email_key = ? and status in ('spam', 'trash') limit 1", 'removed', q.addressKey);
      }
      const result: unknown = await readsOf(db)
        .raw(`select ${parts.join(', ')}`, bindings as never)
        .options(KEPT);
      // SQLite answers the rows, PostgreSQL a result with them.
      const rows = Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
      const row = rows[0] ?? {};
      const present = (value: unknown) => (value === null || value === undefined ? 0 : 1);
      if (o.address) address = { approved: present(row.approved), pending: present(row.pending), removed: present(row.removed) };
      return {
        lastPostSinceFlood: toDateOrNull(row.recent),
        fromIpSinceRate: Number(row.from_ip ?? 0),
        sameTextId: row.same_text === null || row.same_text === undefined ? null : Number(row.same_text),
        hasApprovedReactie: row.approved !== null && row.approved !== undefined,
      };
    },
  };
}

export async function akismetPayloadOf(conn: Conn, id: number): Promise<AkismetParams | null> {
  return parseAkismetPayload((await conn('reacties').where({ id }).first('akismet_payload'))?.akismet_payload);
}

// --- the recheck queue: reacties held because Akismet did not answer ---

/** The statement behind listDueRechecks (its plan is tested: it reads the index of rows with a recheck time only). */
export const dueRechecksQuery = (db: Db, now: Date, limit: number) =>
  db('reacties')
    .where({ recheck_needed: true })
    .andWhere('recheck_next_at', '<=', now)
    .orderBy('recheck_next_at')
    .limit(limit)
    .select('id');

export async function listDueRechecks(db: Db, now: Date, limit: number): Promise<number[]> {
  const rows = await dueRechecksQuery(db, now, limit);
  return rows.map((r: { id: number }) => Number(r.id));
}

/** Takes a reactie for one process until `until`, with one conditional update; false when another has it. */
export async function claimRecheck(db: Db, id: number, now: Date, until: Date): Promise<boolean> {
  const n = await db('reacties')
    .where({ id, recheck_needed: true })
    .andWhere((q) => q.whereNull('recheck_claimed_until').orWhere('recheck_claimed_until', '<', now))
    .update({ recheck_claimed_until: until });
  return n === 1;
}

export interface RecheckCandidate {
  status: string;
  payload: AkismetParams | null;
  checks: StoredChecks | null;
  attempts: number;
}

export async function recheckCandidate(db: Db, id: number): Promise<RecheckCandidate | null> {
  const row = await db('reacties').where({ id }).first('status', 'akismet_payload', 'spam_checks', 'recheck_attempts');
  if (!row) return null;
  return {
    status: String(row.status),
    payload: parseAkismetPayload(row.akismet_payload),
    checks: parseStoredChecks(row.spam_checks),
    attempts: Number(row.recheck_attempts),
  };
}

export async function stopRecheck(conn: Conn, id: number): Promise<void> {
  await conn('reacties').where({ id }).update({ recheck_needed: false, recheck_claimed_until: null });
}

/** Akismet failed again: try later, or give up (a moderator decides, as for any held reactie). */
export async function postponeRecheck(
  db: Db,
  id: number,
  r: { attempts: number; nextAt: Date | null; answer: AkismetAnswer },
): Promise<void> {
  // Only while still waiting for us: a moderator's decision in the meantime ended the rechecks.
  await db('reacties')
    .where({ id, recheck_needed: true })
    .update({
      recheck_attempts: r.attempts,
      recheck_needed: r.nextAt !== null,
      recheck_next_at: r.nextAt,
      recheck_claimed_until: null,
      akismet_response: JSON.stringify(r.answer),
    });
}

/** Whether the reactie still waits for this recheck: held, and no moderator has acted on it. */
export async function awaitsRecheck(trx: Knex.Transaction, id: number): Promise<boolean> {
  return Boolean(await trx('reacties').where({ id, recheck_needed: true, status: 'pending' }).first('id'));
}

export async function recordRecheckAnswer(trx: Knex.Transaction, id: number, attempts: number, answer: AkismetAnswer): Promise<void> {
  await trx('reacties')
    .where({ id })
    .update({
      recheck_needed: false,
      recheck_claimed_until: null,
      recheck_attempts: attempts,
      akismet_result: answer.verdict,
      akismet_guid: answer.guid ?? null,
      akismet_response: JSON.stringify(answer),
    });
}

// --- retention ---

/** Up to `limit` ids of spam unchanged since before `cutoff`, above `afterId`, lowest first. */
export async function listSpamChangedBefore(db: Db, cutoff: Date, afterId: number, limit: number): Promise<number[]> {
  const rows = await db('reacties')
    .where({ status: 'spam' })
    .andWhere('status_changed_at', '<', cutoff)
    .andWhere('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .select('id');
  return rows.map((r: { id: number }) => Number(r.id));
}

export async function forgetAkismetPayloadsBefore(db: Db, cutoff: Date): Promise<number> {
  return db('reacties').whereNotNull('akismet_payload').andWhere('created_at', '<', cutoff).update({ akismet_payload: null });
}

/** The learning classifier's score stored with the reactie when it came in (null for older rows). */
export async function spamScoreOf(conn: Conn, id: number): Promise<number | null> {
  const row: { spam_score: number | null } | undefined = await conn('reacties').where({ id }).first('spam_score');
  return row?.spam_score === null || row?.spam_score === undefined ? null : Number(row.spam_score);
}
