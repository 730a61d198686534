// Official replies ("namens de redactie") from a staff session, and reacties that close by
// themselves some days after publication (the site's setting, an article's own number of days),
// with the page cache never keeping an open form past the close moment.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { ARTICLE_FORM, hiddenInput, loginAs, postReactieForm, saveSettingsForm, settingsFormWith } from '../helpers/http';
import { articlePath, findArticleBySlug } from '../../server/articles/queries';
import { loadSettings, saveSettings } from '../../server/settings/settings';
import { saveSpamSettings } from '../../server/spam/settings';

const DAY = 24 * 60 * 60 * 1000;

describe('participation: official replies', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('lets an editor react "namens de redactie": published at once, with a badge, past the spam checks', async () => {
    await saveSpamSettings(t.db, { disallowedWords: 'casino' });
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const ed = await loginAs(t.app, t.db, 'chief');
    const page = await ed.agent.get(path).expect(200);
    assert.match(page.text, /<label for="veld-namens">Reageer als<\/label>/);
    assert.match(page.text, /<option value="de redactie">namens de redactie<\/option>/);
    // By default only the redactie: a badge for the college is an admin's deliberate addition (below).
    assert.doesNotMatch(page.text, /namens het college/);
    assert.match(page.text, new RegExp(`value="${ed.email}"`), 'the account’s address is filled in');

    const res = await ed.agent
      .post(`${path}/reacties`)
      .type('form')
      .send({
        _token: hiddenInput(page.text, '_token'),
        naam: 'Redactie',
        email: ed.email,
        reactie: 'Het casino gaat niet door.',
        namens: 'de redactie',
      });
    assert.equal(res.status, 303);
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    const row = await t.db('reacties').where({ id }).first('status', 'official_as');
    assert.deepEqual({ ...row }, { status: 'approved', official_as: 'de redactie' });
    const reader = await request(t.app).get(path).expect(200);
    assert.match(reader.text, /<span class="official-badge">Namens de redactie<\/span>/);
    assert.match(reader.text, /Het casino gaat niet door\./);
    assert.match(reader.text, /1 reactie/);
    assert.doesNotMatch(reader.text, /veld-namens/, 'readers get no choice of role');
    await saveSpamSettings(t.db, { disallowedWords: '' });
  });

  it('refuses "namens" from a resident or for a role that is not configured (403), keeping the text', async () => {
    const article = await buildArticle(t.db);
    const resident = await postReactieForm(request.agent(t.app), articlePath(article), {
      reactie: 'Ik ben de burgemeester.',
      namens: 'het college',
    } as Record<string, string>);
    assert.equal(resident.status, 403);
    assert.match(resident.text, /Namens een rol reageren kan alleen/);
    assert.match(resident.text, /Ik ben de burgemeester\.<\/textarea>/);

    const mod = await loginAs(t.app, t.db, 'moderator');
    const page = await mod.agent.get(articlePath(article)).expect(200);
    const res = await mod.agent
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), naam: 'Mod', email: mod.email, reactie: 'Namens de koning.', namens: 'de koning' });
    assert.equal(res.status, 403);
    assert.match(res.text, /Namens de koning\.<\/textarea>/);
    assert.equal(Number((await t.db('reacties').where({ article_id: article.id }).count({ n: '*' }).first())?.n), 0);
  });

  it('offers the roles of the setting, and none when it is empty', async () => {
    await saveSettings(t.db, { reacties: { officialRoles: 'het college van B&W\n' } });
    const article = await buildArticle(t.db);
    const ed = await loginAs(t.app, t.db, 'chief');
    const page = await ed.agent.get(articlePath(article)).expect(200);
    assert.match(page.text, /namens het college van B&amp;W/);
    assert.doesNotMatch(page.text, /namens de redactie/);
    await saveSettings(t.db, { reacties: { officialRoles: '' } });
    assert.doesNotMatch((await ed.agent.get(articlePath(article)).expect(200)).text, /veld-namens/);
    await saveSettings(t.db, { reacties: { officialRoles: 'de redactie' } });
  });

  it('offers "namens het college" only after an admin adds it in the settings', async () => {
    const article = await buildArticle(t.db);
    const ed = await loginAs(t.app, t.db, 'chief');
    const before = (await ed.agent.get(articlePath(article)).expect(200)).text;
    assert.deepEqual(
      [...before.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]),
      ['de redactie'],
    );
    const mod = await loginAs(t.app, t.db, 'moderator');
    const page = await mod.agent.get(articlePath(article)).expect(200);
    const refused = await mod.agent
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send({
        _token: hiddenInput(page.text, '_token'),
        naam: 'Mod',
        email: mod.email,
        reactie: 'Namens het college: dit gaat door.',
        namens: 'het college',
      });
    assert.equal(refused.status, 403, 'not a role of the default setting');

    // A moderator may change the other settings, but cannot give themselves another badge.
    const form = await mod.agent.get('/beheer/instellingen').expect(200);
    assert.match(form.text, /<textarea id="namensRollen" name="namensRollen"[^>]* readonly/);
    assert.match(form.text, /Alleen een beheerder kan dit wijzigen\./);
    await mod.agent
      .post('/beheer/instellingen')
      .type('form')
      .send({
        ...settingsFormWith({ namensRollen: 'de redactie\nhet college', sluitNaDagen: '21' }),
        _csrf: hiddenInput(form.text, '_csrf'),
      })
      .expect(303);
    assert.deepEqual((await loadSettings(t.db)).reacties, { closeAfterDays: 21, officialRoles: 'de redactie' });
    assert.equal(
      (
        await mod.agent
          .post(`${articlePath(article)}/reacties`)
          .type('form')
          .send({
            _token: hiddenInput((await mod.agent.get(articlePath(article)).expect(200)).text, '_token'),
            naam: 'Mod',
            email: mod.email,
            reactie: 'Namens het college: toch maar.',
            namens: 'het college',
          })
      ).status,
      403,
    );
    await saveSettings(t.db, { reacties: { closeAfterDays: 0 } });

    await saveSettingsForm(t.app, t.db, { namensRollen: 'de redactie\nhet college' });
    const after = (await ed.agent.get(articlePath(article)).expect(200)).text;
    assert.match(after, /<option value="het college">namens het college<\/option>/);
    await saveSettings(t.db, { reacties: { officialRoles: 'de redactie' } });
  });
});

describe('participation: reacties close by themselves', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    t.setNow(undefined);
    await saveSettings(t.db, { reacties: { closeAfterDays: 0 } });
  });
  after(async () => t.close());

  it('closes after the setting’s days with a visible note, and refuses a post with the text kept', async () => {
    await saveSettings(t.db, { reacties: { closeAfterDays: 10 } });
    const old = await buildArticle(t.db, { publishedAt: new Date(Date.now() - 11 * DAY) });
    const fresh = await buildArticle(t.db, { publishedAt: new Date(Date.now() - 9 * DAY) });
    // A form opened before the close moment, sent after it.
    t.setNow(new Date(Date.now() - 2 * DAY));
    const agent = request.agent(t.app);
    const form = await agent.get(articlePath(old)).expect(200);
    t.setNow(undefined);
    const oldPage = await request(t.app).get(articlePath(old)).expect(200);
    assert.match(oldPage.text, /Reageren is gesloten sinds <time datetime="[^"]+">\d+ \w+ \d{4} om \d\d:\d\d<\/time>\./);
    assert.doesNotMatch(oldPage.text, /class="reactie-form"/);
    assert.match((await request(t.app).get(articlePath(fresh)).expect(200)).text, /class="reactie-form"/);
    // The open data says the same.
    assert.equal((await request(t.app).get(`/api/v1/artikelen/${old.id}`).expect(200)).body.data.reacties_open, false);
    assert.equal((await request(t.app).get(`/api/v1/artikelen/${fresh.id}`).expect(200)).body.data.reacties_open, true);

    const res = await agent
      .post(`${articlePath(old)}/reacties`)
      .type('form')
      .send({ _token: hiddenInput(form.text, '_token'), naam: 'Laat', email: 'laat@example.nl', reactie: 'Net te laat.' });
    assert.equal(res.status, 403);
    assert.match(res.text, /Net te laat\.<\/textarea>/);
  });

  it('follows an article’s own days over the setting: 0 never closes, a number closes sooner or later', async () => {
    await saveSettings(t.db, { reacties: { closeAfterDays: 10 } });
    const never = await buildArticle(t.db, { publishedAt: new Date(Date.now() - 400 * DAY), reactiesCloseAfterDays: 0 });
    const sooner = await buildArticle(t.db, { publishedAt: new Date(Date.now() - 3 * DAY), reactiesCloseAfterDays: 2 });
    const later = await buildArticle(t.db, { publishedAt: new Date(Date.now() - 20 * DAY), reactiesCloseAfterDays: 30 });
    assert.match((await request(t.app).get(articlePath(never)).expect(200)).text, /class="reactie-form"/);
    assert.match((await request(t.app).get(articlePath(sooner)).expect(200)).text, /Reageren is gesloten sinds/);
    assert.match((await request(t.app).get(articlePath(later)).expect(200)).text, /class="reactie-form"/);
  });

  it('never serves a kept page with the form past the close moment', async () => {
    await saveSettings(t.db, { reacties: { closeAfterDays: 10 } });
    const now = Date.now();
    const article = await buildArticle(t.db, { publishedAt: new Date(now - 10 * DAY + 60 * 60 * 1000) });
    t.setNow(new Date(now));
    const first = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(first.text, /class="reactie-form"/);
    assert.match((await request(t.app).get(articlePath(article)).expect(200)).text, /class="reactie-form"/, 'kept');
    t.setNow(new Date(now + 2 * 60 * 60 * 1000));
    const closed = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(closed.text, /Reageren is gesloten sinds/);
  });

  it('a new setting on /beheer/instellingen reaches pages kept before it', async () => {
    const article = await buildArticle(t.db, { publishedAt: new Date(Date.now() - 5 * DAY) });
    assert.match((await request(t.app).get(articlePath(article)).expect(200)).text, /class="reactie-form"/);
    await saveSettingsForm(t.app, t.db, { sluitNaDagen: '3' });
    assert.match((await request(t.app).get(articlePath(article)).expect(200)).text, /Reageren is gesloten sinds/);
  });

  it('takes an article’s own days in the editor, and refuses a wrong number with 422 and a Dutch message', async () => {
    const ed = await loginAs(t.app, t.db, 'chief');
    const base = { ...ARTICLE_FORM, _csrf: ed.csrf, soort: 'nieuws', tekst: 'Tekst.' };
    const wrong = await ed.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ ...base, titel: 'Sluit fout', reacties_sluiten_na: 'twee' });
    assert.equal(wrong.status, 422);
    assert.match(wrong.text, /Vul een aantal dagen in van 0 tot en met 3650/);
    assert.match(wrong.text, /value="twee"/);
    await ed.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ ...base, titel: 'Sluit na vijf', reacties_sluiten_na: '5' })
      .expect(303);
    const saved = await findArticleBySlug(t.db, 'sluit-na-vijf');
    assert.equal(saved?.reactiesCloseAfterDays, 5);
    const form = await ed.agent.get(`/beheer/artikelen/${saved.id}`).expect(200);
    assert.match(form.text, /name="reacties_sluiten_na"[^>]*value="5"|value="5"[^>]*name="reacties_sluiten_na"/);
  });
});
