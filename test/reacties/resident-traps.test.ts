// What an honest resident who does something slightly unusual gets: a quick fix after a form
// error, a reply in a thread a moderator has since pruned. Never silently marked as spam, never
// a reply acknowledged and then never shown.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { DEFAULT_SPAM_SETTINGS } from '../../server/spam/settings';

describe('reacties: residents who do something slightly unusual', () => {
  let t: TestApp;
  let article: Article;
  before(async () => {
    t = await createTestApp({ trustProxy: 1 }, { ...DEFAULT_SPAM_SETTINGS });
  });
  after(async () => t.close());
  beforeEach(async () => {
    article = await buildArticle(t.db);
    t.setNow(undefined);
  });

  const path = () => articlePath(article);
  let ipSeq = 0;

  it('counts the fill time from when the form was first shown, through an error page', async () => {
    const agent = request.agent(t.app);
    const ip = `203.0.113.${++ipSeq}`;
    const shown = Date.now();
    const page = await agent.get(path()).set('X-Forwarded-For', ip);
    const fields = {
      naam: 'Truus',
      email: 'truus@voorbeeld',
      website: '',
      reactie: 'Een zorgvuldig geschreven reactie.',
      antwoord_op: '',
      url: '',
    };
    // Forty seconds of typing, then a typo in the address.
    t.setNow(new Date(shown + 40_000));
    const error = await agent
      .post(`${path()}/reacties`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), ...fields });
    assert.equal(error.status, 422);
    // Fixed within two seconds of the error page.
    t.setNow(new Date(shown + 42_000));
    const fixed = await agent
      .post(`${path()}/reacties`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ _token: hiddenInput(error.text, '_token'), ...fields, email: 'truus@voorbeeld.nl' });
    assert.equal(fixed.status, 303);
    const row = await t.db('reacties').where({ author_email: 'truus@voorbeeld.nl' }).first();
    assert.equal(row.status, 'pending', 'waits for a moderator like any first reactie');
    assert.deepEqual(JSON.parse(row.spam_checks).hits, [], 'the fill-time check did not fire');
  });

  it('holds a reactie sent seconds after the page opened (a prepared text pasted), but does not mark it spam', async () => {
    const agent = request.agent(t.app);
    const ip = `203.0.113.${++ipSeq}`;
    const page = await agent.get(path()).set('X-Forwarded-For', ip);
    t.setNow(new Date(Date.now() + 1500));
    const res = await agent
      .post(`${path()}/reacties`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({
        _token: hiddenInput(page.text, '_token'),
        naam: 'Kees',
        email: 'kees@voorbeeld.nl',
        website: '',
        reactie: 'Mijn voorbereide inspraakreactie over de Markt.',
        antwoord_op: '',
        url: '',
      });
    assert.equal(res.status, 303);
    const row = await t.db('reacties').where({ author_email: 'kees@voorbeeld.nl' }).first();
    assert.equal(row.status, 'pending');
  });

  it('refuses a reply to an approved reactie whose parent a moderator trashed, saying why and keeping the text', async () => {
    const top = await buildReactie(t.db, article, { status: 'approved' });
    const middle = await buildReactie(t.db, article, { status: 'approved', parentId: top });
    await t.db('reacties').where({ id: top }).update({ status: 'trash', previous_status: 'approved' });
    const agent = request.agent(t.app);
    const page = await agent.get(path());
    t.setNow(new Date(Date.now() + 30_000));
    const before = Number((await t.db('reacties').count({ n: '*' }).first())!.n);
    const res = await agent
      .post(`${path()}/reacties`)
      .type('form')
      .send({
        _token: hiddenInput(page.text, '_token'),
        naam: 'Piet',
        email: 'piet@voorbeeld.nl',
        website: '',
        reactie: 'Mijn antwoord op een verdwenen draad',
        antwoord_op: String(middle),
        url: '',
      });
    assert.equal(res.status, 404);
    assert.match(res.text, /De reactie waarop je antwoordt bestaat niet \(meer\)/);
    assert.match(res.text, /Mijn antwoord op een verdwenen draad<\/textarea>/);
    assert.equal(Number((await t.db('reacties').count({ n: '*' }).first())!.n), before, 'nothing stored that would never be shown');
  });

  it('accepts a reply in a thread of the resident’s own held reacties', async () => {
    const agent = request.agent(t.app);
    let minutes = 0;
    const post = async (fields: Record<string, string>) => {
      const page = await agent.get(path());
      t.setNow(new Date(Date.now() + ++minutes * 60_000));
      const res = await agent
        .post(`${path()}/reacties`)
        .type('form')
        .send({
          _token: hiddenInput(page.text, '_token'),
          naam: 'Els',
          email: 'els@voorbeeld.nl',
          website: '',
          antwoord_op: '',
          url: '',
          ...fields,
        });
      t.setNow(undefined);
      return res;
    };
    const approved = await buildReactie(t.db, article, { status: 'approved' });
    const first = await post({ reactie: 'Eerste antwoord', antwoord_op: String(approved) });
    assert.equal(first.status, 303);
    const firstId = /#reactie-(\d+)$/.exec(first.headers.location)![1];
    const second = await post({ reactie: 'Aanvulling op mijn eigen antwoord', antwoord_op: firstId });
    assert.equal(second.status, 303);
    const page = await agent.get(path());
    assert.match(page.text, /Aanvulling op mijn eigen antwoord/);
  });
});
