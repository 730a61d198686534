// The lead image: chosen in the editor, shown on the voorpagina (small, width and height set, in the
// kept page), in the feeds (Media RSS and in the content) and as og:image (the 1200-wide JPEG).
import assert from 'node:assert/strict';
import request from 'supertest';
import type { TestApp } from '../helpers/app';
import { jpegWithGps } from '../helpers/images';
import { ARTICLE_FORM, hiddenInput } from '../helpers/http';
import { photoArticle, staffApp, type Staff, type StaffApp } from '../helpers/staff';
import { articlePath, findArticleById, type Article } from '../../server/articles/queries';

describe('lead image', function () {
  this.timeout(60_000);
  let s: StaffApp;
  let t: TestApp;
  let editor: Staff;
  let article: Article;
  let photoId: number;
  const base = 'http://stadslog.test';

  before(async () => {
    s = await staffApp('hoofdfoto', { baseUrl: base });
    ({ t, editor } = s);
    ({ article, photoId } = await photoArticle(
      editor,
      t.db,
      { title: 'Stalling open', bodyMarkdown: 'De stalling is open.' },
      { alt: 'Fietsenstalling bij avond', fotograaf: 'Anna', file: await jpegWithGps(3000, 2000), filename: 'stalling.jpg' },
    ));
  });
  after(async () => s.close());

  const save = async (hoofdfoto: string) => {
    const form = await editor.agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    return editor.agent
      .post(`/beheer/artikelen/${article.id}`)
      .type('form')
      .send({
        ...ARTICLE_FORM,
        _csrf: editor.csrf,
        versie: hiddenInput(form.text, 'versie'),
        titel: article.title,
        soort: 'nieuws',
        tekst: 'De stalling is open.\n\nEr is plek voor 1.200 fietsen.',
        hoofdfoto,
      });
  };

  it('offers the newest photos as lead image and refuses one that does not exist, keeping the text typed', async () => {
    const form = await editor.agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    assert.match(form.text, new RegExp(`<input type="radio" id="hoofdfoto-${photoId}" name="hoofdfoto" value="${photoId}">`));
    assert.match(form.text, /<input type="radio" id="hoofdfoto-geen" name="hoofdfoto" value="" checked>/);
    const missing = await save('987654');
    assert.equal(missing.status, 422);
    assert.match(missing.text, /Deze foto bestaat niet \(meer\)\. Kies een andere hoofdfoto, of geen\./);
    assert.match(missing.text, /Er is plek voor 1\.200 fietsen\./);
    const nonsense = await save('abc');
    assert.equal(nonsense.status, 422);
    assert.match(nonsense.text, /Kies een hoofdfoto uit de lijst, of geen\./);
    assert.equal((await findArticleById(t.db, article.id))!.leadImageId, null);
  });

  it('shows on the voorpagina (after a page was kept), as og:image in the right size and in both feeds', async () => {
    const before = await request(t.app).get('/').expect(200);
    assert.ok(!before.text.includes('teaser-image'));
    assert.equal((await save(String(photoId))).status, 303);
    const saved = (await findArticleById(t.db, article.id))!;
    assert.equal(saved.leadImageId, photoId);

    const voorpagina = await request(t.app).get('/').expect(200);
    const teaser = /<div class="teaser-image">(.*?)<\/div>/s.exec(voorpagina.text)?.[1] ?? '';
    assert.match(teaser, /<source type="image\/webp" srcset="\/beelden\/\d+\/[0-9a-f]{12}-480\.webp 480w, [^"]+1600w"/);
    assert.match(teaser, /width="1600" height="1067"\s+alt="Fietsenstalling bij avond" decoding="async">/);
    assert.match(teaser, /sizes="\(min-width: 40rem\) 12rem, calc\(100vw - 2rem\)"/);
    // Kept for readers without a cookie: the next one gets the same markup.
    assert.equal((await request(t.app).get('/').expect(200)).text, voorpagina.text);

    const page = await request(t.app).get(articlePath(saved)).expect(200);
    const share = new RegExp(`<meta property="og:image" content="${base}/beelden/${photoId}/[0-9a-f]{12}-share\\.jpg">`);
    assert.match(page.text, share);
    assert.match(page.text, /<meta property="og:image:width" content="1200">\s*<meta property="og:image:height" content="800">/);
    assert.match(page.text, /<meta property="og:image:alt" content="Fietsenstalling bij avond">/);
    const ogUrl = /<meta property="og:image" content="([^"]+)">/.exec(page.text)![1];
    await request(t.app).get(ogUrl.slice(base.length)).expect(200).expect('Content-Type', 'image/jpeg');
    assert.ok(page.text.includes(`"image":["${ogUrl}"]`), 'the JSON-LD names the lead image');

    const rss = (await request(t.app).get('/feed').expect(200)).text;
    assert.ok(rss.includes(`<media:content url="${ogUrl}" type="image/jpeg" medium="image" width="1200" height="800">`), rss);
    assert.match(rss, /<media:description type="plain">Fietsenstalling bij avond<\/media:description>/);
    assert.ok(
      rss.includes(`&lt;p&gt;&lt;img src="${ogUrl}" width="1200" height="800" alt="Fietsenstalling bij avond"&gt;`),
      'in the content',
    );
    const atom = (await request(t.app).get('/feed/atom').expect(200)).text;
    assert.ok(atom.includes(ogUrl), 'the Atom content shows the lead image');
  });

  it('shows at the top of its own article page with srcset, sizes, size, alt and credit, and not twice when the text shows it', async () => {
    assert.equal((await save(String(photoId))).status, 303);
    const saved = (await findArticleById(t.db, article.id))!;
    const page = (await request(t.app).get(articlePath(saved)).expect(200)).text;
    const figure = /<figure class="lead-figure">(.*?)<\/figure>/s.exec(page)?.[1] ?? '';
    assert.match(figure, /<source type="image\/webp" srcset="\/beelden\/\d+\/[0-9a-f]{12}-480\.webp 480w, [^"]+1600w"/);
    assert.match(figure, /sizes="\(min-width: 44rem\) 42rem, calc\(100vw - 2rem\)"/);
    assert.match(figure, /width="1600" height="1067"\s+alt="Fietsenstalling bij avond" decoding="async">/);
    assert.ok(!figure.includes('loading="lazy"'), 'the top of the page loads at once');
    assert.match(figure, /<figcaption>\s*<span>Foto: Anna<\/span><\/figcaption>/);
    // Above the text.
    assert.ok(page.indexOf('class="lead-figure"') < page.indexOf('class="article-body"'));

    // The text shows the same photo: once, in the text.
    const edited = await editor.agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    const resave = await editor.agent
      .post(`/beheer/artikelen/${article.id}`)
      .type('form')
      .send({
        ...ARTICLE_FORM,
        _csrf: editor.csrf,
        versie: hiddenInput(edited.text, 'versie'),
        titel: article.title,
        soort: 'nieuws',
        tekst: `De stalling is open.\n\n[foto ${photoId}]`,
        hoofdfoto: String(photoId),
      });
    assert.equal(resave.status, 303);
    const once = (await request(t.app).get(articlePath(saved)).expect(200)).text;
    assert.ok(!once.includes('lead-figure'), 'no lead figure above a text that shows the photo');
    assert.equal(once.match(new RegExp(`/beelden/${photoId}/[0-9a-f]{12}-960\\.jpg"`, 'g'))?.length, 1);
  });
});
