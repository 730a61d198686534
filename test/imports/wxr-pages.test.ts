// WordPress pages come in as pages: at their own address, under their parent page, with their
// reacties, and in no listing (voorpagina, feeds, archive, sitemap, the voorpagina's reactie total).
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginAs } from '../helpers/http';
import { findArticleBySlug } from '../../server/articles/queries';
import { siteReactieTotal } from '../../server/reacties/counters';
import { importWxr, type ImportOptions } from '../../server/imports/import';
import { exportWxr } from '../../server/imports/export';

const OPTIONS: ImportOptions = { pingbacks: 'skip', ipRetentionDays: 30, now: new Date('2024-06-01T12:00:00Z') };

function item(fields: { id: number; type: string; slug: string; title: string; link: string; parent?: number; extra?: string }): string {
  return `<item><title>${fields.title}</title><link>https://oud.example.nl${fields.link}</link>
<dc:creator>redactie</dc:creator><content:encoded><![CDATA[<p>Tekst van ${fields.title}.</p>]]></content:encoded>
<wp:post_id>${fields.id}</wp:post_id><wp:post_date>2024-01-10 12:00:00</wp:post_date><wp:post_date_gmt>2024-01-10 11:00:00</wp:post_date_gmt>
<wp:comment_status>open</wp:comment_status><wp:post_name>${fields.slug}</wp:post_name><wp:status>publish</wp:status>
<wp:post_parent>${fields.parent ?? 0}</wp:post_parent><wp:post_type>${fields.type}</wp:post_type>${fields.extra ?? ''}</item>`;
}

const COMMENT = `<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author>Lezer van de pagina</wp:comment_author>
<wp:comment_author_email>lezer@example.nl</wp:comment_author_email><wp:comment_date_gmt>2024-02-01 10:00:00</wp:comment_date_gmt>
<wp:comment_content>Handige uitleg over afval</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`;

// A page with a category and a tag (a plugin can give pages those): in neither's list.
const TERMS =
  '<category domain="category" nicename="stad"><![CDATA[Stad]]></category><category domain="post_tag" nicename="bruggen"><![CDATA[bruggen]]></category>';

function wxr(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Oud</title><link>https://oud.example.nl</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>redactie</wp:author_login><wp:author_email>redactie@example.nl</wp:author_email>
<wp:author_display_name>Redactie</wp:author_display_name></wp:author>
${items}
</channel></rss>`;
}

// The child page comes before its parent in the file: it is linked once the whole file is read.
const WXR = wxr(
  [
    item({ id: 11, type: 'page', slug: 'afval', title: 'Afval scheiden', link: '/wonen/afval/', parent: 10, extra: COMMENT }),
    item({ id: 10, type: 'page', slug: 'wonen', title: 'Wonen in de stad', link: '/wonen/', extra: TERMS }),
    item({ id: 12, type: 'post', slug: 'nieuwe-brug', title: 'Nieuwe brug geopend', link: '/2024/01/10/nieuwe-brug/', extra: TERMS }),
  ].join('\n'),
);

describe('imports: WordPress pages become pages', () => {
  let t: TestApp;
  let report: Awaited<ReturnType<typeof importWxr>>;
  before(async () => {
    t = await createTestApp();
    report = await importWxr(t.db, [WXR], OPTIONS);
  });
  after(async () => t.close());

  it('stores both pages as pages and the post as news', async () => {
    assert.equal(report.count('page'), 2, report.lines().join('\n'));
    assert.equal(report.count('post'), 1);
    const parent = (await findArticleBySlug(t.db, 'wonen'))!;
    const child = (await findArticleBySlug(t.db, 'afval'))!;
    const post = (await findArticleBySlug(t.db, 'nieuwe-brug'))!;
    assert.deepEqual([parent.isPage, child.isPage, post.isPage], [true, true, false]);
    assert.equal(child.pageParentId, parent.id);
    assert.equal(parent.pageParentId, null);
  });

  it('keeps pages off the voorpagina, the feed, the archive, the sitemap, the dossier and the tag', async () => {
    const listings = ['/', '/feed', '/2024', '/2024/01', '/sitemap.xml', '/dossiers/stad', '/tags/bruggen'];
    for (const path of listings) {
      const res = await request(t.app).get(path).expect(200);
      assert.ok(!res.text.includes('Wonen in de stad') && !res.text.includes('Afval scheiden'), `${path}: no page title`);
      assert.ok(!res.text.includes('/2024/01/wonen') && !res.text.includes('/2024/01/afval'), `${path}: no page address`);
    }
    const home = await request(t.app).get('/').expect(200);
    assert.ok(home.text.includes('Nieuwe brug geopend'), 'the post is on the voorpagina');
    for (const path of ['/feed', '/dossiers/stad', '/tags/bruggen']) {
      const res = await request(t.app).get(path).expect(200);
      assert.ok(res.text.includes('/2024/01/nieuwe-brug'), `${path}: the post is there`);
    }
  });

  it('keeps the page’s reactie on the page, outside the voorpagina’s reactie total', async () => {
    const child = (await findArticleBySlug(t.db, 'afval'))!;
    assert.equal(child.reactieCount, 1);
    assert.equal(await siteReactieTotal(t.db), 0);
    const page = await request(t.app).get('/2024/01/afval').expect(200);
    assert.ok(page.text.includes('Handige uitleg over afval'));
    assert.ok(!page.text.includes('lezer@example.nl'), 'the commenter’s address is not public');
  });

  it('shows the child with a link to its parent, and the parent with its child', async () => {
    const child = await request(t.app).get('/2024/01/afval').expect(200);
    assert.match(child.text, /Onderdeel van: <a href="\/2024\/01\/wonen">Wonen in de stad<\/a>/);
    const parent = await request(t.app).get('/2024/01/wonen').expect(200);
    assert.ok(!parent.text.includes('Onderdeel van'), 'a top-level page is part of nothing');
    assert.match(
      parent.text,
      /<h2 id="paginas-hieronder">Pagina's hieronder<\/h2>\s*<ul><li><a href="\/2024\/01\/afval">Afval scheiden<\/a><\/li><\/ul>/,
    );
    const post = await request(t.app).get('/2024/01/nieuwe-brug').expect(200);
    assert.ok(!post.text.includes('Onderdeel van') && !post.text.includes('paginas-hieronder'), 'news has no page family');
  });

  it('names pages as such in the editors’ list of articles', async () => {
    const ed = await loginAs(t.app, t.db, 'editor');
    const list = await ed.agent.get('/beheer/artikelen').expect(200);
    const row = (title: string) => list.text.slice(list.text.indexOf(title)).split('</tr>')[0];
    assert.match(row('Afval scheiden'), /<td>Pagina<\/td>/);
    assert.match(row('Wonen in de stad'), /<td>Pagina<\/td>/);
    assert.doesNotMatch(row('Nieuwe brug geopend'), /<td>Pagina<\/td>/);
  });

  it('answers the pages’ old WordPress addresses with a 301', async () => {
    const cases: Array<[string, string]> = [
      ['/wonen/', '/2024/01/wonen'],
      ['/wonen/afval/', '/2024/01/afval'],
      ['/wonen/afval', '/2024/01/afval'],
      ['/?page_id=10', '/2024/01/wonen'],
      ['/?page_id=11', '/2024/01/afval'],
    ];
    for (const [from, to] of cases) {
      const res = await request(t.app).get(from);
      assert.equal(res.status, 301, from);
      assert.equal(res.headers.location, to, from);
    }
  });

  it('adds nothing on a second import and keeps the pages as they were', async () => {
    const count = async (table: string) => Number((await t.db(table).count({ n: '*' }).first())?.n);
    const before = { articles: await count('articles'), reacties: await count('reacties'), redirects: await count('wp_redirects') };
    const again = await importWxr(t.db, [WXR], OPTIONS);
    assert.equal(again.count('page') + again.count('post') + again.count('comment'), 0);
    assert.deepEqual(
      { articles: await count('articles'), reacties: await count('reacties'), redirects: await count('wp_redirects') },
      before,
    );
    const child = (await findArticleBySlug(t.db, 'afval'))!;
    assert.equal(child.pageParentId, (await findArticleBySlug(t.db, 'wonen'))!.id);
    assert.equal(await siteReactieTotal(t.db), 0);
  });

  it('exports pages as pages under their parent, and they come back so', async () => {
    const parts: string[] = [];
    await exportWxr(t.db, (chunk) => Promise.resolve(void parts.push(chunk)), {
      withEmails: false,
      baseUrl: 'https://stadslog.example.nl',
      now: OPTIONS.now,
    });
    const xml = parts.join('');
    const parentId = (await findArticleBySlug(t.db, 'wonen'))!.id;
    assert.match(
      xml,
      new RegExp(
        `<wp:post_parent>${parentId}</wp:post_parent>\\s*<wp:menu_order>0</wp:menu_order>\\s*<wp:post_type><!\\[CDATA\\[page\\]\\]>`,
      ),
    );
    const other = await createTestApp();
    try {
      const r = await importWxr(other.db, [xml], OPTIONS);
      assert.equal(r.count('page'), 2, r.lines().join('\n'));
      assert.equal(r.count('post'), 1);
      const child = (await findArticleBySlug(other.db, 'afval'))!;
      assert.equal(child.isPage, true);
      assert.equal(child.pageParentId, (await findArticleBySlug(other.db, 'wonen'))!.id);
    } finally {
      await other.close();
    }
  });

  it('leaves a page whose parent did not come in at the top, and says so', async () => {
    const orphan = wxr(item({ id: 21, type: 'page', slug: 'wees', title: 'Wees', link: '/weg/wees/', parent: 20 }));
    const r = await importWxr(t.db, [orphan], OPTIONS);
    assert.equal(r.count('page'), 1);
    assert.match(r.lines().join('\n'), /pagina's zonder hun bovenliggende pagina \(die is niet overgenomen\): 1/);
    const page = (await findArticleBySlug(t.db, 'wees'))!;
    assert.equal(page.isPage, true);
    assert.equal(page.pageParentId, null);
  });
});
