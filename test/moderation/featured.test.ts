// Issue 25: an editor or moderator features a reactie ("Uitgelicht door de redactie"): shown above
// the discussion and, one per article, on the voorpagina (cached pages too), in the public moderation
// log without anyone's name, and in the API; stopping it takes it away everywhere.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, type Agent } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';
import { findReactie } from '../../server/reacties/queries';
import { keepAsPlaceholder, replaceText } from '../../server/reacties/editing/edit-queries';
import { anonymiseReactie } from '../../server/reacties/person-queries';

describe('uitgelicht: featured reacties', () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string; email: string };
  let editor: { agent: Agent; csrf: string; email: string };
  before(async () => {
    t = await createTestApp();
    mod = await loginAs(t.app, t.db, 'moderator');
    editor = await loginAs(t.app, t.db, 'editor');
  });
  after(async () => t.close());

  const feature = (who: { agent: Agent; csrf: string }, id: number, on = true) =>
    who.agent
      .post(`/beheer/reacties/${id}/${on ? 'uitlichten' : 'niet-uitlichten'}`)
      .type('form')
      .send({ _csrf: who.csrf });

  const section = (html: string) => /<section class="uitgelicht"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

  it('a moderator features a reactie: above the discussion, on the (cached) voorpagina, in the log and the API', async () => {
    const article = await buildArticle(t.db, { title: 'De nieuwe brug' });
    const id = await buildReactie(t.db, article, { authorName: 'Fatima', body: 'Een heel goed onderbouwde reactie over de brug.' });
    const other = await buildReactie(t.db, article, { body: 'Een andere reactie.' });
    // Readers without a cookie: both pages are kept.
    await request(t.app).get('/').expect(200);
    await request(t.app).get(articlePath(article)).expect(200);
    const staffPage = await mod.agent.get(articlePath(article)).expect(200);
    assert.match(staffPage.text, new RegExp(`action="/beheer/reacties/${id}/uitlichten"`), 'staff get the button');
    assert.doesNotMatch((await request(t.app).get(articlePath(article))).text, /uitlichten"/, 'readers do not');

    const res = await feature(mod, id).expect(303);
    assert.equal(res.headers.location, `${articlePath(article)}?reacties=1#reactie-${id}`);
    const page = await request(t.app).get(articlePath(article)).expect(200);
    const shown = section(page.text);
    assert.match(shown, /<h3 id="uitgelicht-kop">Uitgelicht door de redactie<\/h3>/);
    assert.match(shown, /Een heel goed onderbouwde reactie over de brug/);
    assert.match(shown, new RegExp(`href="/reactie/${id}"`));
    assert.doesNotMatch(shown, /Een andere reactie/);
    assert.ok(page.text.indexOf('class="uitgelicht"') < page.text.indexOf('<ol class="thread">'), 'above the discussion');
    assert.match(page.text, /<span class="featured-badge">Uitgelicht door de redactie<\/span>/);
    assert.match((await mod.agent.get(articlePath(article))).text, new RegExp(`action="/beheer/reacties/${id}/niet-uitlichten"`));

    const voorpagina = await request(t.app).get('/').expect(200);
    assert.match(
      voorpagina.text,
      /<figure class="featured-reactie">[\s\S]*Een heel goed onderbouwde reactie over de brug\.[\s\S]*reactie van Fatima/,
    );

    const log = await request(t.app).get('/moderatie').expect(200);
    assert.match(log.text, /Reactie uitgelicht door de redactie<\/strong>/);
    assert.ok(!log.text.includes(mod.email), 'the log names nobody');
    const audit = await t.db('audit_log').where({ action: 'reactie.feature', subject_id: id });
    assert.equal(audit.length, 1);

    const api = await request(t.app).get(`/api/v1/artikelen/${article.id}/reacties`).expect(200);
    const byId = new Map((api.body.data as Array<{ id: number; featured: boolean }>).map((r) => [r.id, r]));
    assert.equal(byId.get(id)?.featured, true);
    assert.equal(byId.get(other)?.featured, false);

    // Once more changes nothing; stopping takes it away everywhere, and is logged.
    await feature(mod, id).expect(303);
    assert.equal(
      await t
        .db('moderation_log')
        .where({ reactie_id: id })
        .count({ n: '*' })
        .first()
        .then((r) => Number(r?.n)),
      1,
    );
    await feature(mod, id, false).expect(303);
    assert.equal(section((await request(t.app).get(articlePath(article))).text), '');
    assert.doesNotMatch((await request(t.app).get('/')).text, /featured-reactie/);
    assert.match((await request(t.app).get('/moderatie')).text, /Reactie niet meer uitgelicht<\/strong>/);
  });

  it('an editor may feature too; the voorpagina shows one per article, the newest featured', async () => {
    const article = await buildArticle(t.db);
    const first = await buildReactie(t.db, article, { body: 'Eerst uitgelicht.' });
    const second = await buildReactie(t.db, article, { body: 'Daarna uitgelicht.' });
    await feature(editor, first).expect(303);
    t.setNow(new Date(Date.now() + 60_000));
    await feature(editor, second).expect(303);
    t.setNow(undefined);
    const voorpagina = (await request(t.app).get('/').expect(200)).text;
    assert.match(voorpagina, /Daarna uitgelicht/);
    assert.doesNotMatch(voorpagina, /Eerst uitgelicht/);
    const page = section((await request(t.app).get(articlePath(article))).text);
    assert.ok(page.indexOf('Daarna uitgelicht') < page.indexOf('Eerst uitgelicht'), 'both above the discussion, newest first');
  });

  it('only an approved reactie, and a featured one taken off the page is no longer shown', async () => {
    const article = await buildArticle(t.db);
    const held = await buildReactie(t.db, article, { status: 'pending', body: 'Nog niet goedgekeurd.' });
    const res = await feature(mod, held);
    assert.equal(res.status, 404);
    assert.match(res.text, /alleen een goedgekeurde reactie kan worden uitgelicht/);
    await feature(mod, 999999).expect(404);
    const id = await buildReactie(t.db, article, { body: 'Uitgelicht en toen verwijderd.' });
    await feature(mod, id).expect(303);
    await mod.agent
      .post(`/beheer/reacties/${id}/prullenbak`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: '/beheer/reacties', reden: 'beledigend' })
      .expect(303);
    assert.notEqual((await t.db('reacties').where({ id }).first()).status, 'approved');
    assert.doesNotMatch((await request(t.app).get(articlePath(article))).text, /Uitgelicht en toen verwijderd/);
    assert.doesNotMatch((await request(t.app).get('/')).text, /Uitgelicht en toen verwijderd/);
  });

  it('refuses residents and a missing CSRF token', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article);
    await request(t.app).post(`/beheer/reacties/${id}/uitlichten`).type('form').send({}).expect(403);
    await mod.agent.post(`/beheer/reacties/${id}/uitlichten`).type('form').send({}).expect(403);
    assert.equal((await t.db('reacties').where({ id }).first()).featured_at, null);
  });

  it('the kept voorpagina follows an edit and a withdrawal of a featured reactie at once', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { body: 'De eerste versie van de tekst.' });
    await feature(mod, id).expect(303);
    await request(t.app).get('/').expect(200);
    assert.match((await request(t.app).get('/')).text, /De eerste versie van de tekst/, 'kept');
    const reactie = (await findReactie(t.db, id))!;
    await t.db.transaction((trx) => replaceText(trx, reactie, 'De tweede versie van de tekst.', new Date()));
    const edited = (await request(t.app).get('/')).text;
    assert.match(edited, /De tweede versie van de tekst/);
    assert.doesNotMatch(edited, /De eerste versie/);
    await t.db.transaction((trx) => keepAsPlaceholder(trx, reactie, new Date()));
    assert.doesNotMatch((await request(t.app).get('/')).text, /versie van de tekst/, 'a withdrawn reactie is quoted nowhere');
    assert.equal(section((await request(t.app).get(articlePath(article))).text), '');
  });

  it('the kept voorpagina drops the name of a featured reactie’s author erased under the AVG', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { authorName: 'Gerrit Vergeetmij', body: 'Een uitgelichte reactie.' });
    await feature(mod, id).expect(303);
    await request(t.app).get('/').expect(200);
    assert.match((await request(t.app).get('/')).text, /reactie van Gerrit Vergeetmij/);
    const reactie = (await findReactie(t.db, id))!;
    await t.db.transaction((trx) => anonymiseReactie(trx, reactie));
    assert.doesNotMatch((await request(t.app).get('/')).text, /Vergeetmij/);
  });
});
