// The about and privacy pages: default text, edited by editors, shown to residents.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginAs } from '../helpers/http';

describe('pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('shows a default about page and privacy statement', async () => {
    assert.match((await request(t.app).get('/over-deze-weblog').expect(200)).text, /<h1>Over deze weblog<\/h1>/);
    const privacy = (await request(t.app).get('/privacy').expect(200)).text;
    assert.match(privacy, /e-mailadres<\/strong> wordt nooit gepubliceerd/);
  });

  it('shows the toegankelijkheidsverklaring, linked from every page', async () => {
    const res = await request(t.app).get('/toegankelijkheid').expect(200);
    assert.match(res.text, /<h1>Toegankelijkheidsverklaring<\/h1>/);
    assert.match(res.text, /WCAG\) 2\.1, niveau A en AA/);
    assert.match(res.text, /EN 301 549/);
    assert.match(res.text, /<time datetime="2026-12-01">1 december 2026<\/time>/);
    assert.match(res.text, /Een probleem melden/);
    assert.match((await request(t.app).get('/').expect(200)).text, /<a href="\/toegankelijkheid">Toegankelijkheid<\/a>/);
  });

  it('lets an editor preview and save the about page', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    const preview = await agent
      .post('/beheer/paginas/over-deze-weblog')
      .type('form')
      .send({ _csrf: csrf, titel: 'Over ons', tekst: 'Sinds **2005**.', actie: 'voorbeeld' });
    assert.match(preview.text, /Sinds <strong>2005<\/strong>/);
    assert.doesNotMatch((await request(t.app).get('/over-deze-weblog')).text, /Sinds/);
    const empty = await agent
      .post('/beheer/paginas/over-deze-weblog')
      .type('form')
      .send({ _csrf: csrf, titel: 'Over ons', tekst: '', actie: 'opslaan' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Vul de tekst in/);
    await agent
      .post('/beheer/paginas/over-deze-weblog')
      .type('form')
      .send({ _csrf: csrf, titel: 'Over ons', tekst: 'Sinds **2005**.', actie: 'opslaan' })
      .expect(303);
    const page = (await request(t.app).get('/over-deze-weblog')).text;
    assert.match(page, /<h1>Over ons<\/h1>/);
    assert.match(page, /Sinds <strong>2005<\/strong>/);
    await agent.get('/beheer/paginas/bestaat-niet').expect(404);
  });

  it('keeps moderators out of page editing', async () => {
    const { agent } = await loginAs(t.app, t.db, 'moderator');
    await agent.get('/beheer/paginas/over-deze-weblog').expect(403);
  });
});
