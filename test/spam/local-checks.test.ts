// The local spam checks through the real reactie form: what is stored, with which status, and why.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, postReactieForm } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { DEFAULT_SPAM_SETTINGS, saveSpamSettings } from '../../server/spam/settings';
import { contentChecks } from '../../server/spam/local-checks';
import { rememberSpammer } from '../../server/spam/memory';
import { siteReactieTotal } from '../../server/reacties/counters';

describe('spam: local checks', () => {
  let t: TestApp;
  let ipSeq = 0;
  before(async () => {
    t = await createTestApp({ trustProxy: 1 }, { ...DEFAULT_SPAM_SETTINGS });
  });
  after(async () => t.close());
  afterEach(async () => {
    t.setNow(undefined);
    await saveSpamSettings(t.db, DEFAULT_SPAM_SETTINGS);
  });

  /** Opens the article page, waits `afterMs` on the app's clock, posts. Each call is a new visitor (IP) unless given. */
  async function post(
    article: Article,
    fields: Record<string, string>,
    opts: { afterMs?: number; ip?: string; agent?: ReturnType<typeof request.agent> } = {},
  ) {
    const agent = opts.agent ?? request.agent(t.app);
    const n = ++ipSeq;
    const ip = opts.ip ?? `203.0.113.${n}`;
    const page = await agent.get(articlePath(article)).set('X-Forwarded-For', ip);
    t.setNow(new Date(Date.now() + (opts.afterMs ?? 10_000)));
    const res = await agent
      .post(`${articlePath(article)}/reacties`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({
        _token: hiddenInput(page.text, '_token'),
        naam: 'Bewoner',
        email: `bewoner${n}@example.nl`,
        website: '',
        reactie: `Een gewone reactie ${n}`,
        antwoord_op: '',
        url: '',
        ...fields,
      });
    t.setNow(undefined);
    return res;
  }
  async function lastReactie() {
    const row = await t.db('reacties').orderBy('id', 'desc').first();
    return { ...row, checks: JSON.parse(row.spam_checks ?? '{"hits":[]}') as { hits: Array<{ check: string; outcome: string }> } };
  }
  // The local checks only: the learning classifier after them has tests of its own (classifier.test.ts).
  const fired = (r: { checks: { hits: Array<{ check: string }> } }) => r.checks.hits.map((h) => h.check).filter((c) => c !== 'classifier');

  it('lets an ordinary first reactie through to moderation, with nothing fired', async () => {
    const res = await post(await buildArticle(t.db), {});
    assert.equal(res.status, 303);
    const r = await lastReactie();
    assert.equal(r.status, 'pending');
    assert.deepEqual(fired(r), []);
  });

  it('marks a bot that fills the honeypot as spam; its author sees only the pending notice', async () => {
    const article = await buildArticle(t.db);
    const agent = request.agent(t.app);
    const res = await post(article, { url: 'http://spam.example', reactie: 'Buy now' }, { agent });
    assert.equal(res.status, 303);
    const r = await lastReactie();
    assert.equal(r.status, 'spam');
    assert.deepEqual(fired(r), ['honeypot']);
    assert.match((await agent.get(articlePath(article))).text, /Je reactie wacht op goedkeuring/);
    assert.doesNotMatch((await request(t.app).get(articlePath(article))).text, /Buy now/);
  });

  it('hides the honeypot from people (CSS and aria-hidden, not type=hidden)', async () => {
    const html = (await request(t.app).get(articlePath(await buildArticle(t.db)))).text;
    assert.match(
      html,
      /<div class="hp-field" aria-hidden="true">[\s\S]*?<input id="veld-url" name="url" type="text" value="" tabindex="-1" autocomplete="off">/,
    );
  });

  it('holds a post 1 second after the form was shown, and marks it spam only when another check agrees', async () => {
    const article = await buildArticle(t.db);
    await post(article, {}, { afterMs: 1000 });
    assert.equal((await lastReactie()).status, 'pending', 'a resident pasting a prepared text is not a spammer');
    assert.deepEqual(fired(await lastReactie()), ['fill-time']);
    await post(article, { reactie: 'Great post, thanks for sharing!' }, { afterMs: 1000 });
    assert.equal((await lastReactie()).status, 'spam', 'fast and generic praise: a bot');
    assert.deepEqual(fired(await lastReactie()).sort(), ['fill-time', 'spam-signals']);
    await saveSpamSettings(t.db, { fastPostAction: 'hold' });
    // Dutch praise the learning classifier does not suspect: the fill-time setting alone decides.
    await post(article, { reactie: 'Mooi stuk, bedankt voor het delen!' }, { afterMs: 1000 });
    assert.equal((await lastReactie()).status, 'pending', 'configured to only hold');
  });

  it('still accepts a page left open for hours, and holds one whose stamp expired', async () => {
    const article = await buildArticle(t.db);
    assert.equal((await post(article, {}, { afterMs: 6 * 3600_000 })).status, 303);
    assert.equal((await lastReactie()).status, 'pending');
    assert.deepEqual(fired(await lastReactie()), []);
    assert.equal((await post(article, {}, { afterMs: 8 * 24 * 3600_000 })).status, 303);
    assert.deepEqual(fired(await lastReactie()), ['fill-time']);
    assert.equal((await lastReactie()).status, 'pending');
  });

  it('refuses a forged stamp with 403, nothing stored, the text kept', async () => {
    const article = await buildArticle(t.db);
    const before = await t.db('reacties').count({ n: '*' }).first();
    const res = await request(t.app)
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send({ _token: `${Date.now().toString(36)}.vervalst`, naam: 'A', email: 'a@example.nl', reactie: 'Vervalst stempel' });
    assert.equal(res.status, 403);
    assert.match(res.text, /Vervalst stempel<\/textarea>/);
    assert.deepEqual(await t.db('reacties').count({ n: '*' }).first(), before);
  });

  it('answers a flood from one address within 15 seconds with a Dutch 429, the text kept; a neighbour on the same IP gets through', async () => {
    const article = await buildArticle(t.db);
    assert.equal(
      (await post(article, { reactie: 'Eerste', email: 'flood@example.nl' }, { ip: '198.51.100.50', afterMs: 5000 })).status,
      303,
    );
    const again = await post(article, { reactie: 'Tweede, te snel', email: 'flood@example.nl' }, { ip: '198.51.100.51', afterMs: 10_000 });
    assert.equal(again.status, 429);
    assert.match(again.text, /Je plaatste net al een reactie/);
    assert.match(again.text, /Tweede, te snel<\/textarea>/);
    // Another resident in the same library, a moment later: not a flood.
    const neighbour = await post(
      article,
      { reactie: 'Ik zit hier ook', email: 'buurvrouw@example.nl' },
      { ip: '198.51.100.50', afterMs: 8000 },
    );
    assert.equal(neighbour.status, 303);
  });

  it('says how many seconds are left of the flood interval, counted from the last post', async () => {
    const article = await buildArticle(t.db);
    const agent = request.agent(t.app);
    const start = Date.now() + 60_000;
    const postAt = async (ms: number, reactie: string) => {
      t.setNow(new Date(start + ms - 10_000));
      const page = await agent.get(articlePath(article)).set('X-Forwarded-For', '198.51.100.70');
      t.setNow(new Date(start + ms));
      return agent
        .post(`${articlePath(article)}/reacties`)
        .set('X-Forwarded-For', '198.51.100.70')
        .type('form')
        .send({ _token: hiddenInput(page.text, '_token'), naam: 'Snel', email: 'snel@example.nl', reactie, antwoord_op: '', url: '' });
    };
    assert.equal((await postAt(0, 'De eerste.')).status, 303);
    // The interval is 15 seconds (the default); 3 seconds have passed.
    const early = await postAt(3000, 'De tweede, na 3 seconden.');
    assert.equal(early.status, 429);
    assert.match(
      early.text,
      /Je plaatste net al een reactie\. Wacht nog 12 seconden en verstuur deze dan opnieuw; je tekst staat er nog\./,
    );
    assert.doesNotMatch(early.text, /een paar seconden/);
    const almost = await postAt(14_500, 'De tweede, bijna.');
    assert.match(almost.text, /Wacht nog 1 seconde en/);
    t.setNow(undefined);
  });

  it('limits reacties per minute per IP (configurable)', async () => {
    await saveSpamSettings(t.db, { floodSeconds: 0, perMinutePerIp: 2 });
    const article = await buildArticle(t.db);
    assert.equal((await post(article, { reactie: 'een' }, { ip: '198.51.100.60' })).status, 303);
    assert.equal((await post(article, { reactie: 'twee' }, { ip: '198.51.100.60' })).status, 303);
    const third = await post(article, { reactie: 'drie' }, { ip: '198.51.100.60' });
    assert.equal(third.status, 429);
    assert.match(third.text, /te veel reacties van jouw internetadres/);
  });

  it('refuses the same text by the same author on the same article, and makes a double click one reactie', async () => {
    const article = await buildArticle(t.db);
    const agent = request.agent(t.app);
    const page = await agent.get(articlePath(article));
    const form = {
      _token: hiddenInput(page.text, '_token'),
      naam: 'Dubbel',
      email: 'dubbel@example.nl',
      website: '',
      reactie: 'Twee keer geklikt',
      antwoord_op: '',
      url: '',
    };
    t.setNow(new Date(Date.now() + 10_000));
    // Two clicks at once, before the first answer brought the browser its cookie (no JavaScript to
    // stop the second): one reactie; the other click is told it was placed already, its text kept.
    const answers = await Promise.all([
      agent
        .post(`${articlePath(article)}/reacties`)
        .type('form')
        .send(form),
      agent
        .post(`${articlePath(article)}/reacties`)
        .type('form')
        .send(form),
    ]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [303, 409]);
    const placed = answers.find((r) => r.status === 303)!;
    const told = answers.find((r) => r.status === 409)!;
    assert.match(told.text, /Deze reactie heb je al geplaatst/);
    assert.match(told.text, /Twee keer geklikt<\/textarea>/);
    assert.equal((await t.db('reacties').where({ body: 'Twee keer geklikt' })).length, 1);
    t.setNow(undefined);
    await saveSpamSettings(t.db, { floodSeconds: 0 });
    // Sent again from a reloaded page after a slow network: led to the reactie already placed.
    const later = await post(
      article,
      { naam: 'Dubbel', email: 'dubbel@example.nl', reactie: 'Twee keer geklikt' },
      { afterMs: 60_000, agent },
    );
    assert.equal(later.status, 303);
    assert.equal(later.headers.location, placed.headers.location);
    assert.equal((await t.db('reacties').where({ body: 'Twee keer geklikt' })).length, 1);
    // Another browser sending the same address and text is refused: the reactie is not theirs.
    const other = await post(article, { naam: 'Dubbel', email: 'dubbel@example.nl', reactie: 'Twee keer geklikt' }, { afterMs: 60_000 });
    assert.equal(other.status, 409);
    assert.match(other.text, /Deze reactie heb je al geplaatst/);
    // Unless a moderator removed it: then the resident is told, and the text is kept.
    await t.db('reacties').where({ body: 'Twee keer geklikt' }).update({ status: 'trash' });
    const removed = await post(
      article,
      { naam: 'Dubbel', email: 'dubbel@example.nl', reactie: 'Twee keer geklikt' },
      { afterMs: 60_000, agent },
    );
    assert.equal(removed.status, 409);
    assert.match(removed.text, /Deze reactie heb je al geplaatst/);
    assert.match(removed.text, /Twee keer geklikt<\/textarea>/);
  });

  it('marks disallowed words as spam wherever they appear, and holds moderation words', async () => {
    await saveSpamSettings(t.db, { disallowedWords: 'Casino\nloterij', moderationWords: 'wethouder' });
    const article = await buildArticle(t.db);
    await post(article, { reactie: 'Beste CASINO bonus' });
    assert.equal((await lastReactie()).status, 'spam');
    await post(article, { naam: 'De Casino-koning' });
    assert.deepEqual(fired(await lastReactie()), ['disallowed-words']);
    await post(article, { reactie: 'De Wethouder moet aftreden' });
    assert.equal((await lastReactie()).status, 'pending');
    assert.deepEqual(fired(await lastReactie()), ['moderation-words']);
  });

  it('holds two or more links and marks spam link patterns as spam', async () => {
    const article = await buildArticle(t.db);
    await post(article, { reactie: 'Zie https://www.helmond.nl/raad voor de stukken' });
    assert.deepEqual(fired(await lastReactie()), []);
    await post(article, { reactie: 'Zie https://a.example.nl en https://b.example.nl' });
    assert.equal((await lastReactie()).status, 'pending');
    assert.deepEqual(fired(await lastReactie()), ['links']);
    for (const body of [
      'Great [url=http://x.example]deals[/url]',
      'Nice post <a href="http://x.example">Cheap Shoes</a>',
      'Great post! https://bit.ly/3abcdef',
    ]) {
      await post(article, { reactie: body });
      assert.equal((await lastReactie()).status, 'spam', body);
    }
    // What a resident may also do is only held: a shortened link from a tweet, an address as name.
    await post(article, { reactie: 'Zie de tweet van de gemeente: https://bit.ly/3abcdef' });
    assert.equal((await lastReactie()).status, 'pending');
    await post(article, { naam: 'jan.bakker@gmail.com' });
    assert.equal((await lastReactie()).status, 'pending');
    await post(article, { naam: 'www.goedkope-schoenen.com', reactie: 'Great post, thanks for sharing!' });
    assert.equal((await lastReactie()).status, 'spam');
  });

  it('matches word lists on whole words, with * for part of a word', async () => {
    await saveSpamSettings(t.db, { disallowedWords: 'anal\ncasino*\n192.0.2.' });
    const article = await buildArticle(t.db);
    await post(article, { reactie: 'Een goede analyse van de begroting.' });
    assert.deepEqual(fired(await lastReactie()), []);
    await post(article, { reactie: 'Speel nu casinobonus' });
    assert.equal((await lastReactie()).status, 'spam');
    await post(article, {}, { ip: '192.0.2.55' });
    assert.equal((await lastReactie()).status, 'spam');
  });

  it('remembers spammers that moderators marked: their address is spam, a shared IP only held', async () => {
    await rememberSpammer(t.db, t.deps.config.sessionSecret, { ip: '192.0.2.99', email: 'bekend@spam.example', url: null }, new Date());
    const article = await buildArticle(t.db);
    await post(article, { email: 'Bekend@Spam.example' });
    assert.deepEqual(fired(await lastReactie()), ['spam-memory']);
    assert.equal((await lastReactie()).status, 'spam');
    await post(article, {}, { ip: '192.0.2.99' });
    assert.equal((await lastReactie()).status, 'pending', 'a library or office shares one IP');
    assert.deepEqual(fired(await lastReactie()), ['spam-memory']);
    // An IPv6 spammer who moves to another address of the same /64 is still recognised.
    await rememberSpammer(
      t.db,
      t.deps.config.sessionSecret,
      { ip: '2001:db8:99:1::5', email: 'ander@spam.example', url: null },
      new Date(),
    );
    await post(article, {}, { ip: '2001:db8:99:1:a:b:c:d' });
    assert.deepEqual(fired(await lastReactie()), ['spam-memory']);
    await post(article, {}, { ip: '2001:db8:99:2::5' });
    assert.deepEqual(fired(await lastReactie()), [], 'the next /64 is someone else');
    const stored = await t.db('spam_memory').select('kind', 'digest');
    assert.ok(
      stored.every((r: { digest: string }) => /^[0-9a-f]{64}$/.test(r.digest)),
      'only keyed hashes are kept',
    );
  });

  it('lets a trusted address skip the holds, not the spam checks, and publish at once', async () => {
    await saveSpamSettings(t.db, { moderationWords: 'wethouder' });
    const article = await buildArticle(t.db);
    await buildReactie(t.db, article, { authorEmail: 'vertrouwd@example.nl' });
    const before = await siteReactieTotal(t.db);
    await post(
      article,
      { email: 'vertrouwd@example.nl', reactie: 'De wethouder heeft gelijk: https://a.example.nl https://b.example.nl' },
      { afterMs: 60_000 },
    );
    const held = await lastReactie();
    assert.equal(held.status, 'approved');
    assert.deepEqual(fired(held).sort(), ['known-address', 'links', 'moderation-words']);
    assert.equal(await siteReactieTotal(t.db), before + 1);
    await post(article, { email: 'vertrouwd@example.nl', reactie: 'Kijk op [url=https://x.example]dit[/url]' }, { afterMs: 120_000 });
    assert.equal((await lastReactie()).status, 'spam');
  });
});

describe('spam: built-in signals', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('holds a spam word alone and marks it spam with a link', async () => {
    const article = await buildArticle(t.db);
    const held = await postReactieForm(request.agent(t.app), articlePath(article), {
      reactie: 'Komt er nu echt een online casino in het oude postkantoor?',
    });
    assert.equal(held.status, 303);
    assert.equal((await t.db('reacties').orderBy('id', 'desc').first()).status, 'pending');
    await postReactieForm(request.agent(t.app), articlePath(article), {
      reactie: 'Beste online casino bonus',
      website: 'https://casino.example',
    });
    assert.equal((await t.db('reacties').orderBy('id', 'desc').first()).status, 'spam');
  });
});

describe('spam: the reasons a moderator reads', () => {
  it('names the spam signals once, each signal in the detail', () => {
    const hits = contentChecks(
      {
        authorName: 'Casino Bob',
        authorEmail: 'bob@example.nl',
        authorUrl: null,
        body: 'Great post! Best casino bonus.',
        ip: null,
        userAgent: null,
      },
      DEFAULT_SPAM_SETTINGS,
    );
    const signals = hits.filter((h) => h.check === 'spam-signals');
    assert.equal(signals.length, 1, 'one hit for every signal together');
    assert.match(signals[0].detail, /spamwoord "casino bonus"/);
    assert.match(signals[0].detail, /algemene lof \("great post"\)/);
    assert.equal(signals[0].outcome, 'hold');
  });
});
