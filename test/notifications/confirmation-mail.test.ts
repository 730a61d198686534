// One address, one confirmation mail a day: against a real SMTP server on 127.0.0.1 that counts what
// arrives. The form takes a plain address only (no name, brackets or separators, which a mail
// program delivers to the same mailbox), stored with its domain in lower case; asking again within
// the day sends nothing, and the resident's page says so without telling whether the address is
// subscribed to anything.
import assert from 'node:assert/strict';
import request from 'supertest';
import pino from 'pino';
import type { ParsedMail } from 'mailparser';
import type { TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { postReactieForm, type Agent } from '../helpers/http';
import type { FakeSmtp } from '../helpers/fake-smtp';
import { closeMailApp, startMailApp } from '../helpers/mail-app';
import { articlePath, type Article } from '../../server/articles/queries';
import type { MailTransport } from '../../server/notifications/transport';
import { sendDueMails } from '../../server/notifications/worker';

const silent = pino({ level: 'silent' });
const NOTICE = /Een bevestigingsmail sturen we nu niet: naar dit e-mailadres ging er vandaag al een\. Kijk in je mailbox/;

describe('notifications: one plain address, one confirmation mail a day', function () {
  this.timeout(30_000);
  let smtp: FakeSmtp;
  let t: TestApp;
  let transport: MailTransport;
  let article: Article;
  let other: Article;

  before(async () => {
    ({ smtp, t, transport, article } = await startMailApp('Het Stadhuisplein'));
    other = await buildArticle(t.db, { title: 'De bibliotheek' });
  });
  after(() => closeMailApp({ smtp, t, transport }));
  afterEach(() => t.setNow(undefined));

  const send = (now = new Date(Date.now() + 5000)) => sendDueMails(t.db, transport, silent, now);
  const recipients = (mails: ParsedMail[]) => mails.map((m) => (m.to ? [m.to].flat()[0]?.text : undefined));
  /** A new browser posts under the article; the response (303 or the form again). */
  const post = (on: Article, fields: Parameters<typeof postReactieForm>[2], agent: Agent = request.agent(t.app)) =>
    postReactieForm(agent, articlePath(on), fields);

  it('refuses an address with a name, brackets, a separator or a space, with a Dutch message and the text kept', async () => {
    const cases: Array<[string, RegExp]> = [
      ['<slachtoffer@voorbeeld.nl>', /Vul alleen het e-mailadres zelf in, zonder naam ervoor en zonder &lt; en &gt;/],
      ['Slachtoffer <slachtoffer@voorbeeld.nl>', /Vul alleen het e-mailadres zelf in/],
      ['slachtoffer@voorbeeld.nl,', /Vul één e-mailadres in, zonder spaties, komma’s of puntkomma’s/],
      ['slachtoffer@voorbeeld.nl;', /Vul één e-mailadres in/],
      ['slachtoffer@voorbeeld.nl, ander@voorbeeld.nl', /Vul één e-mailadres in/],
      ['slacht offer@voorbeeld.nl', /Vul één e-mailadres in/],
      ['"slachtoffer"@voorbeeld.nl', /Dit lijkt geen geldig e-mailadres/],
      ['slachtoffer@127.0.0.1', /Dit lijkt geen geldig e-mailadres/],
      [`${'s'.repeat(65)}@voorbeeld.nl`, /Dit lijkt geen geldig e-mailadres/],
    ];
    for (const [email, message] of cases) {
      const text = `Mijn tekst bij ${email}`;
      const res = await post(article, { naam: 'Iemand', email, reactie: text, meld_artikel: 'ja' });
      assert.equal(res.status, 422, email);
      assert.match(res.text, message, email);
      assert.ok(res.text.includes('aria-invalid="true"'), email);
      assert.ok(res.text.includes(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;')), email);
    }
    assert.equal((await t.db('reacties').where('author_email_key', 'like', '%slachtoffer%')).length, 0);
    assert.equal((await t.db('subscriptions')).length, 0);
    assert.equal((await t.db('mail_queue')).length, 0);
  });

  it('stores the address with its domain in lower case, and compares it whatever the case or script of the domain', async () => {
    const res = await post(article, { naam: 'Jan', email: '  Jan.de.Vries@VOORBEELD.NL ', reactie: 'Hoofdletters in mijn adres.' });
    assert.equal(res.status, 303);
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    const row = await t.db('reacties').where({ id }).first();
    assert.equal(row.author_email, 'Jan.de.Vries@voorbeeld.nl');
    assert.equal(row.author_email_key, 'jan.de.vries@voorbeeld.nl');
    const idn = await post(article, { naam: 'Zoë', email: 'zoe@café.nl', reactie: 'Een adres met een accent.' });
    const puny = await post(article, { naam: 'Zoë', email: 'Zoe@xn--caf-dma.NL', reactie: 'Hetzelfde adres, anders geschreven.' });
    const keys = await t
      .db('reacties')
      .whereIn(
        'id',
        [idn, puny].map((r) => Number(/#reactie-(\d+)$/.exec(r.headers.location)![1])),
      )
      .orderBy('id')
      .select('author_email', 'author_email_key');
    assert.deepEqual(keys, [
      { author_email: 'zoe@café.nl', author_email_key: 'zoe@café.nl' },
      { author_email: 'Zoe@café.nl', author_email_key: 'zoe@café.nl' },
    ]);
  });

  it('sends one confirmation mail a day to an address, however often, wherever and however it is asked', async () => {
    smtp.received.length = 0;
    const first = await post(article, {
      naam: 'Mieke',
      email: 'mieke@voorbeeld.nl',
      reactie: 'Houd mij op de hoogte.',
      meld_artikel: 'ja',
    });
    assert.equal(first.status, 303);
    assert.doesNotMatch(first.headers.location, /bevestigingsmail/);
    // Four more requests in the minute after: other browsers, another article, the address written otherwise.
    const agent = request.agent(t.app);
    const again = await post(
      other,
      { naam: 'Mieke', email: 'Mieke@Voorbeeld.NL', reactie: 'Ook hier graag e-mail.', meld_antwoorden: 'ja', meld_artikel: 'ja' },
      agent,
    );
    assert.equal(again.status, 303);
    const id = Number(/#reactie-(\d+)$/.exec(again.headers.location)![1]);
    assert.match(again.headers.location, new RegExp(`[?&]bevestigingsmail=${id}#reactie-${id}$`));
    for (const [on, email] of [
      [article, ' mieke@voorbeeld.nl'],
      [other, 'MIEKE@voorbeeld.nl'],
      [article, 'mieke@VOORBEELD.nl'],
    ] as const)
      assert.equal((await post(on, { naam: 'Mieke', email, reactie: `Nog eens (${email}).`, meld_antwoorden: 'ja' })).status, 303);

    assert.deepEqual(await send(), { sent: 1, failed: 0 });
    assert.deepEqual(recipients(smtp.received), ['mieke@voorbeeld.nl']);
    assert.match(smtp.received[0].subject ?? '', /Het Stadhuisplein/);
    // Only what the one mail asks to confirm is kept.
    assert.deepEqual(await t.db('subscriptions').where({ email_key: 'mieke@voorbeeld.nl' }).select('kind', 'article_id'), [
      { kind: 'article', article_id: article.id },
    ]);

    // The resident who asked again reads why no mail comes, under their own reactie; nobody else does.
    const own = await agent.get(again.headers.location.replace(/#.*$/, '')).expect(200);
    assert.match(own.text, NOTICE);
    assert.match(own.text, new RegExp(`id="reactie-${id}"[\\s\\S]*?Een bevestigingsmail sturen we nu niet[\\s\\S]*?</li>`));
    const stranger = await request(t.app).get(again.headers.location.replace(/#.*$/, '')).expect(200);
    assert.doesNotMatch(stranger.text, NOTICE);
    const link = await request
      .agent(t.app)
      .get(`${articlePath(other)}?bevestigingsmail=${id}`)
      .expect(200);
    assert.doesNotMatch(link.text, NOTICE, 'a link cannot put the notice under another reader’s reactie');

    // A day later the address may ask again.
    t.setNow(new Date(Date.now() + 24 * 3600_000 + 60_000));
    const tomorrow = await post(other, { naam: 'Mieke', email: 'mieke@voorbeeld.nl', reactie: 'Een dag later.', meld_artikel: 'ja' });
    assert.doesNotMatch(tomorrow.headers.location, /bevestigingsmail/);
    smtp.received.length = 0;
    assert.deepEqual(await send(new Date(Date.now() + 25 * 3600_000)), { sent: 1, failed: 0 });
    assert.deepEqual(recipients(smtp.received), ['mieke@voorbeeld.nl']);
    assert.match(smtp.received[0].subject ?? '', /De bibliotheek/);
  });

  it('counts the variants of one mailbox as one: a +tag, and dots at Gmail', async () => {
    smtp.received.length = 0;
    for (const [i, email] of ['victim@gmail.com', 'victim+1@gmail.com', 'v.ictim@gmail.com', 'Victim+x@GoogleMail.com'].entries())
      assert.equal(
        (await post(i % 2 ? other : article, { naam: 'V', email, reactie: `Mail mij (${i}).`, meld_artikel: 'ja' })).status,
        303,
      );
    assert.deepEqual(await send(), { sent: 1, failed: 0 });
    assert.deepEqual(recipients(smtp.received), ['victim@gmail.com']);
    // Elsewhere a dot is part of the address: two people.
    smtp.received.length = 0;
    await post(article, { naam: 'A', email: 'an.na@voorbeeld.nl', reactie: 'Graag.', meld_artikel: 'ja' });
    await post(article, { naam: 'B', email: 'anna@voorbeeld.nl', reactie: 'Ik ook graag.', meld_artikel: 'ja' });
    assert.deepEqual(await send(), { sent: 2, failed: 0 });
  });

  it('answers an address that is subscribed already as it answers a new one', async () => {
    const follower = 'volger@voorbeeld.nl';
    const asked = await post(article, { naam: 'Volger', email: follower, reactie: 'Ik volg het plein.', meld_artikel: 'ja' });
    assert.equal(asked.status, 303);
    await t.db('subscriptions').where({ email_key: follower }).update({ confirmed_at: new Date() });
    await send();
    smtp.received.length = 0;
    // Someone types the follower's address again, and a new address asks for the first time.
    const known = await post(article, { naam: 'Iemand', email: follower, reactie: 'Wie volgt dit al?', meld_artikel: 'ja' });
    const fresh = await post(article, { naam: 'Nieuw', email: 'nieuw.hier@voorbeeld.nl', reactie: 'Ik ook.', meld_artikel: 'ja' });
    for (const res of [known, fresh]) {
      assert.equal(res.status, 303);
      assert.doesNotMatch(res.headers.location, /bevestigingsmail/);
    }
    assert.deepEqual(await send(), { sent: 1, failed: 0 });
    assert.deepEqual(recipients(smtp.received), ['nieuw.hier@voorbeeld.nl'], 'no mail to the follower');
  });
});
