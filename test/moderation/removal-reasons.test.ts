// Issue 21, removal reasons as a setting: label, category, public text and whether the author is
// mailed, one a line on /beheer/instellingen. "Weghalen met reden…" offers them, the queue's keys
// 1 to 9 send one; the public log files the category with the public text, and the author's mail
// (when the reason says so) quotes the public note and the author's own reactie.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, settingsFormWith, type Agent } from '../helpers/http';
import { DEFAULT_REMOVAL_REASONS, parseRemovalReasons, removalReasonsOf } from '../../server/settings/removal-reasons';
import { saveSettings } from '../../server/settings/settings';

describe('moderation: removal reasons', () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string; email: string };
  before(async () => {
    t = await createTestApp();
    mod = await loginAs(t.app, t.db, 'moderator');
  });
  afterEach(async () => saveSettings(t.db, { removalReasons: DEFAULT_REMOVAL_REASONS }));
  after(async () => t.close());

  const status = async (id: number) => (await t.db('reacties').where({ id }).first())?.status;
  const remove = (id: number, fields: Record<string, string>, json = false) => {
    const req = mod.agent.post(`/beheer/reacties/${id}/weghalen`).type('form');
    if (json) req.set('Accept', 'application/json');
    return req.send({ _csrf: mod.csrf, ...fields });
  };
  const mailTo = (to: string) => t.db('mail_queue').where({ to }).orderBy('id', 'desc').first();

  it('reads the setting line by line and says in Dutch which line is wrong', () => {
    const defaults = parseRemovalReasons(DEFAULT_REMOVAL_REASONS);
    assert.ok(defaults.ok);
    assert.deepEqual(
      defaults.reasons.map((r) => [r.label, r.category, r.mailAuthor]),
      [
        ['Beledigend', 'beledigend', true],
        ['Spam of reclame', 'spam', false],
        ['Off-topic', 'off-topic', true],
        ['Privacy van anderen', 'persoonsgegevens', true],
      ],
    );
    const wrong: Array<[string, RegExp]> = [
      ['Grof | beledigend | Weg.', /^regel 1 heeft geen vier delen/],
      ['Grof | beledigend | Weg. | mail\n\nGrof | spam | Weg. | mail', /^regel 3: het label "Grof" staat er al\./],
      [
        'Grof | onaardig | Weg. | mail',
        /^regel 1: de categorie is een van "spam", "beledigend", "persoonsgegevens", "hoort hier niet", "andere reden"\./,
      ],
      ['Grof | beledigend |  | mail', /^regel 1: geef een openbare tekst/],
      ['Grof | beledigend | Weg. | misschien', /^regel 1 eindigt op "mail" of "geen mail"\./],
      [Array.from({ length: 10 }, (_, i) => `R${i} | spam | Weg. | mail`).join('\n'), /^geef hoogstens 9 redenen \(nu 10\)\./],
    ];
    for (const [text, message] of wrong) {
      const parsed = parseRemovalReasons(text);
      assert.ok(!parsed.ok && message.test(parsed.error), `${text}: ${JSON.stringify(parsed)}`);
    }
    // The category may be written as the log shows it; a stored value that no longer reads gives the defaults.
    const own = parseRemovalReasons('Dwaalt af | hoort hier niet | Ging over iets anders. | GEEN MAIL');
    assert.ok(own.ok);
    assert.deepEqual(own.reasons, [{ label: 'Dwaalt af', category: 'off-topic', publicText: 'Ging over iets anders.', mailAuthor: false }]);
    assert.equal(removalReasonsOf('kapot').length, 4);
  });

  it('is a setting on /beheer/instellingen, with the Dutch defaults, refused with a message when a line is wrong', async () => {
    const page = await mod.agent.get('/beheer/instellingen').expect(200);
    assert.match(page.text, /Redenen om een reactie weg te halen \(één per regel, hoogstens 9\)/);
    assert.match(page.text, /Spam of reclame \| spam \| Weggehaald: reclame of spam\. \| geen mail/);
    const bad = await mod.agent
      .post('/beheer/instellingen')
      .type('form')
      .send({ ...settingsFormWith({ weghaalRedenen: 'Grof | beledigend | Weg.' }), _csrf: mod.csrf });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /De redenen om weg te halen: regel 1 heeft geen vier delen/);
    assert.match(bad.text, /Grof \| beledigend \| Weg\.<\/textarea>/);
    await mod.agent
      .post('/beheer/instellingen')
      .type('form')
      .send({ ...settingsFormWith({ weghaalRedenen: 'Grof | beledigend | Weggehaald: grof. | mail' }), _csrf: mod.csrf })
      .expect(303);
    const weghalen = await mod.agent.get(`/beheer/reacties/${await buildReactie(t.db, await buildArticle(t.db))}/weghalen`).expect(200);
    assert.match(weghalen.text, /<label for="weghaalreden-1">Grof<\/label>/);
    assert.doesNotMatch(weghalen.text, /Spam of reclame/);
  });

  it('"Weghalen met reden…" offers the reasons; one puts its category and text in the public log and mails the author both, with their reactie', async () => {
    const article = await buildArticle(t.db, { title: 'Bomen aan de Singel' });
    const id = await buildReactie(t.db, article, {
      authorEmail: 'boos@example.nl',
      authorName: 'Boos',
      body: 'Jullie zijn allemaal idioten.\nEcht waar.',
    });
    const page = await mod.agent.get(`/beheer/reacties/${id}/weghalen`).expect(200);
    assert.match(page.text, /<label for="weghaalreden-1">Beledigend<\/label>/);
    assert.match(page.text, /“Weggehaald: reclame of spam\.” De schrijver krijgt geen mail\./);
    assert.match(page.text, /De schrijver krijgt een mail met deze tekst en de eigen reactie\./);
    // No reports: "een andere reden" is ticked until the moderator picks one.
    assert.match(page.text, /id="weghaalreden-anders" name="weghaalreden" value="anders" checked/);

    await remove(id, { actie: 'prullenbak', weghaalreden: '1', reden: '', toelichting: '' }).expect(303);
    assert.equal(await status(id), 'trash');
    const [entry] = await t.db('moderation_log').where({ reactie_id: id });
    assert.deepEqual(
      [entry.action, entry.reason, entry.public_note],
      ['verwijderd', 'beledigend', 'Weggehaald omdat de reactie beledigend was. Reageer op wat iemand zegt, niet op de persoon.'],
    );
    const log = await request(t.app).get('/moderatie').expect(200);
    assert.match(log.text, /Reactie verwijderd door de moderatie: beledigend/);
    const mail = await mailTo('boos@example.nl');
    assert.ok(mail, 'the author is mailed');
    const text = String(mail.text);
    assert.match(text, /Reden: beledigend\./);
    assert.match(text, /Toelichting van de moderatie: Weggehaald omdat de reactie beledigend was\./);
    assert.match(text, /Je reactie was:\n> Jullie zijn allemaal idioten\.\n> Echt waar\./);
    assert.match(text, /\/moderatie\/bezwaar\/\d+\?t=/);
    assert.match(
      (await mod.agent.get('/beheer/reacties?status=trash')).text,
      /De reactie van Boos is van de pagina gehaald \(reden: Beledigend\)/,
    );
  });

  it("a note of the moderator's own replaces the public text; a reason without mail sends none", async () => {
    const article = await buildArticle(t.db);
    const own = await buildReactie(t.db, article, { authorEmail: 'eigen@example.nl' });
    await remove(own, { actie: 'afkeuren', weghaalreden: '3', toelichting: 'Dit ging over de markt.' }).expect(303);
    const [entry] = await t.db('moderation_log').where({ reactie_id: own });
    assert.deepEqual([entry.reason, entry.public_note], ['off-topic', 'Dit ging over de markt.']);
    assert.match(String((await mailTo('eigen@example.nl')).text), /Toelichting van de moderatie: Dit ging over de markt\./);

    const spam = await buildReactie(t.db, article, { authorEmail: 'reclame@example.nl' });
    await remove(spam, { actie: 'spam', weghaalreden: '2' }).expect(303);
    assert.equal(await status(spam), 'spam');
    assert.equal(await mailTo('reclame@example.nl'), undefined, 'Spam of reclame: geen mail');
  });

  it("the queue's keys send a reason without an action: spam for a spam reason, else the prullenbak, answered as JSON", async () => {
    const article = await buildArticle(t.db);
    const a = await buildReactie(t.db, article);
    const b = await buildReactie(t.db, article);
    const queue = await mod.agent.get(`/beheer/reacties?status=approved&artikel=${article.id}`).expect(200);
    assert.match(
      queue.text,
      new RegExp(
        `<button type="submit" formaction="/beheer/reacties/${a}/weghalen" data-moderation="reden" class="secondary">Weghalen</button>`,
      ),
    );
    assert.match(queue.text, /<option value="2">2\. Spam of reclame<\/option>/);
    assert.match(queue.text, /<kbd>1<\/kbd>–<kbd>4<\/kbd> weghalen met reden/);

    const one = await remove(a, { weghaalreden: '2', terug: '/beheer/reacties?status=approved' }, true).expect(200);
    assert.equal(one.body.ok, true);
    assert.match(one.body.message, /is van de pagina gehaald \(reden: Spam of reclame\) en staat nu bij Spam/);
    assert.equal(await status(a), 'spam');
    await remove(b, { weghaalreden: '4', terug: '/beheer/reacties?status=approved' })
      .expect(303)
      .expect('location', '/beheer/reacties?status=approved');
    assert.equal(await status(b), 'trash');
    assert.equal((await t.db('moderation_log').where({ reactie_id: b }).first()).reason, 'persoonsgegevens');

    // A reason that does not exist, or a reactie that is no longer on the page: a message, no change.
    const c = await buildReactie(t.db, article);
    const wrong = await remove(c, { weghaalreden: '9' }, true).expect(422);
    assert.equal(wrong.body.message, 'Kies een van de redenen uit de lijst.');
    const page = await remove(c, { weghaalreden: '9', toelichting: 'Mijn tekst' });
    assert.equal(page.status, 422);
    assert.match(page.text, /Kies een van de redenen uit de lijst\./);
    assert.match(page.text, /Mijn tekst<\/textarea>/);
    assert.equal(await status(c), 'approved');
    const gone = await remove(b, { weghaalreden: '1' }, true).expect(422);
    assert.match(gone.body.message, /Deze reactie staat niet \(meer\) op de pagina\./);
  });

  it('with reports, the first reason of the most reported category is ticked', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article);
    await t.db('reactie_reports').insert({ reactie_id: id, reason: 'persoonsgegevens', reader_key: 'x', created_at: new Date() });
    const page = await mod.agent.get(`/beheer/reacties/${id}/weghalen`).expect(200);
    assert.match(page.text, /id="weghaalreden-4" name="weghaalreden" value="4" checked/);
  });
});
