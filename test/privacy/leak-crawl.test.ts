// A commenter's e-mail address and IP address never appear on any public page:
// post reacties with unique values, then crawl every page a reader can reach and search
// each response (body and headers) for the values and their common hashes.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie, uniqueEmail } from '../helpers/builders';
import { hiddenInput, postReactieForm } from '../helpers/http';
import { applyModerationAction } from '../../server/moderation/actions';
import { articlePath } from '../../server/articles/queries';

// Enough to reach every kind of page from the voorpagina; the demo site has far fewer.
const MAX_PAGES = 300;

function needles(value: string): string[] {
  const variants = [value, value.toLowerCase(), value.trim().toLowerCase(), encodeURIComponent(value)];
  const out = new Set<string>(variants);
  for (const v of variants) {
    for (const algo of ['md5', 'sha1', 'sha256']) out.add(crypto.createHash(algo).update(v).digest('hex'));
  }
  out.add(Buffer.from(value).toString('base64'));
  return [...out];
}

function linksIn(html: string): string[] {
  return [...html.matchAll(/(?:href|src|action)="([^"#]*)(?:#[^"]*)?"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

describe('privacy: nothing leaks into public pages', () => {
  let t: TestApp;
  const email = uniqueEmail().replace('uniek', 'Lek.Test');
  const ip = '198.51.100.173';
  before(async () => {
    t = await createTestApp({ trustProxy: 1 });
  });
  after(async () => t.close());

  it('a crawl of every public page finds no e-mail address, IP address or their hashes', async () => {
    const article = await buildArticle(t.db, { title: 'Artikel met reacties' });
    const parent = await buildReactie(t.db, article, {
      authorEmail: email,
      ip,
      authorUrl: 'https://voorbeeld.nl',
      body: 'Goedgekeurde reactie van de lektest',
    });
    await buildReactie(t.db, article, { authorEmail: email, ip, parentId: parent, body: 'Antwoord van de lektest' });
    await buildReactie(t.db, article, { authorEmail: email, ip, status: 'pending', body: 'Wachtende reactie' });
    // And one through the real form, from the IP as the proxy reports it.
    const poster = request.agent(t.app);
    const posted = await postReactieForm(poster.set('X-Forwarded-For', ip), articlePath(article), { email, reactie: 'Via het formulier' });
    assert.equal(posted.status, 303);

    // Reported by a reader from the same address, and taken off by the moderation: the report page,
    // the public log and its feed must not show who wrote or who reported.
    const reported = await buildReactie(t.db, article, { authorEmail: email, ip, body: 'Gemelde reactie van de lektest' });
    const form = await request(t.app).get(`/reactie/${reported}/melden`).expect(200);
    await request(t.app)
      .post(`/reactie/${reported}/melden`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ _token: hiddenInput(form.text, '_token'), reden: 'spam' })
      .expect(200);
    const removed = await buildReactie(t.db, article, { authorEmail: email, ip, body: 'Verwijderde reactie van de lektest' });
    await applyModerationAction(t.deps, { id: null, email: 'moderator@example.nl' }, removed, 'prullenbak', { reason: 'beledigend' });

    const forbidden = [...needles(email), ...needles(ip)];
    const seen = new Set<string>();
    const queue = [
      '/',
      articlePath(article),
      `${articlePath(article)}?antwoord=${parent}`,
      '/bestaat-niet',
      '/over-deze-weblog',
      '/privacy',
      // Feeds, archive, sitemap and robots.txt: linked with absolute URLs or not at all, so named here.
      '/feed',
      '/feed/atom',
      '/reacties/feed',
      '/reacties/feed/atom',
      `${articlePath(article)}/feed`,
      `${articlePath(article)}/feed/atom`,
      '/documenten/feed',
      '/moderatie/feed',
      '/moderatie/feed/atom',
      '/archief',
      articlePath(article).slice(0, 5),
      articlePath(article).slice(0, 8),
      '/sitemap.xml',
      '/robots.txt',
      // Search finds the reacties by their words, never by the parts of an address (which are not
      // indexed); the whole address typed would only be echoed back, so the parts are searched.
      '/zoeken?q=lektest',
      '/zoeken?q=voorbeeld',
      `/zoeken?q=${email.split(/[.@-]/).slice(0, 2).join('%20')}`,
      '/zoeken?q=198%2051%20100%20173',
    ];
    let pages = 0;
    while (queue.length && pages < MAX_PAGES) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await request(t.app).get(path);
      pages++;
      const haystack = `${JSON.stringify(res.headers)}\n${res.text ?? ''}`;
      for (const needle of forbidden) assert.ok(!haystack.includes(needle), `${path} contains "${needle}"`);
      if (!/html/.test(String(res.headers['content-type'] ?? ''))) continue;
      for (const link of linksIn(res.text)) {
        if (link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/beheer') && !seen.has(link)) queue.push(link);
      }
    }
    assert.ok(pages >= 18, `crawled ${pages} pages`);
    assert.ok(seen.has('/reacties/feed') && seen.has(`${articlePath(article)}/feed/atom`), 'the feeds were crawled too');
    assert.ok(seen.has('/moderatie') && seen.has(`/reactie/${reported}/melden`), 'the log and the report form were crawled too');
    assert.ok(seen.has('/static/css/site.css') && seen.has('/static/js/site.js'), 'assets were crawled too');
  });
});
