// The newest visible reacties, for the reacties feeds: approved, under approved parents (as the
// counters count them, see counters.ts), on public articles. Only the public columns are read.
import { olderThan } from '../db/keyset';
import type { Db } from '../db/knex';
import { PUBLIC_COLUMNS, toPublicReactie, type PublicReactie } from './queries';
import { isOpen } from './visibility';

// Candidates are read in batches of twice what is asked, so a few hidden replies do not need a second
// round; a feed is never more than this many rounds of work.
const MAX_ROUNDS = 10;

/** Where a newest-first reading goes on: after this reactie. */
export interface ReactieCursor {
  at: Date;
  id: number;
}

/**
 * The newest `limit` visible reacties on public articles, or on one article the caller found public;
 * newest first, after `after` when given. `next` is where to go on (the last candidate looked at),
 * or null when nothing older is left.
 */
export async function latestVisibleReacties(
  db: Db,
  now: Date,
  articleId: number | null,
  limit: number,
  after: ReactieCursor | null = null,
): Promise<{ reacties: PublicReactie[]; next: ReactieCursor | null }> {
  const out: PublicReactie[] = [];
  const batch = limit * 2;
  let cursor = after;
  for (let round = 0; round < MAX_ROUNDS && out.length < limit; round++) {
    const q = db('reacties')
      .where('reacties.status', 'approved')
      .select(PUBLIC_COLUMNS.map((c) => `reacties.${c}`))
      .orderBy([
        { column: 'reacties.created_at', order: 'desc' },
        { column: 'reacties.id', order: 'desc' },
      ])
      .limit(batch);
    olderThan(q, 'reacties.created_at', 'reacties.id', cursor);
    // One article: its (article_id, status, created_at) index; the caller has seen that the article is public.
    // All reacties: newest first along (status, created_at), only those on public articles.
    if (articleId !== null) q.andWhere('reacties.article_id', articleId);
    else
      q.join('articles', 'articles.id', 'reacties.article_id')
        .andWhere('articles.status', 'published')
        .andWhere('articles.published_at', '<=', now);
    const rows = (await q).map(toPublicReactie);
    const visible = await visibleIds(db, rows);
    for (const r of rows) {
      if (out.length === limit) break;
      cursor = { at: r.createdAt, id: r.id };
      if (visible.has(r.id)) out.push(r);
    }
    if (rows.length < batch && out.length < limit) return { reacties: out, next: null };
  }
  return { reacties: out, next: cursor };
}

/** Which of these approved reacties have only approved ancestors; reads the ancestors level by level. */
async function visibleIds(db: Db, reacties: PublicReactie[]): Promise<Set<number>> {
  const known = new Map<number, { parentId: number | null; approved: boolean }>();
  for (const r of reacties) known.set(r.id, { parentId: r.parentId, approved: true });
  let missing = [...new Set(reacties.map((r) => r.parentId).filter((id): id is number => id !== null && !known.has(id)))];
  // Threads are at most a few levels deep; the bound only guards against a damaged parent cycle.
  for (let level = 0; missing.length && level < 50; level++) {
    const rows: Array<{ id: number; parent_id: number | null; status: string; removed_reason: string | null }> = await db('reacties')
      .whereIn('id', missing)
      .select('id', 'parent_id', 'status', 'removed_reason');
    for (const row of rows) {
      // A placeholder (removed with its place kept) lets its replies be seen, as in the thread.
      known.set(Number(row.id), { parentId: row.parent_id === null ? null : Number(row.parent_id), approved: isOpen(row) });
    }
    missing = [
      ...new Set(
        rows.map((r) => (r.parent_id === null ? null : Number(r.parent_id))).filter((id): id is number => id !== null && !known.has(id)),
      ),
    ];
  }
  const visible = new Set<number>();
  for (const r of reacties) {
    let current: number | null = r.id;
    let ok = true;
    for (let steps = 0; current !== null && steps < 100; steps++) {
      const node = known.get(current);
      if (!node || !node.approved) {
        ok = false;
        break;
      }
      current = node.parentId;
    }
    if (ok && current === null) visible.add(r.id);
  }
  return visible;
}
