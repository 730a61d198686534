// Issue 21, the person behind an address: from any reactie "Meer van deze schrijver" lists what the
// same address wrote, with counts, reports and bezwaren, never the address, its hash or an IP; a
// moderator holds or blocks the address (with a last day and a reason, in the audit log), and
// leaves notes for colleagues. Held: every new reactie waits. Blocked: a neutral refusal that keeps
// the text. Rules and notes end on schedule and go with the person under the AVG.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs, postReactieForm, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { addressKeyOf } from '../../server/addresses/key';
import { eraseReactiesByEmail } from '../../server/privacy/queries';
import { retentionJobs } from '../../server/privacy/retention';
import { saveSettings } from '../../server/settings/settings';
import { heldBecause } from '../../server/reacties/held-because';

const DAY = 24 * 60 * 60 * 1000;

describe('moderation: the person behind an address', () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string; email: string };
  before(async () => {
    t = await createTestApp({ trustProxy: 1 });
    mod = await loginAs(t.app, t.db, 'moderator');
  });
  afterEach(() => t.setNow(undefined));
  after(async () => t.close());

  const post = (path: string, fields: Record<string, string>) =>
    mod.agent
      .post(path)
      .type('form')
      .send({ _csrf: mod.csrf, ...fields });
  /** Posts the reactie form as a resident and expects it stored (a redirect to the reactie). */
  async function posted(agent: Agent, path: string, fields: Parameters<typeof postReactieForm>[2]) {
    const res = await postReactieForm(agent, path, fields);
    assert.equal(res.status, 303, res.text.slice(0, 300));
  }
  const newestOf = async (email: string) => t.db('reacties').where({ author_email_key: email.toLowerCase() }).orderBy('id', 'desc').first();

  /** An article with three reacties of one address (typed in two ways) and one of someone else. */
  async function writerWithReacties(email: string): Promise<{ article: Article; ids: number[]; other: number }> {
    const article = await buildArticle(t.db, { title: 'De nieuwe fietsbrug' });
    const upper = email.replace(/^./, (c) => c.toUpperCase());
    const first = await buildReactie(
      t.db,
      article,
      { authorEmail: email, authorName: 'Kees', body: 'Eerste reactie van Kees' },
      new Date(Date.now() - 3 * DAY),
    );
    const second = await buildReactie(t.db, article, { authorEmail: upper, authorName: 'K.', body: 'Tweede reactie', status: 'spam' });
    const third = await buildReactie(t.db, article, { authorEmail: email, authorName: 'Kees', body: 'Derde reactie', status: 'trash' });
    const other = await buildReactie(t.db, article, { authorEmail: 'iemand-anders@example.nl', body: 'Van iemand anders' });
    return { article, ids: [first, second, third], other };
  }

  it('lists what the same address wrote, with counts, first seen, reports and bezwaren, and never the address, its hash or an IP', async () => {
    const email = 'kees.schrijver@example.nl';
    const { ids, other } = await writerWithReacties(email);
    await t.db('reactie_reports').insert([
      { reactie_id: ids[0], reason: 'beledigend', note: null, reader_key: 'r1', created_at: new Date() },
      { reactie_id: ids[0], reason: 'spam', note: null, reader_key: 'r2', created_at: new Date(), closed_at: new Date() },
    ]);
    await t.db('moderation_appeals').insert({ reactie_id: ids[2], body: 'Onterecht', created_at: new Date(), outcome: 'afgewezen' });
    await t.db('moderation_appeals').insert({ reactie_id: ids[1], body: 'Geen spam', created_at: new Date() });

    const page = await mod.agent.get(`/beheer/reacties/${ids[2]}/schrijver`).expect(200);
    assert.match(page.text, /<h1>Meer van deze schrijver<\/h1>/);
    assert.match(page.text, /Schreef als<\/dt>\s*<dd>Kees, K\.<\/dd>/);
    assert.match(page.text, /<dd>3 reacties: 1 goedgekeurd, 1 als spam, 1 in de prullenbak<\/dd>/);
    assert.match(page.text, /<dd>2 meldingen: 1 beledigend, 1 spam<\/dd>/);
    assert.match(page.text, /<dd>1 afgewezen, 1 open<\/dd>/);
    assert.match(page.text, /Eerste reactie<\/dt>\s*<dd><time/);
    for (const id of ids) assert.match(page.text, new RegExp(`id="reactie-${id}"`));
    assert.match(page.text, /Eerste reactie van Kees/);
    assert.doesNotMatch(page.text, new RegExp(`id="reactie-${other}"|Van iemand anders`));
    const key = addressKeyOf(t.deps.config.sessionSecret, email);
    for (const secret of [email, 'Kees.schrijver', key, key.slice(0, 12), '192.0.2.10', 'mailto:'])
      assert.ok(!page.text.toLowerCase().includes(secret.toLowerCase()), `the page shows no ${secret}`);

    // The queue links every reactie to it.
    const queue = await mod.agent.get('/beheer/reacties?status=approved').expect(200);
    assert.match(queue.text, new RegExp(`href="/beheer/reacties/${ids[0]}/schrijver"`));

    // So does the list of bezwaren.
    const appeals = await mod.agent.get('/beheer/bezwaren').expect(200);
    assert.match(appeals.text, new RegExp(`href="/beheer/reacties/${ids[1]}/schrijver"`));
    await mod.agent.get('/beheer/reacties/999999/schrijver').expect(404);
    await request(t.app).get(`/beheer/reacties/${ids[0]}/schrijver`).expect(302);
  });

  it("names a held address first among the policy's reasons, also where the policy itself would publish", () => {
    const none = { approved: 0, pending: 0, removed: 0 };
    assert.deepEqual(heldBecause('trusted', true, { ...none, approved: 2 }, true), ['address-held']);
    assert.deepEqual(heldBecause('trusted', false, none, true), ['address-held', 'first-reactie']);
    assert.deepEqual(heldBecause('all', true, none, true), ['address-held', 'hold-all']);
    assert.deepEqual(heldBecause('trusted', true, { ...none, approved: 2 }), []);
  });

  it('"altijd vasthouden": every new reactie of the address waits, also under the trusted policy; others do not', async () => {
    await saveSettings(t.db, { moderationPolicy: 'trusted' });
    const article = await buildArticle(t.db);
    const email = 'vasthouden@example.nl';
    const known = await buildReactie(t.db, article, { authorEmail: email, status: 'approved' });
    const resident = request.agent(t.app);
    // Known address: published at once before the rule.
    await posted(resident, articlePath(article), { email, reactie: 'Voor de maatregel' });
    assert.equal((await newestOf(email)).status, 'approved');

    // Without the form's CSRF token nothing happens.
    await mod.agent.post(`/beheer/reacties/${known}/schrijver/maatregel`).type('form').send({ regel: 'hold' }).expect(403);
    const set = await post(`/beheer/reacties/${known}/schrijver/maatregel`, { regel: 'hold', tot: '', reden: 'Stuurt steeds reclame' });
    assert.equal(set.status, 303);
    assert.equal(set.headers.location, `/beheer/reacties/${known}/schrijver`);
    const page = await mod.agent.get(set.headers.location).expect(200);
    assert.match(page.text, /wordt tot en met \d+ \w+ \d{4} altijd vastgehouden: elke nieuwe reactie wacht op een moderator/);
    assert.match(page.text, /data-rule="hold">Altijd vasthouden, tot en met \d+ \w+ \d{4}\. Reden: Stuurt steeds reclame/);
    const audit = await t.db('audit_log').where({ action: 'address.hold', subject_id: known }).first();
    assert.ok(audit, 'in the audit log');
    assert.match(String(audit.detail), /^tot en met \d+ \w+ \d{4}$/);
    assert.doesNotMatch(String(audit.detail), /reclame/, 'the reason is forgotten with the rule, so it stays out of the audit log');

    // The same address, typed in capitals, waits now; another address does not.
    await posted(resident, articlePath(article), { email: 'Vasthouden@Example.nl', reactie: 'Na de maatregel' });
    assert.equal((await newestOf('Vasthouden@Example.nl')).status, 'pending');
    await buildReactie(t.db, article, { authorEmail: 'gewoon@example.nl', status: 'approved' });
    await posted(resident, articlePath(article), { email: 'gewoon@example.nl', reactie: 'Ik mag gewoon' });
    assert.equal((await newestOf('gewoon@example.nl')).status, 'approved');
    // The queue says why it waits: the rule at the reactie, and in "Waarom hier?".
    const queue = await mod.agent.get('/beheer/reacties?status=pending').expect(200);
    assert.match(queue.text, /data-rule="hold"><strong>Schrijver: altijd vasthouden<\/strong>/);
    const held = await newestOf('Vasthouden@Example.nl');
    assert.deepEqual(JSON.parse(held.held_because), { policy: ['address-held'] });
    const item = queue.text.slice(queue.text.indexOf(`id="q-${held.id}"`));
    assert.match(item.slice(0, item.indexOf('</li>\n')), /schrijver wordt altijd vastgehouden/);

    // Lifted: the ordinary rules again.
    await post(`/beheer/reacties/${known}/schrijver/opheffen`, {}).expect(303);
    assert.ok(await t.db('audit_log').where({ action: 'address.lift', subject_id: known }).first());
    await posted(resident, articlePath(article), { email, reactie: 'Weer vrij' });
    assert.equal((await newestOf(email)).status, 'approved');
    await saveSettings(t.db, { moderationPolicy: 'all' });
  });

  it("an author's own edit of a published reactie waits for a moderator once the address is held", async () => {
    await saveSettings(t.db, { moderationPolicy: 'trusted' });
    const article = await buildArticle(t.db);
    const email = 'bewerker@example.nl';
    await buildReactie(t.db, article, { authorEmail: email, status: 'approved' });
    const author = request.agent(t.app);
    const res = await postReactieForm(author, articlePath(article), { email, reactie: 'Eerste versie.' });
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    assert.equal((await t.db('reacties').where({ id }).first()).status, 'approved');
    await post(`/beheer/reacties/${id}/schrijver/maatregel`, { regel: 'hold', tot: '', reden: '' }).expect(303);
    const form = await author.get(`/reactie/${id}/bewerken`).expect(200);
    const edited = await author
      .post(`/reactie/${id}/bewerken`)
      .type('form')
      .send({ _token: hiddenInput(form.text, '_token'), reactie: 'Tweede versie.' });
    assert.equal(edited.status, 200);
    assert.match(edited.text, /wacht op goedkeuring/);
    const row = await t.db('reacties').where({ id }).first();
    assert.equal(row.body, 'Eerste versie.', 'the public text stays until a moderator approves the edit');
    await saveSettings(t.db, { moderationPolicy: 'all' });
  });

  it('"blokkeren": a new reactie is refused with a neutral Dutch message and its text kept, until the last day has passed', async () => {
    const article = await buildArticle(t.db);
    const email = 'brugkijker@example.nl';
    const id = await buildReactie(t.db, article, { authorEmail: email });
    const now = new Date('2026-12-10T10:00:00Z');
    t.setNow(now);
    await post(`/beheer/reacties/${id}/schrijver/maatregel`, { regel: 'block', tot: '2026-12-31', reden: '' }).expect(303);
    const rule = await t.db('address_rules').where({ reactie_id: id }).first();
    // To the end of 31 December in Amsterdam: 1 January 00:00 CET.
    assert.equal(new Date(rule.ends_at).toISOString(), '2026-12-31T23:00:00.000Z');
    assert.equal(rule.reason, null);
    assert.equal(rule.address_key, addressKeyOf(t.deps.config.sessionSecret, email));
    assert.ok(!JSON.stringify(rule).includes(email), 'the address itself is not stored');
    assert.ok(await t.db('audit_log').where({ action: 'address.block', subject_id: id, detail: 'tot en met 31 december 2026' }).first());

    const resident = request.agent(t.app);
    const before = await t.db('reacties').count({ n: '*' }).first();
    const refused = await postReactieForm(resident, articlePath(article), {
      email: ` ${email.toUpperCase()} `,
      reactie: 'Mijn mening over de brug',
    });
    assert.equal(refused.status, 403);
    assert.match(refused.text, /Je reactie kon niet worden geplaatst\. Denk je dat dit niet klopt\? Neem dan contact op met de redactie/);
    assert.match(refused.text, />Mijn mening over de brug<\/textarea>/, 'the text is kept');
    const hint = /blok|geweigerd|maatregel/i.exec(refused.text);
    assert.equal(
      hint,
      null,
      `no hint that the address was blocked: ${refused.text.slice((hint?.index ?? 0) - 80, (hint?.index ?? 0) + 80)}`,
    );
    assert.deepEqual(await t.db('reacties').count({ n: '*' }).first(), before);

    // The last day passes: the address may react again.
    t.setNow(new Date('2027-01-01T00:30:00+01:00'));
    await posted(resident, articlePath(article), { email, reactie: 'Het nieuwe jaar' });
    assert.equal((await newestOf(email)).body, 'Het nieuwe jaar');
    // ... and the retention job forgets the ended rule.
    const job = retentionJobs(t.deps.config, t.db).find(([name]) => name === 'ended address rules')!;
    await job[1](new Date('2027-01-01T00:30:00+01:00'));
    assert.equal(await t.db('address_rules').where({ reactie_id: id }).first(), undefined);
  });

  it('refuses a wrong rule form with a Dutch message per field, keeping what was typed', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article);
    t.setNow(new Date('2026-12-10T10:00:00Z'));
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { regel: 'verbannen', tot: '' },
        /Kies &#34;Altijd vasthouden&#34; of &#34;Blokkeren&#34;\.|Kies "Altijd vasthouden" of "Blokkeren"\./,
      ],
      [{ regel: 'block', tot: '31-12-2026' }, /Vul de laatste dag in als datum, bijvoorbeeld 2027-01-31\./],
      [{ regel: 'block', tot: '2026-02-30' }, /Vul de laatste dag in als datum/],
      [{ regel: 'block', tot: '2026-12-09' }, /Kies een laatste dag vanaf vandaag\./],
      [{ regel: 'block', tot: '2029-01-01' }, /Kies een laatste dag tot uiterlijk \d+ \w+ 2028\./],
      [{ regel: 'hold', tot: '', reden: 'x'.repeat(501) }, /De reden mag hoogstens 500 tekens lang zijn/],
    ];
    for (const [fields, message] of cases) {
      const res = await post(`/beheer/reacties/${id}/schrijver/maatregel`, { reden: 'Mijn <b>reden</b>', ...fields });
      assert.equal(res.status, 422, JSON.stringify(fields));
      assert.match(res.text, message);
      assert.match(res.text, /De maatregel is nog niet ingesteld/);
      if (!fields.reden) assert.match(res.text, /Mijn &lt;b&gt;reden&lt;\/b&gt;<\/textarea>/);
    }
    assert.equal(await t.db('address_rules').where({ reactie_id: id }).first(), undefined);
  });

  it('keeps notes for staff on a reactie and on the person, in the audit log without their text, never on a public page', async () => {
    const email = 'notities@example.nl';
    const { article, ids } = await writerWithReacties(email);
    await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'reactie', notitie: 'Grens van het toelaatbare' }).expect(303);
    await post(`/beheer/reacties/${ids[1]}/notities`, {
      over: 'schrijver',
      notitie: 'Schrijft\nvaak over de brug',
      terug: '/beheer/reacties?status=approved',
    })
      .expect(303)
      .expect('location', '/beheer/reacties?status=approved');
    // An empty note is refused, a hostile "terug" is not followed.
    const empty = await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'reactie', notitie: '  ' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Vul de notitie in\./);
    await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'reactie', notitie: 'Nog een', terug: 'https://elders.example/' })
      .expect(303)
      .expect('location', `/beheer/reacties/${ids[0]}/schrijver`);

    const page = (await mod.agent.get(`/beheer/reacties/${ids[2]}/schrijver`).expect(200)).text;
    assert.match(page, /Over de schrijver: Schrijft\nvaak over de brug/);
    assert.match(page, /Bij deze reactie: Grens van het toelaatbare/);
    const queue = (await mod.agent.get(`/beheer/reacties?status=approved&artikel=${article.id}`).expect(200)).text;
    assert.match(queue, /Bij deze reactie: Grens van het toelaatbare/);
    assert.match(queue, /Over de schrijver: Schrijft/);
    const publicPage = await request(t.app).get(articlePath(article)).expect(200);
    assert.doesNotMatch(publicPage.text, /toelaatbare|Schrijft/);

    const audits = await t.db('audit_log').whereIn('action', ['note.reactie', 'note.writer']).orderBy('id');
    assert.deepEqual(
      audits.map((a) => [a.action, a.subject_id, a.detail]),
      [
        ['note.reactie', ids[0], null],
        ['note.writer', ids[1], null],
        ['note.reactie', ids[0], null],
      ],
    );
    // A note can be deleted again.
    const note = await t.db('moderator_notes').where({ body: 'Nog een' }).first();
    await post(`/beheer/notities/${note.id}/verwijderen`, { terug: `/beheer/reacties/${ids[0]}/schrijver` }).expect(303);
    assert.equal(await t.db('moderator_notes').where({ id: note.id }).first(), undefined);
    assert.ok(await t.db('audit_log').where({ action: 'note.delete', subject_id: ids[0] }).first());
  });

  it('gives the person the rule and the notes about them in their AVG export', async () => {
    const email = 'inzage@example.nl';
    const { ids } = await writerWithReacties(email);
    await post(`/beheer/reacties/${ids[0]}/schrijver/maatregel`, { regel: 'hold', tot: '', reden: 'Veel links' }).expect(303);
    await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'schrijver', notitie: 'Gebeld' }).expect(303);
    await post(`/beheer/reacties/${ids[1]}/notities`, { over: 'reactie', notitie: 'Randgeval' }).expect(303);
    const doc = JSON.parse((await mod.agent.get(`/beheer/privacy/export?email=${encodeURIComponent(email)}`).expect(200)).text);
    assert.equal(doc.maatregel_van_de_moderatie.soort, 'altijd vasthouden');
    assert.equal(doc.maatregel_van_de_moderatie.reden, 'Veel links');
    assert.deepEqual(
      doc.notities_van_de_moderatie.map((n: { over: string; tekst: string }) => [n.over, n.tekst]),
      [
        ['de schrijver', 'Gebeld'],
        [`reactie ${ids[1]}`, 'Randgeval'],
      ],
    );
  });

  for (const mode of ['anonymise', 'delete'] as const)
    it(`an AVG erasure (${mode}) takes the rule and every note on the person and their reacties with it`, async () => {
      const email = `avg-${mode}@example.nl`;
      const { ids, other } = await writerWithReacties(email);
      await post(`/beheer/reacties/${ids[0]}/schrijver/maatregel`, { regel: 'block', tot: '', reden: 'Scheldt' }).expect(303);
      await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'reactie', notitie: 'Over de reactie' }).expect(303);
      await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'schrijver', notitie: 'Over de persoon' }).expect(303);
      await post(`/beheer/reacties/${other}/notities`, { over: 'schrijver', notitie: `Over iemand anders (${mode})` }).expect(303);
      const key = addressKeyOf(t.deps.config.sessionSecret, email);
      assert.ok(await t.db('address_rules').where({ address_key: key }).first());

      await eraseReactiesByEmail(t.deps, email, mode);
      assert.equal(await t.db('address_rules').where({ address_key: key }).first(), undefined);
      assert.deepEqual(
        (await t.db('moderator_notes').whereIn('body', ['Over de reactie', 'Over de persoon', `Over iemand anders (${mode})`])).map(
          (n) => n.body,
        ),
        [`Over iemand anders (${mode})`],
      );
      if (mode === 'anonymise') {
        const page = await mod.agent.get(`/beheer/reacties/${ids[0]}/schrijver`).expect(200);
        assert.match(page.text, /is geanonimiseerd na een privacyverzoek: er hoort geen schrijver meer bij/);
        const refused = await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'schrijver', notitie: 'Toch iets' });
        assert.equal(refused.status, 422);
      }
    });

  it('forgets notes on a person after a year; notes on a reactie stay with the reactie', async () => {
    const { ids } = await writerWithReacties('oud@example.nl');
    await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'schrijver', notitie: 'Oude notitie over de persoon' }).expect(303);
    await post(`/beheer/reacties/${ids[0]}/notities`, { over: 'reactie', notitie: 'Oude notitie bij de reactie' }).expect(303);
    const job = retentionJobs(t.deps.config, t.db).find(([name]) => name === 'old notes on addresses')!;
    await job[1](new Date(Date.now() + 364 * DAY));
    assert.ok(await t.db('moderator_notes').where({ body: 'Oude notitie over de persoon' }).first());
    await job[1](new Date(Date.now() + 366 * DAY));
    assert.equal(await t.db('moderator_notes').where({ body: 'Oude notitie over de persoon' }).first(), undefined);
    assert.ok(await t.db('moderator_notes').where({ body: 'Oude notitie bij de reactie' }).first());
    // Deleted for good (from the prullenbak): its notes go with it; the rule of its address stays.
    await post(`/beheer/reacties/${ids[0]}/schrijver/maatregel`, { regel: 'hold', tot: '' }).expect(303);
    await post(`/beheer/reacties/${ids[0]}/prullenbak`, {}).expect(303);
    await post(`/beheer/reacties/${ids[0]}/verwijderen`, {}).expect(303);
    assert.equal(await t.db('reacties').where({ id: ids[0] }).first(), undefined);
    assert.equal(await t.db('moderator_notes').where({ body: 'Oude notitie bij de reactie' }).first(), undefined);
    const rule = await t
      .db('address_rules')
      .where({ address_key: addressKeyOf(t.deps.config.sessionSecret, 'oud@example.nl') })
      .first();
    assert.equal(rule.reactie_id, null);
  });

  it('lists every rule in force at /beheer/schrijvers, soonest ending first, each to lift in one click', async () => {
    await t.db('address_rules').delete();
    const article = await buildArticle(t.db);
    const later = await buildReactie(t.db, article, { authorEmail: 'later@example.nl' });
    const sooner = await buildReactie(t.db, article, { authorEmail: 'eerder@example.nl' });
    await post(`/beheer/reacties/${later}/schrijver/maatregel`, { regel: 'hold', tot: '', reden: 'Twijfelgeval' }).expect(303);
    await post(`/beheer/reacties/${sooner}/schrijver/maatregel`, { regel: 'block', tot: '2099-01-01', reden: '' });
    await post(`/beheer/reacties/${sooner}/schrijver/maatregel`, { regel: 'block', tot: '', reden: 'Reclame' }).expect(303);
    await t
      .db('address_rules')
      .where({ reactie_id: sooner })
      .update({ ends_at: new Date(Date.now() + 30 * DAY) });
    const page = await mod.agent.get('/beheer/schrijvers').expect(200);
    const rows = [...page.text.matchAll(/<tr data-rule="(\w+)">[\s\S]*?<\/tr>/g)];
    assert.deepEqual(
      rows.map((m) => m[1]),
      ['block', 'hold'],
    );
    assert.match(rows[0][0], /Reclame/);
    assert.match(rows[0][0], new RegExp(`href="/beheer/reacties/${sooner}/schrijver"`));
    assert.ok(!page.text.includes('eerder@example.nl') && !page.text.includes('later@example.nl'));
    const rule = await t.db('address_rules').where({ reactie_id: later }).first();
    await post(`/beheer/schrijvers/${rule.id}/opheffen`, {}).expect(303).expect('location', '/beheer/schrijvers');
    assert.equal(await t.db('address_rules').where({ id: rule.id }).first(), undefined);
    assert.ok(
      await t
        .db('audit_log')
        .where({ action: 'address.lift', detail: `maatregel ${rule.id}` })
        .first(),
    );
    assert.match((await mod.agent.get('/beheer/schrijvers')).text, /De maatregel is opgeheven/);
  });

  it('needs a moderation login for every page and action', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article);
    const editor = await loginAs(t.app, t.db, 'editor');
    await editor.agent.get(`/beheer/reacties/${id}/schrijver`).expect(403);
    const page = await editor.agent.get('/beheer').expect(200);
    await editor.agent
      .post(`/beheer/reacties/${id}/schrijver/maatregel`)
      .type('form')
      .send({ _csrf: hiddenInput(page.text, '_csrf'), regel: 'block' })
      .expect(403);
    assert.equal(await t.db('address_rules').where({ reactie_id: id }).first(), undefined);
  });
});
