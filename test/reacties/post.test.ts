import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';
import { siteReactieTotal } from '../../server/reacties/counters';

describe('posting a reactie', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('holds a first reactie: only its author sees it, with the notice', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = request.agent(t.app);
    const res = await postReactieForm(author, path, { naam: 'Marieke', email: 'marieke@example.nl', reactie: 'Eerste!\n\nNieuwe alinea' });
    assert.equal(res.status, 303);
    assert.match(res.headers.location, new RegExp(`^${path}\\?reacties=1#reactie-\\d+$`));

    const own = await author.get(path).expect(200);
    assert.match(own.text, /Je reactie wacht op goedkeuring/);
    assert.match(own.text, /<p>Eerste!<\/p><p>Nieuwe alinea<\/p>/);

    const other = await request(t.app).get(path).expect(200);
    assert.doesNotMatch(other.text, /Marieke/);
    assert.match(other.text, /Nog geen reacties/);
    assert.equal(await siteReactieTotal(t.db), 0);
  });

  it('publishes at once when the address had an approved reactie before, and counts it', async () => {
    const article = await buildArticle(t.db);
    await buildReactie(t.db, article, { authorEmail: 'vaste@example.nl', status: 'approved' });
    const before = await siteReactieTotal(t.db);
    const res = await postReactieForm(request.agent(t.app), articlePath(article), {
      naam: 'Vaste Bezoeker',
      email: 'Vaste@Example.nl',
      reactie: 'Weer ik.',
    });
    assert.equal(res.status, 303);
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(page.text, /Vaste Bezoeker/);
    assert.match(page.text, /2 reacties/);
    assert.equal(await siteReactieTotal(t.db), before + 1);
  });

  it('comes back with 422, the text kept and a Dutch message next to the field', async () => {
    const article = await buildArticle(t.db);
    const res = await postReactieForm(request.agent(t.app), articlePath(article), {
      naam: '',
      email: 'geen-adres',
      website: 'javascript:alert(1)',
      reactie: 'Mijn <b>tekst</b> blijft',
    });
    assert.equal(res.status, 422);
    assert.match(res.text, /Vul je naam in\./);
    assert.match(res.text, /Dit lijkt geen geldig e-mailadres/);
    assert.match(res.text, /Alleen webadressen die met http:\/\/ of https:\/\/ beginnen/);
    assert.match(res.text, /Mijn &lt;b&gt;tekst&lt;\/b&gt; blijft<\/textarea>/);
    assert.match(res.text, /value="geen-adres"/);
  });

  it('refuses a reactie of 5.001 characters and accepts one of 5.000', async () => {
    const article = await buildArticle(t.db);
    const tooLong = await postReactieForm(request.agent(t.app), articlePath(article), { reactie: 'a'.repeat(5001) });
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.text, /hoogstens 5\.000 tekens/);
    const exact = await postReactieForm(request.agent(t.app), articlePath(article), { reactie: 'a'.repeat(5000) });
    assert.equal(exact.status, 303);
  });

  it('refuses a post without a valid form token, keeping the text', async () => {
    const article = await buildArticle(t.db);
    const res = await request(t.app)
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send({ _token: 'nep.nep', naam: 'A', email: 'a@example.nl', reactie: 'Bewaar mij' });
    assert.equal(res.status, 403);
    assert.match(res.text, /Bewaar mij<\/textarea>/);
  });

  it('refuses posts on a closed article with a clear message', async () => {
    const article = await buildArticle(t.db, { reactiesOpen: false });
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(page.text, /Reacties zijn gesloten/);
    assert.doesNotMatch(page.text, /Plaats reactie/);
    const res = await request(t.app)
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send({ naam: 'A', email: 'a@example.nl', reactie: 'Toch iets' });
    assert.equal(res.status, 403);
    assert.match(res.text, /Reacties zijn gesloten/);
    assert.match(res.text, /Toch iets/);
  });

  it('answers 404 for an unknown article', async () => {
    await request(t.app).post('/2020/01/bestaat-niet/reacties').type('form').send({ naam: 'A' }).expect(404);
    await request(t.app).get('/2020/01/bestaat-niet').expect(404);
  });

  it('refuses a reply to a reactie on another article, keeping the text', async () => {
    const a = await buildArticle(t.db);
    const b = await buildArticle(t.db);
    const onB = await buildReactie(t.db, b);
    const res = await postReactieForm(request.agent(t.app), articlePath(a), { antwoord_op: String(onB), reactie: 'Antwoord op elders' });
    assert.equal(res.status, 404);
    assert.match(res.text, /bestaat niet \(meer\) of staat niet bij dit artikel/);
    assert.match(res.text, /Antwoord op elders<\/textarea>/);
  });

  it('turns URLs into nofollow links and never interprets HTML', async () => {
    const article = await buildArticle(t.db);
    await buildReactie(t.db, article, { body: 'Zie https://www.helmond.nl/raad en <script>alert(1)</script>' });
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(page.text, /<a href="https:\/\/www.helmond.nl\/raad" rel="nofollow ugc noopener">https:\/\/www.helmond.nl\/raad<\/a>/);
    assert.match(page.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('gives anonymous readers no cookie', async () => {
    const article = await buildArticle(t.db);
    const res = await request(t.app).get(articlePath(article)).expect(200);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match(res.headers['cache-control'], /public/);
  });
});

describe("remembering a resident's details", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('fills name, e-mail and website next time only with consent, and forgets them when unticked', async () => {
    const article = await buildArticle(t.db);
    const without = request.agent(t.app);
    const first = await postReactieForm(without, articlePath(article), { naam: 'Zonder Vinkje', email: 'zonder@example.nl' });
    assert.doesNotMatch(String(first.headers['set-cookie'] ?? ''), /stadslog_onthoud/);
    assert.doesNotMatch((await without.get(articlePath(article))).text, /value="zonder@example.nl"/);

    const withConsent = request.agent(t.app);
    const res = await postReactieForm(withConsent, articlePath(article), {
      naam: 'Met Vinkje',
      email: 'met@example.nl',
      website: 'https://met.example',
      onthoud: 'ja',
    });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('stadslog_onthoud='));
    assert.ok(cookie && /HttpOnly/i.test(cookie) && /SameSite=Lax/i.test(cookie));
    const again = await withConsent.get(articlePath(article));
    assert.match(again.text, /id="veld-naam" name="naam" type="text" value="Met Vinkje"/);
    assert.match(again.text, /value="met@example.nl"/);
    assert.match(again.text, /value="https:\/\/met.example"/);
    assert.match(again.text, /name="onthoud" type="checkbox" value="ja" checked/);
    assert.match(again.headers['cache-control'], /private/, 'a personal page is not cached publicly');

    const forget = await postReactieForm(withConsent, articlePath(article), { naam: 'Met Vinkje', email: 'met@example.nl' });
    assert.match(String(forget.headers['set-cookie']), /stadslog_onthoud=;/);
  });
});
