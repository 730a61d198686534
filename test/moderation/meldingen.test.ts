// Issue 21: the Meldingen queue. Reported reacties of every status in a queue of their own, most
// reported first, with the reasons and notes (never who, never the writer's e-mail or IP), decided
// in place; the counts in the tabs, the menu, the Overzicht and the moderators' digest mail.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs, type Agent } from '../helpers/http';
import { addReport, type ReportReason } from '../../server/reacties/reports/reports';
import { countVisibleReacties } from '../../server/reacties/counters';
import { saveSettings } from '../../server/settings/settings';
import { mailModerators } from '../../server/notifications/jobs';
import { workSince } from '../../server/moderation/meldingen/work';

/** The text a reader sees: no tags, entities decoded, whitespace folded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('moderation: the Meldingen queue', () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string; email: string };
  let reader = 0;
  before(async () => {
    t = await createTestApp();
    mod = await loginAs(t.app, t.db, 'moderator');
  });
  after(async () => t.close());

  /** A report from a reader of a network of their own. */
  async function report(id: number, reason: ReportReason, note: string | null = null, at = new Date()) {
    reader++;
    return addReport(t.db, { reactieId: id, reason, note, readerKey: `lezer-${reader}`, networkKey: `net-${reader}` }, 3, at);
  }

  it('lists reported reacties of every status, most reported first, with reasons and notes, never who or the writer’s address', async () => {
    await t.db('reactie_reports').delete();
    const article = await buildArticle(t.db, { title: 'Parkeren in het centrum' });
    const once = await buildReactie(t.db, article, { status: 'approved', body: 'Eén keer gemeld', authorEmail: 'piet@voorbeeld.nl' });
    const hidden = await buildReactie(t.db, article, { status: 'approved', body: 'Drie keer gemeld', authorName: 'Kees' });
    const twice = await buildReactie(t.db, article, { status: 'approved', body: 'Twee keer gemeld' });
    const quiet = await buildReactie(t.db, article, { status: 'approved', body: 'Niemand meldde dit' });
    const earlier = new Date(Date.now() - 60_000);
    await report(once, 'off-topic', 'Gaat over iets anders', earlier);
    await report(twice, 'spam', null, earlier);
    await report(twice, 'beledigend', 'Scheldwoord in de <b>tweede</b> zin');
    for (const reason of ['beledigend', 'beledigend', 'persoonsgegevens'] as const) await report(hidden, reason);
    assert.equal((await t.db('reacties').where({ id: hidden }).first()).status, 'pending', 'three networks hid it');

    const res = await mod.agent.get('/beheer/reacties/meldingen').expect(200);
    const order = [...res.text.matchAll(/id="q-(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(order, [hidden, twice, once], 'most reported first; the unreported one is not here');
    assert.ok(!order.includes(quiet));
    const text = visibleText(res.text);
    assert.match(text, /3 meldingen over de reactie van Kees/);
    assert.match(text, /Verborgen na meldingen ?: staat niet meer op de pagina tot je beslist/);
    assert.match(text, /Staat op de pagina/);
    assert.match(text, /beledigend: “Scheldwoord in de <b>tweede<\/b> zin”/, 'the note, escaped');
    assert.match(res.text, /Scheldwoord in de &lt;b&gt;tweede&lt;\/b&gt; zin/);
    assert.match(text, /hoort hier niet: “Gaat over iets anders”/);
    assert.match(text, /Waarom hier\? gemeld door 3 lezers/);
    assert.match(
      text,
      /Gemeld door 3 lezers \(2× beledigend, 1× persoonsgegevens\)\. Daarom is hij van de pagina gehaald tot een moderator kijkt\./,
    );
    // Never the writer's e-mail address or IP, never the readers' keys.
    assert.doesNotMatch(res.text, /piet@voorbeeld\.nl|@example\.nl|192\.0\.2\.10|lezer-\d|net-\d/);
    // The tab, the menu and the Overzicht count reported reacties.
    assert.match(text, /Prullenbak \d+ Meldingen 3/);
    assert.match(res.text, /<a href="\/beheer\/reacties\/meldingen">Meldingen <span class="nav-count">3<\/span><\/a>/);
    const queue = await mod.agent.get('/beheer/reacties').expect(200);
    assert.match(visibleText(queue.text), /Wachtend 1 .*Meldingen 3/);
    const counts = (await mod.agent.get('/beheer/reacties/aantallen').expect(200)).body as Record<string, number>;
    assert.equal(counts.meldingen, 3);
    const dashboard = visibleText((await mod.agent.get('/beheer').expect(200)).text);
    assert.match(dashboard, /Meldingen van lezers ?: 3 reacties zijn gemeld/);
    assert.match(dashboard, /Gewijzigde reacties ?: 0 wijzigingen wachten op goedkeuring/);
    assert.match(dashboard, /Bezwaren ?: 0 open/);
  });

  it('keeps a reactie in place: a visible one stays and its reports close; a hidden one goes back on the page; both in the audit log', async () => {
    await t.db('reactie_reports').delete();
    const article = await buildArticle(t.db);
    const visible = await buildReactie(t.db, article, { status: 'approved', body: 'Blijft staan' });
    const hidden = await buildReactie(t.db, article, { status: 'approved', body: 'Komt terug' });
    await report(visible, 'off-topic');
    for (let i = 0; i < 3; i++) await report(hidden, 'beledigend');
    assert.equal(await countVisibleReacties(t.db, article.id), 1);

    const kept = await mod.agent
      .post(`/beheer/reacties/${visible}/laten-staan`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: mod.csrf, terug: '/beheer/reacties/meldingen' })
      .expect(200);
    assert.match(kept.body.message, /De meldingen over de reactie van .+ zijn genegeerd; de reactie blijft staan\./);
    assert.equal((await t.db('reacties').where({ id: visible }).first()).status, 'approved');
    assert.equal(await t.db('reactie_reports').where({ reactie_id: visible }).whereNull('closed_at').first(), undefined);
    assert.ok(await t.db('audit_log').where({ action: 'reactie.reports-dismissed', subject_id: visible, actor: mod.email }).first());
    // Again: nothing left to dismiss, said plainly.
    const again = await mod.agent
      .post(`/beheer/reacties/${visible}/laten-staan`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: mod.csrf })
      .expect(409);
    assert.match(again.body.message, /waren geen open meldingen \(meer\)/);

    const back = await mod.agent
      .post(`/beheer/reacties/${hidden}/laten-staan`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: '/beheer/reacties/meldingen' })
      .expect(303);
    assert.equal(back.headers.location, '/beheer/reacties/meldingen');
    assert.equal((await t.db('reacties').where({ id: hidden }).first()).status, 'approved');
    assert.equal(await countVisibleReacties(t.db, article.id), 2);
    const log = await t.db('moderation_log').where({ reactie_id: hidden }).orderBy('id').pluck('action');
    assert.deepEqual(log, ['verborgen', 'hersteld'], 'the public log says it was put back');
    assert.ok(await t.db('audit_log').where({ action: 'reactie.approve', subject_id: hidden }).first());
    const page = visibleText((await mod.agent.get('/beheer/reacties/meldingen').expect(200)).text);
    assert.match(page, /staat weer op de pagina; de meldingen zijn afgehandeld\./);
    assert.match(page, /Er zijn geen open meldingen\./);
    // A foreign return address is not followed.
    await report(visible, 'spam');
    const elsewhere = await mod.agent
      .post(`/beheer/reacties/${visible}/laten-staan`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: 'https://elders.example/' })
      .expect(303);
    assert.equal(elsewhere.headers.location, '/beheer/reacties/meldingen');
    await mod.agent.post('/beheer/reacties/999999/laten-staan').type('form').send({ _csrf: mod.csrf }).expect(404);
  });

  it('marks a reported reactie as spam in place and removes one with a reason, each time back to the Meldingen queue', async () => {
    await t.db('reactie_reports').delete();
    const article = await buildArticle(t.db);
    const spam = await buildReactie(t.db, article, { status: 'approved', body: 'Koop hier' });
    const rude = await buildReactie(t.db, article, { status: 'approved', body: 'Onbeschoft' });
    await report(spam, 'spam');
    await report(rude, 'beledigend', 'Grof');
    const marked = await mod.agent
      .post(`/beheer/reacties/${spam}/spam`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: '/beheer/reacties/meldingen' })
      .expect(303);
    assert.equal(marked.headers.location, '/beheer/reacties/meldingen');
    assert.equal((await t.db('reacties').where({ id: spam }).first()).status, 'spam');

    const list = await mod.agent.get('/beheer/reacties/meldingen').expect(200);
    assert.match(list.text, new RegExp(`href="/beheer/reacties/${rude}/weghalen\\?terug=%2Fbeheer%2Freacties%2Fmeldingen"`));
    const form = await mod.agent.get(`/beheer/reacties/${rude}/weghalen?terug=%2Fbeheer%2Freacties%2Fmeldingen`).expect(200);
    assert.equal(hiddenInput(form.text, 'terug'), '/beheer/reacties/meldingen');
    assert.match(form.text, /<a href="\/beheer\/reacties\/meldingen">Annuleren<\/a>/);
    // A missing reason comes back with the choice kept, and still returns to the queue afterwards.
    const missing = await mod.agent
      .post(`/beheer/reacties/${rude}/weghalen`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: '/beheer/reacties/meldingen', actie: 'prullenbak', reden: '' })
      .expect(422);
    assert.equal(hiddenInput(missing.text, 'terug'), '/beheer/reacties/meldingen');
    const removed = await mod.agent
      .post(`/beheer/reacties/${rude}/weghalen`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: '/beheer/reacties/meldingen', actie: 'prullenbak', reden: 'beledigend', toelichting: 'Grof' })
      .expect(303);
    assert.equal(removed.headers.location, '/beheer/reacties/meldingen');
    assert.equal((await t.db('reacties').where({ id: rude }).first()).status, 'trash');
    // Without a return address (the old queue), the status tab as before; a foreign one is ignored.
    const other = await buildReactie(t.db, article, { status: 'approved' });
    const plain = await mod.agent
      .post(`/beheer/reacties/${other}/weghalen`)
      .type('form')
      .send({ _csrf: mod.csrf, terug: '//elders.example', actie: 'prullenbak', reden: 'anders' })
      .expect(303);
    assert.equal(plain.headers.location, '/beheer/reacties?status=trash');
  });

  it('refuses without the CSRF token and keeps editors out', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    await report(id, 'spam');
    await mod.agent.post(`/beheer/reacties/${id}/laten-staan`).type('form').send({}).expect(403);
    assert.ok(await t.db('reactie_reports').where({ reactie_id: id }).whereNull('closed_at').first(), 'nothing changed');
    const editor = await loginAs(t.app, t.db, 'editor');
    await editor.agent.get('/beheer/reacties/meldingen').expect(403);
    await editor.agent.post(`/beheer/reacties/${id}/laten-staan`).type('form').send({ _csrf: editor.csrf }).expect(403);
    const dashboard = await editor.agent.get('/beheer').expect(200);
    assert.doesNotMatch(dashboard.text, /Meldingen/, 'no moderation counts for who does not moderate');
  });

  it('mails the moderators when a report, a held edit or a bezwaar arrives, with the count of each', async () => {
    await t.db('reactie_reports').delete();
    await t.db('mail_queue').delete();
    await t.db('reacties').where({ status: 'pending' }).update({ status: 'trash' });
    await saveSettings(t.db, { mail: { moderatorDigestMinutes: 30 } });
    const start = new Date(Date.now() + 60_000);
    await t
      .db('mail_state')
      .where({ name: 'moderator-digest' })
      .update({ at: new Date(start.getTime() - 60 * 60_000), last_id: 0 });
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    // Nothing new: no mail.
    assert.equal(await mailModerators(t.deps, start, workSince(t.db)), 0);
    await report(id, 'beledigend', null, new Date(start.getTime() - 1000));
    const sent = await mailModerators(t.deps, start, workSince(t.db));
    assert.ok(sent >= 1);
    const mail = await t.db('mail_queue').where({ to: mod.email }).first('subject', 'text', 'html');
    assert.equal(mail.subject, 'Moderatie bij Stadslog: 1 reactie is gemeld door lezers');
    assert.match(mail.text, /- 1 reactie is gemeld door lezers: http:\/\/127\.0\.0\.1\/beheer\/reacties\/meldingen/);
    assert.doesNotMatch(mail.text, /wacht op goedkeuring|bezwaar/, 'only what waits');
    assert.match(mail.html, /href="http:\/\/127\.0\.0\.1\/beheer\/reacties\/meldingen"/);
    // A bezwaar half an hour later: a new mail with both counts.
    await t.db('moderation_appeals').insert({ reactie_id: id, body: 'Onterecht', created_at: new Date(start.getTime() + 20 * 60_000) });
    assert.equal(await mailModerators(t.deps, new Date(start.getTime() + 31 * 60_000), workSince(t.db)), sent);
    const second = await t.db('mail_queue').where({ to: mod.email }).orderBy('id', 'desc').first('text');
    assert.match(second.text, /- 1 reactie is gemeld door lezers: .*\n- 1 bezwaar is nog open: http:\/\/127\.0\.0\.1\/beheer\/bezwaren/);
  });
});
