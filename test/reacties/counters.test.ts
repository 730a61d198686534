// The counters under a long random sequence of everything that can happen to reacties:
// after every step, each article's count and the site total equal a count made from scratch.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { articleInput, buildArticle, buildReactie } from '../helpers/builders';
import {
  deleteReactie,
  findReactie,
  restoreTarget,
  setReactieStatus,
  REACTIE_STATUSES,
  type ReactieStatus,
} from '../../server/reacties/queries';
import { recountAll, siteReactieTotal } from '../../server/reacties/counters';
import type { Db } from '../../server/db/knex';
import { findArticleById, unpublishArticle, updateArticle } from '../../server/articles/queries';
import { eraseReactiesByEmail } from '../../server/privacy/queries';

const STEPS = 400;
const SEED = Number(process.env.COUNTER_SEED ?? 20051205);

/** mulberry32: a small seeded generator, so a failing sequence can be replayed with COUNTER_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The oracle: visible = approved with every ancestor approved, computed in plain code from all rows. */
async function directCounts(db: Db): Promise<Map<number, number>> {
  const rows: Array<{ id: number; article_id: number; parent_id: number | null; status: string }> = await db('reacties').select(
    'id',
    'article_id',
    'parent_id',
    'status',
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const visible = (id: number): boolean => {
    const r = byId.get(id);
    if (!r || r.status !== 'approved') return false;
    return r.parent_id === null ? true : visible(Number(r.parent_id));
  };
  const counts = new Map<number, number>();
  for (const a of await db('articles').select('id')) counts.set(Number(a.id), 0);
  for (const r of rows) if (visible(Number(r.id))) counts.set(Number(r.article_id), (counts.get(Number(r.article_id)) ?? 0) + 1);
  return counts;
}

async function assertCountersRight(db: Db, step: string): Promise<void> {
  const expected = await directCounts(db);
  const stored = await db('articles').select('id', 'reactie_count');
  for (const a of stored) assert.equal(Number(a.reactie_count), expected.get(Number(a.id)), `article ${a.id} after ${step}`);
  // The running total on the voorpagina: the reacties of published articles.
  const published = new Set((await db('articles').where({ status: 'published' }).select('id')).map((a: { id: number }) => Number(a.id)));
  const total = [...expected.entries()].filter(([id]) => published.has(id)).reduce((s, [, n]) => s + n, 0);
  assert.equal(await siteReactieTotal(db), total, `site total after ${step}`);
}

describe('reacties counters', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it(`stay equal to a direct count through ${STEPS} random posts, replies and moderation actions (seed ${SEED})`, async () => {
    const rnd = random(SEED);
    const pick = <T>(items: T[]): T => items[Math.floor(rnd() * items.length)];
    const articles = [await buildArticle(t.db), await buildArticle(t.db), await buildArticle(t.db)];
    const counted = { post: 0, reply: 0, status: 0, restore: 0, delete: 0, unpublish: 0, publish: 0, erase: 0 };

    for (let step = 0; step < STEPS; step++) {
      const ids: number[] = (await t.db('reacties').select('id')).map((r: { id: number }) => Number(r.id));
      const roll = rnd();
      let what: string;
      if (ids.length < 3 || roll < 0.25) {
        const status: ReactieStatus = rnd() < 0.6 ? 'approved' : 'pending';
        await buildReactie(t.db, pick(articles), { status });
        what = `post (${status})`;
        counted.post++;
      } else if (roll < 0.3) {
        // Editors take an article back to concept and publish it again; its reacties leave and rejoin the total.
        const article = pick(articles);
        const stored = (await findArticleById(t.db, article.id))!;
        if (stored.status === 'published') {
          await unpublishArticle(t.db, article.id, new Date());
          what = `unpublish article ${article.id}`;
          counted.unpublish++;
        } else {
          await updateArticle(t.db, article.id, { ...articleInput(stored), status: 'published' }, new Date());
          what = `publish article ${article.id}`;
          counted.publish++;
        }
      } else if (roll < 0.33) {
        // An AVG erasure of one resident's address, in either mode.
        const target = (await findReactie(t.db, pick(ids)))!;
        const mode = rnd() < 0.5 ? 'anonymise' : 'delete';
        await eraseReactiesByEmail(t.deps, target.authorEmail, mode);
        what = `erase ${target.authorEmail} (${mode})`;
        counted.erase++;
      } else if (roll < 0.5) {
        const parent = (await findReactie(t.db, pick(ids)))!;
        const status: ReactieStatus = rnd() < 0.6 ? 'approved' : 'pending';
        await buildReactie(t.db, { id: parent.articleId }, { parentId: parent.id, status });
        what = `reply to ${parent.id} (${status})`;
        counted.reply++;
      } else if (roll < 0.8) {
        const target = (await findReactie(t.db, pick(ids)))!;
        const status = pick([...REACTIE_STATUSES]);
        await t.db.transaction((trx) => setReactieStatus(trx, target, status, new Date()));
        what = `${target.id}: ${target.status} → ${status}`;
        counted.status++;
      } else if (roll < 0.9) {
        const target = (await findReactie(t.db, pick(ids)))!;
        const to = target.status === 'trash' ? restoreTarget(target) : target.status;
        await t.db.transaction((trx) => setReactieStatus(trx, target, to, new Date()));
        what = `restore ${target.id} → ${to}`;
        counted.restore++;
      } else {
        const target = (await findReactie(t.db, pick(ids)))!;
        await t.db.transaction((trx) => deleteReactie(trx, target));
        what = `delete ${target.id}`;
        counted.delete++;
      }
      await assertCountersRight(t.db, `step ${step}: ${what}`);
    }
    // The sequence really exercised every kind of change.
    for (const [kind, n] of Object.entries(counted)) assert.ok(n > 5, `${kind} happened only ${n} times`);
  });

  it('recountAll repairs counters that were tampered with', async () => {
    await t.db('articles').update({ reactie_count: 999 });
    await t.db('counters').update({ value: -5 });
    await recountAll(t.db);
    await assertCountersRight(t.db, 'recount');
  });
});
