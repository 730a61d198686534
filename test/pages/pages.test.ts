// The about and privacy pages: default text, edited by editors, shown to residents.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginAs, saveSettingsForm } from '../helpers/http';
import { saveSettings } from '../../server/settings/settings';

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

  it('shows the toegankelijkheidsverklaring as the Dutch model has it, for residents, linked from every page', async () => {
    const res = await request(t.app).get('/toegankelijkheid').expect(200);
    const text = res.text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    assert.match(res.text, /<h1>Toegankelijkheidsverklaring<\/h1>/);
    // What and which norm, the status A-E with why, what was tested and how, known problems, contact, response time, date.
    assert.match(text, /Deze verklaring gaat over de hele weblog op 127\.0\.0\.1/);
    assert.match(text, /EN 301 549, en daarmee de Web Content Accessibility Guidelines \(WCAG\) 2\.1 op niveau A en AA/);
    assert.match(res.text, /<h2 id="status">Status: C – eerste maatregelen genomen<\/h2>/);
    assert.match(text, /A voldoet volledig, B voldoet gedeeltelijk, C eerste maatregelen genomen, D voldoet niet en E geen verklaring/);
    assert.match(text, /Dat onderzoek is voor deze weblog nog niet gedaan/);
    for (const tested of [
      'Automatisch, in een echte browser.',
      'Alleen met het toetsenbord.',
      'Smal scherm en grote letters.',
      '320 pixels',
      '200 %',
      'Donker kleurenschema.',
    ])
      assert.ok(text.includes(tested), `says it tested: ${tested}`);
    assert.match(res.text, /<h2 id="problemen">Wat nog niet goed is<\/h2>/);
    assert.match(text, /niet getest met echte schermlezers/);
    assert.match(text, /Binnen 5 werkdagen krijg je antwoord/);
    assert.match(res.text, /<time datetime="2026-12-06">6 december 2026<\/time>/);
    // Written for residents: the technical details are in docs/accessibility.md.
    assert.doesNotMatch(text, /axe|aria-|SQLite|PostgreSQL|test\/|\.test\.ts|color-contrast|CDP/i);
    // Without a contact address in the settings: how to reach the redactie.
    assert.match(res.text, /hoe je de redactie bereikt, staat op <a href="\/over-deze-weblog">Over deze weblog<\/a>/);
    assert.match((await request(t.app).get('/').expect(200)).text, /<a href="\/toegankelijkheid">Toegankelijkheid<\/a>/);
  });

  it('gives the contact address an admin set in the settings', async () => {
    await saveSettingsForm(t.app, t.db, { contactAdres: 'redactie@peelstad.example' });
    const res = await request(t.app).get('/toegankelijkheid').expect(200);
    assert.match(res.text, /Mail de redactie op <a href="mailto:redactie@peelstad\.example">redactie@peelstad\.example<\/a>\./);
    assert.doesNotMatch(res.text, /hoe je de redactie bereikt/);
    await saveSettings(t.db, { contactEmail: '' });
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
