// The moderation queue: reacties by status, with what a moderator needs to decide at a glance.
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';
import { articlePath } from '../articles/queries';
import { REACTIE_STATUSES, toReactie, type Reactie, type ReactieStatus } from '../reacties/queries';
import type { StoredChecks } from '../spam/verdict-columns';
import type { AkismetAnswer } from '../spam/akismet';

// A moderator scans a page in one go; fifty is a busy morning.
export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilter {
  status: ReactieStatus;
  page: number;
  /** Name, e-mail address or words in the text. */
  q: string;
  articleId: number | null;
}

export interface HistoryEntry {
  at: Date;
  actor: string;
  action: string;
  detail: string | null;
}

export interface QueueItem {
  reactie: Reactie;
  articleTitle: string;
  /** The permalink of the reactie, when the article is public. */
  articleUrl: string | null;
  articleId: number;
  parentAuthor: string | null;
  checks: StoredChecks | null;
  akismet: AkismetAnswer | null;
  recheckAttempts: number;
  recheckPending: boolean;
  history: HistoryEntry[];
}

export function isQueueStatus(value: unknown): value is ReactieStatus {
  return typeof value === 'string' && (REACTIE_STATUSES as readonly string[]).includes(value);
}

function parseJson<T>(value: unknown): T | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

function filtered(db: Db, f: Omit<QueueFilter, 'status' | 'page'>) {
  const q = db('reacties as r');
  if (f.articleId !== null) q.where('r.article_id', f.articleId);
  if (f.q.trim()) {
    const like = `%${f.q.trim().toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q.andWhere((w) =>
      w.whereRaw("lower(r.author_name) like ? escape '\\'", [like])
        .orWhereRaw("r.author_email_key like ? escape '\\'", [like])
        .orWhereRaw("lower(r.body) like ? escape '\\'", [like]),
    );
  }
  return q;
}

export async function countByStatus(db: Db, f: Omit<QueueFilter, 'status' | 'page'>): Promise<Record<ReactieStatus, number>> {
  const rows: Array<{ status: string; n: number | string }> = await filtered(db, f).select('r.status').count({ n: '*' }).groupBy('r.status');
  const counts = { pending: 0, approved: 0, spam: 0, trash: 0 } as Record<ReactieStatus, number>;
  for (const row of rows) if (isQueueStatus(row.status)) counts[row.status] = Number(row.n);
  return counts;
}

export async function listQueue(db: Db, f: QueueFilter, now: Date): Promise<QueueItem[]> {
  const rows = await filtered(db, f)
    .where('r.status', f.status)
    .join('articles as a', 'a.id', 'r.article_id')
    .leftJoin('reacties as p', 'p.id', 'r.parent_id')
    .select('r.*', 'a.title as a_title', 'a.slug as a_slug', 'a.status as a_status', 'a.published_at as a_published_at', 'a.created_at as a_created_at', 'p.author_name as parent_author')
    .orderBy([{ column: 'r.created_at', order: 'desc' }, { column: 'r.id', order: 'desc' }])
    .limit(QUEUE_PAGE_SIZE)
    .offset((f.page - 1) * QUEUE_PAGE_SIZE);
  const ids = rows.map((r: { id: number }) => Number(r.id));
  const audit = ids.length
    ? await db('audit_log').where({ subject_type: 'reactie' }).whereIn('subject_id', ids).orderBy('id').select('subject_id', 'at', 'actor', 'action', 'detail')
    : [];
  return rows.map((row: Record<string, unknown>) => {
    const article = {
      slug: String(row.a_slug),
      status: row.a_status === 'published' ? ('published' as const) : ('draft' as const),
      publishedAt: row.a_published_at ? toDate(row.a_published_at) : null,
      createdAt: toDate(row.a_created_at),
    };
    const reactie = toReactie(row);
    return {
      reactie,
      articleTitle: String(row.a_title),
      articleId: reactie.articleId,
      articleUrl: article.status === 'published' && article.publishedAt !== null && article.publishedAt <= now ? `${articlePath(article)}#reactie-${reactie.id}` : null,
      parentAuthor: (row.parent_author as string | null) ?? null,
      checks: parseJson<StoredChecks>(row.spam_checks),
      akismet: parseJson<AkismetAnswer>(row.akismet_response),
      recheckAttempts: Number(row.recheck_attempts ?? 0),
      recheckPending: row.recheck_needed === true || row.recheck_needed === 1,
      history: audit
        .filter((a: { subject_id: number }) => Number(a.subject_id) === reactie.id)
        .map((a: Record<string, unknown>) => ({ at: toDate(a.at), actor: String(a.actor), action: String(a.action), detail: (a.detail as string | null) ?? null })),
    };
  });
}
