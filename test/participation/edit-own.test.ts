// A resident edits or withdraws their own reactie for 15 minutes, from the browser that posted it:
// the rules (who, until when, which statuses), the spam checks on an edit of a published reactie,
// a held edit decided by a moderator, counters and the page cache through it all.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs, postReactieForm, type Agent } from '../helpers/http';
import { checks, FAKE_KEY, startFakeAkismet, type FakeAkismet } from '../helpers/fake-akismet';
import { articlePath, type Article } from '../../server/articles/queries';
import { countVisibleReacties, siteReactieTotal } from '../../server/reacties/counters';

const MINUTE = 60_000;

/** Posts a reactie that is published at once (the address had an approved one), as `agent`. */
async function postApproved(t: TestApp, agent: Agent, article: Article, fields: Record<string, string> = {}): Promise<number> {
  const email = fields.email ?? `vaste-${Math.random().toString(36).slice(2)}@example.nl`;
  await buildReactie(t.db, article, { authorEmail: email, status: 'approved' });
  const res = await postReactieForm(agent, articlePath(article), { email, ...fields });
  assert.equal(res.status, 303, res.text);
  const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
  const row = await t.db('reacties').where({ id }).first('status');
  assert.equal(row.status, 'approved');
  return id;
}

async function editForm(agent: Agent, id: number) {
  const page = await agent.get(`/reactie/${id}/bewerken`).expect(200);
  return { page, token: hiddenInput(page.text, '_token') };
}

async function countsExact(t: TestApp, article: Article): Promise<void> {
  const row = await t.db('articles').where({ id: article.id }).first('reactie_count');
  assert.equal(Number(row.reactie_count), await countVisibleReacties(t.db, article.id), 'stored count equals a count from scratch');
}

describe('participation: editing and withdrawing one’s own reactie', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.setNow(undefined));
  after(async () => t.close());

  it('lets the author change a published reactie, shows "bewerkt om", and moves the cached page', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = request.agent(t.app);
    const id = await postApproved(t, author, article, { reactie: 'Eerste versie.' });
    // A reader without a cookie gets the kept page: it must not stay on the old text.
    assert.match((await request(t.app).get(path).expect(200)).text, /Eerste versie\./);

    const own = await author.get(path).expect(200);
    assert.match(own.text, new RegExp(`href="/reactie/${id}/bewerken">Bewerken of intrekken`));
    // One list item per action, nothing run together, no space inside a link.
    const actions = /<ul class="reactie-actions">([\s\S]*?)<\/ul>/.exec(own.text.slice(own.text.indexOf(`id="reactie-${id}"`)))![1];
    const items = [...actions.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    assert.equal(items.length, 3, actions);
    assert.match(items[0], /^<a class="reply-link" [^>]*>Beantwoorden<\/a>$/);
    assert.match(
      items[1],
      /^<a class="edit-link" [^>]*>Bewerken of intrekken<\/a>\s+<span class="edit-until">\(kan tot \d\d:\d\d\)<\/span>$/,
    );
    assert.match(items[2], /^<a class="report-link" [^>]*>Melden<span class="visually-hidden"> \(reactie van [^<]+\)<\/span><\/a>$/);
    const { page, token } = await editForm(author, id);
    assert.match(page.text, /Eerste versie\.<\/textarea>/);
    assert.doesNotMatch(page.text, /@example\.nl/, 'no e-mail address on the edit page');

    const res = await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Tweede versie.' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `${path}?reacties=1#reactie-${id}`);
    const after = await request(t.app).get(path).expect(200);
    assert.match(after.text, /Tweede versie\./);
    assert.doesNotMatch(after.text, /Eerste versie\./);
    assert.match(after.text, /bewerkt om <time datetime="[^"]+">\d\d:\d\d<\/time>/);
    assert.doesNotMatch(after.text, /bewerken"/, 'others get no edit link');
    await countsExact(t, article);
  });

  it('refuses another browser (403), a forged form (403), a late edit (410) and an empty text (422), keeping the text', async () => {
    const article = await buildArticle(t.db);
    const author = request.agent(t.app);
    const id = await postApproved(t, author, article, { reactie: 'Mijn tekst.' });
    const { token } = await editForm(author, id);

    const stranger = request.agent(t.app);
    // Opened in another browser, nothing typed: no claim that a change or a text was kept, and the article by name.
    const opened = await stranger.get(`/reactie/${id}/bewerken`).expect(403);
    assert.match(opened.text, /<h2 class="error-summary-title" id="fout-samenvatting-kop">Je kunt deze reactie hier niet bewerken<\/h2>/);
    assert.match(opened.text, /alleen je eigen reactie bewerken of intrekken, in de browser waarmee je hem plaatste\./);
    assert.doesNotMatch(opened.text, /Je wijziging is niet opgeslagen|Je tekst staat hieronder|<textarea/);
    assert.match(opened.text, new RegExp(`<p>Bij <a href="${articlePath(article)}">${article.title}</a>\\.`));
    assert.doesNotMatch(opened.text, /de weblog<\/a>/);
    const other = await stranger.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Overgenomen <b>tekst</b>' });
    assert.equal(other.status, 403);
    assert.match(other.text, /Je wijziging is niet opgeslagen/);
    assert.match(other.text, /alleen je eigen reactie bewerken/);
    assert.match(other.text, /Je tekst staat hieronder nog, zodat je hem kunt bewaren\./);
    assert.match(other.text, /Overgenomen &lt;b&gt;tekst&lt;\/b&gt;<\/textarea>/);
    assert.doesNotMatch(other.text, /Mijn tekst\./, 'the stranger never sees the reactie through this page');

    const forged = await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: 'nep.nep', reactie: 'Bewaar mij' });
    assert.equal(forged.status, 403);
    assert.match(forged.text, /Bewaar mij<\/textarea>/);

    const empty = await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: '   ' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Vul je reactie in/);
    const invisible = await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: '\u200b\n\u3000\u2800' });
    assert.equal(invisible.status, 422);
    assert.match(invisible.text, /Vul je reactie in/);

    t.setNow(new Date(Date.now() + 16 * MINUTE));
    const late = await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Te laat' });
    assert.equal(late.status, 410);
    assert.match(late.text, /15 minuten/);
    assert.match(late.text, /Te laat<\/textarea>/);
    await author.get(`/reactie/${id}/bewerken`).expect(410);
    assert.doesNotMatch((await author.get(articlePath(article)).expect(200)).text, /Bewerken of intrekken/);
    const row = await t.db('reacties').where({ id }).first('body');
    assert.equal(row.body, 'Mijn tekst.');
  });

  it('does not accept a token of another reactie, nor one for the same id with another creation time', async () => {
    const article = await buildArticle(t.db);
    const author = request.agent(t.app);
    const mine = await postApproved(t, author, article);
    const theirs = await buildReactie(t.db, article);
    await author.get(`/reactie/${theirs}/bewerken`).expect(403);
    // The same id, recreated (a restored database): the token was bound to the old creation time.
    await t
      .db('reacties')
      .where({ id: mine })
      .update({ created_at: new Date(Date.now() - 1000) });
    await author.get(`/reactie/${mine}/bewerken`).expect(403);
    await request(t.app).get('/reactie/999999/bewerken').expect(404);
  });

  it('withdraws a reactie without replies: off the page, counts down by one, logged', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = request.agent(t.app);
    const id = await postApproved(t, author, article, { reactie: 'Spijt van.' });
    const before = await siteReactieTotal(t.db);
    const { token } = await editForm(author, id);
    const res = await author.post(`/reactie/${id}/intrekken`).type('form').send({ _token: token });
    assert.equal(res.status, 303);
    // Back at the article, with a message that says it was withdrawn: only for this browser.
    assert.equal(res.headers.location, `${path}?ingetrokken=${id}#ingetrokken`);
    const told = await author.get(`${path}?ingetrokken=${id}`).expect(200);
    assert.match(
      told.text,
      /<p id="ingetrokken" class="flash withdrawn-notice" role="status" tabindex="-1">Je reactie is ingetrokken\.\s+Hij staat niet meer bij dit artikel en telt niet meer mee\.<\/p>/,
    );
    assert.doesNotMatch(told.text, /Spijt van\./);
    for (const reader of [request(t.app), request.agent(t.app)])
      assert.doesNotMatch((await reader.get(`${path}?ingetrokken=${id}`).expect(200)).text, /id="ingetrokken"/, 'nobody else is told');
    const page = await request(t.app).get(path).expect(200);
    assert.doesNotMatch(page.text, /Spijt van\./);
    assert.equal(await siteReactieTotal(t.db), before - 1);
    await countsExact(t, article);
    const row = await t.db('reacties').where({ id }).first('status', 'withdrawn_at');
    assert.equal(row.status, 'trash');
    assert.ok(row.withdrawn_at);
    const log = await t.db('audit_log').where({ action: 'reactie.withdraw', subject_id: id }).first();
    assert.ok(log, 'in the audit log');
    // Gone now: editing it again is a 410, with nothing lost.
    const again = await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Toch weer' });
    assert.equal(again.status, 410);
    assert.match(again.text, /Toch weer<\/textarea>/);
  });

  it('leaves a placeholder when replies hang below it: the replies keep their context and the counts stay exact', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = request.agent(t.app);
    const id = await postApproved(t, author, article, { naam: 'Terugtrekker', reactie: 'Mijn punt.', website: 'https://terug.example' });
    await buildReactie(t.db, article, { parentId: id, body: 'Een antwoord erop.' });
    const before = await siteReactieTotal(t.db);
    const { token } = await editForm(author, id);
    await author.post(`/reactie/${id}/intrekken`).type('form').send({ _token: token }).expect(303);
    assert.match(
      (await author.get(`${path}?ingetrokken=${id}`).expect(200)).text,
      /Je reactie is ingetrokken\.\s+Omdat anderen erop antwoordden, staat op de plek ervan nu “Reactie ingetrokken door de schrijver”\./,
    );
    const page = await request(t.app).get(path).expect(200);
    assert.match(page.text, /Reactie ingetrokken door de schrijver\./);
    assert.match(page.text, /Een antwoord erop\./);
    assert.doesNotMatch(page.text, /Mijn punt\.|Terugtrekker|terug\.example/);
    assert.equal(await siteReactieTotal(t.db), before, 'the placeholder keeps its place, so nothing moves');
    await countsExact(t, article);
    const feed = await request(t.app).get(`${path}/feed`).expect(200);
    assert.doesNotMatch(feed.text, /Mijn punt\.|Terugtrekker/);
  });

  it('lets the author change a held reactie, which stays held', async () => {
    const article = await buildArticle(t.db);
    const author = request.agent(t.app);
    const res = await postReactieForm(author, articlePath(article), { email: 'nieuw@example.nl', reactie: 'Wacht nog.' });
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    const { token } = await editForm(author, id);
    await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Wacht nog, verbeterd.' }).expect(303);
    const row = await t.db('reacties').where({ id }).first('status', 'body');
    assert.deepEqual({ ...row }, { status: 'pending', body: 'Wacht nog, verbeterd.' });
    assert.match((await author.get(articlePath(article)).expect(200)).text, /Wacht nog, verbeterd\./);
  });

  it('refuses an edit of a reactie a moderator trashed (410)', async () => {
    const article = await buildArticle(t.db);
    const author = request.agent(t.app);
    const id = await postApproved(t, author, article);
    const { token } = await editForm(author, id);
    const mod = await loginAs(t.app, t.db, 'moderator');
    await mod.agent.post(`/beheer/reacties/${id}/prullenbak`).type('form').send({ _csrf: mod.csrf }).expect(303);
    const res = await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Na de prullenbak' });
    assert.equal(res.status, 410);
    assert.match(res.text, /Na de prullenbak<\/textarea>/);
  });
});

describe('participation: an edit of a published reactie passes the spam checks again', () => {
  let t: TestApp;
  let fake: FakeAkismet;
  before(async () => {
    fake = await startFakeAkismet('ham');
    t = await createTestApp({ akismet: { key: FAKE_KEY, baseUrl: fake.url, timeoutMs: 2000, isTest: true } });
  });
  after(async () => {
    await t.close();
    await fake.close();
  });

  it('asks Akismet with recheck_reason=edit; a held edit keeps the old text public until a moderator approves', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = request.agent(t.app);
    const id = await postApproved(t, author, article, { reactie: 'Netjes.' });
    fake.mode = 'spam';
    const { token } = await editForm(author, id);
    const held = await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Koop nu goedkope horloges.' });
    assert.equal(held.status, 200);
    assert.match(held.text, /wacht op goedkeuring/);
    const last = checks(fake).at(-1)!;
    assert.equal(last.params.recheck_reason, 'edit');
    assert.equal(last.params.comment_content, 'Koop nu goedkope horloges.');

    const page = await request(t.app).get(path).expect(200);
    assert.match(page.text, /Netjes\./);
    assert.doesNotMatch(page.text, /horloges/);

    const mod = await loginAs(t.app, t.db, 'moderator');
    const queue = await mod.agent.get('/beheer/reacties').expect(200);
    assert.match(queue.text, /1 gewijzigde reactie wacht/);
    const list = await mod.agent.get('/beheer/reacties/wijzigingen').expect(200);
    assert.match(list.text, /Netjes\./);
    assert.match(list.text, /Koop nu goedkope horloges\./);
    await mod.agent.post(`/beheer/reacties/wijzigingen/${id}`).type('form').send({ _csrf: mod.csrf, actie: 'goedkeuren' }).expect(303);
    const approved = await request(t.app).get(path).expect(200);
    assert.match(approved.text, /horloges/);
    assert.match(approved.text, /bewerkt om/);
    await countsExact(t, article);
  });

  it('a rejected held edit leaves the old text; a clean edit is shown at once', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = request.agent(t.app);
    fake.mode = 'ham';
    const id = await postApproved(t, author, article, { reactie: 'Origineel.' });
    fake.mode = 'spam';
    let { token } = await editForm(author, id);
    await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Spamversie.' }).expect(200);
    const mod = await loginAs(t.app, t.db, 'moderator');
    await mod.agent.post(`/beheer/reacties/wijzigingen/${id}`).type('form').send({ _csrf: mod.csrf, actie: 'afwijzen' }).expect(303);
    const page = await request(t.app).get(path).expect(200);
    assert.match(page.text, /Origineel\./);
    assert.doesNotMatch(page.text, /Spamversie/);
    const row = await t.db('reacties').where({ id }).first('pending_body', 'status');
    assert.equal(row.pending_body, null);
    assert.equal(row.status, 'approved');

    fake.mode = 'ham';
    ({ token } = await editForm(author, id));
    await author.post(`/reactie/${id}/bewerken`).type('form').send({ _token: token, reactie: 'Gewoon verbeterd.' }).expect(303);
    assert.match((await request(t.app).get(path).expect(200)).text, /Gewoon verbeterd\./);
    await mod.agent.post(`/beheer/reacties/wijzigingen/${id}`).type('form').send({ _csrf: mod.csrf, actie: 'goedkeuren' }).expect(303);
    const flash = await mod.agent.get('/beheer/reacties/wijzigingen').expect(200);
    assert.match(flash.text, /wacht geen wijziging/);
  });
});
