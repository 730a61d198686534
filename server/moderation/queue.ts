// The moderation queue: reacties by status, with what a moderator needs to decide at a glance.
import type { Db } from '../db/knex';
import { listAuditFor, type AuditEntry } from '../audit/audit-log';
import { articlePath, isPublic, type Article } from '../articles/queries';
import type { ReactieStatus } from '../reacties/queries';
import { scoreWords } from '../spam/classifier/classify';
import { listQueueRows, type QueueFilter, type QueueRow } from '../reacties/queue/queue-queries';
import { openReportsFor, type OpenReport } from '../reacties/reports/reports';
import { reactiesOpenness } from '../articles/closing';
import { keptSettings } from '../settings/settings';
import { classifierEvidence } from './why/evidence';
import { whyHere, type Why } from './why/reasons';

/** The learning filter's score as the queue shows it: "waarschijnlijk spam (0,87)" from the hold threshold. */
export function scoreLabel(score: number): { text: string; suspect: boolean } {
  return scoreWords(score);
}

// A moderator scans a page in one go; fifty is a busy morning.
export const QUEUE_PAGE_SIZE = 50;

export interface QueueItem extends QueueRow {
  articleTitle: string;
  articleId: number;
  /** The permalink of the reactie, when the article is public. */
  articleUrl: string | null;
  history: AuditEntry[];
  /** Readers' open reports: reason and note, never who. */
  reports: OpenReport[];
  /** "Waarom hier?": every reason it is where it is. */
  why: Why;
}

export async function listQueue(db: Db, f: QueueFilter & { status: ReactieStatus; page: number }, now: Date): Promise<QueueItem[]> {
  return queueItems(db, await listQueueRows(db, { ...f, limit: QUEUE_PAGE_SIZE, offset: (f.page - 1) * QUEUE_PAGE_SIZE }), now);
}

/** Queue rows with their article's link, their history and their open reports (also for the Meldingen queue). */
export async function queueItems<R extends QueueRow>(db: Db, rows: R[], now: Date): Promise<Array<R & QueueItem>> {
  const ids = rows.map((r) => r.reactie.id);
  // At once: each is a round trip of its own.
  const [history, reports, { reacties }, evidence] = await Promise.all([
    listAuditFor(db, 'reactie', ids),
    openReportsFor(db, ids),
    keptSettings(db),
    classifierEvidence(
      db,
      rows.map((row) => ({ content: row.reactie, score: row.checks?.score })),
    ),
  ]);
  // Each row's history, in the order read: one pass, not a filter over the whole page's per row.
  const historyOf = new Map<number, AuditEntry[]>();
  for (const h of history) {
    if (h.subjectId === null) continue;
    const list = historyOf.get(h.subjectId);
    if (list) list.push(h);
    else historyOf.set(h.subjectId, [h]);
  }
  return rows.map((row, i) => {
    const article: Pick<Article, 'slug' | 'status' | 'publishedAt' | 'createdAt'> = {
      ...row.article,
      status: row.article.status === 'published' ? 'published' : 'draft',
    };
    const own = { history: historyOf.get(row.reactie.id) ?? [], reports: reports.get(row.reactie.id) ?? [] };
    const openness = reactiesOpenness({ ...row.article, reactiesCloseAfterDays: row.article.closeAfterDays }, reacties.closeAfterDays, now);
    return {
      ...row,
      ...own,
      articleTitle: row.article.title,
      articleId: row.article.id,
      articleUrl: isPublic(article, now) ? `${articlePath(article)}#reactie-${row.reactie.id}` : null,
      why: whyHere({ ...row, ...own, articleClosed: !openness.open, evidence: evidence[i] }),
    };
  });
}
