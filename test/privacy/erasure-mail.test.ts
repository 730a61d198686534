// An AVG erasure covers the mail too: without SMTP every mail is a file in the outbox folder, which
// admins read at /beheer/uitgaande-mail. After the erasure neither that page, nor a mail's own page,
// nor the mail queue holds anything of the person: not the mails to them (the confirmation, a reply
// notice), not the mails to others that quote their name and words.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import pino from 'pino';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, postReactieForm, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { announceApproved } from '../../server/notifications/jobs';
import { createTransport, type MailTransport } from '../../server/notifications/transport';
import { sendDueMails } from '../../server/notifications/worker';
import { FILE_INVENTORY, retentionJobs } from '../../server/privacy/retention';
import { up as rekeyEmailVariants } from '../../migrations/20261206000200_email_variant_keys';

const silent = pino({ level: 'silent' });

describe('privacy: erasure covers the outbox and the mail queue', function () {
  this.timeout(30_000);
  let t: TestApp;
  let outboxDir: string;
  let transport: MailTransport;
  let article: Article;
  let admin: { agent: Agent; csrf: string };
  let moderator: { agent: Agent; csrf: string };

  before(async () => {
    outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stadslog-wis-outbox-'));
    t = await createTestApp({ mail: { smtpUrl: null, from: 'Stadslog <noreply@stadslog.test>', outboxDir } });
    transport = createTransport(t.deps.config.mail);
    article = await buildArticle(t.db, { title: 'De Groene Loper' });
    admin = await loginAs(t.app, t.db, 'admin');
    moderator = await loginAs(t.app, t.db, 'moderator');
  });
  after(async () => {
    transport.close();
    await fs.rm(outboxDir, { recursive: true, force: true });
    await t.close();
  });

  // A minute later than the last send, and never before now: the file may run minutes after it was loaded.
  let clock = 0;
  const send = () => sendDueMails(t.db, transport, silent, new Date((clock = Math.max(clock, Date.now()) + 60_000)));
  const post = async (fields: Parameters<typeof postReactieForm>[2]) => {
    const res = await postReactieForm(request.agent(t.app), articlePath(article), fields);
    assert.equal(res.status, 303, res.text);
    return Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
  };
  const approve = (id: number) =>
    moderator.agent.post(`/beheer/reacties/${id}/goedkeuren`).type('form').send({ _csrf: moderator.csrf }).expect(303);
  const erase = (email: string, wijze: 'anonimiseren' | 'verwijderen') =>
    moderator.agent.post('/beheer/privacy/wissen').type('form').send({ _csrf: moderator.csrf, email, wijze, bevestig: 'ja' }).expect(303);

  /** Everything an admin can read of the outbox: the list and every mail's own page. */
  async function outboxAsAdminReadsIt(): Promise<string> {
    const list = await admin.agent.get('/beheer/uitgaande-mail').expect(200);
    const pages = [list.text];
    for (const [, file] of list.text.matchAll(/href="\/beheer\/uitgaande-mail\/([^"]+)"/g))
      pages.push((await admin.agent.get(`/beheer/uitgaande-mail/${file}`).expect(200)).text);
    return pages.join('\n');
  }
  async function queueText(): Promise<string> {
    return JSON.stringify(await t.db('mail_queue').select('*')).toLowerCase();
  }

  for (const wijze of ['anonimiseren', 'verwijderen'] as const) {
    it(`${wijze}: the person's mails leave the outbox and the queue, the neighbour's stay`, async () => {
      const tag = wijze === 'verwijderen' ? 'weg' : 'anoniem';
      const person = { naam: `Fenna ${tag}`, email: `fenna.${tag}@voorbeeld.nl` };
      const neighbour = { naam: `Buurvrouw ${tag}`, email: `buurvrouw.${tag}@voorbeeld.nl` };
      const words = `De loper is groen genoeg, vindt Fenna ${tag}.`;

      // Both ask for mail and confirm; the person answers the neighbour, who hears of it quoting her.
      const first = await post({ ...person, reactie: `Ik volg dit (${tag}).`, meld_antwoorden: 'ja', meld_artikel: 'ja' });
      await approve(first);
      const theirs = await post({ ...neighbour, reactie: `Ik ook, Fenna (${tag}).`, antwoord_op: String(first), meld_antwoorden: 'ja' });
      await approve(theirs);
      await send();
      await t.db('subscriptions').whereIn('email_key', [person.email, neighbour.email]).update({ confirmed_at: new Date() });
      await announceApproved(t.deps, new Date(Date.now() + 5000));
      const reply = await post({ ...person, reactie: words, antwoord_op: String(theirs) });
      await approve(reply);
      await announceApproved(t.deps, new Date(Date.now() + 10_000));
      await send();
      // One more mail quoting her waits in the queue, not sent yet.
      const late = await post({ ...person, reactie: `Nog één ding (${tag}).`, antwoord_op: String(theirs) });
      await approve(late);
      await announceApproved(t.deps, new Date(Date.now() + 15_000));

      const before = await outboxAsAdminReadsIt();
      assert.match(before, new RegExp(person.email.replace('.', '\\.')), 'the confirmation and the reply notice to her');
      assert.ok(before.includes(words), 'the notice to the neighbour quotes her words');
      assert.match(before, new RegExp(`${person.naam} reageerde op je reactie`));
      assert.match(await queueText(), new RegExp(`nog één ding \\(${tag}\\)`));

      await erase(person.email, wijze);

      const after = await outboxAsAdminReadsIt();
      for (const needle of [person.email, person.naam, words, `Nog één ding (${tag})`, `Ik volg dit (${tag})`])
        assert.ok(!after.includes(needle), `${needle} is still in the outbox`);
      const queue = await queueText();
      for (const needle of [person.email, person.naam.toLowerCase(), words.toLowerCase(), `nog één ding (${tag})`])
        assert.ok(!queue.includes(needle), `${needle} is still in the mail queue`);
      // The neighbour's own confirmation mail is hers, and stays.
      assert.match(after, new RegExp(neighbour.email.replace('.', '\\.')));
      assert.ok(after.includes('Bevestig je e-mail over reacties bij &#34;De Groene Loper&#34;'));
    });
  }

  it('removes an outbox file once its mail is no longer in the queue, and lists the folder among what is kept', async () => {
    await post({ naam: 'Oud', email: 'oud.adres@voorbeeld.nl', reactie: 'Een mail van lang geleden.', meld_artikel: 'ja' });
    await send();
    const list = async () => (await admin.agent.get('/beheer/uitgaande-mail').expect(200)).text;
    assert.match(await list(), /oud\.adres@voorbeeld\.nl/);
    // Sent more than the retention period ago: the hourly job purges the row, and the file with it.
    await t
      .db('mail_queue')
      .where({ to_key: 'oud.adres@voorbeeld.nl' })
      .update({ created_at: new Date(Date.now() - 31 * 86_400_000) });
    for (const [, run] of retentionJobs(t.deps.config, t.db)) await run(new Date());
    assert.doesNotMatch(await list(), /oud\.adres/);
    assert.match(FILE_INVENTORY.MAIL_OUTBOX_DIR.retention, /zolang de mail in mail_queue staat/);
  });

  it('finds and erases what was stored under an address written with brackets or a separator before the check', async () => {
    const legacy = [
      ['<wouter@voorbeeld.nl>', 'Met haken'],
      ['Wouter <Wouter@voorbeeld.nl>', 'Met naam'],
      ['wouter@voorbeeld.nl;', 'Met puntkomma'],
    ];
    for (const [email, body] of legacy) {
      const id = await buildReactie(t.db, article, { authorEmail: 'wouter@voorbeeld.nl', authorName: 'Wouter', body });
      // As the old check stored it: the address as typed, its key only trimmed and lower-cased.
      await t.db('reacties').where({ id }).update({ author_email: email, author_email_key: email.trim().toLowerCase() });
    }
    await t.db('mail_queue').insert({
      to: 'buur@voorbeeld.nl',
      to_key: 'buur@voorbeeld.nl',
      about_key: 'wouter <wouter@voorbeeld.nl>',
      subject: 'Wouter reageerde op je reactie',
      text: '> Met naam',
      headers: '{}',
      attempts: 0,
      created_at: new Date(),
      next_attempt_at: new Date(),
    });
    await rekeyEmailVariants(t.db);
    const found = await moderator.agent.get('/beheer/privacy?email=wouter%40voorbeeld.nl').expect(200);
    assert.match(found.text, /3 reacties bij/);
    await erase('wouter@voorbeeld.nl', 'verwijderen');
    assert.equal((await t.db('reacties').where('author_email', 'like', '%wouter%')).length, 0);
    assert.ok(!(await queueText()).includes('wouter'));
  });
});
