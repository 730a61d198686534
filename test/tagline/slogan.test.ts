// /beheer/slogan: editors (not only moderators) write the line under the weblog's name, with a
// preview, CSRF and an audit entry; bad input is refused with 422 keeping what was typed.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { loginAs } from '../helpers/http';
import { loadSettings, saveSettings } from '../../server/settings/settings';
import { ageText } from '../../server/tagline/template';

describe('tagline: the Slogan page for editors', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await buildArticle(t.db);
    await saveSettings(t.db, { tagline: { startYear: 2005, startMonth: 5, stationId: 0 } });
  });
  after(async () => t.close());

  const shown = async () => /<span class="site-tagline">([^<]*)<\/span>/.exec((await request(t.app).get('/').expect(200)).text)![1];

  it('is in the editor’s menu and opens with the current template', async () => {
    await saveSettings(t.db, { tagline: { template: 'Al {leeftijd} nieuws' } });
    const { agent } = await loginAs(t.app, t.db, 'editor');
    const dashboard = await agent.get('/beheer').expect(200);
    assert.match(dashboard.text, /href="\/beheer\/slogan">Slogan</);
    assert.doesNotMatch(dashboard.text, /href="\/beheer\/instellingen"/);
    const page = await agent.get('/beheer/slogan').expect(200);
    assert.match(page.text, /value="Al \{leeftijd\} nieuws"/);
    assert.match(page.text, /class="tagline-preview">Al \d+ jaar nieuws</);
  });

  it('previews without saving, then saves: readers see it at once, and the audit log says who', async () => {
    const { agent, csrf, email } = await loginAs(t.app, t.db, 'editor');
    const before = await shown();
    const preview = await agent
      .post('/beheer/slogan')
      .type('form')
      .send({ _csrf: csrf, sjabloon: 'Buiten is het {temperatuur} graden, binnen zit al {leeftijd}', actie: 'voorbeeld' })
      .expect(200);
    // No temperature known (station 0): that part is left out in the preview, as on the page.
    assert.match(preview.text, /class="tagline-preview">Binnen zit al \d+ jaar</);
    assert.equal((await loadSettings(t.db)).tagline.template, 'Al {leeftijd} nieuws');
    assert.equal(await shown(), before, 'a preview changes nothing');

    await agent
      .post('/beheer/slogan')
      .type('form')
      .send({ _csrf: csrf, sjabloon: 'Nieuws uit de stad, al {leeftijd} <b>lang</b>', actie: 'opslaan' })
      .expect(303);
    assert.equal((await loadSettings(t.db)).tagline.template, 'Nieuws uit de stad, al {leeftijd} <b>lang</b>');
    assert.match(await shown(), /^Nieuws uit de stad, al \d+ jaar &lt;b&gt;lang&lt;\/b&gt;$/, 'escaped, and shown at once');
    const entry = await t.db('audit_log').where({ action: 'tagline.update' }).orderBy('id', 'desc').first();
    assert.equal(entry.actor, email);
    assert.match((await agent.get('/beheer/slogan').expect(200)).text, /Slogan opgeslagen/);
  });

  it('tells the editor what {leeftijd} gives now, as the site shows it, and why {temperatuur} is missing', async () => {
    await saveSettings(t.db, { tagline: { template: 'Buiten is het {temperatuur} graden, binnen zit al {leeftijd}' } });
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    const page = (await agent.get('/beheer/slogan').expect(200)).text;
    const age = ageText(new Date(Date.UTC(2005, 4, 1)), new Date())!;
    assert.match(age, /^\d+ jaar$/);
    assert.ok(page.includes(`Op dit moment geeft {leeftijd}: nu ${age}; {temperatuur}: nu geen: er is geen weerstation ingesteld`), page);
    assert.doesNotMatch(page, /\(15 jaar\)/, 'no example age that is not the site’s');
    assert.match(page, new RegExp(`class="tagline-preview">Binnen zit al ${age}<`));
    assert.match(
      page,
      /<p class="form-note tagline-missing">Het deel met \{temperatuur\} valt nu weg, want er is geen temperatuur: er is geen weerstation ingesteld \(Instellingen, weerstation 0\)\.<\/p>/,
    );
    // The site says the same age.
    await agent.post('/beheer/slogan').type('form').send({ _csrf: csrf, sjabloon: 'Al {leeftijd} nieuws', actie: 'opslaan' }).expect(303);
    assert.equal(await shown(), `Al ${age} nieuws`);
  });

  it('counts {leeftijd} from the first article when no start year is set, as the voorpagina does', async () => {
    await saveSettings(t.db, { tagline: { startYear: 0, template: 'Al {leeftijd} nieuws' } });
    await buildArticle(t.db, { publishedAt: new Date('2015-03-10T10:00:00Z') });
    const { agent } = await loginAs(t.app, t.db, 'editor');
    const page = (await agent.get('/beheer/slogan').expect(200)).text;
    const age = ageText(new Date('2015-03-10T10:00:00Z'), new Date())!;
    assert.match(page, new RegExp(`class="tagline-preview">Al ${age} nieuws<`));
    assert.ok(page.includes(`{leeftijd}: nu ${age};`));
    assert.match((await request(t.app).get('/').expect(200)).text, /sinds de start van de weblog in maart 2015/);
    await saveSettings(t.db, { tagline: { startYear: 2005, startMonth: 5 } });
  });

  it('an empty template shows the standard line', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'moderator');
    await agent.post('/beheer/slogan').type('form').send({ _csrf: csrf, sjabloon: '', actie: 'opslaan' }).expect(303);
    assert.equal(await shown(), 'Nieuws en discussie uit onze stad');
  });

  it('refuses a too long line with 422 and a Dutch message, keeping what was typed', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    const long = 'Heel lang '.repeat(40);
    const res = await agent.post('/beheer/slogan').type('form').send({ _csrf: csrf, sjabloon: long, actie: 'opslaan' }).expect(422);
    assert.match(res.text, /De slogan/);
    assert.ok(res.text.includes(long.trim()));
  });

  it('needs the CSRF token and a login', async () => {
    const { agent } = await loginAs(t.app, t.db, 'editor');
    await agent.post('/beheer/slogan').type('form').send({ sjabloon: 'Gekaapt' }).expect(403);
    await request(t.app).post('/beheer/slogan').type('form').send({ sjabloon: 'Gekaapt' }).expect(403);
    assert.notEqual((await loadSettings(t.db)).tagline.template, 'Gekaapt');
  });
});
