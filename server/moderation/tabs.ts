// The queue's tabs: one per status, and Meldingen (reacties readers reported, any status), each
// with its count; the script keeps the counts current from /beheer/reacties/aantallen.
import type { Db } from '../db/knex';
import { countByStatus, type QueueFilter } from '../reacties/queue/queue-queries';
import { countReported, reportedCountQuery } from '../reacties/reports/report-queue-queries';
import { siteStatusCounts, siteStatusCountsWith } from '../reacties/queue/status-counts';
import type { ReactieStatus } from '../reacties/queries';

export const STATUS_TABS = [
  { status: 'pending', label: 'Wachtend' },
  { status: 'approved', label: 'Goedgekeurd' },
  { status: 'spam', label: 'Spam' },
  { status: 'trash', label: 'Prullenbak' },
] as const;

/**
 * The status tabs follow the search and article filter; Meldingen counts every reported reactie.
 * Unfiltered, the counts come from the kept per-status numbers instead of the whole table. The
 * queue page gives the number of reported reacties it already has (the menu's count).
 */
export async function tabCounts(db: Db, f: QueueFilter, reported?: Promise<number>): Promise<Record<ReactieStatus | 'meldingen', number>> {
  const unfiltered = f.articleId === null && !f.q.trim();
  if (unfiltered && !reported) {
    // The script's counts: the sums and the reported reacties in one statement.
    const { counts, other } = await siteStatusCountsWith(db, reportedCountQuery(db));
    return { ...counts, meldingen: other };
  }
  const [counts, meldingen] = await Promise.all([unfiltered ? siteStatusCounts(db) : countByStatus(db, f), reported ?? countReported(db)]);
  return { ...counts, meldingen };
}
