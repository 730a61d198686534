// The head of every public page: canonical link, OpenGraph and Twitter-card tags with the weblog's
// image, and on an article page NewsArticle structured data, all escaped.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { articlePath, type Article } from '../../server/articles/queries';
import { createDossier } from '../../server/dossiers/queries';
import type { Xml } from '../helpers/xml';

const BASE = 'http://127.0.0.1';
const HOSTILE = 'Het "college" & de </script><script>alert(1)</script> raad';

function metaOf(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) out[m[1]] = m[2];
  const canonical = /<link rel="canonical" href="([^"]*)">/.exec(html);
  if (canonical) out.canonical = canonical[1];
  return out;
}

function jsonLd(html: string): Array<Record<string, Xml>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]) as Record<string, Xml>,
  );
}

describe('canonical, OpenGraph and structured data', () => {
  let t: TestApp;
  let article: Article;
  let draft: Article;

  before(async () => {
    t = await createTestApp();
    article = await buildArticle(t.db, { title: HOSTILE, excerptMarkdown: 'Over de **markt** & "het plein" <b>vet</b>', kind: 'memo' });
    await buildReactie(t.db, article, {});
    await buildReactie(t.db, article, {});
    await buildReactie(t.db, article, { status: 'pending' });
    draft = await buildArticle(t.db, { title: 'Geheim concept', status: 'draft', publishedAt: null });
    await createDossier(t.db, { title: 'Markt', slug: 'markt', introMarkdown: '', participants: '' }, new Date());
  });
  after(async () => t.close());

  it('gives every public page a canonical link and OpenGraph/Twitter tags with absolute URLs', async () => {
    for (const path of [
      '/',
      '/documenten',
      '/dossiers',
      '/dossiers/markt',
      '/archief',
      articlePath(article).slice(0, 8),
      '/over-deze-weblog',
      '/privacy',
      '/toegankelijkheid',
      articlePath(article),
    ]) {
      const res = await request(t.app).get(path);
      assert.equal(res.status, 200, path);
      const m = metaOf(res.text);
      assert.equal(m.canonical, `${BASE}${path === '/' ? '/' : path}`, path);
      assert.equal(m['og:url'], m.canonical, path);
      assert.equal(m['og:site_name'], 'Stadslog');
      assert.equal(m['og:image'], `${BASE}/static/img/stadslog-og.png`);
      assert.equal(m['twitter:card'], 'summary_large_image');
      assert.ok(m['og:title'] && m['og:description'] && m['twitter:title'], path);
      assert.equal(m['og:type'], path === articlePath(article) ? 'article' : 'website', path);
    }
    const image = await request(t.app).get('/static/img/stadslog-og.png');
    assert.equal(image.status, 200);
    assert.equal(image.headers['content-type'], 'image/png');
  });

  it('keeps the parameters that make another page in the canonical link, and drops the rest', async () => {
    const canonical = async (path: string) => {
      const m = metaOf((await request(t.app).get(path).expect(200)).text);
      assert.equal(m['og:url'], m.canonical, path);
      return m.canonical;
    };
    assert.equal(await canonical('/documenten?utm_source=x&soort=memo'), `${BASE}/documenten?soort=memo`);
    assert.equal(await canonical('/documenten?soort=Onzin&jaar=1999&pagina=1'), `${BASE}/documenten?jaar=1999`, 'as the page read them');
    // Every filter the listing reads, and the order it is sorted in, names a page of its own.
    assert.equal(
      await canonical('/documenten?volgorde=oudste&afzender=College&maand=3&jaar=2015&utm_source=x'),
      `${BASE}/documenten?jaar=2015&amp;maand=3&amp;afzender=College&amp;volgorde=oudste`,
    );
    assert.equal(await canonical('/?pagina=1'), `${BASE}/`);
    // Parameters a page does not read name no page of their own, whatever another page makes of them.
    assert.equal(await canonical('/?soort=memo&jaar=1999&partij=Onzin'), `${BASE}/`);
    assert.equal(await canonical('/dossiers/markt?soort=memo&pagina=1&q=x'), `${BASE}/dossiers/markt`);
    assert.equal(await canonical('/archief?pagina=2'), `${BASE}/archief`);
    assert.equal(await canonical(`${articlePath(article)}?antwoord=1`), `${BASE}${articlePath(article)}`);
    assert.equal(await canonical(`${articlePath(article)}?soort=memo&pagina=3&utm_source=x`), `${BASE}${articlePath(article)}`);
    // Search reads its filters (type and year): they name a page; what it does not read, not.
    assert.equal(await canonical('/zoeken?q=markt&soort=memo&utm_source=x'), `${BASE}/zoeken?q=markt&amp;soort=memo`);
    assert.equal(await canonical('/zoeken?q=markt&soort=onzin&partij=x'), `${BASE}/zoeken?q=markt`);
  });

  it('escapes an article title and excerpt in every tag', async () => {
    const res = await request(t.app).get(articlePath(article));
    const head = res.text.slice(0, res.text.indexOf('</head>'));
    assert.ok(!head.includes('<script>alert(1)'), 'no script element from the title');
    const m = metaOf(res.text);
    assert.equal(m['og:title'], 'Het &#34;college&#34; &amp; de &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; raad');
    assert.equal(m['twitter:title'], m['og:title']);
    // Markdown makes the quotes typographic; the tags and the ampersand are what must be escaped.
    assert.equal(m['og:description'], 'Over de markt &amp; “het plein” vet');
    assert.equal(m.description, m['og:description']);
    assert.equal(m['article:section'], 'Memo');
  });

  it('describes an article as a schema.org NewsArticle with its comment count, safe inside its script element', async () => {
    const res = await request(t.app).get(articlePath(article));
    const scripts = [...res.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.ok(!/[<>]/.test(scripts[0][1]), 'no < or > inside the JSON');
    const [data] = jsonLd(res.text);
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, HOSTILE);
    assert.equal(data.url, `${BASE}${articlePath(article)}`);
    assert.equal(data.mainEntityOfPage['@id'], data.url);
    assert.equal(data.datePublished, article.publishedAt!.toISOString());
    assert.ok(!Number.isNaN(Date.parse(data.dateModified)));
    assert.deepEqual(data.image, [`${BASE}/static/img/stadslog-og.png`]);
    assert.equal(data.author.name, 'Redactie');
    assert.equal(data.publisher['@type'], 'Organization');
    assert.equal(data.publisher.logo.url, `${BASE}/static/img/stadslog-og.png`);
    assert.equal(data.commentCount, 2, 'visible reacties only');
    assert.equal(data.interactionStatistic.userInteractionCount, 2);
    assert.equal(data.interactionStatistic.interactionType, 'https://schema.org/CommentAction');
    assert.equal(data.inLanguage, 'nl-NL');
    // No other page claims to be an article.
    assert.deepEqual(jsonLd((await request(t.app).get('/')).text), []);
  });

  it('names no page of its own on an error page, and never a draft', async () => {
    for (const path of [articlePath(draft), '/bestaat-niet', '/dossiers/bestaat-niet']) {
      const res = await request(t.app).get(path);
      assert.equal(res.status, 404, path);
      const m = metaOf(res.text);
      assert.equal(m.canonical, undefined, path);
      assert.equal(m['og:url'], undefined, path);
      assert.equal(m['og:type'], 'website');
      assert.deepEqual(jsonLd(res.text), []);
      assert.ok(!res.text.includes('Geheim concept'), path);
    }
  });

  it('leaves beheer out', async () => {
    const res = await request(t.app).get('/beheer/inloggen');
    assert.equal(res.status, 200);
    const m = metaOf(res.text);
    assert.equal(m.canonical, undefined);
    assert.equal(m['og:title'], undefined);
  });
});
