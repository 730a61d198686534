// The queue's tab counts without counting the table: whatever changes a reactie's status (a new
// reactie, a decision, a bulk update, a delete, an article deleted with its reacties), the kept
// numbers equal a count of the rows, before and after housekeeping folds them, on both databases.
import assert from 'node:assert/strict';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { buildArticle, buildReactie } from '../helpers/builders';
import { foldStatusDeltas, siteStatusCounts } from '../../server/reacties/queue/status-counts';
import { REACTIE_STATUSES, type ReactieStatus } from '../../server/reacties/queries';
import type { Db } from '../../server/db/knex';

async function counted(db: Db): Promise<Record<ReactieStatus, number>> {
  const rows: Array<{ status: ReactieStatus; n: number | string }> = await db('reacties')
    .select('status')
    .count({ n: '*' })
    .groupBy('status');
  const counts = Object.fromEntries(REACTIE_STATUSES.map((s) => [s, 0])) as Record<ReactieStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

describe('the moderation queue’s kept counts per status', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(async () => t.drop());

  it('follow every kind of change and survive folding', async () => {
    const a = await buildArticle(t.db);
    const b = await buildArticle(t.db);
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await buildReactie(t.db, a, { status: 'pending' }));
    for (let i = 0; i < 4; i++) ids.push(await buildReactie(t.db, b, { status: 'approved' }));
    assert.deepEqual(await siteStatusCounts(t.db), { pending: 6, approved: 4, spam: 0, trash: 0 });

    await t.db('reacties').where({ id: ids[0] }).update({ status: 'approved' });
    await t.db('reacties').whereIn('id', ids.slice(1, 4)).update({ status: 'spam' });
    // Not a status change: nothing moves.
    await t.db('reacties').whereIn('id', ids.slice(4, 8)).update({ body: 'Anders verwoord.' });
    await t.db('reacties').where({ id: ids[8] }).update({ status: 'trash' });
    await t.db('reacties').where({ id: ids[9] }).delete();
    assert.deepEqual(await siteStatusCounts(t.db), await counted(t.db));
    assert.deepEqual(await siteStatusCounts(t.db), { pending: 2, approved: 3, spam: 3, trash: 1 });

    await foldStatusDeltas(t.db);
    const rows: Array<{ status: string }> = await t.db('reactie_status_deltas').select('status');
    assert.deepEqual(rows.map((r) => r.status).sort(), ['approved', 'pending', 'spam', 'trash']);
    assert.deepEqual(await siteStatusCounts(t.db), { pending: 2, approved: 3, spam: 3, trash: 1 });
    // Folding twice changes nothing.
    await foldStatusDeltas(t.db);
    assert.deepEqual(await siteStatusCounts(t.db), { pending: 2, approved: 3, spam: 3, trash: 1 });

    // An article deleted with its reacties takes them out of the counts.
    await t.db('reacties').where({ article_id: b.id }).delete();
    await t.db('articles').where({ id: b.id }).delete();
    assert.deepEqual(await siteStatusCounts(t.db), await counted(t.db));
  });

  it('stay exact while reacties arrive and change during a fold', async () => {
    const a = await buildArticle(t.db);
    const work: Array<Promise<unknown>> = [];
    for (let i = 0; i < 40; i++) {
      work.push(
        buildReactie(t.db, a, { status: i % 3 === 0 ? 'pending' : 'approved' }).then((id) =>
          i % 4 === 0 ? t.db('reacties').where({ id }).update({ status: 'spam' }) : null,
        ),
      );
      if (i % 10 === 5) work.push(foldStatusDeltas(t.db));
    }
    await Promise.all(work);
    assert.deepEqual(await siteStatusCounts(t.db), await counted(t.db));
    await foldStatusDeltas(t.db);
    assert.deepEqual(await siteStatusCounts(t.db), await counted(t.db));
  });

  it(`add one row per status for a bulk insert${onPostgres ? ' (statement triggers)' : ''}`, async () => {
    const a = await buildArticle(t.db);
    await foldStatusDeltas(t.db);
    const before = Number((await t.db('reactie_status_deltas').count({ n: '*' }).first())?.n);
    const rows = Array.from({ length: 50 }, (_, i) => ({
      article_id: a.id,
      author_name: `Bulk ${i}`,
      author_email: `bulk-${i}@example.nl`,
      author_email_key: `bulk-${i}@example.nl`,
      body: `Bulk ${i}`,
      status: i % 2 ? 'approved' : 'trash',
      created_at: new Date(),
      status_changed_at: new Date(),
    }));
    await t.db('reacties').insert(rows);
    const after = Number((await t.db('reactie_status_deltas').count({ n: '*' }).first())?.n);
    // PostgreSQL: one row per status per statement; SQLite: one per reactie until the fold.
    assert.equal(after - before, onPostgres ? 2 : 50);
    assert.deepEqual(await siteStatusCounts(t.db), await counted(t.db));
  });

  it('fold first when many changes wait (a bulk import on SQLite adds a row per reactie)', async () => {
    const rows = Array.from({ length: 2100 }, (_, i) => ({ status: 'spam', delta: i % 2 ? 1 : -1 }));
    for (let i = 0; i < rows.length; i += 500) await t.db('reactie_status_deltas').insert(rows.slice(i, i + 500));
    assert.deepEqual(await siteStatusCounts(t.db), await counted(t.db));
    const left = Number((await t.db('reactie_status_deltas').count({ n: '*' }).first())?.n);
    assert.ok(left <= 4, `${left} rows after the fold`);
  });
});
