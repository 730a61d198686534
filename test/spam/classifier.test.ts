// The learning spam filter: folding the tricks spam uses, the features it sees, its place in the
// verdict of a posted reactie, and learning from moderators (stored in the database, undone, reset).
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, postReactieForm, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { fold } from '../../server/spam/classifier/fold';
import { featureNames, features } from '../../server/spam/classifier/features';
import { HOLD_AT, SPAM_AT, scoreReactie } from '../../server/spam/classifier/classify';
import { learnReactie, siteModelSize } from '../../server/spam/classifier/store';
import { lessonOf } from '../../server/moderation/learn';
import request from 'supertest';

describe('spam: the learning classifier', () => {
  describe('folding and features', () => {
    it('folds case, leetspeak, zero-width and look-alike letters, and stretched letters', () => {
      const f = fold('Ch3ck\u200b оut my СHANNEL pleaseeeee fr33 r0bux');
      assert.equal(f.text, 'check out my channel pleasee free robux');
      assert.deepEqual([f.invisible, f.lookAlikes, f.leet], [true, true, true]);
      // Numbers, years, a name and a Russian sentence stay as they are.
      assert.equal(fold('In 2024 kost het 100k, covid19 @henk').text, 'in 2024 kost het 100k, covid19 @henk');
      assert.equal(fold('Привет, как дела').text, 'привет, как дела');
      assert.equal(fold('Café ruïne').text, 'cafe ruine');
      // Every call sees the tricks, not only every other one.
      assert.deepEqual([fold('a\u200bb оk').invisible, fold('c\u200bd оk').invisible, fold('e\u200bf оk').lookAlikes], [true, true, true]);
    });

    it('sees links without a scheme, shorteners, disguised dots, emoji runs and the name', () => {
      const names = featureNames({
        authorName: 'xXgamer123',
        authorUrl: null,
        body: 'sub 4 sub!! youtube.com/channel/UC8kq bit.ly/x3 freegift . com 🔥🔥🔥🔥 zie blz. 12',
      });
      for (const f of [
        'url',
        'url:no-scheme',
        'host:youtube.com',
        'path:channel',
        'url:short',
        'host:bit.ly',
        'url:disguised',
        'emoji:run',
        'a:#digits',
      ])
        assert.ok(names.includes(f), `${f} in ${names.filter((n) => !n.startsWith('c:')).join(' ')}`);
      assert.ok(names.includes('b:sub_4') && names.includes('c:sub '));
      assert.ok(!names.some((n) => n.includes('blz.12') || n === 'host:blz.12'), '"blz. 12" is no link');
    });

    it('hashes features to integers that fit a database column, the same every time', () => {
      const a = features({ authorName: 'Jan', authorUrl: null, body: 'Goed plan' });
      const b = features({ authorName: 'Jan', authorUrl: null, body: 'Goed plan' });
      assert.deepEqual(a, b);
      assert.ok(a.ids.every((id) => Number.isInteger(id) && id >= 2 && id < 2 ** 31));
    });
  });

  describe('in the verdict and learning from moderators', () => {
    let t: TestApp;
    let article: Article;
    let mod: { agent: Agent; csrf: string };
    before(async () => {
      t = await createTestApp();
      article = await buildArticle(t.db);
      mod = await loginAs(t.app, t.db, 'moderator');
    });
    after(async () => t.close());

    const last = async () => {
      const row = await t.db('reacties').orderBy('id', 'desc').first();
      return { ...row, checks: JSON.parse(row.spam_checks) } as {
        id: number;
        status: string;
        spam_score: number;
        checks: { hits: Array<{ check: string; outcome: string; detail: string }>; score: number };
      };
    };
    const act = (id: number, actie: string) =>
      mod.agent.post(`/beheer/reacties/${id}/${actie}`).type('form').send({ _csrf: mod.csrf, terug: '/beheer/reacties' });

    it('marks channel promotion as spam on day one, with the score kept, and lets a resident through', async () => {
      await postReactieForm(request.agent(t.app), articlePath(article), {
        naam: 'xXbeatzXx',
        email: 'beatz@example.com',
        reactie: 'Hey guys check out my channel, sub 4 sub!! I sub back 100% 🔥🔥🔥',
      });
      const spam = await last();
      assert.equal(spam.status, 'spam');
      const hit = spam.checks.hits.find((h) => h.check === 'classifier');
      assert.equal(hit?.outcome, 'spam');
      assert.match(String(hit?.detail), /^vrijwel zeker spam \(0,9\d\)$/);
      assert.ok(spam.spam_score >= SPAM_AT && Math.abs(spam.checks.score - spam.spam_score) < 1e-6);

      await postReactieForm(request.agent(t.app), articlePath(article), {
        naam: 'Ingrid',
        email: 'ingrid@example.nl',
        reactie: 'Ik woon aan de Molenlaan en de bus rijdt nog maar één keer per uur. Wanneer komt daar verandering in?',
      });
      const ham = await last();
      assert.equal(ham.status, 'pending');
      assert.ok(ham.spam_score < HOLD_AT, `score ${ham.spam_score}`);
      assert.deepEqual(ham.checks.hits, [], 'nothing fired');
    });

    it('learns a spam wave the day-one model does not know from a few moderator decisions', async () => {
      const wave = (n: number) =>
        `Zonnepanelen-actie ${n}: plaats nu panelen via Zonnig Dak Rendement, wij regelen subsidie en plaatsing binnen een week`;
      const before = await scoreReactie(t.db, { authorName: 'Zonnig Dak', authorUrl: null, body: wave(99) });
      assert.ok(before < HOLD_AT, `day one does not know it: ${before}`);
      const ids: number[] = [];
      for (let n = 0; n < 4; n++)
        ids.push(await buildReactie(t.db, article, { status: 'pending', authorName: 'Zonnig Dak', body: wave(n) }));
      for (const id of ids) assert.equal((await act(id, 'spam')).status, 303);
      assert.deepEqual(await siteModelSize(t.db), { spam: 4, ham: 0 });
      const after = await scoreReactie(t.db, { authorName: 'Zonnig Dak', authorUrl: null, body: wave(99) });
      assert.ok(after >= HOLD_AT, `learned: ${before} → ${after}`);
      // An ordinary resident mentioning solar panels is not caught by it.
      const resident = await scoreReactie(t.db, {
        authorName: 'Kees',
        authorUrl: null,
        body: 'Ik heb zelf zonnepanelen, de subsidie was een gedoe.',
      });
      assert.ok(resident < HOLD_AT, `resident ${resident}`);

      // Changing one's mind moves the counts; deciding the same way again adds nothing.
      assert.equal((await act(ids[0], 'geen-spam')).status, 303);
      assert.deepEqual(await siteModelSize(t.db), { spam: 3, ham: 1 });
      assert.equal((await act(ids[0], 'goedkeuren')).status, 303);
      assert.deepEqual(await siteModelSize(t.db), { spam: 3, ham: 1 });
    });

    it('learns only from the bin when the filter already suspected the reactie', () => {
      assert.equal(lessonOf('prullenbak', 'pending', 0.1), null);
      assert.equal(lessonOf('prullenbak', 'pending', null), null);
      assert.equal(lessonOf('prullenbak', 'pending', HOLD_AT), 'spam');
      assert.equal(lessonOf('prullenbak', 'spam', null), 'spam');
      assert.equal(lessonOf('verwijderen', 'spam', null), 'spam');
      assert.equal(lessonOf('verwijderen', 'trash', null), null);
      assert.equal(lessonOf('goedkeuren', 'spam', 0.99), 'ham');
      assert.equal(lessonOf('herstellen', 'trash', 0.99), null);
    });

    it('keeps one count per decision when two app servers learn at the same time', async () => {
      const f = features({ authorName: 'A', authorUrl: null, body: 'gelijktijdig geleerd woord' });
      const sizeBefore = await siteModelSize(t.db);
      await Promise.all([1001, 1002, 1003, 1004].map((id) => learnReactie(t.db, id, f, 'ham', new Date())));
      assert.deepEqual(await siteModelSize(t.db), { spam: sizeBefore.spam, ham: sizeBefore.ham + 4 });
      const row = await t.db('spam_classifier_counts').where({ token: f.ids[0] }).first();
      assert.ok(Number(row.ham) >= 4);
    });

    it('shows what it learned and resets to the day-one model, logged', async () => {
      const page = await mod.agent.get('/beheer/spamfilter').expect(200);
      assert.match(page.text, /<dd id="geleerd">3 als spam, 5 als geen spam<\/dd>/);
      const res = await mod.agent.post('/beheer/spamfilter/terugzetten').type('form').send({ _csrf: mod.csrf });
      assert.equal(res.status, 303);
      assert.deepEqual(await siteModelSize(t.db), { spam: 0, ham: 0 });
      assert.equal(Number((await t.db('spam_classifier_reacties').count({ n: '*' }).first())?.n), 0);
      assert.match((await mod.agent.get('/beheer/spamfilter')).text, /Het lerende filter is teruggezet/);
      assert.ok(await t.db('audit_log').where({ action: 'spam-filter.reset' }).first());
      // Without the form token nothing is reset, and residents cannot reach it at all.
      assert.equal((await mod.agent.post('/beheer/spamfilter/terugzetten').type('form').send({})).status, 403);
      assert.notEqual((await request(t.app).get('/beheer/spamfilter')).status, 200);
    });
  });
});
