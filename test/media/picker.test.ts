// "Kies uit de mediabibliotheek" in the article editor without JavaScript: the editor's button keeps
// the form as its draft and opens a plain page of earlier photos (thumbnail, alt text, date; search;
// pages); a choice goes into that draft (the photo's line in the text, or the lead image) and the
// editor opens again with everything as typed. With JavaScript the same page answers as JSON.
import assert from 'node:assert/strict';
import type request from 'supertest';
import type { TestApp } from '../helpers/app';
import { jpegWithGps } from '../helpers/images';
import { ARTICLE_FORM, hiddenInput, loginAs } from '../helpers/http';
import { photoArticle, staffApp, type Staff, type StaffApp } from '../helpers/staff';
import { findArticleById, type Article } from '../../server/articles/queries';
import { insertImage } from '../../server/images/queries';
import { insertFigureLine } from '../../server/images/figure';
import { createDossier, dossierIdsOfArticle } from '../../server/dossiers/queries';
import { pdfFromText } from '../helpers/pdf';

describe('media library in the editor', function () {
  this.timeout(60_000);
  let s: StaffApp;
  let t: TestApp;
  let editor: Staff;
  let article: Article;
  /** The photo of the bicycle shed, older than the newest eight (not offered as lead image by itself). */
  let shedId: number;

  before(async () => {
    s = await staffApp('kiezen');
    ({ t, editor } = s);
    ({ article, photoId: shedId } = await photoArticle(
      editor,
      t.db,
      { title: 'Stalling open', bodyMarkdown: 'De stalling is open.' },
      { alt: 'Fietsenstalling bij het station', file: await jpegWithGps(1200, 800), filename: 'stalling.jpg' },
    ));
    // Fourteen newer photos: two pages of twelve. Their rows alone; the list only shows their addresses.
    const shed = (await t.db('images').where({ id: shedId }).first()) as { sha256: string };
    for (let i = 1; i <= 14; i++) {
      const file = { sha256: shed.sha256, originalName: `markt-${i}.jpg`, mediaType: 'image/jpeg', size: 1000, width: 1200, height: 800 };
      await insertImage(
        t.db,
        { ...file, widths: [480, 960, 1200] },
        { alt: `Weekmarkt ${i}`, caption: '', credit: '' },
        null,
        new Date(Date.now() + i * 1000),
      );
    }
  });
  after(async () => s.close());

  /** The editor's form as typed, sent with its "Kies uit de mediabibliotheek" button. */
  const openChoice = async (typed: Record<string, string>) => {
    const form = await editor.agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    assert.match(form.text, /<button type="submit" name="actie" value="mediabibliotheek" class="secondary" data-media-picker/);
    return editor.agent
      .post(`/beheer/artikelen/${article.id}`)
      .type('form')
      .send({
        ...ARTICLE_FORM,
        _csrf: editor.csrf,
        versie: hiddenInput(form.text, 'versie'),
        soort: 'nieuws',
        ...typed,
        actie: 'mediabibliotheek',
      });
  };

  /** A new article's form as the browser sends it without JavaScript: multipart (its attachments), the token in the address. */
  const newArticleForm = (fields: Record<string, string>) => {
    const sending = editor.agent.post(`/beheer/artikelen?_csrf=${encodeURIComponent(editor.csrf)}`);
    const all = { soort: 'nieuws', auteur: 'Redactie', status: 'draft', actie: 'mediabibliotheek', ...fields };
    for (const [name, value] of Object.entries(all)) void sending.field(name, value);
    return sending;
  };

  /** A new article's form sent with "Kies uit de mediabibliotheek": its draft is kept and the plain page opens. */
  const keepNewDraft = async (sending: PromiseLike<request.Response>) => {
    const sent = await sending;
    assert.equal(sent.status, 303, sent.text);
    assert.equal(sent.headers.location, '/beheer/media/kiezen?artikel=');
  };

  /**
   * A photo chosen on the plain page for the text or as lead image of an article's draft ('' for a new
   * article): the editor opens again on that draft, at the part chosen for. Returns its page.
   */
  const chooseIntoDraft = async (artikel: number | '', foto: number, doel: 'tekst' | 'hoofdfoto') => {
    const chosen = await editor.agent
      .post('/beheer/media/kiezen')
      .type('form')
      .send({ _csrf: editor.csrf, artikel: String(artikel), foto: String(foto), doel });
    assert.equal(chosen.status, 303, chosen.text);
    assert.equal(chosen.headers.location, `/beheer/artikelen/${artikel === '' ? 'nieuw' : artikel}?concept=terug#${doel}`);
    return (await editor.agent.get(chosen.headers.location).expect(200)).text;
  };

  it('keeps what was typed, lists the photos with thumbnail, alt text and date in pages, and finds them', async () => {
    const sent = await openChoice({ titel: 'Stalling open <vandaag>', tekst: 'Eerste alinea, half af' });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.location, `/beheer/media/kiezen?artikel=${article.id}`);
    // Nothing saved: the article is as it was.
    assert.equal((await findArticleById(t.db, article.id))!.title, 'Stalling open');

    const first = await editor.agent.get(sent.headers.location).expect(200);
    assert.match(first.text, /<h1>Kies uit de mediabibliotheek<\/h1>/);
    assert.match(first.text, /15 foto’s, de nieuwste eerst\./);
    assert.match(first.text, /<img src="\/beelden\/\d+\/[0-9a-f]{12}-480\.jpg" alt="" width="480" height="320" loading="lazy">/);
    assert.match(
      first.text,
      /<span id="foto-\d+-alt">Weekmarkt 14<\/span><br><span class="meta"><code>\[foto \d+\]<\/code> · geüpload op \d{1,2} \w+ \d{4}<\/span>/,
    );
    assert.equal(first.text.match(/value="tekst"/g)?.length, 12);
    assert.ok(!first.text.includes('Fietsenstalling bij het station'), 'the oldest is on the second page');
    assert.match(
      first.text,
      new RegExp(`<a rel="next" href="/beheer/media/kiezen\\?artikel=${article.id}&amp;pagina=2">Oudere foto’s »</a>`),
    );
    assert.match(first.text, new RegExp(`href="/beheer/artikelen/${article.id}\\?concept=terug">Terug naar het artikel zonder foto`));
    const second = await editor.agent.get(`/beheer/media/kiezen?artikel=${article.id}&pagina=2`).expect(200);
    assert.match(second.text, /Fietsenstalling bij het station/);
    assert.equal(second.text.match(/value="tekst"/g)?.length, 3);

    const found = await editor.agent.get(`/beheer/media/kiezen?artikel=${article.id}&zoek=STATION`).expect(200);
    assert.match(found.text, /1 foto gevonden/);
    assert.match(found.text, /Fietsenstalling bij het station/);
    assert.ok(!found.text.includes('Weekmarkt'));
    const none = await editor.agent.get(`/beheer/media/kiezen?artikel=${article.id}&zoek=kerstmarkt`).expect(200);
    assert.match(none.text, /Geen foto’s gevonden\./);

    // With JavaScript: the same as JSON for the editor's dialog.
    const json = await editor.agent.get('/beheer/media/kiezen?zoek=station').set('Accept', 'application/json').expect(200);
    assert.equal(json.body.total, 1);
    assert.deepEqual(
      { id: json.body.photos[0].id, alt: json.body.photos[0].alt, shortcode: json.body.photos[0].shortcode },
      { id: shedId, alt: 'Fietsenstalling bij het station', shortcode: `[foto ${shedId}]` },
    );
    assert.match(json.body.photos[0].date, /^\d{1,2} \w+ \d{4}$/);
  });

  it('puts the chosen photo in the text as typed and sets another as lead image; the editor shows both, and saves them', async () => {
    await openChoice({ titel: 'Stalling open <vandaag>', tekst: 'Eerste alinea, half af', samenvatting: 'Kort' });
    const back = await chooseIntoDraft(article.id, shedId, 'tekst');
    assert.ok(back.includes(`Eerste alinea, half af\n\n[foto ${shedId}]\n</textarea>`), 'the line at the end of the text typed');
    assert.match(back, /value="Stalling open &lt;vandaag&gt;"/);
    assert.match(back, /De foto „Fietsenstalling bij het station” staat aan het eind van de tekst/);

    const markt = (await t.db('images').where({ alt: 'Weekmarkt 3' }).first()) as { id: number };
    const again = await chooseIntoDraft(article.id, markt.id, 'hoofdfoto');
    assert.ok(again.includes(`[foto ${shedId}]\n</textarea>`), 'the photo in the text stays');
    assert.match(again, new RegExp(`<input type="radio" id="hoofdfoto-${markt.id}" name="hoofdfoto" value="${markt.id}" checked>`));
    assert.match(again, /De foto „Weekmarkt 3” is gekozen als hoofdfoto/);

    const saved = await editor.agent
      .post(`/beheer/artikelen/${article.id}`)
      .type('form')
      .send({
        ...ARTICLE_FORM,
        _csrf: editor.csrf,
        versie: hiddenInput(again, 'versie'),
        titel: 'Stalling open',
        soort: 'nieuws',
        tekst: `Eerste alinea.\n\n[foto ${shedId}]`,
        hoofdfoto: String(markt.id),
      });
    assert.equal(saved.status, 303);
    const stored = (await findArticleById(t.db, article.id))!;
    assert.equal(stored.leadImageId, markt.id);
    assert.match(stored.bodyHtml, /<figure><picture>/);
  });

  it('works for a new article too, and refuses what does not exist with a Dutch message', async () => {
    // Urlencoded (as the tests post it) and multipart (as the browser does): the draft is kept either way.
    await keepNewDraft(
      editor.agent
        .post(`/beheer/artikelen?_csrf=${encodeURIComponent(editor.csrf)}`)
        .type('form')
        .send({
          ...ARTICLE_FORM,
          _csrf: editor.csrf,
          titel: 'Nieuw stuk',
          soort: 'nieuws',
          tekst: 'Begin',
          tags: 'verkeer, fietsen',
          actie: 'mediabibliotheek',
        }),
    );
    const form = await chooseIntoDraft('', shedId, 'tekst');
    assert.ok(form.includes(`Begin\n\n[foto ${shedId}]\n</textarea>`));
    assert.match(form, /value="Nieuw stuk"/);
    assert.match(form, /value="verkeer, fietsen"/);

    await keepNewDraft(newArticleForm({ titel: 'Nog een stuk', tekst: 'Tweede begin' }));
    const kept = await editor.agent.get('/beheer/artikelen/nieuw?concept=terug').expect(200);
    assert.ok(kept.text.includes('Tweede begin</textarea>'));

    const noPhoto = await editor.agent
      .post('/beheer/media/kiezen')
      .type('form')
      .send({ _csrf: editor.csrf, artikel: String(article.id), foto: '987654', doel: 'tekst' });
    assert.equal(noPhoto.status, 404);
    assert.match(noPhoto.text, /Deze foto bestaat niet \(meer\)/);
    const noArticle = await editor.agent.get('/beheer/media/kiezen?artikel=987654').expect(404);
    assert.match(noArticle.text, /Dit artikel bestaat niet \(meer\)/);
    const moderator = await loginAs(t.app, t.db, 'moderator');
    await moderator.agent.get('/beheer/media/kiezen').expect(403);
  });

  it('brings back the ticked dossiers and a new article’s chosen file after picking, and saves them with the article', async () => {
    const markt = await createDossier(t.db, { title: 'Weekmarkt', slug: 'weekmarkt', introMarkdown: '', participants: '' }, new Date());
    const plein = await createDossier(t.db, { title: 'Het Plein', slug: 'plein', introMarkdown: '', participants: '' }, new Date());
    const pdf = await pdfFromText('De weekmarkt verhuist naar het Plein.');
    // The new article's form as the browser sends it without JavaScript: multipart, a file chosen, a dossier ticked.
    const ticked = { titel: 'Markt verhuist', dossiers_gekozen: 'ja', dossier: String(markt.id) };
    await keepNewDraft(
      newArticleForm({ ...ticked, tekst: 'De markt verhuist.' }).attach('bijlage_bestand', pdf, {
        filename: 'Raadsbrief weekmarkt.pdf',
        contentType: 'application/pdf',
      }),
    );
    const back = await chooseIntoDraft('', shedId, 'tekst');
    assert.ok(back.includes(`De markt verhuist.\n\n[foto ${shedId}]\n</textarea>`));
    assert.match(back, new RegExp(`id="dossier-${markt.id}" name="dossier" type="checkbox" value="${markt.id}" checked`));
    assert.match(back, new RegExp(`id="dossier-${plein.id}" name="dossier" type="checkbox" value="${plein.id}">`));
    // The file is not to be chosen again: it waits on the server, ticked.
    const token = /<input id="bijlage-([0-9a-f]{32})" name="bijlage" type="checkbox" value="\1" checked>/.exec(back)?.[1];
    assert.ok(token, 'the chosen file offered again, ticked');
    assert.match(back, /Al gekozen: „Raadsbrief weekmarkt” \(pdf, [^)]+\) als bijlage bewaren/);

    // Saved as the form now stands: the article has the photo, the dossier and the file.
    const saved = await newArticleForm({
      ...ticked,
      tekst: `De markt verhuist.\n\n[foto ${shedId}]`,
      bijlagen_aangeboden: token,
      bijlage: token,
      actie: 'opslaan',
    });
    assert.equal(saved.status, 303, saved.text);
    const created = (await t.db('articles').where({ title: 'Markt verhuist' }).first()) as { id: number };
    assert.deepEqual(
      (await t.db('article_attachments').where({ article_id: created.id }).select('title')).map((r: { title: string }) => r.title),
      ['Raadsbrief weekmarkt'],
    );
    assert.deepEqual(await dossierIdsOfArticle(t.db, created.id), [markt.id]);
  });

  it('brings back an existing article’s dossiers as ticked, and says plainly when a chosen file was refused', async () => {
    const dossier = (await t.db('dossiers').where({ slug: 'plein' }).first()) as { id: number };
    await openChoice({ titel: 'Stalling open', tekst: 'Tekst', dossiers_gekozen: 'ja', dossier: String(dossier.id) });
    const back = await chooseIntoDraft(article.id, shedId, 'hoofdfoto');
    assert.match(back, new RegExp(`id="dossier-${dossier.id}" name="dossier" type="checkbox" value="${dossier.id}" checked`));
    assert.deepEqual(await dossierIdsOfArticle(t.db, article.id), [], 'nothing saved yet');

    await keepNewDraft(
      newArticleForm({ titel: 'Nog een stuk', tekst: 'Begin' }).attach('bijlage_bestand', Buffer.from('<html>geen pdf</html>'), {
        filename: 'brief.pdf',
        contentType: 'application/pdf',
      }),
    );
    const picker = await editor.agent.get('/beheer/media/kiezen?artikel=').expect(200);
    assert.match(
      picker.text,
      /<p class="flash" role="status">Het gekozen bestand is niet bewaard\. [^<]*Kies een ander bestand, of geen\.<\/p>/,
    );
  });

  it('puts a line on its own, with a blank line around it, where the cursor is', () => {
    assert.equal(insertFigureLine('', '[foto 1]'), '[foto 1]\n');
    assert.equal(insertFigureLine('Een.\n\nTwee.', '[foto 1]', 4), 'Een.\n\n[foto 1]\n\nTwee.');
    assert.equal(insertFigureLine('Een.\r\n', '[foto 1]'), 'Een.\n\n[foto 1]\n');
    assert.equal(insertFigureLine('Een.', '[foto 1]', 99), 'Een.\n\n[foto 1]\n');
  });
});
