// The settings page: moderation policy, spam settings, Akismet key check, and who may use it.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, postReactieForm, settingsFormWith } from '../helpers/http';
import { FAKE_KEY, startFakeAkismet, type FakeAkismet } from '../helpers/fake-akismet';
import { articlePath } from '../../server/articles/queries';
import { getSpamSettings } from '../../server/spam/settings';

const valid = settingsFormWith({ minVulTijd: '0', floodSeconden: '0', perMinuut: '100' });

describe('settings', () => {
  let t: TestApp;
  let fake: FakeAkismet;
  before(async () => {
    fake = await startFakeAkismet();
    t = await createTestApp({ akismet: { key: FAKE_KEY, baseUrl: fake.url, timeoutMs: 1000, isTest: true } });
  });
  after(async () => {
    await t.close();
    await fake.close();
  });

  it('holds even a trusted address when the policy is "hold everything"', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'moderator');
    const article = await buildArticle(t.db);
    await buildReactie(t.db, article, { authorEmail: 'bekend@example.nl' });
    await agent
      .post('/beheer/instellingen')
      .type('form')
      .send({ _csrf: csrf, ...valid, moderatie: 'all' })
      .expect(303);
    assert.match((await agent.get('/beheer/instellingen')).text, /Instellingen opgeslagen/);
    await postReactieForm(request.agent(t.app), articlePath(article), { email: 'bekend@example.nl', reactie: 'Ook ik wacht nu' });
    assert.equal((await t.db('reacties').where({ body: 'Ook ik wacht nu' }).first()).status, 'pending');
    await agent
      .post('/beheer/instellingen')
      .type('form')
      .send({ _csrf: csrf, ...valid })
      .expect(303);
    await postReactieForm(request.agent(t.app), articlePath(article), { email: 'bekend@example.nl', reactie: 'En nu direct' });
    assert.equal((await t.db('reacties').where({ body: 'En nu direct' }).first()).status, 'approved');
  });

  it('saves the spam settings, and refuses bad numbers with 422, keeping what was typed', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'admin');
    await agent
      .post('/beheer/instellingen')
      .type('form')
      .send({ _csrf: csrf, ...valid, verbodenWoorden: 'casino\nloterij', maxLinks: '3' })
      .expect(303);
    const saved = await getSpamSettings(t.db);
    assert.equal(saved.disallowedWords, 'casino\nloterij');
    assert.equal(saved.maxLinks, 3);
    const bad = await agent
      .post('/beheer/instellingen')
      .type('form')
      .send({ _csrf: csrf, ...valid, maxLinks: 'veel', moderatieWoorden: 'wethouder' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Aantal links: vul een geheel getal van 1 tot 100 in/);
    assert.match(bad.text, />wethouder<\/textarea>/);
    assert.equal((await getSpamSettings(t.db)).maxLinks, 3);
  });

  it('checks the Akismet key', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'moderator');
    const res = await agent.post('/beheer/instellingen/akismet-controleren').type('form').send({ _csrf: csrf }).expect(200);
    assert.match(res.text, /De Akismet-sleutel werkt\./);
    assert.ok(fake.requests.some((r) => r.path === '/1.1/verify-key'));
  });

  it('is for moderators and admins, not editors', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    await agent.get('/beheer/instellingen').expect(403);
    await agent
      .post('/beheer/instellingen')
      .type('form')
      .send({ _csrf: csrf, ...valid, moderatie: 'all' })
      .expect(403);
    await request(t.app).get('/beheer/instellingen').expect(302);
  });
});
