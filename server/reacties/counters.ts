// The reacties counters: each article's count and the site-wide running total.
//
// Both count *visible* reacties: approved, under a chain of approved parents. A reply under a held
// or trashed parent is not shown, so it is not counted either; when the parent is approved, the
// reply appears and is counted. Every change of a reactie's status runs refreshReactieCount in the
// same transaction, so pages only read the stored numbers and never count rows.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toCount } from '../db/rows';

export const SITE_COUNTER = 'reacties_visible';

type Conn = Db | Knex.Transaction;

/**
 * Locks the article row until the transaction ends. Every transaction that changes an article's
 * reacties takes this lock first, so two moderators acting on the same article at once on
 * PostgreSQL cannot both count from a stale snapshot. (SQLite has one writer anyway.)
 */
export async function lockArticle(trx: Knex.Transaction, articleId: number): Promise<boolean> {
  const row = await trx('articles').where({ id: articleId }).forUpdate().first('id');
  return Boolean(row);
}

export async function countVisibleReacties(conn: Conn, articleId: number): Promise<number> {
  const row = await conn
    .withRecursive('visible', ['id'], (qb) => {
      qb.select('id')
        .from('reacties')
        .where({ article_id: articleId, status: 'approved' })
        .whereNull('parent_id')
        .unionAll((child) => {
          // Naming the article lets the database use the (article_id, status) index instead of
          // scanning every reactie of the site once per level of the thread.
          child.select('r.id').from('reacties as r').join('visible as v', 'r.parent_id', 'v.id').where({ 'r.article_id': articleId, 'r.status': 'approved' });
        });
    })
    .from('visible')
    .count({ n: '*' })
    .first();
  return toCount(row);
}

/** Sets the article's count to what is visible now and moves the site total by the difference. */
export async function refreshReactieCount(trx: Knex.Transaction, articleId: number): Promise<void> {
  const article = await trx('articles').where({ id: articleId }).first('reactie_count');
  if (!article) return;
  const visible = await countVisibleReacties(trx, articleId);
  const delta = visible - Number(article.reactie_count);
  if (delta === 0) return;
  await trx('articles').where({ id: articleId }).update({ reactie_count: visible });
  await trx('counters').where({ name: SITE_COUNTER }).increment('value', delta);
}

export async function siteReactieTotal(db: Db): Promise<number> {
  const row = await db('counters').where({ name: SITE_COUNTER }).first('value');
  return Number(row?.value ?? 0);
}

/** Rebuilds every counter from the reacties themselves (npm run recount), in one transaction. */
export async function recountAll(db: Db, onProgress?: (done: number, total: number) => void): Promise<{ articles: number; total: number }> {
  return db.transaction(async (trx) => {
    const ids: number[] = (await trx('articles').select('id').orderBy('id')).map((r: { id: number }) => Number(r.id));
    for (const [i, id] of ids.entries()) {
      await lockArticle(trx, id);
      await trx('articles').where({ id }).update({ reactie_count: await countVisibleReacties(trx, id) });
      onProgress?.(i + 1, ids.length);
    }
    const total = Number((await trx('articles').sum({ n: 'reactie_count' }).first())?.n ?? 0);
    await trx('counters').insert({ name: SITE_COUNTER, value: total }).onConflict('name').merge(['value']);
    return { articles: ids.length, total };
  });
}
