// The news mail (issue 25), end to end against a real SMTP server on 127.0.0.1: a resident asks for
// it on /nieuwsbrief, confirms with the link in the mail, and at the set hour gets one mail with
// the articles published since; a second run sends nothing; the links change and end it; an
// erasure, the retention job and two job runners on one database do what they must.
import assert from 'node:assert/strict';
import request from 'supertest';
import pino from 'pino';
import type { ParsedMail } from 'mailparser';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, type Agent } from '../helpers/http';
import type { FakeSmtp } from '../helpers/fake-smtp';
import { closeMailApp, startMailApp } from '../helpers/mail-app';
import { articlePath, type Article } from '../../server/articles/queries';
import { testConfig } from '../../server/config';
import { createDb } from '../../server/db/knex';
import type { MailTransport } from '../../server/notifications/transport';
import { sendDueMails } from '../../server/notifications/worker';
import { sendNewsDigests } from '../../server/newsmail/job';
import { claimSlot, findSubscriberByEmail } from '../../server/newsmail/subscribers';
import { retentionJobs } from '../../server/privacy/retention';
import { saveSettings } from '../../server/settings/settings';

const silent = pino({ level: 'silent' });
/** A moment in Amsterdam in December (UTC+1). */
const ams = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour - 1, minute));
const REQUESTED = /Kijk in je mailbox/;

describe('newsmail: subscribe, confirm, the daily or weekly mail, change and unsubscribe', function () {
  this.timeout(60_000);
  let smtp: FakeSmtp;
  let t: TestApp;
  let transport: MailTransport;
  let moderator: { agent: Agent; csrf: string };

  before(async () => {
    ({ smtp, t, transport, moderator } = await startMailApp('Een artikel van vóór de nieuwsbrief'));
  });
  after(() => closeMailApp({ smtp, t, transport }));
  afterEach(() => t.setNow(undefined));

  /** Sends what is queued; the mails that arrived in this call. */
  async function deliver(now: Date): Promise<ParsedMail[]> {
    const before = smtp.received.length;
    await sendDueMails(t.db, transport, silent, new Date(now.getTime() + 1000));
    return smtp.received.slice(before);
  }

  /** A header as the mail carried it (folded lines joined). */
  function rawHeader(mail: ParsedMail, name: string): string {
    const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
    return line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n\s+/g, ' ')
      .trim();
  }

  /** The path and query of the first link in a mail's text that goes to `path`. */
  function linkIn(mail: ParsedMail, path: string): string {
    const m = new RegExp(`https?://[^\\s/]+(${path.replace(/\//g, '\\/')}\\?\\S+)`).exec(mail.text ?? '');
    assert.ok(m, `a link to ${path} in: ${mail.text}`);
    return m[1];
  }

  async function subscribe(email: string, frequentie = 'daily', artikelen = 'all', agent = request.agent(t.app)) {
    const page = await agent.get('/nieuwsbrief').expect(200);
    return agent
      .post('/nieuwsbrief')
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), email, frequentie, artikelen });
  }

  /** Subscribes and confirms at `at`; the confirmation mail. */
  async function subscribeConfirmed(email: string, at: Date, frequentie = 'daily', artikelen = 'all') {
    t.setNow(at);
    assert.match((await subscribe(email, frequentie, artikelen)).text, REQUESTED);
    const [mail] = await deliver(at);
    assert.ok(mail, `a confirmation mail to ${email}`);
    const confirm = linkIn(mail, '/nieuwsbrief/bevestigen');
    await request(t.app).post(confirm).expect(200);
    t.setNow(undefined);
    return mail;
  }

  let memo: Article;
  let news: Article;

  it('shows the form, refuses a bad address in Dutch with the choices kept, and asks to confirm by mail', async () => {
    const page = await request(t.app).get('/nieuwsbrief').expect(200);
    assert.match(page.text, /De nieuwsbrief: nieuwe artikelen per e-mail/);
    assert.match(page.text, /Dagelijks: elke dag om 07:00/);
    assert.match(page.text, /Wekelijks: elke maandag om 07:00/);
    assert.match(page.text, /Alleen raadsdocumenten/);

    const bad = await subscribe('Jan <jan@voorbeeld.nl>', 'weekly', 'news');
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Vul alleen het e-mailadres zelf in/);
    assert.match(bad.text, /aria-invalid="true"/);
    assert.match(bad.text, /id="frequentie-weekly" value="weekly" checked/);
    assert.match(bad.text, /id="artikelen-news" value="news" checked/);
    const none = await subscribe('jan@voorbeeld.nl', 'elk-uur', '');
    assert.equal(none.status, 422);
    assert.match(none.text, /Kies hoe vaak je de nieuwsbrief wilt krijgen/);
    assert.match(none.text, /Kies over welke artikelen/);
    const forged = await request(t.app).post('/nieuwsbrief').type('form').send({ _token: 'x.y', email: 'jan@voorbeeld.nl' });
    assert.equal(forged.status, 403);
    assert.equal((await t.db('news_subscribers')).length, 0);

    t.setNow(ams(1, 9));
    const ok = await subscribe('Lotte@Voorbeeld.NL');
    assert.equal(ok.status, 200);
    assert.match(ok.text, REQUESTED);
    assert.ok(!ok.text.toLowerCase().includes('lotte@'), 'the address is not shown back');
    const [mail] = await deliver(ams(1, 9));
    assert.equal(mail.to && [mail.to].flat()[0]?.text, 'Lotte@voorbeeld.nl');
    assert.match(mail.subject ?? '', /Bevestig je aanmelding voor de nieuwsbrief/);
    assert.match(mail.text ?? '', /alle nieuwe artikelen, elke dag om 07:00/);
    assert.match(String(mail.html), /Ja, bevestig mijn aanmelding/);

    // Nothing before the confirmation, even at the hour with a new article.
    await buildArticle(t.db, { title: 'Onbevestigd nieuws' }, ams(1, 9, 30));
    assert.equal(await sendNewsDigests(t.deps, ams(2, 7, 5)), 0);
    assert.equal((await findSubscriberByEmail(t.db, 'lotte@voorbeeld.nl'))?.lastSlot, null);

    // The confirmation page asks first (a mail program that opens the link confirms nothing).
    t.setNow(ams(2, 10));
    const link = linkIn(mail, '/nieuwsbrief/bevestigen');
    const confirmPage = await request(t.app).get(link).expect(200);
    assert.match(confirmPage.text, /Ja, stuur mij de nieuwsbrief/);
    assert.ok(!confirmPage.text.toLowerCase().includes('lotte@'));
    assert.equal((await findSubscriberByEmail(t.db, 'lotte@voorbeeld.nl'))?.confirmedAt, null);
    const confirmed = await request(t.app).post(link).expect(200);
    assert.match(confirmed.text, /Aanmelding bevestigd/);
    assert.match(confirmed.text, /alle nieuwe artikelen, elke dag om 07:00/);
    const bent = await request(t.app)
      .get(link.replace(/t=[^&]+/, 't=0.nep'))
      .expect(400);
    assert.match(bent.text, /Deze link is niet compleet of klopt niet/);
  });

  it('at the set hour sends one mail with the articles published since, with kind, date, excerpt and reacties; then nothing', async () => {
    // Published before the confirmation (2 December 10:00): not in the first mail.
    await buildArticle(t.db, { title: 'Van vóór de bevestiging' }, ams(2, 9));
    news = await buildArticle(
      t.db,
      { title: 'Nieuwe fietsenstalling open', bodyMarkdown: 'De stalling onder het station is open & gratis.', publishedAt: ams(2, 12) },
      ams(2, 12),
    );
    memo = await buildArticle(
      t.db,
      { title: 'Memo over de Markt', kind: 'memo', bodyMarkdown: 'Het college informeert de raad over de Markt.', publishedAt: ams(2, 15) },
      ams(2, 15),
    );
    await buildReactie(t.db, memo);
    await buildReactie(t.db, memo);
    await buildArticle(t.db, { title: 'Nog een concept', status: 'draft', publishedAt: null }, ams(2, 16));
    await buildArticle(t.db, { title: 'Gepland voor later', publishedAt: ams(3, 12) }, ams(2, 16));

    assert.equal(await sendNewsDigests(t.deps, ams(3, 6, 59)), 0, 'not before the hour');
    assert.equal(await sendNewsDigests(t.deps, ams(3, 7)), 1);
    const [digest, ...rest] = await deliver(ams(3, 7));
    assert.equal(rest.length, 0);
    assert.equal(digest.subject, 'Nieuw op Stadslog: 2 artikelen');
    const text = digest.text ?? '';
    assert.match(
      text,
      /Nieuwe fietsenstalling open\nNieuws · 2 december 2026 · Nog geen reacties\nDe stalling onder het station is open & gratis\./,
    );
    assert.match(text, /Memo over de Markt\nMemo · 2 december 2026 · 2 reacties\n/);
    assert.ok(text.indexOf('fietsenstalling') < text.indexOf('Memo over de Markt'), 'oldest first');
    assert.ok(text.includes(articlePath(news)) && text.includes(articlePath(memo)));
    for (const absent of ['Van vóór de bevestiging', 'Nog een concept', 'Gepland voor later', 'Onbevestigd nieuws'])
      assert.ok(!text.includes(absent), absent);
    const html = String(digest.html);
    assert.match(html, /<a href="[^"]+\/2026\/12\/[^"]+"[^>]*>Memo over de Markt<\/a>/);
    assert.match(html, /open &amp; gratis/);
    const unsubscribe = linkIn(digest, '/nieuwsbrief/afmelden');
    assert.equal(rawHeader(digest, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.equal(rawHeader(digest, 'list-unsubscribe'), `<http://127.0.0.1${unsubscribe}>`);

    assert.equal(await sendNewsDigests(t.deps, ams(3, 7, 1)), 0, 'a second run sends nothing');
    assert.equal(await sendNewsDigests(t.deps, ams(3, 22)), 0);
    assert.equal((await deliver(ams(3, 22))).length, 0);
    // The next day: only what came since, and the scheduled article once it appeared.
    assert.equal(await sendNewsDigests(t.deps, ams(4, 7)), 1);
    const [next] = await deliver(ams(4, 7));
    assert.equal(next.subject, 'Nieuw op Stadslog: 1 artikel');
    assert.match(next.text ?? '', /Gepland voor later/);
    assert.ok(!(next.text ?? '').includes('Memo over de Markt'));
    // No new articles: no mail.
    assert.equal(await sendNewsDigests(t.deps, ams(5, 7)), 0);
  });

  it('sends once with two job runners on one database', async () => {
    await buildArticle(t.db, { title: 'Twee servers, één mail' }, ams(5, 12));
    const other = createDb(t.deps.config.databaseUrl);
    try {
      const counts = await Promise.all([sendNewsDigests(t.deps, ams(6, 7)), sendNewsDigests({ ...t.deps, db: other }, ams(6, 7))]);
      assert.equal(counts[0] + counts[1], 1);
      assert.equal((await deliver(ams(6, 7))).length, 1);
      // The claim itself: two processes that read the same subscriber, only the first moves it.
      const seen = (await findSubscriberByEmail(t.db, 'lotte@voorbeeld.nl'))!;
      const claims = await Promise.all([claimSlot(t.db, seen, '2026-12-07', ams(7, 7)), claimSlot(other, seen, '2026-12-07', ams(7, 7))]);
      assert.deepEqual(claims.filter(Boolean).length, 1);
    } finally {
      await other.destroy();
    }
  });

  it('changes to weekly and only council documents through the link in the mail', async () => {
    await buildArticle(t.db, { title: 'Brief over de kermis', kind: 'brief' }, ams(7, 8));
    await buildArticle(t.db, { title: 'Nieuws over de kermis' }, ams(7, 8));
    const [last] = smtp.received.slice(-1);
    const manage = linkIn(last, '/nieuwsbrief/wijzigen');
    const page = await request(t.app).get(manage).expect(200);
    assert.match(page.text, /id="frequentie-daily" value="daily" checked/);
    assert.ok(!page.text.toLowerCase().includes('lotte@'), 'the address is not on the page');
    t.setNow(ams(7, 9));
    const saved = await request(t.app).post(manage).type('form').send({ frequentie: 'weekly', artikelen: 'documents' }).expect(200);
    assert.match(saved.text, /Opgeslagen/);
    assert.match(saved.text, /id="frequentie-weekly" value="weekly" checked/);
    await request(t.app).post(manage).type('form').send({ frequentie: 'elk-uur', artikelen: 'documents' }).expect(422);
    assert.equal(await sendNewsDigests(t.deps, ams(8, 7)), 0, 'no daily mail any more (8 December is a Tuesday)');
    assert.equal(await sendNewsDigests(t.deps, ams(14, 7)), 1, 'the weekly one on Monday');
    const [weekly] = await deliver(ams(14, 7));
    assert.match(weekly.text ?? '', /Brief over de kermis/);
    assert.ok(!(weekly.text ?? '').includes('Nieuws over de kermis'), 'only council documents');
    assert.match(weekly.text ?? '', /wekelijkse nieuwsbrief/);
  });

  it('unsubscribes with the one-click POST of the List-Unsubscribe header, and with the link and its button', async () => {
    const [last] = smtp.received.slice(-1);
    const oneClick = new URL(/^<(https?:\/\/[^>]+)>$/.exec(rawHeader(last, 'list-unsubscribe'))![1]);
    // A mail provider posts from its own servers, from another origin.
    await request(t.app)
      .post(`${oneClick.pathname}${oneClick.search}`)
      .set('Origin', 'https://mail.example')
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    assert.equal(await findSubscriberByEmail(t.db, 'lotte@voorbeeld.nl'), null);
    await request(t.app)
      .get(`${oneClick.pathname}${oneClick.search}`)
      .expect(200, /Je bent afgemeld/);

    const mail = await subscribeConfirmed('piet@voorbeeld.nl', ams(15, 10));
    assert.ok(mail);
    await buildArticle(t.db, { title: 'Voor Piet' }, ams(15, 12));
    assert.equal(await sendNewsDigests(t.deps, ams(16, 7)), 1);
    const [digest] = await deliver(ams(16, 7));
    const link = linkIn(digest, '/nieuwsbrief/afmelden');
    const page = await request(t.app).get(link).expect(200);
    assert.match(page.text, /<button type="submit" class="button">Afmelden<\/button>/);
    assert.ok(await findSubscriberByEmail(t.db, 'piet@voorbeeld.nl'), 'opening the link removes nothing');
    const done = await request(t.app).post(link).expect(200);
    assert.match(done.text, /Je krijgt de nieuwsbrief niet meer/);
    assert.equal(await findSubscriberByEmail(t.db, 'piet@voorbeeld.nl'), null);
  });

  it('tells nothing about whether an address is subscribed, and sends one mail a day to an address', async () => {
    await subscribeConfirmed('kees@voorbeeld.nl', ams(17, 10));
    const fresh = await subscribe('nieuw@voorbeeld.nl');
    const again = await subscribe('kees@voorbeeld.nl');
    assert.equal(fresh.status, again.status);
    assert.equal(
      fresh.text.replace(/name="_token" value="[^"]*"/g, ''),
      again.text.replace(/name="_token" value="[^"]*"/g, ''),
      'the same page for a subscribed address and a new one',
    );
    // Kees's one mail of the day was the confirmation: the second request sends nothing.
    const sent = await deliver(new Date());
    assert.deepEqual(
      sent.map((m) => m.to && [m.to].flat()[0]?.text),
      ['nieuw@voorbeeld.nl'],
    );
    // The next day, a subscribed address gets a mail with the link to change it, not a new subscription.
    t.setNow(ams(18, 11));
    await subscribe('Kees@voorbeeld.nl', 'weekly');
    const [already] = await deliver(ams(18, 11));
    assert.match(already.subject ?? '', /Je krijgt de nieuwsbrief van Stadslog al/);
    assert.ok(linkIn(already, '/nieuwsbrief/wijzigen'));
    assert.equal((await findSubscriberByEmail(t.db, 'kees@voorbeeld.nl'))?.frequency, 'daily', 'nothing changed without the link');
  });

  it('forgets the subscriber at an AVG erasure, and unconfirmed requests after seven days', async () => {
    assert.ok(await findSubscriberByEmail(t.db, 'kees@voorbeeld.nl'));
    await moderator.agent
      .post('/beheer/privacy/wissen')
      .type('form')
      .send({ _csrf: moderator.csrf, email: 'kees@voorbeeld.nl', wijze: 'verwijderen', bevestig: 'ja' })
      .expect(303);
    assert.equal(await findSubscriberByEmail(t.db, 'kees@voorbeeld.nl'), null);
    assert.equal((await t.db('mail_queue').where({ to_key: 'kees@voorbeeld.nl' })).length, 0);

    const unconfirmed = (await findSubscriberByEmail(t.db, 'nieuw@voorbeeld.nl'))!;
    assert.equal(unconfirmed.confirmedAt, null);
    const purge = retentionJobs(t.deps.config, t.db).find(([name]) => name === 'unconfirmed news mail requests')![1];
    await purge(new Date(unconfirmed.createdAt.getTime() + 6 * 24 * 60 * 60 * 1000));
    assert.ok(await findSubscriberByEmail(t.db, 'nieuw@voorbeeld.nl'), 'kept within the week');
    await purge(new Date(unconfirmed.createdAt.getTime() + 8 * 24 * 60 * 60 * 1000));
    assert.equal(await findSubscriberByEmail(t.db, 'nieuw@voorbeeld.nl'), null);
  });

  it('shows the counts on the beheer overview, and the link on the voorpagina and under an article', async () => {
    await subscribeConfirmed('week@voorbeeld.nl', ams(20, 10), 'weekly');
    const overview = await moderator.agent.get('/beheer').expect(200);
    assert.match(overview.text, /Nieuwsbrief: <strong>0<\/strong> bewoners krijgen hem\s+dagelijks, <strong>1<\/strong> wekelijks/);
    assert.match((await request(t.app).get('/').expect(200)).text, /<a href="\/nieuwsbrief">Nieuwsbrief<\/a>/);
    assert.match((await request(t.app).get(articlePath(memo)).expect(200)).text, /Meld je aan voor de nieuwsbrief/);
    for (const path of ['/', '/feed', '/api/v1/artikelen', articlePath(memo)]) {
      const res = await request(t.app).get(path);
      assert.ok(!res.text.includes('week@voorbeeld.nl'), path);
    }
    // The settings: another hour and day.
    await saveSettings(t.db, { newsmail: { hour: 18, weekday: 'vrijdag' } });
    assert.match((await request(t.app).get('/nieuwsbrief').expect(200)).text, /Wekelijks: elke vrijdag om 18:00/);
  });
});

describe('newsmail: the rate limit per network counts accepted requests', function () {
  this.timeout(30_000);
  let t: TestApp;
  before(async () => {
    const limits = { ...testConfig().rateLimits, newsmailPerNetwork: { max: 2, windowMs: 60 * 60 * 1000 } };
    t = await createTestApp({ trustProxy: 1, rateLimits: limits });
  });
  after(() => t.close());

  it('refuses the third request from one network with a Dutch message and the address kept; a form with an error does not count', async () => {
    const post = async (email: string, ip: string) => {
      const agent = request.agent(t.app);
      const page = await agent.get('/nieuwsbrief').expect(200);
      return agent
        .post('/nieuwsbrief')
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ _token: hiddenInput(page.text, '_token'), email, frequentie: 'daily', artikelen: 'all' });
    };
    assert.equal((await post('fout', '198.51.100.7')).status, 422);
    assert.equal((await post('een@voorbeeld.nl', '198.51.100.7')).status, 200);
    assert.equal((await post('twee@voorbeeld.nl', '198.51.100.8')).status, 200);
    const refused = await post('drie@voorbeeld.nl', '198.51.100.9');
    assert.equal(refused.status, 429);
    assert.match(refused.text, /Er kwamen veel aanmeldingen vanaf jouw netwerk/);
    assert.match(refused.text, /value="drie@voorbeeld.nl"/);
    assert.equal((await post('vier@voorbeeld.nl', '203.0.113.9')).status, 200, 'another network');
  });
});

describe('newsmail: not offered when the site cannot send mail', function () {
  this.timeout(30_000);
  let t: TestApp;
  before(async () => {
    // Production without SMTP_URL: no mail at all (config.ts mailEnabled).
    t = await createTestApp({ env: 'production', trustProxy: 1 });
    await buildArticle(t.db, { title: 'Zonder nieuwsbrief' });
  });
  after(() => t.close());

  it('shows no link to it and answers /nieuwsbrief with a Dutch 404', async () => {
    const home = await request(t.app).get('/').set('X-Forwarded-Proto', 'https').expect(200);
    assert.ok(!home.text.includes('/nieuwsbrief'));
    const res = await request(t.app).get('/nieuwsbrief').set('X-Forwarded-Proto', 'https').expect(404);
    assert.match(res.text, /Deze site verstuurt geen e-mail, dus ook geen nieuwsbrief/);
    await request(t.app).post('/nieuwsbrief/afmelden?s=1&t=0.x').set('X-Forwarded-Proto', 'https').expect(404);
  });
});
