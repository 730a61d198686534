// Old spam goes in batches: a site that moved in with years of spam keeps its counters exact and
// loses only what is old enough; a spam reactie's approved replies stay, one level up.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { purgeOldSpam } from '../../server/reacties/spam/purge';
import { recountAll, siteReactieTotal } from '../../server/reacties/counters';

const DAY = 24 * 3600_000;

describe('reacties: purging old spam', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('purges more old spam than one batch holds, keeps recent spam and the replies, counters exact', async () => {
    const article = await buildArticle(t.db);
    const old = new Date(Date.now() - 60 * DAY);
    const oldSpam: number[] = [];
    for (let i = 0; i < 450; i++) oldSpam.push(await buildReactie(t.db, article, { status: 'spam' }, old));
    await t.db('reacties').whereIn('id', oldSpam).update({ status_changed_at: old });
    const recentSpam = await buildReactie(t.db, article, { status: 'spam' });
    const reply = await buildReactie(t.db, article, { parentId: oldSpam[7], status: 'approved' });
    const totalBefore = await siteReactieTotal(t.db);

    assert.equal(await purgeOldSpam(t.db, new Date()), 450);

    assert.equal(Number((await t.db('reacties').whereIn('id', oldSpam).count({ n: '*' }))[0].n), 0);
    assert.ok(await t.db('reacties').where({ id: recentSpam }).first(), 'recent spam is kept for the moderators');
    const kept = await t.db('reacties').where({ id: reply }).first();
    assert.equal(kept.status, 'approved');
    assert.equal(kept.parent_id, null, 'the reply moved up to where its parent stood');
    // Under a spam parent the reply was hidden; standing on its own now, it counts.
    assert.equal(await siteReactieTotal(t.db), totalBefore + 1);
    const recount = await recountAll(t.db);
    assert.deepEqual(recount.corrected, { articles: 0, total: false }, 'the counters were exact');
    assert.equal(await purgeOldSpam(t.db, new Date()), 0);
  });
});
