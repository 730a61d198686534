// The Meldingen queue's reads: reacties with open reports from readers, whatever their status (a
// reported reactie may still be on the page, or hidden by the reports until a moderator looks),
// most reported first and, among as many reports, the one waiting longest first.
import type { Db } from '../../db/knex';
import { toDate } from '../../db/rows';
import { QUEUE_COLUMNS, toQueueRow, withArticleAndParent, type QueueRow } from '../queue/queue-queries';

export interface ReportedRow extends QueueRow {
  openReports: number;
  /** When the oldest open report came in. */
  firstReportAt: Date;
}

function openReportsPerReactie(db: Db) {
  return db('reactie_reports')
    .whereNull('closed_at')
    .groupBy('reactie_id')
    .select('reactie_id')
    .count({ n: '*' })
    .min({ first_at: 'created_at' });
}

export async function listReportedRows(db: Db, page: { limit: number; offset: number }): Promise<ReportedRow[]> {
  const rows: Array<Record<string, unknown>> = await db('reacties as r')
    .join(openReportsPerReactie(db).as('o'), 'o.reactie_id', 'r.id')
    .modify(withArticleAndParent)
    .select([...QUEUE_COLUMNS, 'o.n as open_reports', 'o.first_at as first_report_at'])
    .orderBy([
      { column: 'o.n', order: 'desc' },
      { column: 'o.first_at', order: 'asc' },
      { column: 'r.id', order: 'asc' },
    ])
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({ ...toQueueRow(row), openReports: Number(row.open_reports), firstReportAt: toDate(row.first_report_at) }));
}

/** The statement of countReported, for a read that asks it with other counts in one round trip. */
export const reportedCountQuery = (db: Db) => db('reactie_reports').whereNull('closed_at').countDistinct({ n: 'reactie_id' });

/** How many reacties have open reports: the count in the tabs, the menu and the Overzicht. */
export async function countReported(db: Db): Promise<number> {
  const row = await reportedCountQuery(db).first();
  return Number(row?.n ?? 0);
}

/** How many open reports came in after `since` (the moderators' digest mails when there is news). */
export async function countReportsSince(db: Db, since: Date): Promise<number> {
  const row = await db('reactie_reports').whereNull('closed_at').andWhere('created_at', '>', since).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** Whether readers' reports took this reactie off the page and it still waits for a moderator. */
export async function hiddenByReports(db: Db, id: number): Promise<boolean> {
  return Boolean(await db('reacties').where({ id, status: 'pending', removed_by_reports: true }).first('id'));
}
