// The page cache for readers without a cookie: the same page as a fresh rendering (a fresh form
// token in each), gzip that decodes to it, 304 for a reader who has it, and a new page the moment
// anything it shows changes — through the app, on any server, or by the clock. Readers ask the
// server as main.ts starts it (createServer: the hit path in front of Express); moderators and
// editors work through the app.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { createServer } from '../../server/app';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs, postReactieForm, type Agent } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';
import { addArticleToDossier } from '../../server/dossiers/queries';
import { toLocalInputValue } from '../../server/shared/format';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

describe('page cache for readers without a cookie', () => {
  let t: TestApp;
  let server: http.Server;
  let mod: { agent: Agent; csrf: string };
  let editor: { agent: Agent; csrf: string };
  // The server's log lines: a hit in front of Express is logged too.
  const logged: Array<Record<string, unknown>> = [];
  before(async () => {
    t = await createTestApp();
    const log = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    server = createServer({ ...t.deps, logger: pino({ level: 'info' }, log) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    mod = await loginAs(t.app, t.db, 'moderator');
    editor = await loginAs(t.app, t.db, 'chief');
  });
  after(async () => {
    server.close();
    await t.close();
  });

  // Raw bytes, as a browser receives them (supertest would decompress).
  function get(path: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET'): Promise<Raw> {
    const port = (server.address() as AddressInfo).port;
    return new Promise((resolve, reject) => {
      http
        .request({ port, host: '127.0.0.1', path, headers, method }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject)
        .end();
    });
  }
  const text = async (path: string) => (await get(path)).body.toString();
  const withoutToken = (html: string) => html.replace(/name="_token" value="[^"]*"/, 'name="_token" value=""');

  it('serves the same page again with a fresh form token that posts, as gzip that decodes to it', async () => {
    const article = await buildArticle(t.db, { title: 'Bewaard artikel' });
    await buildReactie(t.db, article, { body: 'Eerste reactie hier' });
    const path = articlePath(article);
    const first = await get(path);
    const second = await get(path);
    // A token is stamped to the millisecond: two answers in the same one would carry the same token.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const zipped = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(second.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
    const unzipped = zlib.gunzipSync(zipped.body).toString();
    assert.equal(withoutToken(second.body.toString()), withoutToken(first.body.toString()));
    assert.equal(withoutToken(unzipped), withoutToken(first.body.toString()));
    assert.match(unzipped, /Eerste reactie hier/);
    assert.notEqual(hiddenInput(unzipped, '_token'), hiddenInput(second.body.toString(), '_token'), 'each response signs its own token');
    assert.equal(second.headers['set-cookie'], undefined, 'no cookie for a reader');
    assert.match(String(second.headers.vary), /Cookie/);
    assert.match(String(second.headers['cache-control']), /^public/);
    // The token of a kept page is as good as a fresh one.
    const posted = await request(t.app)
      .post(`${path}/reacties`)
      .type('form')
      .send({
        _token: hiddenInput(unzipped, '_token'),
        naam: 'Ans',
        email: 'ans@example.nl',
        website: '',
        reactie: 'Via een bewaarde pagina',
        antwoord_op: '',
      });
    assert.equal(posted.status, 303);
    assert.ok(await t.db('reacties').where({ body: 'Via een bewaarde pagina' }).first());
  });

  it('answers a kept page in front of Express with the headers the app sent, and logs it', async () => {
    const article = await buildArticle(t.db, { title: 'Voor de app langs' });
    for (const path of ['/', articlePath(article), `${articlePath(article)}?reacties=1`]) {
      logged.length = 0;
      const first = await get(path);
      const second = await get(path);
      const zipped = await get(path, { 'accept-encoding': 'gzip' });
      const notModified = await get(path, { 'if-none-match': String(first.headers.etag) });
      const head = await get(path, {}, 'HEAD');
      assert.equal(first.status, 200);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        logged.map((line) => [line.path, line.status, line.cached ?? false]),
        [
          [path.split('?')[0], 200, false],
          [path.split('?')[0], 200, true],
          [path.split('?')[0], 200, true],
          [path.split('?')[0], 304, true],
          [path.split('?')[0], 200, true],
        ],
        path,
      );
      const headers = (r: Raw) => {
        const { date: _date, ...rest } = r.headers;
        return rest;
      };
      assert.deepEqual(headers(second), headers(first));
      assert.match(String(second.headers['content-security-policy']), /default-src 'self'/);
      assert.equal(second.headers['x-frame-options'], 'SAMEORIGIN');
      assert.deepEqual(headers(zipped), { ...headers(first), 'content-encoding': 'gzip', 'content-length': String(zipped.body.length) });
      assert.equal(withoutToken(zlib.gunzipSync(zipped.body).toString()), withoutToken(first.body.toString()));
      assert.equal(notModified.status, 304);
      assert.equal(head.headers['content-length'], first.headers['content-length']);
      assert.equal(head.body.length, 0);
    }
    // A reader with a cookie, and a query the app answers otherwise, go to the app.
    logged.length = 0;
    await get('/', { cookie: 'stadslog.sid=iets' });
    await get('/?pagina=x');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      logged.map((line) => line.cached ?? false),
      [false, false],
    );
  });

  it('keeps a page only from a request for exactly its key: parameters outside it never reach other readers', async () => {
    const canonical = (html: string) => [
      /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1],
      /<meta property="og:url" content="([^"]*)">/.exec(html)?.[1],
    ];
    // Something changes, so the first reader after it renders the voorpagina afresh.
    const article = await buildArticle(t.db, { title: 'Na de wijziging' });
    const path = articlePath(article);
    const junk = '?soort=memo&jaar=1999&partij=Onzin&utm_source=x&pagina=1';
    for (const [page, expected] of [
      ['/', 'http://127.0.0.1/'],
      [path, `http://127.0.0.1${path}`],
    ]) {
      logged.length = 0;
      assert.deepEqual(canonical(await text(`${page}${junk}`)), [expected, expected], page);
      const plain = await get(page);
      const again = await get(page);
      assert.deepEqual(canonical(plain.body.toString()), [expected, expected], page);
      assert.deepEqual(canonical(again.body.toString()), [expected, expected], page);
      await new Promise((resolve) => setImmediate(resolve));
      // Rendered for the odd request, rendered again for the plain one (nothing was kept), then kept.
      assert.deepEqual(
        logged.map((line) => line.cached ?? false),
        [false, false, true],
        page,
      );
    }
    // The odd request itself gets the kept page once there is one: it shows nothing of its query.
    const odd = await text(`/${junk}&naam=%3Cb%3EOnzin%3C%2Fb%3E`);
    assert.deepEqual(canonical(odd), ['http://127.0.0.1/', 'http://127.0.0.1/']);
    assert.doesNotMatch(odd, /Onzin|1999/);
  });

  it('answers 304 to a reader who has the page, and a new ETag once it changed', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'pending', body: 'Wacht nog even' });
    const path = articlePath(article);
    const first = await get(path);
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"/);
    const again = await get(path, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    await mod.agent.post(`/beheer/reacties/${id}/goedkeuren`).type('form').send({ _csrf: mod.csrf, terug: '/beheer/reacties' }).expect(303);
    const changed = await get(path, { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.match(changed.body.toString(), /Wacht nog even/);
  });

  it('shows every change at once: approve, a moderator edit, trash, the article edited, a dossier', async () => {
    const article = await buildArticle(t.db, { title: 'Oud kopje' });
    const id = await buildReactie(t.db, article, { status: 'pending', body: 'Eerst verborgen' });
    const path = articlePath(article);
    const act = (actie: string) =>
      mod.agent.post(`/beheer/reacties/${id}/${actie}`).type('form').send({ _csrf: mod.csrf, terug: '/beheer/reacties' }).expect(303);
    assert.doesNotMatch(await text(path), /Eerst verborgen/);
    assert.match(await text('/'), /Oud kopje[\s\S]*?Nog geen reacties/);
    await act('goedkeuren');
    assert.match(await text(path), /Eerst verborgen/);
    assert.match(await text('/'), /Oud kopje[\s\S]*?1 reactie/);
    await mod.agent
      .post(`/beheer/reacties/${id}/bewerken`)
      .type('form')
      .send({ _csrf: mod.csrf, naam: 'Bewoner', website: '', reactie: 'Nu verbeterd door de moderatie' })
      .expect(303);
    assert.match(await text(path), /Nu verbeterd door de moderatie/);
    await act('prullenbak');
    assert.doesNotMatch(await text(path), /Nu verbeterd/);
    assert.match(await text('/'), /Oud kopje[\s\S]*?Nog geen reacties/);

    await editor.agent
      .post(`/beheer/artikelen/${article.id}`)
      .type('form')
      .send({
        _csrf: editor.csrf,
        titel: 'Nieuw kopje',
        slug: article.slug,
        soort: 'nieuws',
        tekst: 'Tekst',
        samenvatting: '',
        auteur: 'Redactie',
        status: 'published',
        publicatietijd: toLocalInputValue(article.publishedAt!),
        reacties_open: 'ja',
        actie: 'opslaan',
      })
      .expect(303);
    assert.match(await text(path), /<h1>Nieuw kopje<\/h1>/);
    assert.match(await text('/'), /Nieuw kopje/);

    const [dossier] = await t
      .db('dossiers')
      .insert({
        slug: 'markt',
        title: 'De Markt',
        intro_markdown: '',
        intro_html: '',
        participants: '',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id');
    await addArticleToDossier(t.db, Number(typeof dossier === 'object' ? dossier.id : dossier), article.id, new Date());
    assert.match(await text(path), /In dossier: <a href="\/dossiers\/markt">De Markt<\/a>/);
  });

  it('puts a scheduled article on the voorpagina when its time comes, with nothing written', async () => {
    const at = new Date(Date.now() + 3_600_000);
    await buildArticle(t.db, { title: 'Straks te lezen', publishedAt: at });
    assert.doesNotMatch(await text('/'), /Straks te lezen/);
    t.setNow(new Date(at.getTime() + 1000));
    try {
      assert.match(await text('/'), /Straks te lezen/);
    } finally {
      t.setNow(undefined);
    }
  });

  it('gives a reader with a cookie their own page, and never puts their held reactie in the shared one', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    await get(path); // kept
    const resident = request.agent(t.app);
    const posted = await postReactieForm(resident, path, { reactie: 'Mijn wachtende reactie', email: 'nieuw-adres@example.nl' });
    assert.equal(posted.status, 303);
    const own = await resident.get(path).expect(200);
    assert.match(own.text, /Mijn wachtende reactie/);
    assert.match(String(own.headers['cache-control']), /private/);
    assert.doesNotMatch(await text(path), /Mijn wachtende reactie/);
  });

  it('answers HEAD with the headers only, and keeps pages with ?antwoord= out', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { body: 'Antwoord hierop' });
    const path = articlePath(article);
    const head = await get(path, {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.ok(Number(head.headers['content-length']) > 1000);
    const reply = await text(`${path}?antwoord=${id}`);
    assert.match(reply, new RegExp(`id="reactie-${id}"[\\s\\S]*?<section id="reageer"`), 'the form stands under the reactie');
    // The kept page has the form in its place under the article, not under the reactie (the footer is a list too:
    // a closing </li> after the form says nothing).
    assert.match(await text(path), /<div id="reageer-plek"><section id="reageer"/);
  });
});
