// After the posting run: was every acknowledged reactie stored exactly once, and are the counters
// still exact? Both are read, never rewritten, so a wrong counter shows here instead of being repaired.
import type { Db } from '../../db/knex';
import { countsInSiteTotal, countVisibleReacties, siteReactieTotal } from '../../reacties/counters';

export interface PostCheck {
  acknowledged: number;
  /** Acknowledged, but not in the database. */
  missing: number;
  /** Stored more than once. */
  duplicated: number;
}

export async function checkPosts(db: Db, run: string, acknowledged: string[]): Promise<PostCheck> {
  const rows: Array<{ body: string; n: number }> = await db('reacties')
    .where('body', 'like', `Benchmarkreactie ${run}-%`)
    .groupBy('body')
    .select('body', db.raw('count(*) as n'));
  const stored = new Map(rows.map((r) => [r.body, Number(r.n)]));
  const unique = new Set(acknowledged);
  let missing = 0;
  for (const text of unique) if (!stored.has(text)) missing++;
  // An acknowledgement counted twice would be one reactie acknowledged twice: also a fault.
  const duplicated = rows.filter((r) => Number(r.n) > 1).length + (acknowledged.length - unique.size);
  return { acknowledged: acknowledged.length, missing, duplicated };
}

export interface CounterCheck {
  /** Articles whose stored count differs from their visible reacties. */
  wrongArticles: number;
  siteStored: number;
  siteCounted: number;
}

export async function checkCounters(db: Db): Promise<CounterCheck> {
  const articles: Array<{ id: number; status: string; is_page: unknown; reactie_count: number }> = await db('articles').select(
    'id',
    'status',
    'is_page',
    'reactie_count',
  );
  let wrongArticles = 0;
  let siteCounted = 0;
  for (const a of articles) {
    const visible = await countVisibleReacties(db, Number(a.id));
    if (visible !== Number(a.reactie_count)) wrongArticles++;
    if (countsInSiteTotal(a)) siteCounted += visible;
  }
  return { wrongArticles, siteStored: await siteReactieTotal(db), siteCounted };
}
