// The queue for a busy morning: sorted by the learning filter's score, a whole page as spam in one
// click, decisions answered as JSON for the script, and the tab counts it reads.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs, type Agent } from '../helpers/http';
import type { Article } from '../../server/articles/queries';

describe('moderation queue: volume', () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string };
  let article: Article;
  before(async () => {
    t = await createTestApp();
    mod = await loginAs(t.app, t.db, 'moderator');
    article = await buildArticle(t.db);
  });
  after(async () => t.close());

  const scored = (body: string, score: number | null) =>
    buildReactie(t.db, article, {
      status: 'pending',
      body,
      columns: {
        spam_score: score,
        spam_checks: JSON.stringify({ local: 'hold', outcome: 'hold', hits: [], ...(score === null ? {} : { score }) }),
      },
    });
  const order = (html: string) => [...html.matchAll(/data-reactie-id="(\d+)"/g)].map((m) => Number(m[1]));

  it('sorts by spam score on request, unscored last, and shows each score in Dutch', async () => {
    const low = await scored('Laag', 0.12);
    const high = await scored('Hoog', 0.87);
    const none = await scored('Geen score', null);
    const mid = await scored('Midden', 0.55);
    const byScore = (await mod.agent.get('/beheer/reacties?sorteer=spamkans').expect(200)).text;
    assert.deepEqual(order(byScore), [high, mid, low, none]);
    assert.match(byScore, /<span class="spam-score suspect">waarschijnlijk spam \(0,87\)<\/span>/);
    assert.match(byScore, /<span class="spam-score">spamkans 0,12<\/span>/);
    assert.match(byScore, /<strong aria-current="true">hoogste spamkans eerst<\/strong>/);
    const newest = (await mod.agent.get('/beheer/reacties').expect(200)).text;
    assert.deepEqual(order(newest), [mid, none, high, low]);
    // The sort survives the tab links.
    assert.match(byScore, /href="\/beheer\/reacties\?sorteer=spamkans&amp;status=spam"/);
  });

  it('marks everything on this page as spam with one click, and nothing on other pages', async () => {
    const page = (await mod.agent.get('/beheer/reacties').expect(200)).text;
    const onPage = order(page);
    assert.match(page, /Alles op deze pagina als spam \(<span data-page-count>4<\/span>\)/);
    const form = /<form method="post" action="\/beheer\/reacties\/bulk" class="page-spam"[\s\S]*?<\/form>/.exec(page)![0];
    const ids = [...form.matchAll(/name="ids" value="(\d+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids.map(Number), onPage);
    const res = await mod.agent
      .post('/beheer/reacties/bulk')
      .type('form')
      .send(`_csrf=${encodeURIComponent(mod.csrf)}&terug=%2Fbeheer%2Freacties&actie=spam&${ids.map((id) => `ids=${id}`).join('&')}`);
    assert.equal(res.status, 303);
    const statuses = await t.db('reacties').whereIn('id', onPage).pluck('status');
    assert.deepEqual([...new Set(statuses)], ['spam']);
    assert.match((await mod.agent.get('/beheer/reacties')).text, /4 reacties zijn als spam gemarkeerd\./);
    // The spam tab has no such button: those are spam already.
    assert.doesNotMatch((await mod.agent.get('/beheer/reacties?status=spam')).text, /Alles op deze pagina als spam/);
  });

  it('answers the script with JSON and counts, and still redirects a plain form', async () => {
    const id = await scored('Voor het script', 0.3);
    const page = (await mod.agent.get('/beheer/reacties').expect(200)).text;
    const csrf = hiddenInput(page, '_csrf');
    const before = (await mod.agent.get('/beheer/reacties/aantallen').set('Accept', 'application/json').expect(200)).body as Record<
      string,
      number
    >;
    const res = await mod.agent
      .post(`/beheer/reacties/${id}/goedkeuren`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: csrf, terug: '/beheer/reacties' });
    assert.equal(res.status, 200);
    const name = (await t.db('reacties').where({ id }).first('author_name')).author_name as string;
    assert.deepEqual(res.body, { ok: true, message: `De reactie van ${name} is goedgekeurd.` });
    const after = (await mod.agent.get('/beheer/reacties/aantallen').expect(200)).body as Record<string, number>;
    assert.equal(after.pending, before.pending - 1);
    assert.equal(after.approved, before.approved + 1);
    const again = await mod.agent
      .post(`/beheer/reacties/${id}/goedkeuren`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: csrf, terug: '/beheer/reacties' });
    assert.equal(again.status, 409);
    assert.equal(
      again.body.message,
      `De reactie van ${name} is niet goedgekeurd: die staat nu bij Goedgekeurd. Misschien was een andere moderator je voor.`,
    );
    // A background request does not swallow the message meant for the next page.
    await mod.agent.post('/beheer/reacties/bulk').type('form').send({ _csrf: csrf, terug: '/beheer/reacties', actie: 'spam' });
    await mod.agent.get('/beheer/reacties/aantallen').set('Accept', 'application/json').expect(200);
    assert.match((await mod.agent.get('/beheer/reacties')).text, /Selecteer eerst een of meer reacties\./);
    // The counts follow the search filter of the page.
    const searched = (await mod.agent.get('/beheer/reacties/aantallen?q=Voor%20het%20script').expect(200)).body as Record<string, number>;
    assert.deepEqual(searched, { pending: 0, approved: 1, spam: 0, trash: 0, meldingen: 0 });
  });

  it('reads what waits once for the page (its menu and its tabs), and none of it for the counts the script asks', async () => {
    const reported = await scored('Gemeld door een lezer', 0.2);
    const edited = await buildReactie(t.db, article, { status: 'approved', body: 'Eerst zo.' });
    const now = new Date();
    await t.db('reactie_reports').insert({ reactie_id: reported, reason: 'spam', note: null, reader_key: 'lezer-1', created_at: now });
    await t.db('reacties').where({ id: edited }).update({ pending_body: 'Later anders.', pending_edit_at: now });
    await t.db('moderation_appeals').insert({ reactie_id: edited, body: 'Kijk nog eens.', created_at: now });
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    const asked = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql)).length;
    // Quoted "name" on PostgreSQL, `name` on SQLite.
    const waiting = {
      reports: /count\(distinct .reactie_id.\)/,
      edits: /.pending_edit_at. is not null/,
      appeals: /from .moderation_appeals. where .outcome. is null/,
    };
    t.db.on('query', listen);
    try {
      const page = (await mod.agent.get('/beheer/reacties').expect(200)).text;
      assert.deepEqual([asked(waiting.reports), asked(waiting.edits), asked(waiting.appeals)], [1, 1, 1]);
      // The menu, the tab and the links above the queue all show them.
      assert.match(page, /<a href="\/beheer\/reacties\/meldingen">Meldingen <span class="nav-count">1<\/span><\/a>/);
      assert.match(
        page,
        /<li data-count="meldingen"><a href="\/beheer\/reacties\/meldingen">Meldingen\s+<span class="count">1<\/span><\/a><\/li>/,
      );
      assert.match(page, /<a href="\/beheer\/reacties\/wijzigingen">1 gewijzigde reactie wacht op je beslissing<\/a>/);
      assert.match(page, /<a href="\/beheer\/bezwaren">bezwaren \(1 open\)<\/a>/);
      statements.length = 0;
      const counts = (await mod.agent.get('/beheer/reacties/aantallen').expect(200)).body as Record<string, number>;
      assert.equal(counts.meldingen, 1);
      assert.deepEqual([asked(waiting.reports), asked(waiting.edits), asked(waiting.appeals)], [1, 0, 0]);
    } finally {
      t.db.off('query', listen);
    }
  });

  it('shows the keyboard legend for the script to reveal', async () => {
    await scored('Nog een', 0.2);
    const page = (await mod.agent.get('/beheer/reacties').expect(200)).text;
    assert.match(page, /<p class="shortcut-legend" hidden>Sneltoetsen:/);
    // One form per reactie; each decision is a button with its own address.
    assert.match(
      page,
      /<button type="submit" formaction="\/beheer\/reacties\/\d+\/spam" data-moderation="spam" class="secondary">Spam<\/button>/,
    );
    const item = page.split('<li class="queue-item')[1].split('</ol>')[0];
    assert.equal((item.match(/<form /g) ?? []).length, 1, 'one form per reactie');
    assert.equal((item.match(/name="_csrf"/g) ?? []).length, 1, 'the token once per reactie');
  });
});
