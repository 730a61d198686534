// The reacties of the person behind one address, for the moderators' "Meer van deze schrijver"
// (moderation/writer/): what they wrote, with status, and how often readers reported them. The
// address is compared as emailKey stores it (author_email_key) and never leaves this query: the
// page shows names, texts and counts, not the address. SQL on reacties and its reports lives here.
import type { Db } from '../../db/knex';
import { toDate, toDateOrNull } from '../../db/rows';
import { emailKey } from '../../shared/email';
import { REACTIE_STATUSES, isReactieStatus, toReactie, type Reactie, type ReactieStatus } from '../queries';
import { isReportReason, type ReportReason } from '../reports/reports';
import { REACTIE_AND_ARTICLE_COLUMNS } from './queue-queries';

// A page a moderator reads in one go; a prolific writer's oldest reacties are counted, not listed.
export const WRITER_LIST_LIMIT = 100;

export interface WriterReactie {
  reactie: Reactie;
  article: { id: number; title: string; slug: string; status: string; publishedAt: Date | null; createdAt: Date };
  /** Readers' reports of this reactie, open and closed. */
  reports: number;
}

export interface WriterSummary {
  total: number;
  byStatus: Record<ReactieStatus, number>;
  firstSeen: Date | null;
  lastSeen: Date | null;
  /** Readers' reports of any of their reacties, open and closed, per reason. */
  reports: Partial<Record<ReportReason, number>>;
}

/** The address's reacties, newest first (at most WRITER_LIST_LIMIT), and what they add up to. */
export async function writerReacties(db: Db, email: string): Promise<{ summary: WriterSummary; items: WriterReactie[] }> {
  const key = emailKey(email);
  const byStatus = Object.fromEntries(REACTIE_STATUSES.map((s) => [s, 0])) as Record<ReactieStatus, number>;
  const empty = { summary: { total: 0, byStatus, firstSeen: null, lastSeen: null, reports: {} }, items: [] };
  // An anonymised reactie has no address left: it belongs to nobody.
  if (key === '') return empty;
  const [counts, span, reportRows, rows] = await Promise.all([
    db('reacties').where({ author_email_key: key }).select('status').count({ n: '*' }).groupBy('status'),
    db('reacties').where({ author_email_key: key }).min({ first: 'created_at' }).max({ last: 'created_at' }).first(),
    db('reactie_reports as rr')
      .join('reacties as r', 'r.id', 'rr.reactie_id')
      .where('r.author_email_key', key)
      .select('rr.reason', 'rr.reactie_id')
      .count({ n: '*' })
      .groupBy('rr.reason', 'rr.reactie_id'),
    db('reacties as r')
      .join('articles as a', 'a.id', 'r.article_id')
      .where('r.author_email_key', key)
      .select(REACTIE_AND_ARTICLE_COLUMNS)
      .orderBy([
        { column: 'r.created_at', order: 'desc' },
        { column: 'r.id', order: 'desc' },
      ])
      .limit(WRITER_LIST_LIMIT),
  ]);
  let total = 0;
  for (const row of counts as Array<{ status: string; n: number | string }>)
    if (isReactieStatus(row.status)) {
      byStatus[row.status] = Number(row.n);
      total += Number(row.n);
    }
  const reports: Partial<Record<ReportReason, number>> = {};
  const perReactie = new Map<number, number>();
  for (const row of reportRows as Array<{ reason: string; reactie_id: number | string; n: number | string }>) {
    const id = Number(row.reactie_id);
    perReactie.set(id, (perReactie.get(id) ?? 0) + Number(row.n));
    if (isReportReason(row.reason)) reports[row.reason] = (reports[row.reason] ?? 0) + Number(row.n);
  }
  const s: { first?: unknown; last?: unknown } | undefined = span;
  return {
    summary: { total, byStatus, firstSeen: toDateOrNull(s?.first), lastSeen: toDateOrNull(s?.last), reports },
    items: (rows as Array<Record<string, unknown>>).map((row) => {
      const reactie = toReactie(row);
      return {
        reactie,
        article: {
          id: reactie.articleId,
          title: String(row.a_title),
          slug: String(row.a_slug),
          status: String(row.a_status),
          publishedAt: row.a_published_at ? toDate(row.a_published_at) : null,
          createdAt: toDate(row.a_created_at),
        },
        reports: perReactie.get(reactie.id) ?? 0,
      };
    }),
  };
}
