// Issue 21: "Waarom hier?" names every reason a reactie is where it is: the policy's own reasons,
// kept when the reactie came in (first reactie of the address, earlier ones removed or waiting,
// hold everything), each spam check that fired, Akismet, readers' reports, a moderator's move, an
// author's edit, a closed article, and the learning filter's score. Never "no check fired" alone
// when the policy held it.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs, postReactieForm, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { saveSettings } from '../../server/settings/settings';
import { heldBecause } from '../../server/reacties/held-because';
import { whyHere, type WhyFacts } from '../../server/moderation/why/reasons';

function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const facts = (over: Partial<WhyFacts> = {}): WhyFacts => ({
  reactie: { status: 'pending', removedByReports: false, editedAt: null, officialAs: null },
  checks: { local: 'pass', outcome: 'clear', hits: [], score: 0.12 },
  akismet: null,
  recheckPending: false,
  recheckAttempts: 0,
  heldBecause: { policy: ['first-reactie'] },
  heldEditAt: null,
  reports: [],
  history: [],
  articleClosed: false,
  evidence: [],
  ...over,
});
const texts = (list: Array<{ text: string; short: string }>) => list.map((r) => r.text);

describe('moderation: why a reactie is where it is', () => {
  describe('the policy’s reasons (a pure function)', () => {
    it('holds a first reactie, an address whose reacties were removed, one whose reacties still wait, and everything under "hold all"', () => {
      assert.deepEqual(heldBecause('trusted', false, { approved: 0, pending: 0, removed: 0 }), ['first-reactie']);
      assert.deepEqual(heldBecause('trusted', false, { approved: 0, pending: 0, removed: 2 }), ['earlier-removed']);
      assert.deepEqual(heldBecause('trusted', false, { approved: 0, pending: 1, removed: 1 }), ['earlier-removed', 'earlier-waiting']);
      assert.deepEqual(heldBecause('trusted', true, { approved: 3, pending: 0, removed: 0 }), [], 'a known address is published');
      assert.deepEqual(heldBecause('all', true, { approved: 3, pending: 0, removed: 0 }), ['hold-all']);
    });
  });

  describe('the reasons (a pure function)', () => {
    it('names the policy for a reactie no check held, and never says "no check fired" then', () => {
      const why = whyHere(facts());
      assert.deepEqual(
        why.reasons.map((r) => r.short),
        ['eerste reactie van dit e-mailadres', ''],
      );
      assert.match(why.reasons[0].text, /^Eerste reactie van dit e-mailadres\./);
      assert.equal(why.reasons[1].text, 'Lerend filter: spamkans 0,12; dat telde niet mee.');
      assert.ok(!texts(why.reasons).some((t) => /Geen enkele spamcontrole/.test(t)));
      // A row from before the reasons were kept: still the policy, never "no check fired".
      const older = whyHere(facts({ heldBecause: null }));
      assert.equal(older.reasons[0].short, 'moderatiebeleid');
      assert.ok(!texts(older.reasons).some((t) => /Geen enkele spamcontrole/.test(t)));
    });

    it('lists every check that fired, Akismet, the policy and the learning filter that held it, with a spot for its heaviest words', () => {
      const why = whyHere(
        facts({
          checks: {
            local: 'hold',
            outcome: 'hold',
            score: 0.87,
            hits: [
              { check: 'links', outcome: 'hold', detail: '3 links (grens: 2)' },
              { check: 'classifier', outcome: 'hold', detail: 'waarschijnlijk spam (0,87)' },
            ],
          },
          akismet: { verdict: 'error', error: 'timeout' },
          recheckPending: true,
          recheckAttempts: 2,
          heldBecause: { policy: ['earlier-removed'] },
          evidence: [{ label: 'casino', weight: 2.1 }],
        }),
      );
      assert.equal(why.reasons[0].hit?.check, 'links');
      assert.deepEqual(
        why.reasons.slice(1).map((r) => r.short),
        ['Akismet: geen antwoord', 'adres eerder afgekeurd', 'lerend filter (0,87)'],
      );
      assert.match(why.reasons[1].text, /2 keer opnieuw geprobeerd, de volgende poging is gepland/);
      assert.equal(why.reasons[3].text, 'Lerend filter: waarschijnlijk spam (0,87), daarom vastgehouden.');
      assert.deepEqual(why.reasons[3].evidence, [{ label: 'casino', weight: 2.1 }]);
      // Akismet put it in spam after all: the policy, which only holds, is no reason for that.
      const spam = whyHere(
        facts({ reactie: { status: 'spam', removedByReports: false, editedAt: null, officialAs: null }, akismet: { verdict: 'spam' } }),
      );
      assert.deepEqual(
        spam.reasons.map((r) => r.short),
        ['Akismet: spam', ''],
      );
    });

    it('puts what moved it first (readers’ reports, a moderator) and keeps what held it on entry apart', () => {
      const hidden = whyHere(
        facts({
          reactie: { status: 'pending', removedByReports: true, editedAt: null, officialAs: null },
          reports: [
            { reason: 'beledigend', note: null, createdAt: new Date() },
            { reason: 'spam', note: 'reclame', createdAt: new Date() },
          ],
          // Approved by a moderator first: not why it waits now.
          history: [
            { id: 1, at: new Date(), actor: 'm@x.nl', action: 'reactie.approve', subjectType: 'reactie', subjectId: 1, detail: null },
          ],
        }),
      );
      assert.deepEqual(
        hidden.reasons.map((r) => r.text),
        ['Gemeld door 2 lezers (1× beledigend, 1× spam). Daarom is hij van de pagina gehaald tot een moderator kijkt.'],
      );
      assert.deepEqual(
        hidden.atEntry.map((r) => r.short),
        ['eerste reactie van dit e-mailadres', ''],
      );
      const at = new Date('2026-12-06T10:00:00Z');
      const unapproved = whyHere(
        facts({
          history: [
            { id: 2, at, actor: 'm@x.nl', action: 'reactie.unapprove', subjectType: 'reactie', subjectId: 1, detail: 'approved → pending' },
          ],
        }),
      );
      assert.equal(unapproved.reasons[0].text, 'Een moderator haalde hem van de pagina (afgekeurd).');
      assert.equal(unapproved.reasons[0].at, at);
      const closed = whyHere(
        facts({ articleClosed: true, reactie: { status: 'pending', removedByReports: false, editedAt: at, officialAs: null } }),
      );
      assert.deepEqual(
        closed.reasons.slice(0, 3).map((r) => r.short),
        ['na plaatsing gewijzigd', 'artikel gesloten', 'eerste reactie van dit e-mailadres'],
      );
    });
  });

  describe('in the queue', () => {
    let t: TestApp;
    let mod: { agent: Agent; csrf: string; email: string };
    let article: Article;
    before(async () => {
      t = await createTestApp();
      mod = await loginAs(t.app, t.db, 'moderator');
      article = await buildArticle(t.db, { title: 'De nieuwe speeltuin' });
    });
    after(async () => t.close());

    const post = async (email: string, reactie: string) => {
      const res = await postReactieForm(request.agent(t.app), articlePath(article), { email, reactie });
      assert.equal(res.status, 303, res.text);
      return Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    };
    const whyOf = async (id: number, status = 'pending') => {
      const html = (await mod.agent.get(`/beheer/reacties?status=${status}&artikel=${article.id}`).expect(200)).text;
      const start = html.indexOf(`id="q-${id}"`);
      assert.notEqual(start, -1);
      const end = html.indexOf('class="queue-item', start + 10);
      return visibleText(html.slice(start, end === -1 ? undefined : end));
    };

    it('says "eerste reactie van dit e-mailadres", then that earlier ones wait, then that the address was turned down', async () => {
      const first = await post('nieuw@voorbeeld.nl', 'Fijn dat er een speeltuin komt.');
      const held = await t.db('reacties').where({ id: first }).first('held_because');
      assert.deepEqual(JSON.parse(held.held_because), { policy: ['first-reactie'] });
      const why = await whyOf(first);
      assert.match(why, /Waarom hier\? eerste reactie van dit e-mailadres Eerste reactie van dit e-mailadres\./);
      assert.match(why, /Lerend filter: spamkans \d,\d\d; dat telde niet mee\./);
      assert.doesNotMatch(why, /Geen enkele spamcontrole sloeg aan/);

      const second = await post('nieuw@voorbeeld.nl', 'En graag ook een bankje.');
      assert.match(await whyOf(second), /Waarom hier\? eerdere reacties wachten nog /);
      await mod.agent
        .post(`/beheer/reacties/${first}/prullenbak`)
        .type('form')
        .send({ _csrf: mod.csrf, terug: '/beheer/reacties' })
        .expect(303);
      await mod.agent
        .post(`/beheer/reacties/${second}/prullenbak`)
        .type('form')
        .send({ _csrf: mod.csrf, terug: '/beheer/reacties' })
        .expect(303);
      const third = await post('nieuw@voorbeeld.nl', 'Nog een laatste vraag over de speeltuin.');
      assert.match(await whyOf(third), /Waarom hier\? adres eerder afgekeurd Van dit e-mailadres is nog geen reactie goedgekeurd/);
      // The first one's reason is what it was then, and the move that put it in the trash comes first.
      assert.match(
        await whyOf(first, 'trash'),
        /Waarom hier\? in de prullenbak gezet door een moderator .*Bij binnenkomst: Eerste reactie/,
      );
    });

    it('names a check that fired together with the policy, and "alles vasthouden" for a known address under that policy', async () => {
      const links = await post('links@voorbeeld.nl', 'Zie https://a.example.nl en https://b.example.nl en https://c.example.nl');
      assert.match(await whyOf(links), /Waarom hier\? aantal links, eerste reactie van dit e-mailadres /);
      await buildReactie(t.db, article, { status: 'approved', authorEmail: 'bekend@voorbeeld.nl' });
      await saveSettings(t.db, { moderationPolicy: 'all' });
      const known = await post('bekend@voorbeeld.nl', 'Ik kom vaker hier.');
      assert.match(await whyOf(known), /Waarom hier\? alle reacties worden vastgehouden Het moderatiebeleid houdt alle reacties vast/);
      await saveSettings(t.db, { moderationPolicy: 'trusted' });
      const published = await post('bekend@voorbeeld.nl', 'Nu direct online.');
      assert.equal((await t.db('reacties').where({ id: published }).first()).held_because, null, 'nothing held it');
      assert.match(await whyOf(published, 'approved'), /Direct geplaatst: dit e-mailadres had al een goedgekeurde reactie\./);
    });

    it('names the words that weighed most when the learning filter held or caught a reactie, and none for an ordinary one', async () => {
      const spam = await post('winnaar@voorbeeld.nl', 'FREE robux giveaway!!! subscribe to my channel and claim your free gift card now');
      const status = (await t.db('reacties').where({ id: spam }).first('status')).status as string;
      const text = await whyOf(spam, status);
      assert.match(text, /Woog het zwaarst: [^.]*(?:robux|giveaway|subscribe|free|gift|channel|claim)/i);
      assert.match(text, /Geen van de andere spamcontroles sloeg aan\./);
      const plain = await post('buurvrouw@voorbeeld.nl', 'Goed dat de gemeente eindelijk iets doet aan de speeltuin bij ons in de straat.');
      assert.doesNotMatch(await whyOf(plain), /Woog het zwaarst/);
    });

    it('shows on the held edits page what held an author’s edit', async () => {
      await buildReactie(t.db, article, { status: 'approved', authorEmail: 'schrijver@voorbeeld.nl' });
      const author = request.agent(t.app);
      const res = await postReactieForm(author, articlePath(article), { email: 'schrijver@voorbeeld.nl', reactie: 'Netjes.' });
      const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
      assert.equal((await t.db('reacties').where({ id }).first()).status, 'approved');
      // Under "hold everything", the edit of a published reactie waits too.
      await saveSettings(t.db, { moderationPolicy: 'all' });
      const form = await author.get(`/reactie/${id}/bewerken`).expect(200);
      await author
        .post(`/reactie/${id}/bewerken`)
        .type('form')
        .send({ _token: hiddenInput(form.text, '_token'), reactie: 'Netjes, met een verbetering.' })
        .expect(200);
      await saveSettings(t.db, { moderationPolicy: 'trusted' });
      const list = visibleText((await mod.agent.get('/beheer/reacties/wijzigingen').expect(200)).text);
      assert.match(list, /Waarom de wijziging wacht: Het moderatiebeleid houdt alle reacties vast/);
      // The queue's item says an edit waits.
      assert.match(await whyOf(id, 'approved'), /wijziging wacht op goedkeuring/);
    });
  });
});
