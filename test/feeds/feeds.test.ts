// The feeds: RSS 2.0 and Atom for the articles, all reacties, one article's reacties, the council
// documents (all and per type) and each dossier. Every feed is read with a real XML parser.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie, uniqueEmail } from '../helpers/builders';
import { feedItems } from '../helpers/xml';
import { articlePath, type Article } from '../../server/articles/queries';
import { formatDate } from '../../server/shared/format';
import { addArticleToDossier, createDossier } from '../../server/dossiers/queries';

const BASE = 'http://127.0.0.1';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('feeds', () => {
  let t: TestApp;
  const email = uniqueEmail().replace('uniek', 'Feed.Lezer');
  const ip = '203.0.113.77';
  let now: number;
  // After the questions were published, as answers are.
  const answersAt = () => new Date(now - 30 * MINUTE);
  let oldNews: Article;
  let newNews: Article;
  let memo: Article;
  let vragen: Article;
  let draft: Article;
  let scheduled: Article;
  const visible: string[] = [];
  const hidden: string[] = [];

  before(async () => {
    t = await createTestApp();
    now = Date.now();
    const at = (ms: number) => new Date(now - ms);
    oldNews = await buildArticle(t.db, { title: 'Oud nieuws', publishedAt: at(5 * HOUR) });
    newNews = await buildArticle(t.db, { title: 'Vers nieuws met "aanhalingstekens" & <script>', publishedAt: at(HOUR) });
    memo = await buildArticle(t.db, {
      title: 'Memo over de markt',
      kind: 'memo',
      publishedAt: at(3 * HOUR),
      bodyMarkdown: 'Zie [het dossier](/dossiers/markt).',
      document: {
        fields: {
          datum: '2015-03-05',
          kenmerk: 'MEMO-12',
          afzender: 'College van B&W',
          onderwerp: 'Markt',
          vergadering: 'commissie Ruimte',
          vergaderdatum: '2015-03-19',
          bron: 'https://peelstad.bestuurlijkeinformatie.nl/memo-12',
        },
        questions: [],
      },
    });
    vragen = await buildArticle(t.db, {
      title: 'Vragen over het zwembad',
      kind: 'schriftelijke-vragen',
      publishedAt: at(2 * HOUR),
      document: { fields: {}, questions: [{ number: 1, question: 'Gaat het zwembad dicht?', answer: 'Nee.' }] },
    });
    await t.db('articles').where({ id: vragen.id }).update({ answers_added_at: answersAt() });
    draft = await buildArticle(t.db, { title: 'Geheim concept', status: 'draft', publishedAt: null });
    scheduled = await buildArticle(t.db, { title: 'Later dit jaar', publishedAt: new Date(now + 10 * HOUR) });

    const r = (article: Article, body: string, extra: Parameters<typeof buildReactie>[2] = {}, minutesAgo = 30) =>
      buildReactie(t.db, article, { body, authorEmail: email, ip, ...extra }, new Date(now - minutesAgo * MINUTE));
    const first = await r(newNews, 'Eerste zichtbare reactie', {}, 50);
    visible.push('Eerste zichtbare reactie');
    await r(newNews, 'Antwoord op de eerste', { parentId: first }, 40);
    visible.push('Antwoord op de eerste');
    const held = await r(newNews, 'Wachtende reactie', { status: 'pending' }, 35);
    hidden.push('Wachtende reactie');
    await r(newNews, 'Goedgekeurd onder een wachtende', { parentId: held }, 34);
    hidden.push('Goedgekeurd onder een wachtende');
    await r(newNews, 'Spam over pillen', { status: 'spam' }, 33);
    hidden.push('Spam over pillen');
    await r(newNews, 'Weggegooide reactie', { status: 'trash' }, 32);
    hidden.push('Weggegooide reactie');
    await r(oldNews, 'Reactie op oud nieuws\u0001 met een stuurteken', {}, 20);
    visible.push('Reactie op oud nieuws met een stuurteken');
    await r(draft, 'Reactie op een concept', {}, 10);
    hidden.push('Reactie op een concept');
    await r(scheduled, 'Reactie op een gepland artikel', {}, 10);
    hidden.push('Reactie op een gepland artikel');

    const markt = await createDossier(t.db, { title: 'Markt', slug: 'markt', introMarkdown: '', participants: '' }, new Date());
    for (const a of [memo, oldNews, draft]) await addArticleToDossier(t.db, markt.id, a.id, new Date());
  });
  after(async () => t.close());

  const get = (path: string) => request(t.app).get(path);

  async function items(path: string) {
    const res = await get(path);
    assert.equal(res.status, 200, `${path}: ${res.text}`);
    const format = path.endsWith('/atom') ? 'atom' : 'rss';
    assert.match(
      String(res.headers['content-type']),
      format === 'atom' ? /^application\/atom\+xml; charset=utf-8/ : /^application\/rss\+xml/,
    );
    return feedItems(res.text);
  }

  const FEEDS = () => [
    '/feed',
    '/reacties/feed',
    `${articlePath(newNews)}/feed`,
    '/documenten/feed',
    '/documenten/memo/feed',
    '/dossiers/markt/feed',
  ];

  it('serves every feed as well-formed RSS 2.0 and Atom with absolute links only', async () => {
    for (const rss of FEEDS()) {
      for (const path of [rss, `${rss}/atom`]) {
        const res = await get(path);
        assert.equal(res.status, 200, path);
        const list = feedItems(res.text);
        assert.ok(list.length > 0, `${path} has items`);
        for (const item of list) assert.ok(item.link.startsWith(`${BASE}/`), `${path}: ${item.link} is absolute`);
        // No relative href or src anywhere, also not inside the escaped HTML.
        assert.doesNotMatch(res.text, /(href|src)=(&quot;|")\/(?!\/)/, `${path} has a relative link`);
      }
    }
  });

  it('lists public articles newest first, never drafts or scheduled ones, until their time comes', async () => {
    for (const path of ['/feed', '/feed/atom']) {
      const list = await items(path);
      assert.deepEqual(
        list.map((i) => i.title),
        [newNews.title, vragen.title, memo.title, oldNews.title],
      );
      assert.equal(list[0].link, `${BASE}${articlePath(newNews)}`);
    }
    t.setNow(new Date(now + 11 * HOUR));
    try {
      assert.equal((await items('/feed'))[0].title, 'Later dit jaar');
    } finally {
      t.setNow(undefined);
    }
  });

  it('says when the college added its answers, with the questions and answers in the item', async () => {
    for (const path of ['/feed', '/feed/atom', '/documenten/schriftelijke-vragen/feed']) {
      const item = (await items(path)).find((i) => i.title === vragen.title)!;
      assert.ok(item.html.includes(`Antwoorden van het college toegevoegd op ${formatDate(answersAt())}`), path);
      assert.ok(item.html.includes(`${BASE}${articlePath(vragen)}#vragen-kop`), path);
      assert.match(item.html, /Gaat het zwembad dicht\?[\s\S]*Antwoord 1[\s\S]*Nee\./, path);
    }
    const res = await get('/feed/atom');
    assert.ok(res.text.includes(`<updated>${answersAt().toISOString()}</updated>`), 'the answers are the entry’s update');
  });

  it('shows a document’s card in its item: date, kenmerk, sender and parties first, the whole card in the content', async () => {
    for (const path of ['/documenten/memo/feed', '/documenten/memo/feed/atom', '/documenten/feed', '/feed']) {
      const item = (await items(path)).find((i) => i.title === memo.title)!;
      assert.ok(item.html.includes('<p>5 maart 2015 · Kenmerk: MEMO-12 · Van: College van B&amp;W</p>'), `${path}: ${item.html}`);
      assert.ok(item.html.includes('<dt>Van</dt><dd>College van B&amp;W</dd>'), path);
      assert.ok(item.html.includes('<dt>Bron</dt><dd><a href="https://peelstad.bestuurlijkeinformatie.nl/memo-12">iBabs</a></dd>'), path);
      assert.ok(item.html.includes('<p>Besproken in de commissie Ruimte van 19 maart 2015.</p>'), path);
    }
    const vragenItem = (await items('/documenten/schriftelijke-vragen/feed')).find((i) => i.title === vragen.title)!;
    assert.doesNotMatch(vragenItem.html, /<dl>/, 'no empty card');
  });

  it('makes links in article bodies absolute', async () => {
    const item = (await items('/documenten/feed')).find((i) => i.title === memo.title)!;
    assert.ok(item.html.includes(`href="${BASE}/dossiers/markt"`), item.html);
  });

  it('holds only visible reacties (approved, under approved parents, on public articles), newest first', async () => {
    for (const path of ['/reacties/feed', '/reacties/feed/atom']) {
      const list = await items(path);
      const text = list.map((i) => i.html).join('\n');
      for (const body of visible) assert.ok(text.includes(body), `${path} shows "${body}"`);
      for (const body of hidden) assert.ok(!text.includes(body), `${path} hides "${body}"`);
      assert.equal(list.length, visible.length);
      assert.match(list[0].html, /Reactie op oud nieuws/, 'the newest first');
      assert.match(list[0].link, new RegExp(`^${BASE}${articlePath(oldNews)}#reactie-\\d+$`));
    }
  });

  it("one article's reacties feed holds that article's visible reacties only", async () => {
    const list = await items(`${articlePath(newNews)}/feed`);
    assert.deepEqual(
      list.map((i) => /<p>(.*)<\/p>/.exec(i.html)?.[1]),
      ['Antwoord op de eerste', 'Eerste zichtbare reactie'],
    );
    assert.match(list[0].title, /^Reactie van Bewoner \S+ op “/);
    assert.ok(list[0].title.endsWith(`op “${newNews.title}”`), list[0].title);
  });

  it('escapes titles and text so the XML stays well-formed, and drops characters XML forbids', async () => {
    const res = await get('/feed');
    assert.ok(res.text.includes('Vers nieuws met "aanhalingstekens" &amp; &lt;script&gt;'));
    const reacties = await get('/reacties/feed');
    assert.ok(!reacties.text.includes('\u0001'));
    assert.ok(reacties.text.includes('Reactie op oud nieuws met een stuurteken'));
  });

  it('never contains a commenter’s e-mail address or IP address', async () => {
    for (const rss of FEEDS()) {
      for (const path of [rss, `${rss}/atom`]) {
        const res = await get(path).buffer(true);
        const raw = `${JSON.stringify(res.headers)}\n${res.text}`;
        for (const needle of [email, email.toLowerCase(), ip, 'Mozilla/5.0 (test)'])
          assert.ok(!raw.includes(needle), `${path} contains ${needle}`);
      }
    }
  });

  it('per document type and per dossier: only those public articles', async () => {
    assert.deepEqual(
      (await items('/documenten/feed')).map((i) => i.title),
      [vragen.title, memo.title],
    );
    assert.deepEqual(
      (await items('/documenten/memo/feed/atom')).map((i) => i.title),
      [memo.title],
    );
    assert.deepEqual(
      (await items('/dossiers/markt/feed')).map((i) => i.title),
      [memo.title, oldNews.title],
    );
  });

  it('answers 404 in Dutch for a feed of something that does not exist or is not public', async () => {
    for (const [path, message] of [
      ['/documenten/nieuws/feed', 'Deze soort raadsdocument bestaat niet.'],
      ['/documenten/onzin/feed/atom', 'Deze soort raadsdocument bestaat niet.'],
      ['/dossiers/bestaat-niet/feed', 'Dit dossier bestaat niet (meer).'],
      [`${articlePath(draft)}/feed`, 'Dit artikel bestaat niet (meer), of is nog niet gepubliceerd.'],
      [`${articlePath(scheduled)}/feed/atom`, 'Dit artikel bestaat niet (meer), of is nog niet gepubliceerd.'],
    ]) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.ok(res.text.includes(message), path);
      assert.ok(!res.text.includes('Geheim concept'), path);
    }
  });

  it('redirects an article feed under a wrong month to the right one', async () => {
    const res = await get(`/1999/01/${newNews.slug}/feed/atom`);
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, `${articlePath(newNews)}/feed/atom`);
  });

  it('answers 304 to If-None-Match and If-Modified-Since until the content changes', async () => {
    const first = await get('/reacties/feed');
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    assert.match(etag, /^W\/".+"$/);
    assert.ok(!Number.isNaN(Date.parse(lastModified)));
    assert.equal(first.headers['cache-control'], 'public, max-age=60');

    const byEtag = await get('/reacties/feed').set('If-None-Match', etag);
    assert.equal(byEtag.status, 304);
    assert.equal(byEtag.text, '');
    const byDate = await get('/reacties/feed').set('If-Modified-Since', lastModified);
    assert.equal(byDate.status, 304);
    // Atom is another representation: another ETag.
    assert.equal((await get('/reacties/feed/atom').set('If-None-Match', etag)).status, 200);

    await buildReactie(t.db, oldNews, { body: 'Een nieuwe reactie' });
    const changed = await get('/reacties/feed').set('If-None-Match', etag);
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.ok(changed.text.includes('Een nieuwe reactie'));
    const stillByDate = await get('/reacties/feed').set('If-Modified-Since', new Date(Date.now() - HOUR).toUTCString());
    assert.equal(stillByDate.status, 200);
  });

  it('fills a page of items past many hidden replies (they are read in batches)', async () => {
    const busy = await buildArticle(t.db, { title: 'Druk artikel', publishedAt: new Date(now - 6 * HOUR) });
    for (let i = 0; i < 25; i++) await buildReactie(t.db, busy, { body: `Zichtbaar ${i}` }, new Date(now - 300 * MINUTE + i * 1000));
    const held = await buildReactie(t.db, busy, { body: 'Wachtende ouder', status: 'pending' }, new Date(now - 200 * MINUTE));
    for (let i = 0; i < 45; i++) {
      await buildReactie(t.db, busy, { body: `Onder de wachtende ${i}`, parentId: held }, new Date(now - 100 * MINUTE + i * 1000));
    }
    const list = await items(`${articlePath(busy)}/feed`);
    assert.equal(list.length, 20);
    assert.ok(list.every((i) => /Zichtbaar \d+/.test(i.html)));
    assert.match(list[0].html, /Zichtbaar 24/);
  });

  it('offers its feeds for autodiscovery on the pages they follow', async () => {
    const alternates = async (path: string) => {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      return [...res.text.matchAll(/<link rel="alternate" type="application\/rss\+xml" title="([^"]*)" href="([^"]*)">/g)].map((m) => m[2]);
    };
    const site = [`${BASE}/feed`, `${BASE}/reacties/feed`];
    assert.deepEqual(await alternates('/'), [...site]);
    assert.deepEqual(await alternates(articlePath(newNews)), [...site, `${BASE}${articlePath(newNews)}/feed`]);
    assert.deepEqual(await alternates('/dossiers/markt'), [...site, `${BASE}/dossiers/markt/feed`]);
    assert.deepEqual(await alternates('/documenten?soort=memo'), [...site, `${BASE}/documenten/memo/feed`]);
    assert.deepEqual(await alternates('/documenten'), [...site, `${BASE}/documenten/feed`]);
    // Every advertised feed exists.
    for (const href of [`${articlePath(newNews)}/feed`, '/dossiers/markt/feed', '/documenten/memo/feed'])
      assert.equal((await get(href)).status, 200);
    // A page that does not exist offers only the site's feeds.
    const missing = await get('/dossiers/bestaat-niet');
    assert.equal(missing.status, 404);
    assert.ok(!missing.text.includes('/dossiers/bestaat-niet/feed'));
  });
});
