// Readers' reports of a reactie: one per reader per reactie, without accounts. A reader is an IPv4
// address or an IPv6 /64 (http/reader-address.ts), known only by an HMAC of it (never stored itself,
// forgotten after IP_RETENTION_DAYS), so one line with 2^64 IPv6 addresses is one reader; and
// no page, feed or API ever shows who reported. Open reports from enough different networks (IPv4
// /24, IPv6 /48, also only as an HMAC) hide the reactie at once,
// pending a moderator's look, with the counters moved by delta and the article's version bumped
// (setReactieStatus takes the article's lock), so a cached page drops it too.
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { toDate } from '../../db/rows';
import { readerAddress, readerNetwork } from '../../http/reader-address';
import { endRecheck, lockReactie, setReactieStatus } from '../queries';
import { addLogEntry, type ModerationReason } from '../moderation-log';

type Conn = Db | Knex.Transaction;

export const REPORT_REASONS = ['spam', 'beledigend', 'persoonsgegevens', 'off-topic'] as const satisfies readonly ModerationReason[];
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_NOTE_MAX = 500;

export function isReportReason(value: unknown): value is ReportReason {
  return typeof value === 'string' && (REPORT_REASONS as readonly string[]).includes(value);
}

/** The reader's key: an HMAC of their address (IPv4) or line (IPv6 /64), so the table never holds an IP. */
export function readerKey(secret: string, ip: string): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`reactie-report:${readerAddress(ip)}`)
    .digest('hex');
}

/** The reader's network (IPv4 /24, IPv6 /48) as an HMAC: reports from one network count once towards hiding. */
export function networkKey(secret: string, ip: string): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`reactie-report-network:${readerNetwork(ip)}`)
    .digest('hex');
}

export interface OpenReport {
  reason: ReportReason;
  note: string | null;
  createdAt: Date;
}

export type ReportOutcome = 'added' | 'already' | 'hidden' | 'gone';

/**
 * Stores a report; hides the reactie when its open reports now come from `threshold` different
 * networks (a report from before networks were kept counts as a network of its own). 'already' when this
 * reader reported it before (nothing changes), 'gone' when it is not (or no longer) on the page.
 */
export async function addReport(
  db: Db,
  input: { reactieId: number; reason: ReportReason; note: string | null; readerKey: string; networkKey: string },
  threshold: number,
  now: Date,
): Promise<ReportOutcome> {
  return db.transaction(async (trx) => {
    const reactie = await lockReactie(trx, input.reactieId);
    if (!reactie || reactie.status !== 'approved') return 'gone';
    const inserted = await trx('reactie_reports')
      .insert({
        reactie_id: reactie.id,
        reason: input.reason,
        note: input.note?.trim() ? input.note.trim() : null,
        reader_key: input.readerKey,
        network_key: input.networkKey,
        created_at: now,
      })
      .onConflict(['reactie_id', 'reader_key'])
      .ignore()
      .returning('id');
    if (!inserted.length) return 'already';
    const networks: Array<{ network_key: string | null }> = await trx('reactie_reports')
      .where({ reactie_id: reactie.id })
      .whereNull('closed_at')
      .select('network_key');
    if (new Set(networks.map((r, i) => r.network_key ?? `row ${i}`)).size < threshold) return 'added';
    const reports = (await openReportsFor(trx, [reactie.id])).get(reactie.id) ?? [];
    const reason = mostReported(reports);
    await setReactieStatus(trx, reactie, 'pending', now, { reason, byReports: true });
    // Held for a moderator: no background recheck may approve it again on its own.
    await endRecheck(trx, reactie.id);
    await addLogEntry(trx, { reactieId: reactie.id, articleId: reactie.articleId, action: 'verborgen', reason }, now);
    return 'hidden';
  });
}

/** The reason most readers gave (the first given on a tie): the default when a moderator removes it. */
export function mostReported(reports: readonly OpenReport[]): ReportReason {
  const counts = new Map<ReportReason, number>();
  for (const r of reports) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  let best: ReportReason = reports[0]?.reason ?? 'off-topic';
  for (const [reason, n] of counts) if (n > (counts.get(best) ?? 0)) best = reason;
  return best;
}

/** The open reports of these reacties, oldest first: reason and note only, never who. */
export async function openReportsFor(conn: Conn, reactieIds: number[]): Promise<Map<number, OpenReport[]>> {
  const out = new Map<number, OpenReport[]>();
  if (!reactieIds.length) return out;
  const rows: Array<Record<string, unknown>> = await conn('reactie_reports')
    .whereIn('reactie_id', reactieIds)
    .whereNull('closed_at')
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select('reactie_id', 'reason', 'note', 'created_at');
  for (const row of rows) {
    const id = Number(row.reactie_id);
    const list = out.get(id) ?? [];
    list.push({
      reason: isReportReason(row.reason) ? row.reason : 'off-topic',
      note: (row.note as string | null) ?? null,
      createdAt: toDate(row.created_at),
    });
    out.set(id, list);
  }
  return out;
}

/** A moderator dismissed the reports or decided on the reactie: they no longer count. */
export async function closeReports(conn: Conn, reactieId: number, now: Date): Promise<number> {
  return conn('reactie_reports').where({ reactie_id: reactieId }).whereNull('closed_at').update({ closed_at: now });
}

/** Forgets which reader reported, after the IP retention; the report itself stays. */
export async function purgeReaderKeys(db: Db, retentionDays: number, now: Date): Promise<number> {
  return db('reactie_reports')
    .whereNotNull('reader_key')
    .andWhere('created_at', '<', new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000))
    .update({ reader_key: null, network_key: null });
}
