// "Voorbeeld" as a resident sees it (issue 23): the unsaved form through the real article template,
// in a sandboxed frame at phone or desktop width; never stored, cached or indexed, and without the
// beheer bar or anything to act on in the reacties section.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, loginAs, type Agent } from '../helpers/http';
import request from 'supertest';
import { createDossier } from '../../server/dossiers/queries';
import { articlePath, findArticleById } from '../../server/articles/queries';
import { jpegWithGps } from '../helpers/images';
import { staffApp, uploadPhoto, type StaffApp } from '../helpers/staff';

/** The page inside the frame: the srcdoc attribute, unescaped as a browser reads it. */
function framePage(html: string): string {
  const m = /<iframe class="preview-frame"[^>]* srcdoc="([^"]*)"/.exec(html);
  assert.ok(m, 'a preview frame');
  return m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('preview: the article as a resident sees it', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'editor');
    await createDossier(t.db, { title: 'Weekmarkt', slug: 'weekmarkt', introMarkdown: 'De markt.', participants: '' }, new Date());
  });
  after(async () => t.close());

  it('renders the unsaved form through the article template, in a sandboxed frame with a width switch, stored nowhere', async () => {
    const dossier = (await t.db('dossiers').first('id')).id as number;
    const res = await ed.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({
        _csrf: ed.csrf,
        ...ARTICLE_FORM,
        status: 'review',
        titel: 'Markt <terug> op het Plein',
        soort: 'nieuws',
        tekst: 'De markt komt **terug**.\n\n<script>alert(1)</script>',
        tags: 'markt, Plein',
        dossiers_gekozen: 'ja',
        dossier: String(dossier),
        actie: 'voorbeeld',
      });
    assert.equal(res.status, 200);
    assert.match(res.headers['cache-control'], /no-store/);
    assert.equal(res.headers['x-robots-tag'], 'noindex');
    assert.match(res.text, /sandbox="allow-same-origin"/);
    assert.match(res.text, /id="breedte-telefoon" name="voorbeeld_breedte" type="radio" value="telefoon" checked/);
    assert.match(res.text, /id="breedte-computer" name="voorbeeld_breedte" type="radio" value="computer"/);
    // The form is kept as typed.
    assert.match(res.text, /id="tags" name="tags" type="text" value="markt, Plein"/);

    const page = framePage(res.text);
    assert.match(page, /<article class="article">/);
    assert.match(page, /<h1>Markt &lt;terug&gt; op het Plein<\/h1>/);
    assert.match(page, /De markt komt <strong>terug<\/strong>\./);
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /In dossier: <a href="#">Weekmarkt<\/a>/);
    assert.match(page, /rel="tag">Plein<\/a>/);
    assert.match(page, /<meta name="robots" content="noindex">/);
    // A resident's page: no beheer bar, no "Uitloggen", no reacties form.
    assert.doesNotMatch(page, /Uitloggen|beheer-nav|name="_csrf"/);
    assert.doesNotMatch(page, /<form[^>]*reacties/);
    assert.match(page, /Voorbeeld: hier staan straks de reacties/);
    assert.equal(await t.db('articles').where({ title: 'Markt <terug> op het Plein' }).first(), undefined);
  });
});

describe('preview: the lead image as a resident sees it', function () {
  this.timeout(60_000);
  let s: StaffApp;
  let photoId: number;
  before(async () => {
    // An eindredacteur: the article is published straight from the form.
    s = await staffApp('voorbeeld', {}, 'chief');
    photoId = await uploadPhoto(
      s.editor,
      { alt: 'Fietsenstalling bij avond', bijschrift: 'De stalling op de eerste dag', fotograaf: 'Anna de Vries' },
      await jpegWithGps(3000, 2000),
    );
  });
  after(async () => s.close());

  const preview = (fields: Record<string, string>, path = '/beheer/artikelen') =>
    s.editor.agent
      .post(path)
      .type('form')
      .send({ _csrf: s.editor.csrf, ...ARTICLE_FORM, soort: 'nieuws', titel: 'Stalling open', actie: 'voorbeeld', ...fields });
  const leadFigure = (html: string) => /<figure class="lead-figure">[\s\S]*?<\/figure>/.exec(html)?.[0];

  it('shows the chosen lead image with srcset, sizes, width, height, alt, caption and credit, exactly as the article page', async () => {
    const res = await preview({ tekst: 'De stalling is open.', hoofdfoto: String(photoId) });
    assert.equal(res.status, 200);
    const figure = leadFigure(framePage(res.text));
    assert.ok(figure, 'a lead figure in the preview');
    assert.match(figure, /<source type="image\/webp" srcset="[^"]*-480\.webp 480w, [^"]*-960\.webp 960w, [^"]*-1600\.webp 1600w"/);
    assert.match(
      figure,
      /srcset="[^"]*-480\.jpg 480w, [^"]*-960\.jpg 960w, [^"]*-1600\.jpg 1600w" sizes="\(min-width: 44rem\) 42rem, calc\(100vw - 2rem\)"/,
    );
    assert.match(figure, /width="1600" height="1067"\s+alt="Fietsenstalling bij avond" decoding="async">/);
    // At the top of the page, in view at once: not lazy, as on the article page.
    assert.doesNotMatch(figure, /loading="lazy"/);
    assert.match(figure, /<figcaption>De stalling op de eerste dag\s*<span>Foto: Anna de Vries<\/span><\/figcaption>/);
    // Nothing saved.
    assert.equal(await s.t.db('articles').where({ title: 'Stalling open' }).first(), undefined);

    // The resident's page of the same article, saved and published, shows the same figure.
    const saved = await preview({ tekst: 'De stalling is open.', hoofdfoto: String(photoId), actie: 'opslaan' });
    assert.equal(saved.status, 303);
    const article = (await findArticleById(s.t.db, Number(/\/beheer\/artikelen\/(\d+)/.exec(saved.headers.location)![1])))!;
    const page = await request(s.t.app).get(articlePath(article)).expect(200);
    assert.equal(leadFigure(page.text), figure);

    // The article's editor: the form's choice counts, "Geen hoofdfoto" too.
    const none = await preview(
      { tekst: 'De stalling is open.', hoofdfoto: '', versie: String(article.revision) },
      `/beheer/artikelen/${article.id}`,
    );
    assert.equal(none.status, 200);
    assert.equal(leadFigure(framePage(none.text)), undefined);
  });

  it('shows it once when the text shows the same photo, as the article page does', async () => {
    const res = await preview({ tekst: `De stalling is open.\n\n[foto ${photoId}]`, hoofdfoto: String(photoId) });
    const page = framePage(res.text);
    assert.equal(leadFigure(page), undefined);
    assert.equal(page.match(/alt="Fietsenstalling bij avond"/g)?.length, 1);
  });
});
