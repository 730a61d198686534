// The author hears of the reviewer's decision by mail, through the mail queue and a real SMTP server
// on 127.0.0.1: sent back (with the note, escaped in the HTML), published or scheduled (from the
// review form or from the editor itself), each with a link to the editor. Never when the reviewer
// reviewed their own article.
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestApp, type TestApp } from '../helpers/app';
import { startFakeSmtp, type FakeSmtp } from '../helpers/fake-smtp';
import { ARTICLE_FORM, hiddenInput, loginAs, type Agent } from '../helpers/http';
import { articlePath, findArticleById, type Article } from '../../server/articles/queries';
import { createTransport, type MailTransport } from '../../server/notifications/transport';
import { sendDueMails } from '../../server/notifications/worker';
import { toLocalInputValue } from '../../server/shared/format';

type Person = { agent: Agent; csrf: string; email: string };
const silent = pino({ level: 'silent' });
const BASE = 'http://stadslog.test';

describe('Ter beoordeling: the author gets a mail', function () {
  this.timeout(60_000);
  let smtp: FakeSmtp;
  let t: TestApp;
  let transport: MailTransport;
  let ed: Person;
  let chief: Person;

  before(async () => {
    smtp = await startFakeSmtp();
    t = await createTestApp({
      baseUrl: BASE,
      mail: { smtpUrl: smtp.url, from: 'Stadslog <noreply@stadslog.test>', outboxDir: '/nonexistent' },
    });
    transport = createTransport(t.deps.config.mail);
    ed = await loginAs(t.app, t.db, 'editor');
    chief = await loginAs(t.app, t.db, 'chief');
    await t.db('users').where({ email: ed.email }).update({ name: 'Els Redacteur' });
    await t.db('users').where({ email: chief.email }).update({ name: 'Carla Eindredacteur' });
  });
  after(async () => {
    transport.close();
    await smtp.close();
    await t.close();
  });

  /** Sends what the queue holds; the mails the SMTP server received since. */
  async function sent() {
    const before = smtp.received.length;
    await sendDueMails(t.db, transport, silent, new Date(Date.now() + 1000));
    return smtp.received.slice(before);
  }

  async function offer(p: Person, title: string): Promise<Article> {
    const res = await p.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ _csrf: p.csrf, ...ARTICLE_FORM, titel: title, soort: 'nieuws', tekst: `${title}: de tekst.`, status: 'review' });
    assert.equal(res.status, 303, res.text);
    return (await findArticleById(t.db, Number(/\/(\d+)$/.exec(res.headers.location)![1])))!;
  }

  const review = (p: Person, a: Article, fields: Record<string, string>) =>
    p.agent
      .post(`/beheer/artikelen/${a.id}/beoordeling`)
      .type('form')
      .send({ _csrf: p.csrf, versie: String(a.revision), ...fields });

  it('mails the note when an article is sent back, with a link to the editor', async () => {
    const a = await offer(ed, 'Nieuwe stalling');
    assert.deepEqual(await sent(), [], 'offering mails nobody');
    const res = await review(chief, a, { actie: 'terugsturen', notitie: 'Graag de bron <toevoegen>.\nEn een foto.' });
    assert.equal(res.status, 303);
    const mails = await sent();
    assert.equal(mails.length, 1);
    const [mail] = mails;
    assert.equal(mail.to && 'text' in mail.to ? mail.to.text : '', ed.email);
    assert.equal(mail.subject, 'Je artikel „Nieuwe stalling” is teruggestuurd');
    assert.match(mail.text!, /Carla Eindredacteur heeft je artikel „Nieuwe stalling” teruggestuurd, met deze opmerking:/);
    assert.match(mail.text!, /> Graag de bron <toevoegen>\.\n> En een foto\./);
    assert.ok(mail.text!.includes(`Naar het artikel in de editor: ${BASE}/beheer/artikelen/${a.id}`));
    assert.ok(String(mail.html).includes('Graag de bron &lt;toevoegen&gt;.<br>En een foto.'), 'the note escaped in the HTML');
    assert.ok(String(mail.html).includes(`href="${BASE}/beheer/artikelen/${a.id}"`));
  });

  it('mails when the reviewer publishes it, from the review form or from the editor, and when it is scheduled', async () => {
    const a = await offer(ed, 'Markt verhuist');
    assert.equal((await review(chief, a, { actie: 'publiceren', publiceren_om: '' })).status, 303);
    const [published] = await sent();
    const saved = (await findArticleById(t.db, a.id))!;
    assert.equal(published.subject, 'Je artikel „Markt verhuist” is gepubliceerd');
    assert.match(published.text!, /Carla Eindredacteur heeft je artikel „Markt verhuist” na beoordeling gepubliceerd\./);
    assert.ok(published.text!.includes(`Het artikel op de weblog: ${BASE}${articlePath(saved)}`));
    assert.ok(published.text!.includes(`${BASE}/beheer/artikelen/${a.id}`));

    const later = await offer(ed, 'Raadsvergadering');
    const at = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    assert.equal((await review(chief, later, { actie: 'publiceren', publiceren_om: toLocalInputValue(at) })).status, 303);
    const [scheduled] = await sent();
    assert.equal(scheduled.subject, 'Je artikel „Raadsvergadering” is goedgekeurd en gepland');
    assert.match(scheduled.text!, /heeft je artikel „Raadsvergadering” goedgekeurd\. Het verschijnt op \d{1,2} \w+ \d{4} om \d{2}:\d{2}\./);

    // The reviewer publishes from the editor itself.
    const fromEditor = await offer(ed, 'Brug dicht');
    const form = await chief.agent.get(`/beheer/artikelen/${fromEditor.id}`).expect(200);
    const res = await chief.agent
      .post(`/beheer/artikelen/${fromEditor.id}`)
      .type('form')
      .send({
        _csrf: chief.csrf,
        ...ARTICLE_FORM,
        titel: fromEditor.title,
        slug: fromEditor.slug,
        soort: 'nieuws',
        tekst: fromEditor.bodyMarkdown,
        versie: hiddenInput(form.text, 'versie'),
        status: 'published',
      });
    assert.equal(res.status, 303, res.text);
    const [edited] = await sent();
    assert.equal(edited.subject, 'Je artikel „Brug dicht” is gepubliceerd');
    assert.equal(edited.to && 'text' in edited.to ? edited.to.text : '', ed.email);
  });

  it('mails nobody when the reviewer reviewed their own article', async () => {
    const own = await offer(chief, 'Eigen stuk');
    assert.equal((await review(chief, own, { actie: 'terugsturen', notitie: 'Nog niet af.' })).status, 303);
    const again = await chief.agent.get(`/beheer/artikelen/${own.id}`).expect(200);
    assert.match(again.text, /Nog niet af\./);
    assert.deepEqual(await sent(), []);
    assert.equal((await t.db('mail_queue').where({ to: chief.email })).length, 0);
  });
});
