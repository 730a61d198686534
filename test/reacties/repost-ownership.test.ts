// A post that repeats a stored reactie (same article, same e-mail address, same text) leads back to
// that reactie only in the browser that placed it. Anyone else who knows an author's address and the
// public text of their reactie is refused as a duplicate: no edit token, no withdrawal, no look at a
// held reactie, and never under an official badge.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';

const DUPLICATE = /Deze reactie heb je al geplaatst bij dit artikel/;

function setCookies(res: request.Response): string[] {
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []);
}

function reactieIdOf(res: request.Response): number {
  assert.equal(res.status, 303, res.text);
  return Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
}

describe('reacties: a repeated post leads back only in the browser that placed it', () => {
  let t: TestApp;
  let ip = 0;
  before(async () => {
    t = await createTestApp({ trustProxy: 1 });
  });
  after(async () => t.close());

  /** A browser of its own, from an address of its own. */
  function browser(): { agent: Agent; address: string } {
    return { agent: request.agent(t.app), address: `198.51.100.${++ip}` };
  }

  /** Posts the reactie form as `who` (a fresh page, so a fresh form token). */
  async function post(who: { agent: Agent; address: string }, article: Article, fields: Record<string, string>) {
    const path = articlePath(article);
    const page = await who.agent.get(path).set('X-Forwarded-For', who.address).expect(200);
    return who.agent
      .post(`${path}/reacties`)
      .set('X-Forwarded-For', who.address)
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), website: '', antwoord_op: '', ...fields });
  }

  /** Tries to change and to withdraw reactie `id` as `who`: both must be refused, the reactie unchanged. */
  async function cannotTouch(who: { agent: Agent; address: string }, id: number, body: string) {
    const edit = await who.agent.get(`/reactie/${id}/bewerken`).set('X-Forwarded-For', who.address);
    assert.equal(edit.status, 403);
    assert.doesNotMatch(edit.text, new RegExp(body.replace(/[.?]/g, '\\$&')), 'the edit page never shows the reactie');
    // A genuine form token, so what is refused is the browser, not the form.
    const token = t.deps.formTokens.issue(`bewerk:${id}`);
    const changed = await who.agent
      .post(`/reactie/${id}/bewerken`)
      .set('X-Forwarded-For', who.address)
      .type('form')
      .send({ _token: token, reactie: 'Overgenomen tekst.' });
    assert.equal(changed.status, 403);
    assert.match(changed.text, /alleen je eigen reactie bewerken/);
    const withdrawn = await who.agent
      .post(`/reactie/${id}/intrekken`)
      .set('X-Forwarded-For', who.address)
      .type('form')
      .send({ _token: token });
    assert.equal(withdrawn.status, 403);
    const row = await t.db('reacties').where({ id }).first('body', 'status', 'edited_at', 'withdrawn_at');
    assert.equal(row.body, body);
    assert.notEqual(row.status, 'trash');
    assert.equal(row.edited_at, null);
    assert.equal(row.withdrawn_at, null);
  }

  it('refuses a second browser re-posting an official reply with the editor’s address: no token, no edit, no badge', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const ed = await loginAs(t.app, t.db, 'chief');
    const page = await ed.agent.get(path).expect(200);
    const body = 'Namens de redactie: de vergadering gaat door.';
    const official = await ed.agent
      .post(`${path}/reacties`)
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), naam: 'Redactie', email: ed.email, reactie: body, namens: 'de redactie' });
    const id = reactieIdOf(official);

    for (const email of [ed.email, `  ${ed.email.toUpperCase()} `]) {
      const attacker = browser();
      const res = await post(attacker, article, { naam: 'Redactie', email, reactie: body });
      assert.equal(res.status, 409, `refused for ${JSON.stringify(email)}`);
      assert.match(res.text, DUPLICATE);
      assert.match(res.text, /Namens de redactie: de vergadering gaat door\.<\/textarea>/, 'the typed text is kept');
      assert.ok(!setCookies(res).some((c) => c.startsWith('stadslog_eigen=')), 'no own-reacties cookie, so no edit token');
      await cannotTouch(attacker, id, body);
      const seen = await attacker.agent.get(path).set('X-Forwarded-For', attacker.address).expect(200);
      assert.doesNotMatch(seen.text, /Bewerken of intrekken/);
    }
    assert.equal((await t.db('reacties').where({ article_id: article.id })).length, 1, 'nothing stored twice');
  });

  it('refuses a second browser re-posting a resident’s held reactie: it does not see it, cannot edit or withdraw it', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = browser();
    const body = 'Het fietspad bij de school is te smal.';
    const id = reactieIdOf(await post(author, article, { naam: 'Renée de Wit', email: 'renee@example.nl', reactie: body }));
    assert.equal((await t.db('reacties').where({ id }).first('status')).status, 'pending');

    for (const email of ['renee@example.nl', 'Renee@Example.NL', ' RENEE@example.nl\t']) {
      const attacker = browser();
      const res = await post(attacker, article, { naam: 'Renée de Wit', email, reactie: body });
      assert.equal(res.status, 409, `refused for ${JSON.stringify(email)}`);
      assert.match(res.text, DUPLICATE);
      assert.match(res.text, /Het fietspad bij de school is te smal\.<\/textarea>/);
      assert.doesNotMatch(res.text, /wacht op goedkeuring/);
      const seen = await attacker.agent.get(path).set('X-Forwarded-For', attacker.address).expect(200);
      assert.doesNotMatch(seen.text, /Het fietspad bij de school/, 'a held reactie stays with its author');
      await cannotTouch(attacker, id, body);
    }
    // The author still sees it, and may still change it.
    const own = await author.agent.get(path).set('X-Forwarded-For', author.address).expect(200);
    assert.match(own.text, /Het fietspad bij de school is te smal\./);
    await author.agent.get(`/reactie/${id}/bewerken`).set('X-Forwarded-For', author.address).expect(200);
  });

  it('refuses a second browser re-posting a published reactie, which it then cannot withdraw', async () => {
    const article = await buildArticle(t.db);
    const author = browser();
    const body = 'Goed dat de markt blijft.';
    // An address with an approved reactie is published at once.
    await buildReactie(t.db, article, { authorEmail: 'piet@example.nl', status: 'approved' });
    const id = reactieIdOf(await post(author, article, { naam: 'Piet', email: 'piet@example.nl', reactie: body }));
    assert.equal((await t.db('reacties').where({ id }).first('status')).status, 'approved');
    const attacker = browser();
    const res = await post(attacker, article, { naam: 'Piet', email: 'PIET@example.nl', reactie: body });
    assert.equal(res.status, 409);
    assert.match(res.text, DUPLICATE);
    await cannotTouch(attacker, id, body);
    assert.match((await request(t.app).get(articlePath(article)).expect(200)).text, /Goed dat de markt blijft\./);
  });

  it('leads the browser that placed it back to its own reactie, which it may still edit', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = browser();
    const body = 'Twee keer verstuurd na een trage verbinding.';
    const first = await post(author, article, { naam: 'Ans', email: 'ans@example.nl', reactie: body });
    const id = reactieIdOf(first);
    // The same browser, a reloaded page (a new form token), the address typed differently.
    const again = await post(author, article, { naam: 'Ans', email: ' ANS@example.nl ', reactie: body });
    assert.equal(again.status, 303);
    assert.equal(again.headers.location, first.headers.location);
    assert.equal((await t.db('reacties').where({ article_id: article.id })).length, 1);
    const own = await author.agent.get(path).set('X-Forwarded-For', author.address).expect(200);
    assert.match(own.text, /Twee keer verstuurd na een trage verbinding\./);
    await author.agent.get(`/reactie/${id}/bewerken`).set('X-Forwarded-For', author.address).expect(200);
    // An editor's official reply sent twice from one page (the answer to the first click was slow): led back too.
    const ed = await loginAs(t.app, t.db, 'chief');
    const page = await ed.agent.get(path).expect(200);
    const official = {
      _token: hiddenInput(page.text, '_token'),
      naam: 'Redactie',
      email: ed.email,
      reactie: 'Dubbel verstuurd.',
      namens: 'de redactie',
    };
    const a = await ed.agent.post(`${path}/reacties`).type('form').send(official);
    const b = await ed.agent.post(`${path}/reacties`).type('form').send(official);
    assert.equal(b.status, 303);
    assert.equal(b.headers.location, a.headers.location);
    assert.equal((await t.db('reacties').where({ body: 'Dubbel verstuurd.' })).length, 1);
  });

  it('leads nobody else back through the form token either (a page a shared cache gave to two readers)', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const page = await request(t.app).get(path).expect(200);
    const form = {
      _token: hiddenInput(page.text, '_token'),
      naam: 'Kees',
      email: 'kees@example.nl',
      website: '',
      antwoord_op: '',
      reactie: 'Eén pagina, twee lezers.',
    };
    const author = browser();
    reactieIdOf(await author.agent.post(`${path}/reacties`).set('X-Forwarded-For', author.address).type('form').send(form));
    const other = browser();
    const res = await other.agent.post(`${path}/reacties`).set('X-Forwarded-For', other.address).type('form').send(form);
    assert.equal(res.status, 409);
    assert.match(res.text, DUPLICATE);
    assert.ok(!setCookies(res).some((c) => c.startsWith('stadslog_eigen=')));
  });
});
