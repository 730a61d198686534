// "Voorbeeld" as a resident sees it (issue 23): the unsaved form through the real article template,
// in a sandboxed frame at phone or desktop width; never stored, cached or indexed, and without the
// beheer bar or anything to act on in the reacties section.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, loginAs, type Agent } from '../helpers/http';
import { createDossier } from '../../server/dossiers/queries';

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
