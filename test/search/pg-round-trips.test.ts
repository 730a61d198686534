// On PostgreSQL a search's first round trip reads the articles' window and the reacties' first
// stretch from the newest entry together (search/postgres-index.ts, opening; db/pg-batch.ts), and
// every later stretch goes with its own settings in one more: each round trip is a write to the
// socket and a wake-up of the server. Matches older than the first stretch are still found.
import assert from 'node:assert/strict';
import net from 'node:net';
import { createTestApp, type TestApp } from '../helpers/app';
import { onPostgres } from '../helpers/db';
import { resultLinks, searchPage } from '../helpers/search';
import { buildArticle, insertReactiesInBulk } from '../helpers/builders';
import { articlePath } from '../../server/articles/queries';
import { indexStale } from '../../server/search/indexer';

/**
 * Round trips to PostgreSQL while `run` runs: writes to a socket connected to its port (a round trip
 * is one: node-postgres writes a query's messages, or a batch's, together and then waits).
 */
async function roundTrips(run: () => Promise<unknown>): Promise<number> {
  const port = Number(new URL(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432').port || 5432);
  const proto = net.Socket.prototype as unknown as Record<'_write' | '_writev', (this: net.Socket, ...args: unknown[]) => unknown>;
  const originals = { _write: proto._write, _writev: proto._writev };
  let n = 0;
  for (const name of ['_write', '_writev'] as const)
    proto[name] = function (this: net.Socket, ...args: unknown[]) {
      if (this.remotePort === port) n++;
      return originals[name].apply(this, args);
    };
  try {
    await run();
  } finally {
    Object.assign(proto, originals);
  }
  return n;
}

if (onPostgres)
  describe('search on PostgreSQL: few round trips, and matches older than the first stretch', function () {
    this.timeout(120_000);
    let t: TestApp;
    before(async () => {
      t = await createTestApp();
    });
    after(async () => t.close());

    it('finds a reactie 1.500 reacties back, and a reply only under an open reactie, in three round trips', async () => {
      const article = await buildArticle(t.db, { title: 'Het zebrapad bij de school', bodyMarkdown: 'Een nieuw zebrapad.' });
      const insert = (count: number, body: string, status?: string) => insertReactiesInBulk(t.db, article.id, count, body, status);
      await insert(1, 'Het zebrapad lag er al in 2019.');
      await insert(1500, 'Over de markt op zaterdag.');
      await insert(1, 'Koop nu goedkope horloges.', 'rejected');
      await insert(2, 'Eindelijk een zebrapad.');
      // The first of the last two answers the rejected reactie (a thread does not show it), the second an approved one.
      const [rejected, underRejected, underApproved] = (
        await t.db('reacties').where({ article_id: article.id }).orderBy('id', 'desc').limit(3).select('id')
      )
        .map((r) => Number(r.id))
        .reverse();
      await t.db('reacties').where({ id: underRejected }).update({ parent_id: rejected });
      await t
        .db('reacties')
        .where({ id: underApproved })
        .update({ parent_id: underApproved - 3 });
      while ((await indexStale(t.db)) > 0);
      const ids = (await t.db('reacties').where({ article_id: article.id }).orderBy('id').select('id')).map((r) => Number(r.id));
      assert.equal(ids.length, 1504);
      let html = '';
      await searchPage(t.app, 'zebrapad');
      const trips = await roundTrips(async () => {
        html = await searchPage(t.app, 'zebrapad');
      });
      const links = resultLinks(html);
      assert.equal(links[0], articlePath(article));
      assert.deepEqual(links.slice(1).sort(), [ids[0], underApproved].map((id) => `/reactie/${id}`).sort());
      assert.match(html, /3 resultaten voor/);
      // The stale check, the weblog's first day, the articles and the first stretch (with the ancestors of its
      // reacties) together; the stretch beyond it; the hits.
      assert.ok(trips <= 3, `${trips} round trips (11 before the opening batch, 6 before the ancestors and the rest went with it)`);
    });

    it('reads the hits once when entries wait to be analysed: after analysing them, not before as well', async () => {
      const article = await buildArticle(t.db, { title: 'De vuurtoren aan de kust', bodyMarkdown: 'Een vuurtoren.' });
      while ((await indexStale(t.db)) > 0);
      await insertReactiesInBulk(t.db, article.id, 1, 'De vuurtoren is weer open.');
      // The first batch finds entries waiting (and is answered whole); the matches are ranked and read after they are analysed.
      let hitReads = 0;
      const count = (q: { sql: string }) => {
        if (/as "entry_title"/.test(q.sql)) hitReads++;
      };
      t.db.on('query', count);
      let html = '';
      try {
        html = await searchPage(t.app, 'vuurtoren');
      } finally {
        t.db.removeListener('query', count);
      }
      assert.match(html, /2 resultaten voor/);
      assert.equal(hitReads, 1, `the hits read ${hitReads} times`);
    });
  });
