// The moderation queue's reads of the reacties table: by status, searched by name, address or
// words, per article, newest first or by spam score, with what a moderator needs to decide at a glance.
import type { Db } from '../../db/knex';
import type { Knex } from 'knex';
import { toDate, toDateOrNull } from '../../db/rows';
import { parseAkismetAnswer, parseStoredChecks, type StoredChecks } from '../../spam/verdict-columns';
import type { AkismetAnswer } from '../../spam/akismet';
import { parseHeldBecause, type HeldBecause } from '../held-because';
import {
  isReactieStatus,
  REACTIE_STATUSES,
  toPublicReactie,
  toReactieWith,
  type PublicReactie,
  type Reactie,
  type ReactieStatus,
} from '../queries';

export interface QueueFilter {
  /** Name, e-mail address or words in the text. */
  q: string;
  articleId: number | null;
  /** newest: newest first; score: the learning filter's spam probability first (unscored last). */
  sort?: 'newest' | 'score';
}

/** A reactie as the queue sees it: also whether readers' reports hid it, its edit and an official role. */
export type QueueReactie = Reactie & Pick<PublicReactie, 'removedByReports' | 'editedAt' | 'officialAs'>;

export interface QueueRow {
  reactie: QueueReactie;
  article: {
    id: number;
    title: string;
    slug: string;
    status: string;
    publishedAt: Date | null;
    createdAt: Date;
    reactiesOpen: boolean;
    /** The article's own close-after days; null: the site's setting. */
    closeAfterDays: number | null;
  };
  parentAuthor: string | null;
  checks: StoredChecks | null;
  akismet: AkismetAnswer | null;
  recheckAttempts: number;
  recheckPending: boolean;
  /** Why the moderation policy held it when it came in (held-because.ts). */
  heldBecause: HeldBecause | null;
  /** When its author's edit began to wait for a moderator; null when none waits. */
  heldEditAt: Date | null;
}

function filtered(db: Db, f: QueueFilter) {
  const q = db('reacties as r');
  if (f.articleId !== null) q.where('r.article_id', f.articleId);
  if (f.q.trim()) {
    const like = `%${f.q
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q.andWhere((w) =>
      w
        .whereRaw("lower(r.author_name) like ? escape '\\'", [like])
        .orWhereRaw("r.author_email_key like ? escape '\\'", [like])
        .orWhereRaw("lower(r.body) like ? escape '\\'", [like]),
    );
  }
  return q;
}

export async function countByStatus(db: Db, f: QueueFilter): Promise<Record<ReactieStatus, number>> {
  const rows: Array<{ status: string; n: number | string }> = await filtered(db, f)
    .select('r.status')
    .count({ n: '*' })
    .groupBy('r.status');
  const counts = Object.fromEntries(REACTIE_STATUSES.map((s) => [s, 0])) as Record<ReactieStatus, number>;
  for (const row of rows) if (isReactieStatus(row.status)) counts[row.status] = Number(row.n);
  return counts;
}

export async function listQueueRows(
  db: Db,
  f: QueueFilter & { status: ReactieStatus; limit: number; offset: number },
): Promise<QueueRow[]> {
  const rows = await filtered(db, f)
    .where('r.status', f.status)
    .modify(withArticleAndParent)
    .select(QUEUE_COLUMNS)
    // Raw: knex writes "nulls last" for SQLite as "(col is null) desc" and drops the column's own order.
    .modify((q) => {
      if (f.sort === 'score') q.orderByRaw('r.spam_score desc nulls last');
    })
    .orderBy([
      { column: 'r.created_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(f.limit)
    .offset(f.offset);
  return rows.map(toQueueRow);
}

/** A reactie (r) with what its article (joined as a) needs for a link to it. */
export const REACTIE_AND_ARTICLE_COLUMNS = [
  'r.*',
  'a.title as a_title',
  'a.slug as a_slug',
  'a.status as a_status',
  'a.published_at as a_published_at',
  'a.created_at as a_created_at',
];

/** What a queue row reads besides the reactie itself: its article (joined as a) and parent's name (p). */
export const QUEUE_COLUMNS = [
  ...REACTIE_AND_ARTICLE_COLUMNS,
  'a.reacties_open as a_reacties_open',
  'a.reacties_close_after_days as a_close_after_days',
  'p.author_name as parent_author',
];

export function withArticleAndParent(q: Knex.QueryBuilder): void {
  q.join('articles as a', 'a.id', 'r.article_id').leftJoin('reacties as p', 'p.id', 'r.parent_id');
}

export function toQueueRow(row: Record<string, unknown>): QueueRow {
  const pub = toPublicReactie(row);
  return {
    reactie: { ...pub, ...toReactieWith(row, pub) },
    article: {
      id: Number(row.article_id),
      title: String(row.a_title),
      slug: String(row.a_slug),
      status: String(row.a_status),
      publishedAt: row.a_published_at ? toDate(row.a_published_at) : null,
      createdAt: toDate(row.a_created_at),
      reactiesOpen: row.a_reacties_open === true || row.a_reacties_open === 1,
      closeAfterDays: row.a_close_after_days === null || row.a_close_after_days === undefined ? null : Number(row.a_close_after_days),
    },
    parentAuthor: (row.parent_author as string | null) ?? null,
    checks: parseStoredChecks(row.spam_checks),
    akismet: parseAkismetAnswer(row.akismet_response),
    recheckAttempts: Number(row.recheck_attempts ?? 0),
    recheckPending: row.recheck_needed === true || row.recheck_needed === 1,
    heldBecause: parseHeldBecause(row.held_because),
    heldEditAt: toDateOrNull(row.pending_edit_at),
  };
}
