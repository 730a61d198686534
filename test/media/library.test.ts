// The media library: every photo and file with size, type, date and the articles using it; search;
// a photo's text changed and its file replaced everywhere; deleted only when unused; the audit log.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { jpegWithGps } from '../helpers/images';
import { loginAs, type Agent } from '../helpers/http';
import { articlePath, findArticleById, replaceArticleBody } from '../../server/articles/queries';
import { IN_USE_MESSAGE } from '../../server/media/photos';

describe('media library', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let editor: { agent: Agent; csrf: string };

  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-media-'));
    t = await createTestApp({ uploadDir });
    editor = await loginAs(t.app, t.db, 'editor');
  });
  after(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const addPhoto = async (alt: string, filename: string, photo: Buffer) => {
    const res = await editor.agent
      .post(`/beheer/media/fotos?_csrf=${encodeURIComponent(editor.csrf)}`)
      .set('Accept', 'application/json')
      .field('alt', alt)
      .field('bijschrift', 'Bij de opening')
      .field('fotograaf', '')
      .field('artikel', '')
      .attach('foto', photo, { filename, contentType: 'image/jpeg' })
      .expect(201);
    return Number(res.body.id);
  };
  const auditActions = async () => (await t.db('audit_log').select('action')).map((r: { action: string }) => r.action);

  it('lists photos and files with size, type, date and the articles that use them, and finds them by name or alt text', async () => {
    const shed = await addPhoto('Fietsenstalling bij het station', 'stalling.jpg', await jpegWithGps(1200, 800));
    await addPhoto('Wethouder knipt het lint door', 'opening.jpg', await jpegWithGps(900, 600, { colour: '#aa3333' }));
    const article = await buildArticle(t.db, { title: 'Stalling open', bodyMarkdown: `Open.\n\n[foto ${shed}]` });
    const page = await editor.agent.get('/beheer/media').expect(200);
    assert.match(page.text, /Fietsenstalling bij het station<\/a><br><code>\[foto \d+\]<\/code>/);
    assert.match(page.text, /stalling\.jpg<br>jpg, [\d,]+ kB, 1200 × 800/);
    assert.match(page.text, new RegExp(`<a href="/beheer/artikelen/${article.id}">Stalling open</a>`));
    assert.match(page.text, /geen artikel/);
    const found = await editor.agent.get('/beheer/media?zoek=lint').expect(200);
    assert.match(found.text, /Wethouder knipt het lint door/);
    assert.ok(!found.text.includes('Fietsenstalling bij het station'));
    const byName = await editor.agent.get('/beheer/media?zoek=STALLING.jpg').expect(200);
    assert.match(byName.text, /Fietsenstalling bij het station/);
    assert.ok(!byName.text.includes('Wethouder knipt'));
    const moderator = await loginAs(t.app, t.db, 'moderator');
    await moderator.agent.get('/beheer/media').expect(403);
  });

  it('changes the text of a photo and replaces its file everywhere: same line in the text, new variants; refuses a bad file in Dutch', async () => {
    const id = await addPhoto('Oude foto van de markt', 'markt.jpg', await jpegWithGps(1000, 500));
    const article = await buildArticle(t.db, { title: 'Markt', bodyMarkdown: `Markt.\n\n[foto ${id}]` });
    const oldHtml = (await request(t.app).get(articlePath(article)).expect(200)).text;
    const oldKey = /\/beelden\/\d+\/([0-9a-f]{12})-/.exec(oldHtml)![1];

    const bad = await editor.agent
      .post(`/beheer/media/fotos/${id}`)
      .type('form')
      .send({ _csrf: editor.csrf, alt: '', bijschrift: 'Zaterdagmarkt', fotograaf: 'Kees' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Beschrijf wat er op de foto te zien is/);
    assert.match(bad.text, /value="Zaterdagmarkt"/);
    await editor.agent
      .post(`/beheer/media/fotos/${id}`)
      .type('form')
      .send({ _csrf: editor.csrf, alt: 'De zaterdagmarkt op het plein', bijschrift: 'Zaterdagmarkt', fotograaf: 'Kees' })
      .expect(303);
    const textChanged = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.match(textChanged, /alt="De zaterdagmarkt op het plein"/);
    assert.match(textChanged, /<figcaption>Zaterdagmarkt <span>Foto: Kees<\/span><\/figcaption>/);

    const notPhoto = await editor.agent
      .post(`/beheer/media/fotos/${id}/vervangen?_csrf=${encodeURIComponent(editor.csrf)}`)
      .attach('foto', Buffer.from('%PDF-1.4\n'), { filename: 'x.jpg', contentType: 'image/jpeg' });
    assert.equal(notPhoto.status, 415);
    assert.match(notPhoto.text, /Een foto moet een jpg-, png- of webp-bestand zijn\./);
    await editor.agent
      .post(`/beheer/media/fotos/${id}/vervangen?_csrf=${encodeURIComponent(editor.csrf)}`)
      .attach('foto', await jpegWithGps(800, 800, { colour: '#22aa22' }), { filename: 'markt-nieuw.jpg', contentType: 'image/jpeg' })
      .expect(303);
    assert.equal((await findArticleById(t.db, article.id))!.bodyMarkdown, `Markt.\n\n[foto ${id}]`);
    const replaced = (await request(t.app).get(articlePath(article)).expect(200)).text;
    const newKey = /\/beelden\/\d+\/([0-9a-f]{12})-/.exec(replaced)![1];
    assert.notEqual(newKey, oldKey);
    assert.match(replaced, /width="800" height="800" alt="De zaterdagmarkt op het plein"/);
    await request(t.app).get(`/beelden/${id}/${oldKey}-480.webp`).expect(404);
    await request(t.app).get(`/beelden/${id}/${newKey}-480.webp`).expect(200);
    assert.ok((await auditActions()).includes('media.update') && (await auditActions()).includes('media.replace'));
  });

  it('deletes a photo only when no article uses it', async () => {
    const id = await addPhoto('Brug over de gracht', 'brug.jpg', await jpegWithGps(700, 500, { colour: '#333399' }));
    const article = await buildArticle(t.db, { title: 'Brug', bodyMarkdown: `Brug.\n\n[foto ${id}]` });
    const refused = await editor.agent.post(`/beheer/media/fotos/${id}/verwijderen`).type('form').send({ _csrf: editor.csrf });
    assert.equal(refused.status, 409);
    assert.ok(refused.text.includes(IN_USE_MESSAGE));
    assert.match(refused.text, new RegExp(`<a href="/beheer/artikelen/${article.id}">Brug</a>`));
    await t.db('articles').where({ id: article.id }).update({ lead_image_id: id });
    await replaceArticleBody(t.db, article.id, 'Brug, zonder foto.');
    assert.equal((await editor.agent.post(`/beheer/media/fotos/${id}/verwijderen`).type('form').send({ _csrf: editor.csrf })).status, 409);
    await t.db('articles').where({ id: article.id }).update({ lead_image_id: null });
    await editor.agent.post(`/beheer/media/fotos/${id}/verwijderen`).type('form').send({ _csrf: editor.csrf }).expect(303);
    await editor.agent.get(`/beheer/media/fotos/${id}`).expect(404);
    assert.ok((await auditActions()).includes('media.delete'));
    await editor.agent.post(`/beheer/media/fotos/${id}/verwijderen`).type('form').send({}).expect(403);
  });
});
