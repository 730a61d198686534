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

    it('finds a reactie 1.500 reacties back, and a search of the site takes five round trips', async () => {
      const article = await buildArticle(t.db, { title: 'Het zebrapad bij de school', bodyMarkdown: 'Een nieuw zebrapad.' });
      const insert = (count: number, body: string) => insertReactiesInBulk(t.db, article.id, count, body);
      await insert(1, 'Het zebrapad lag er al in 2019.');
      await insert(1500, 'Over de markt op zaterdag.');
      await insert(2, 'Eindelijk een zebrapad.');
      while ((await indexStale(t.db)) > 0);
      const ids = (await t.db('reacties').where({ article_id: article.id }).orderBy('id').select('id')).map((r) => Number(r.id));
      let html = '';
      await searchPage(t.app, 'zebrapad');
      const trips = await roundTrips(async () => {
        html = await searchPage(t.app, 'zebrapad');
      });
      const links = resultLinks(html);
      assert.equal(links[0], articlePath(article));
      assert.deepEqual(links.slice(1).sort(), [ids[0], ids[ids.length - 2], ids[ids.length - 1]].map((id) => `/reactie/${id}`).sort());
      assert.match(html, /4 resultaten voor/);
      // The stale check, the articles with the first stretch, the stretch beyond it, the hits, the weblog's first day.
      assert.ok(trips <= 5, `${trips} round trips (11 before the opening batch)`);
    });
  });
