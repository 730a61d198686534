// The voorpagina as a resident sees it: order, counts, the running total, pagination, permalinks.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { articlePath } from '../../server/articles/queries';
import { bumpSiteVersion, setSiteTotal, siteReactieTotal } from '../../server/reacties/counters';

describe('voorpagina', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('shows pinned first, then newest first, with Dutch counts linking to the reacties', async () => {
    const now = Date.now();
    const old = await buildArticle(t.db, { title: 'Oud bericht', publishedAt: new Date('2005-05-27T10:00:00Z') });
    const pinned = await buildArticle(t.db, { title: 'Vastgepind bericht', pinned: true, publishedAt: new Date(now - 5 * 86400_000) });
    const newest = await buildArticle(t.db, { title: 'Nieuwste bericht', publishedAt: new Date(now - 60_000) });
    await buildReactie(t.db, newest);
    for (let i = 0; i < 12; i++) await buildReactie(t.db, pinned);
    const html = (await request(t.app).get('/').expect(200)).text;
    const order = ['Vastgepind bericht', 'Nieuwste bericht', 'Oud bericht'].map((title) => html.indexOf(title));
    assert.ok(order[0] < order[1] && order[1] < order[2], `order ${order.join(', ')}`);
    assert.match(html, new RegExp(`<a href="${articlePath(pinned)}#reacties" class="reactie-count">12 reacties</a>`));
    assert.match(html, new RegExp(`<a href="${articlePath(newest)}#reacties" class="reactie-count">1 reactie</a>`));
    assert.match(html, new RegExp(`<a href="${articlePath(old)}#reacties" class="reactie-count">Nog geen reacties</a>`));
    assert.match(html, /Lees verder&nbsp;→/);
    assert.match(html, /27 mei 2005/);
    assert.match(html, /inmiddels al <strong class="reactie-total">13<\/strong> reacties sinds de start van de weblog in mei 2005/);
    assert.match(html, /meer over deze weblog&nbsp;»/);
  });

  it('formats a large running total the Dutch way', async () => {
    const before = await siteReactieTotal(t.db);
    await setSiteTotal(t.db, 97396);
    // Written behind the app's back: say so, as every change through the app does, or the kept page stands.
    await bumpSiteVersion(t.db);
    assert.match((await request(t.app).get('/')).text, /inmiddels al <strong class="reactie-total">97\.396<\/strong> reacties/);
    await setSiteTotal(t.db, before);
    await bumpSiteVersion(t.db);
  });

  it('pages through older items, ten per page', async () => {
    for (let i = 0; i < 12; i++)
      await buildArticle(t.db, { title: `Reeks ${i}`, publishedAt: new Date(Date.now() - (100 + i) * 86400_000) });
    const first = (await request(t.app).get('/')).text;
    assert.equal((first.match(/<article class="teaser/g) ?? []).length, 10);
    assert.match(first, /<a rel="next" href="\/\?pagina=2">Oudere artikelen »<\/a>/);
    const second = (await request(t.app).get('/?pagina=2').expect(200)).text;
    assert.match(second, /Nieuwere artikelen/);
    await request(t.app).get('/?pagina=99').expect(404);
    await request(t.app).get('/?pagina=nul').expect(404);
  });

  it('redirects a permalink with the wrong year or month to the right one', async () => {
    const article = await buildArticle(t.db, { title: 'Verhuisd', slug: 'verhuisd', publishedAt: new Date('2015-05-27T10:00:00Z') });
    assert.equal(articlePath(article), '/2015/05/verhuisd');
    await request(t.app).get('/2014/01/verhuisd').expect(301).expect('Location', '/2015/05/verhuisd');
  });
});
