// Issue 12: readers report a reactie, enough reports hide it, moderators decide with a reason, and
// every decision on a reactie that had been public lands in the public log (/moderatie and its feed)
// without anyone's name, e-mail or IP address.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { countVisibleReacties, siteReactieTotal } from '../../server/reacties/counters';

describe('reports of reacties and the public moderation log', () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string; email: string };
  let readerSeq = 0;
  before(async () => {
    // Behind one proxy: each test reader comes from an address of its own (X-Forwarded-For).
    t = await createTestApp({ trustProxy: 1 });
    mod = await loginAs(t.app, t.db, 'moderator');
  });
  after(async () => t.close());

  const status = async (id: number) => (await t.db('reacties').where({ id }).first())?.status;
  const count = async (article: Article) => Number((await t.db('articles').where({ id: article.id }).first()).reactie_count);
  // Each reader on a network of its own (an IPv4 /24): reports from one network count once towards hiding.
  const newReader = () => `198.51.${++readerSeq}.7`;

  async function report(id: number, fields: Record<string, string>, ip = newReader()) {
    const page = await request(t.app).get(`/reactie/${id}/melden`).set('X-Forwarded-For', ip).expect(200);
    return request(t.app)
      .post(`/reactie/${id}/melden`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), ...fields });
  }

  const act = (id: number, actie: string, extra: Record<string, string> = {}) =>
    mod.agent
      .post(`/beheer/reacties/${id}/${actie}`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: '/beheer/reacties', ...extra });

  const logRows = (reactieId: number) => t.db('moderation_log').where({ reactie_id: reactieId }).orderBy('id');

  it('offers "Melden" under every visible reactie, leading to a form with the reasons', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved', body: 'Een gewone reactie' });
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(page.text, new RegExp(`href="/reactie/${id}/melden"`));
    const form = await request(t.app).get(`/reactie/${id}/melden`).expect(200);
    for (const label of ['Spam', 'Beledigend', 'Persoonsgegevens', 'Hoort hier niet']) assert.match(form.text, new RegExp(label));
    assert.match(form.text, /Een gewone reactie/);
    assert.equal(form.headers['set-cookie'], undefined, 'reporting needs no session');
    const held = await buildReactie(t.db, article, { status: 'pending' });
    await request(t.app).get(`/reactie/${held}/melden`).expect(404);
    await request(t.app).get('/reactie/abc/melden').expect(404);
  });

  it('refuses a report without a genuine token and asks again for a missing reason, keeping the note', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    await request(t.app).post(`/reactie/${id}/melden`).type('form').send({ reden: 'spam' }).expect(403);
    await request(t.app).post(`/reactie/${id}/melden`).type('form').send({ reden: 'spam', _token: 'x.y' }).expect(403);
    const res = await report(id, { reden: 'iets', toelichting: 'Mijn uitleg <b>hier</b>' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Kies waarom je deze reactie meldt/);
    assert.match(res.text, /Mijn uitleg &lt;b&gt;hier&lt;\/b&gt;/);
    const long = await report(id, { reden: 'spam', toelichting: 'x'.repeat(501) });
    assert.equal(long.status, 422);
    assert.match(long.text, /hoogstens 500 tekens/);
    // A control character is refused with a message (not a database error), the note kept.
    const nul = await report(id, { reden: 'spam', toelichting: 'Zie\u0000 hier' });
    assert.equal(nul.status, 422);
    assert.match(nul.text, /onzichtbare tekens die we niet kunnen opslaan/);
    assert.equal(
      await t
        .db('reactie_reports')
        .where({ reactie_id: id })
        .count({ n: '*' })
        .first()
        .then((r) => Number(r?.n)),
      0,
    );
  });

  it('stores a note of only invisible characters as no note', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    assert.match((await report(id, { reden: 'spam', toelichting: '\u200B\u3164 ' })).text, /Bedankt voor je melding/);
    assert.equal((await t.db('reactie_reports').where({ reactie_id: id }).first()).note, null);
  });

  it('takes one report per reader and keeps only a keyed hash of the address', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    const ip = newReader();
    const first = await report(id, { reden: 'beledigend', toelichting: 'Scheldwoord in de tweede zin' }, ip);
    assert.equal(first.status, 200);
    assert.match(first.text, /Bedankt voor je melding/);
    const again = await report(id, { reden: 'spam' }, ip);
    assert.equal(again.status, 200);
    assert.match(again.text, /al gemeld/);
    const rows = await t.db('reactie_reports').where({ reactie_id: id });
    assert.equal(rows.length, 1);
    assert.equal(rows[0].reason, 'beledigend');
    assert.match(String(rows[0].reader_key), /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(rows).includes(ip), 'the IP address itself is never stored');
    assert.equal(await status(id), 'approved', 'one report hides nothing');
  });

  it('counts a reader by their IPv6 /64: three reports from one /64 hide nothing and count once', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved', body: 'Namens het college: de brug gaat open.' });
    const first = await report(id, { reden: 'beledigend' }, '2001:db8:a:1::1');
    assert.match(first.text, /Bedankt voor je melding/);
    for (const ip of ['2001:db8:a:1::2', '2001:db8:a:1:ffff:ffff:ffff:fffe', '2001:0DB8:000A:0001:0000:0000:0000:0003']) {
      const again = await report(id, { reden: 'spam' }, ip);
      assert.equal(again.status, 200);
      assert.match(again.text, /al gemeld/, ip);
    }
    assert.equal((await t.db('reactie_reports').where({ reactie_id: id })).length, 1);
    assert.equal(await status(id), 'approved');
    assert.match((await request(t.app).get(articlePath(article))).text, /de brug gaat open/);
    assert.equal((await logRows(id)).length, 0, 'nothing in the public log');
    // An IPv4 reader is one address, also when a dual-stack server writes it as IPv6.
    const v4 = await buildReactie(t.db, article, { status: 'approved' });
    assert.match((await report(v4, { reden: 'spam' }, '192.0.2.44')).text, /Bedankt voor je melding/);
    assert.match((await report(v4, { reden: 'spam' }, '::ffff:192.0.2.44')).text, /al gemeld/);
    assert.match((await report(v4, { reden: 'spam' }, '192.0.2.45')).text, /Bedankt voor je melding/, 'a neighbour is another reader');
    // Three readers on lines of their own still hide it.
    await report(id, { reden: 'beledigend' }, '2001:db8:b::1');
    await report(id, { reden: 'beledigend' }, '2001:db8:c::1');
    assert.equal(await status(id), 'pending');
  });

  it('counts reports from one network (an IPv6 /48, an IPv4 /24) once towards hiding, each still a report of its own', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved', body: 'Een reactie die iemand weg wil hebben.' });
    for (const ip of ['2001:db8:77:1::1', '2001:db8:77:2::1', '2001:db8:77:3::1', '2001:db8:77:4::1']) {
      assert.match((await report(id, { reden: 'beledigend' }, ip)).text, /Bedankt voor je melding/, ip);
    }
    assert.equal((await t.db('reactie_reports').where({ reactie_id: id })).length, 4, 'four readers, four reports');
    assert.equal(await status(id), 'approved', 'one /48 hides nothing on its own');
    const v4 = await buildReactie(t.db, article, { status: 'approved' });
    for (const ip of ['192.0.2.61', '192.0.2.62', '192.0.2.63']) await report(v4, { reden: 'spam' }, ip);
    assert.equal(await status(v4), 'approved', 'one IPv4 /24 hides nothing on its own');
    await report(id, { reden: 'beledigend' }, '2001:db8:78::1');
    assert.equal(await status(id), 'approved', 'two networks');
    await report(id, { reden: 'beledigend' }, '198.51.200.1');
    assert.equal(await status(id), 'pending', 'three networks hide it');
  });

  it('hides a reactie at the threshold: counters by delta, the cached page drops it, the log says why', async () => {
    const article = await buildArticle(t.db, { title: 'Over het marktplein' });
    const id = await buildReactie(t.db, article, {
      status: 'approved',
      body: 'Lelijke woorden hier',
      authorName: 'Piet Schrijver',
      authorEmail: 'piet@example.nl',
    });
    const total = await siteReactieTotal(t.db);
    // A reader without a cookie gets the kept page: it must drop the reactie once hidden.
    assert.match((await request(t.app).get(articlePath(article))).text, /Lelijke woorden hier/);
    await report(id, { reden: 'beledigend' });
    await report(id, { reden: 'spam' });
    const third = await report(id, { reden: 'beledigend' });
    assert.equal(third.status, 200);
    assert.equal(await status(id), 'pending');
    assert.equal(await count(article), 0);
    assert.equal(await siteReactieTotal(t.db), total - 1);
    assert.doesNotMatch((await request(t.app).get(articlePath(article))).text, /Lelijke woorden hier/);
    const [entry] = await logRows(id);
    assert.equal(entry.action, 'verborgen');
    assert.equal(entry.reason, 'beledigend');
    const log = await request(t.app).get('/moderatie').expect(200);
    assert.match(log.text, /Reactie verborgen na meldingen van lezers: beledigend/);
    assert.match(log.text, /Over het marktplein/);
    assert.doesNotMatch(log.text, /Piet Schrijver|piet@example|192\.0\.2/);
    // A fourth reader finds it gone.
    await request(t.app).get(`/reactie/${id}/melden`).expect(404);
  });

  it('lets the threshold be changed in the settings', async () => {
    const form = await mod.agent.get('/beheer/instellingen').expect(200);
    assert.match(form.text, /name="meldingenDrempel"/);
  });

  it('shows moderators the reports with reasons and notes, never who, and lets them dismiss them', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved', body: 'Gemelde maar goede reactie', authorName: 'Sanne' });
    const ip = newReader();
    await report(id, { reden: 'off-topic', toelichting: 'Gaat over iets anders' }, ip);
    const queue = await mod.agent.get('/beheer/reacties?status=approved').expect(200);
    assert.match(queue.text, /1 melding van lezers/);
    assert.match(queue.text, /hoort hier niet: “Gaat over iets anders”/);
    assert.ok(!queue.text.includes(ip));
    const key = (await t.db('reactie_reports').where({ reactie_id: id }).first()).reader_key as string;
    assert.ok(!queue.text.includes(key));
    await mod.agent
      .post(`/beheer/reacties/${id}/meldingen-negeren`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: '/beheer/reacties?status=approved' })
      .expect(303);
    assert.ok((await t.db('reactie_reports').where({ reactie_id: id }).first()).closed_at);
    const after = (await mod.agent.get('/beheer/reacties?status=approved')).text;
    assert.doesNotMatch(after, /Gaat over iets anders/);
    assert.match(after, /De meldingen over de reactie van Sanne zijn genegeerd; de reactie blijft staan\./);
    assert.equal(await status(id), 'approved');
    assert.ok(await t.db('audit_log').where({ action: 'reactie.reports-dismissed', subject_id: id }).first());
  });

  it('asks for a reason and a public note when a moderator takes a public reactie off the page', async () => {
    const article = await buildArticle(t.db, { title: 'Parkeren in de binnenstad' });
    const id = await buildReactie(t.db, article, { status: 'approved', body: 'Mijn buurman woont op nummer 12', authorName: 'Klaas' });
    const page = await mod.agent.get(`/beheer/reacties/${id}/weghalen`).expect(200);
    assert.match(page.text, /name="reden"/);
    const missing = await mod.agent
      .post(`/beheer/reacties/${id}/weghalen`)
      .type('form')
      .send({ _csrf: mod.csrf, actie: 'prullenbak', reden: '', toelichting: 'Adres van een buurman' });
    assert.equal(missing.status, 422);
    assert.match(missing.text, /Kies een reden/);
    assert.match(missing.text, /Adres van een buurman/);
    assert.equal(await status(id), 'approved');
    await mod.agent
      .post(`/beheer/reacties/${id}/weghalen`)
      .type('form')
      .send({ _csrf: mod.csrf, actie: 'prullenbak', reden: 'persoonsgegevens', toelichting: 'Adres van een buurman' })
      .expect(303);
    assert.equal(await status(id), 'trash');
    assert.match(
      (await mod.agent.get('/beheer/reacties?status=trash')).text,
      /De reactie van Klaas is van de pagina gehaald \(reden: persoonsgegevens\) en staat nu in de prullenbak\. Het openbare moderatielogboek vermeldt de reden\./,
    );
    const [entry] = await logRows(id);
    assert.deepEqual([entry.action, entry.reason, entry.public_note], ['verwijderd', 'persoonsgegevens', 'Adres van een buurman']);
    const log = await request(t.app).get('/moderatie').expect(200);
    assert.match(log.text, /Reactie verwijderd door de moderatie: persoonsgegevens/);
    assert.match(log.text, /Toelichting van de moderatie: Adres van een buurman/);
    assert.doesNotMatch(log.text, /Klaas|nummer 12/);
    assert.ok(!log.text.includes(mod.email), 'the moderator is never named');
    assert.match(log.text, /<link rel="alternate" type="application\/rss\+xml" title="Moderatielogboek" href="[^"]*\/moderatie\/feed"/);
  });

  it('works out a reason for the quick buttons, logs restores and edits, and leaves never-public reacties out', async () => {
    const article = await buildArticle(t.db);
    const quick = await buildReactie(t.db, article, { status: 'approved' });
    await act(quick, 'spam').expect(303);
    assert.deepEqual(
      (await logRows(quick)).map((r) => [r.action, r.reason]),
      [['verwijderd', 'spam']],
    );
    const other = await buildReactie(t.db, article, { status: 'approved' });
    await act(other, 'afkeuren').expect(303);
    await act(other, 'goedkeuren').expect(303);
    assert.deepEqual(
      (await logRows(other)).map((r) => [r.action, r.reason]),
      [
        ['verwijderd', 'anders'],
        ['hersteld', 'anders'],
      ],
    );
    const never = await buildReactie(t.db, article, { status: 'pending' });
    await act(never, 'spam').expect(303);
    assert.equal((await logRows(never)).length, 0, 'a reactie that was never public is not in the public log');
    const bad = await act(other, 'prullenbak', { reden: 'iets' });
    assert.equal(bad.status, 400);
    assert.equal(await status(other), 'approved');
    const edited = await buildReactie(t.db, article, { status: 'approved', body: 'Tekst met een scheldwoord' });
    await mod.agent
      .post(`/beheer/reacties/${edited}/bewerken`)
      .type('form')
      .send({
        _csrf: mod.csrf,
        naam: 'Jan',
        website: '',
        reactie: 'Tekst met [...]',
        reden: 'beledigend',
        toelichting: 'Eén woord weggehaald',
      })
      .expect(303);
    assert.deepEqual(
      (await logRows(edited)).map((r) => [r.action, r.reason, r.public_note]),
      [['bewerkt', 'beledigend', 'Eén woord weggehaald']],
    );
  });

  it('pages the log newest first with a cursor, refuses a broken cursor, and has an RSS and Atom feed', async () => {
    const log = await request(t.app).get('/moderatie').expect(200);
    const times = [...log.text.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(times.length >= 3);
    assert.deepEqual([...times].sort().reverse(), times, 'newest first');
    const broken = await request(t.app).get('/moderatie?na=kapot');
    assert.equal(broken.status, 400);
    assert.match(broken.text, /klopt niet/);
    const rss = await request(t.app).get('/moderatie/feed').expect(200);
    assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
    assert.match(rss.text, /Reactie verwijderd door de moderatie: persoonsgegevens/);
    assert.doesNotMatch(rss.text, /Klaas|@example\.nl|198\.51\.100/);
    const atom = await request(t.app).get('/moderatie/feed/atom').expect(200);
    assert.match(atom.text, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    const footer = await request(t.app).get('/').expect(200);
    assert.match(footer.text, /<a href="\/moderatie">Moderatie<\/a>/);
  });

  it('lets the author of a removed reactie ask for a second look through a signed link, and logs the outcome', async () => {
    const article = await buildArticle(t.db, { title: 'Nieuwe fietsenstalling' });
    const id = await buildReactie(t.db, article, { status: 'approved', authorEmail: 'auteur@example.nl', body: 'Mijn mening' });
    await act(id, 'prullenbak', { reden: 'off-topic' }).expect(303);
    const mail = await t.db('mail_queue').where({ to: 'auteur@example.nl' }).first();
    assert.ok(mail, 'the author gets the link by mail');
    const link = /http:\/\/127\.0\.0\.1(\/moderatie\/bezwaar\/\d+\?t=[\w-]+)/.exec(String(mail.text))![1];
    await request(t.app).get(`/moderatie/bezwaar/${id}?t=vals`).expect(403);
    await request(t.app)
      .get(`/moderatie/bezwaar/${id + 1}${link.slice(link.indexOf('?'))}`)
      .expect(403);
    const form = await request(t.app).get(link).expect(200);
    assert.match(form.text, /Reden: <strong>hoort hier niet<\/strong>/);
    const empty = await request(t.app).post(link).type('form').send({ bezwaar: '  ' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Schrijf waarom/);
    // Only invisible characters is nothing written; a control character is refused with a message, the text kept.
    for (const invisible of ['\u200B', '\u3164 \u2800', '\u202E\uFEFF']) {
      const res = await request(t.app).post(link).type('form').send({ bezwaar: invisible });
      assert.equal(res.status, 422, JSON.stringify(invisible));
      assert.match(res.text, /Schrijf waarom/);
    }
    const nul = await request(t.app).post(link).type('form').send({ bezwaar: 'Het ging\u0000 over de stalling.' });
    assert.equal(nul.status, 422);
    assert.match(nul.text, /onzichtbare tekens die we niet kunnen opslaan/);
    assert.match(nul.text, /over de stalling\./);
    const sent = await request(t.app).post(link).type('form').send({ bezwaar: 'Het ging wel degelijk over de stalling.' });
    assert.equal(sent.status, 200);
    assert.match(sent.text, /Je bezwaar is ontvangen/);
    const twice = await request(t.app).post(link).type('form').send({ bezwaar: 'Nog eens.' });
    assert.equal(twice.status, 422);
    assert.equal((await t.db('moderation_appeals').where({ reactie_id: id })).length, 1);

    const list = await mod.agent.get('/beheer/bezwaren').expect(200);
    assert.match(list.text, /Het ging wel degelijk over de stalling/);
    // The reason reads as one: never "verwijderd om:" ("om" reads as a time).
    assert.match(list.text, /· weggehaald \(reden: hoort hier niet\)/);
    assert.doesNotMatch(list.text, /verwijderd om/);
    assert.match((await mod.agent.get('/beheer/reacties')).text, /bezwaren \(1 open\)/);
    const appeal = await t.db('moderation_appeals').where({ reactie_id: id }).first();
    await mod.agent
      .post(`/beheer/bezwaren/${appeal.id}/toekennen`)
      .type('form')
      .send({ _csrf: mod.csrf, toelichting: 'Bij nader inzien relevant' })
      .expect(303);
    assert.equal(await status(id), 'approved');
    assert.deepEqual(
      (await logRows(id)).map((r) => r.action),
      ['verwijderd', 'bezwaar-toegekend'],
    );
    assert.match((await request(t.app).get(articlePath(article))).text, /Mijn mening/);
    await mod.agent.post(`/beheer/bezwaren/${appeal.id}/toekennen`).type('form').send({ _csrf: mod.csrf }).expect(404);

    // Removed again, a new bezwaar, rejected this time: it stays away and the log says so.
    await act(id, 'prullenbak', { reden: 'spam' }).expect(303);
    await request(t.app).post(link).type('form').send({ bezwaar: 'Weer onterecht.' }).expect(200);
    const second = await t.db('moderation_appeals').where({ reactie_id: id }).whereNull('outcome').first();
    await mod.agent.post(`/beheer/bezwaren/${second.id}/afwijzen`).type('form').send({ _csrf: mod.csrf, toelichting: '' }).expect(303);
    assert.equal(await status(id), 'trash');
    assert.deepEqual(
      (await logRows(id)).map((r) => r.action),
      ['verwijderd', 'bezwaar-toegekend', 'verwijderd', 'bezwaar-afgewezen'],
    );
    assert.match((await request(t.app).get('/moderatie')).text, /bezwaar afgewezen, reactie blijft weg: spam/);
  });

  it('keeps the place of a removed reactie with the reason, so its replies stay in context; counters stay exact', async () => {
    const article = await buildArticle(t.db, { title: 'De brug' });
    const top = await buildReactie(t.db, article, { body: 'Bovenste reactie' });
    const removed = await buildReactie(t.db, article, {
      parentId: top,
      body: 'Scheldpartij hier',
      authorName: 'Boze Bert',
      authorUrl: 'https://bert.example',
    });
    const reply = await buildReactie(t.db, article, { parentId: removed, body: 'Antwoord op de scheldpartij' });
    const under = await buildReactie(t.db, article, { parentId: reply, body: 'Nog dieper' });
    const exact = async () => assert.equal(await count(article), await countVisibleReacties(t.db, article.id));
    assert.match((await request(t.app).get(articlePath(article))).text, /Scheldpartij hier/); // now kept in the page cache
    await act(removed, 'prullenbak', { reden: 'beledigend' }).expect(303);
    await exact();
    assert.equal(await count(article), 3);
    const page = (await request(t.app).get(articlePath(article))).text;
    assert.match(page, /Reactie verwijderd door de moderatie: beledigend/);
    assert.match(page, /Antwoord op de scheldpartij/);
    assert.match(page, /Nog dieper/);
    assert.doesNotMatch(page, /Scheldpartij hier|Boze Bert|bert\.example/);
    // The reply is still placed under the placeholder, in its thread.
    const placeholder = page.indexOf(`id="reactie-${removed}"`);
    assert.ok(placeholder > 0 && placeholder < page.indexOf(`id="reactie-${reply}"`));
    assert.doesNotMatch(page, new RegExp(`/reactie/${removed}/melden|antwoord=${removed}`));
    const feed = (await request(t.app).get(`${articlePath(article)}/feed`)).text;
    assert.match(feed, /Antwoord op de scheldpartij/);
    assert.doesNotMatch(feed, /Scheldpartij hier/);
    const api = (await request(t.app).get(`/api/v1/artikelen/${article.id}/reacties`)).text;
    assert.match(api, new RegExp(`"id":${reply}`));
    assert.doesNotMatch(api, /Scheldpartij hier/);
    // A reply in between is trashed too (never touched by readers' reports): both placeholders, counts exact.
    await act(reply, 'prullenbak', { reden: 'off-topic' }).expect(303);
    await exact();
    assert.equal(await count(article), 2);
    await act(removed, 'herstellen').expect(303);
    await exact();
    assert.equal(await count(article), 3);
    await act(reply, 'verwijderen').expect(303);
    await exact();
    assert.equal((await t.db('reacties').where({ id: under }).first()).parent_id, removed);
    assert.match((await request(t.app).get(articlePath(article))).text, /Scheldpartij hier/);
    // Readers' reports hide with a placeholder of their own.
    for (let i = 0; i < 3; i++) await report(removed, { reden: 'spam' });
    await exact();
    assert.match((await request(t.app).get(articlePath(article))).text, /Reactie verborgen na meldingen van lezers/);
    await act(removed, 'spam').expect(303);
    await exact();
    assert.match((await request(t.app).get(articlePath(article))).text, /Reactie verwijderd door de moderatie: spam/);
  });

  it('limits reports per address, keeping what the reader typed', async () => {
    const limited = await createTestApp({
      trustProxy: 1,
      rateLimits: { ...t.deps.config.rateLimits, reportsPerIp: { max: 1, windowMs: 60_000 } },
    });
    try {
      const article = await buildArticle(limited.db);
      const a = await buildReactie(limited.db, article, { status: 'approved' });
      const b = await buildReactie(limited.db, article, { status: 'approved' });
      const send = async (id: number, note: string, ip = '203.0.113.9') => {
        const page = await request(limited.app).get(`/reactie/${id}/melden`).set('X-Forwarded-For', ip);
        return request(limited.app)
          .post(`/reactie/${id}/melden`)
          .set('X-Forwarded-For', ip)
          .type('form')
          .send({ _token: hiddenInput(page.text, '_token'), reden: 'spam', toelichting: note });
      };
      assert.equal((await send(a, 'eerste')).status, 200);
      const res = await send(b, 'Mijn tweede melding');
      assert.equal(res.status, 429);
      assert.match(res.text, /Probeer het over/);
      assert.match(res.text, /Mijn tweede melding/);
      // The limit casts a wider net: the same IPv4 /24, the same IPv6 /48.
      assert.equal((await send(b, 'buurman', '203.0.113.10')).status, 429);
      assert.equal((await send(b, 'ander net', '198.51.100.200')).status, 200);
      assert.equal((await send(a, 'eigen /64', '2001:db8:5:1::1')).status, 200);
      assert.equal((await send(b, 'andere /64, zelfde /48', '2001:db8:5:2::1')).status, 429);
      assert.equal((await send(b, 'andere /48', '2001:db8:6:1::1')).status, 200);
    } finally {
      await limited.close();
    }
  });
});
