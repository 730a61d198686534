// Reply e-mails end to end, against a real SMTP server on 127.0.0.1: the boxes under the form,
// double opt-in, the mail when a reply is approved (text, link, one-click unsubscribe headers),
// and a failing SMTP server that only makes the queue try again later.
import assert from 'node:assert/strict';
import request from 'supertest';
import pino from 'pino';
import type { ParsedMail } from 'mailparser';
import type { TestApp } from '../helpers/app';
import { postReactieForm, type Agent } from '../helpers/http';
import { startFakeSmtp, type FakeSmtp } from '../helpers/fake-smtp';
import { approveAsModerator, closeMailApp, postOnArticle, startMailApp } from '../helpers/mail-app';
import { articlePath, type Article } from '../../server/articles/queries';
import { announceApproved } from '../../server/notifications/jobs';
import { signedQuery } from '../../server/notifications/links';
import { createTransport, type MailTransport } from '../../server/notifications/transport';
import { sendDueMails } from '../../server/notifications/worker';

const silent = pino({ level: 'silent' });

describe('notifications: reply e-mails over SMTP', function () {
  this.timeout(30_000);
  let smtp: FakeSmtp;
  let t: TestApp;
  let transport: MailTransport;
  let article: Article;
  let moderator: { agent: Agent; csrf: string };

  before(async () => {
    ({ smtp, t, transport, article, moderator } = await startMailApp('De nieuwe brug'));
  });
  after(() => closeMailApp({ smtp, t, transport }));
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.mode = 'accept';
  });

  const later = (seconds = 5) => new Date(Date.now() + seconds * 1000);
  const send = (now = later()) => sendDueMails(t.db, transport, silent, now);

  const post = (fields: Parameters<typeof postReactieForm>[2]) => postOnArticle({ t, article }, fields);
  const approve = (id: number) => approveAsModerator({ moderator }, id);
  /** The path and query of the first link in a mail's text that starts with this path. */
  function linkIn(text: string, path: string): string {
    const m = new RegExp(`http://127\\.0\\.0\\.1(${path.replace(/\//g, '\\/')}\\?[^\\s]+)`).exec(text);
    assert.ok(m, `no ${path} link in:\n${text}`);
    return m[1];
  }
  const recipient = (mail: ParsedMail) => (mail.to ? [mail.to].flat()[0]?.text : undefined);
  /** A header as sent (mailparser turns List-* headers into one structured value). */
  function rawHeader(mail: ParsedMail, name: string): string {
    const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
    return line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n\s+/g, ' ')
      .trim();
  }
  async function confirmByMail(email: string) {
    assert.ok((await send()).sent >= 1);
    const mail = smtp.received.find((m) => recipient(m) === email);
    assert.ok(mail, 'the confirmation mail arrived');
    assert.match(mail.subject ?? '', /Bevestig je e-mail over reacties bij "De nieuwe brug"/);
    const link = linkIn(mail.text ?? '', '/meldingen/bevestigen');
    const page = await request(t.app).get(link).expect(200);
    assert.match(page.text, /Ja, stuur mij deze e-mail/);
    assert.match(page.text, new RegExp(`Je vroeg, bij <a href="${articlePath(article)}">De nieuwe brug</a>, om:`));
    const done = await request(t.app).post(link).expect(200);
    assert.match(done.text, /Aanmelding bevestigd/);
    // Back to where it started, not only to the voorpagina.
    assert.match(done.text, new RegExp(`<a href="${articlePath(article)}">Terug naar het artikel “De nieuwe brug”</a>`));
    return done.text;
  }

  it('offers both boxes under the form, unticked, the same for every reader', async () => {
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(page.text, /Stuur mij een e-mail als iemand op mijn reactie reageert/);
    assert.match(page.text, /Stuur mij een e-mail bij nieuwe reacties op dit artikel/);
    assert.doesNotMatch(page.text, /name="meld_antwoorden"[^>]*checked/);
  });

  it('mails the author of a reactie when a reply to it is approved, after they confirmed', async () => {
    const anne = 'anne.brug@voorbeeld.nl';
    const first = await post({ naam: 'Anne', email: anne, reactie: 'Wanneer gaat de brug open?', meld_antwoorden: 'ja' });
    await approve(first);
    // Not confirmed yet: nothing about replies is sent.
    const early = await post({ naam: 'Vroeg', email: 'vroeg@voorbeeld.nl', reactie: 'Vroeg antwoord.', antwoord_op: String(first) });
    await approve(early);
    await announceApproved(t.deps, later());
    const confirmed = await confirmByMail(anne);
    // She asked about replies to her reactie: a link to it too.
    assert.match(confirmed, new RegExp(`<a href="/reactie/${first}">Naar je reactie</a>`));
    smtp.received.length = 0;

    const reply = await post({
      naam: 'Bram',
      email: 'bram@voorbeeld.nl',
      reactie: 'In het voorjaar, zegt de gemeente.',
      antwoord_op: String(first),
    });
    // Waiting for moderation (a new address): not yet visible, no mail.
    assert.equal(await announceApproved(t.deps, later()), 0);
    await approve(reply);
    // Anne replying to herself brings her no mail.
    const own = await post({ naam: 'Anne', email: anne, reactie: 'Dank je!', antwoord_op: String(first) });
    await approve(own);
    assert.equal(await announceApproved(t.deps, later()), 1);
    assert.equal(await announceApproved(t.deps, later()), 0, 'announced once');
    assert.deepEqual(await send(), { sent: 1, failed: 0 });

    const [mail] = smtp.received;
    assert.equal(recipient(mail), anne);
    assert.equal(mail.subject, 'Bram reageerde op je reactie bij "De nieuwe brug"');
    assert.match(mail.text ?? '', /> In het voorjaar, zegt de gemeente\./);
    assert.match(mail.text ?? '', new RegExp(`http://127\\.0\\.0\\.1/reactie/${reply}\\b`));
    const unsubscribe = linkIn(mail.text ?? '', '/meldingen/afmelden');
    assert.equal(rawHeader(mail, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(rawHeader(mail, 'list-unsubscribe'), new RegExp(`<http://127\\.0\\.0\\.1${unsubscribe.replace(/[?.]/g, '\\$&')}>`));
    // The link leads to the reply on its page.
    const go = await request(t.app).get(`/reactie/${reply}`).expect(302);
    assert.match(go.headers.location, new RegExp(`#reactie-${reply}$`));

    // RFC 8058 one-click: a POST from the mail provider, no cookie, no token, another origin.
    const gone = await request(t.app)
      .post(unsubscribe)
      .set('Origin', 'https://mail.provider.example')
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    assert.match(gone.text, /Je bent afgemeld/);
    assert.equal((await t.db('subscriptions').where({ email_key: anne })).length, 0);

    const again = await post({ naam: 'Bram', email: 'bram@voorbeeld.nl', reactie: 'Nog iets.', antwoord_op: String(first) });
    await approve(again);
    assert.equal(await announceApproved(t.deps, later()), 0, 'no mail after unsubscribing');
  });

  it('never shows a subscriber’s address on the article page', async () => {
    await post({ naam: 'Geheim', email: 'geheim.adres@voorbeeld.nl', reactie: 'Meld mij.', meld_artikel: 'ja' });
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.ok(!page.text.includes('geheim.adres'));
  });

  it('mails followers of an article about a new reactie, and an unsubscribe page with a button', async () => {
    const cees = 'cees@voorbeeld.nl';
    const own = await post({ naam: 'Cees', email: cees, reactie: 'Ik volg dit.', meld_artikel: 'ja' });
    await approve(own);
    assert.doesNotMatch(await confirmByMail(cees), /Naar je reactie/, 'an article subscription: the article only');
    await announceApproved(t.deps, later());
    smtp.received.length = 0;
    const other = await post({ naam: 'Dirk', email: 'dirk@voorbeeld.nl', reactie: 'Een nieuwe gedachte.' });
    await approve(other);
    assert.equal(await announceApproved(t.deps, later()), 1);
    await send();
    const [mail] = smtp.received;
    assert.equal(mail.subject, 'Nieuwe reactie bij "De nieuwe brug"');
    const unsubscribe = linkIn(mail.text ?? '', '/meldingen/afmelden');
    const page = await request(t.app).get(unsubscribe).expect(200);
    assert.match(page.text, /<button type="submit" class="button">Afmelden<\/button>/);
    assert.equal((await t.db('subscriptions').where({ email_key: cees })).length, 1, 'a GET changes nothing');
  });

  it('refuses a forged or altered link with a Dutch message', async () => {
    const res = await request(t.app).get('/meldingen/afmelden?s=1&t=0.vals').expect(400);
    assert.match(res.text, /Deze link is niet compleet of klopt niet/);
    await request(t.app).post('/meldingen/bevestigen?s=2&t=abc').expect(400);
    // A confirmation link older than seven days, or one turned into an unsubscribe link.
    const old = signedQuery(t.deps.config.sessionSecret, 'confirm', [1], Date.now() - 8 * 24 * 3600_000);
    const expired = await request(t.app).get(`/meldingen/bevestigen?${old}`).expect(410);
    assert.match(expired.text, /Deze bevestigingslink is verlopen/);
    await request(t.app).post(`/meldingen/afmelden?${old}`).expect(400);
  });

  it('keeps a mail for later when the SMTP server refuses (4xx, 5xx) or is down, and never fails the page', async () => {
    await post({ naam: 'Eva', email: 'eva@voorbeeld.nl', reactie: 'Meld mij aub.', meld_artikel: 'ja' });
    const row = () => t.db('mail_queue').where({ to_key: 'eva@voorbeeld.nl' }).first();
    smtp.mode = 'refuse-4xx';
    const now = later();
    assert.deepEqual(await send(now), { sent: 0, failed: 1 });
    let queued = await row();
    assert.equal(queued.attempts, 1);
    assert.match(queued.last_error, /451|later/);
    assert.equal(queued.sent_at, null);
    assert.deepEqual(await send(now), { sent: 0, failed: 0 }, 'not again before the backoff');

    smtp.mode = 'refuse-5xx';
    assert.deepEqual(await send(new Date(now.getTime() + 61_000)), { sent: 0, failed: 1 });
    queued = await row();
    assert.equal(queued.attempts, 2);

    // Down: the port closed. Posting with a box ticked still works at once.
    await smtp.close();
    await post({ naam: 'Eva', email: 'eva@voorbeeld.nl', reactie: 'Nog een, terwijl de mail plat ligt.', meld_antwoorden: 'ja' });
    const down = await send(new Date(now.getTime() + 10 * 60_000));
    assert.equal(down.sent, 0);
    assert.ok(down.failed >= 1);

    // Back: everything goes out on a later round.
    smtp = await startFakeSmtp(smtp.port);
    transport.close();
    transport = createTransport(t.deps.config.mail);
    const back = await send(new Date(now.getTime() + 60 * 60_000));
    assert.ok(back.sent >= 1);
    assert.ok((await row()).sent_at !== null);
  });
});
