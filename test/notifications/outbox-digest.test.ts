// Without SMTP (development) mails land in the outbox folder, which only admins read; moderators
// get one mail when reacties wait, at most once per the set minutes; and two workers never send
// one mail twice.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import pino from 'pino';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildUser } from '../helpers/builders';
import { loginAs, postReactieForm } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { mailModerators } from '../../server/notifications/jobs';
import { enqueueMail } from '../../server/notifications/queue';
import { createTransport, type MailTransport } from '../../server/notifications/transport';
import { sendDueMails } from '../../server/notifications/worker';
import { saveSettings } from '../../server/settings/settings';

const silent = pino({ level: 'silent' });

describe('notifications: outbox, moderator digest, one send per mail', function () {
  this.timeout(30_000);
  let t: TestApp;
  let outboxDir: string;
  let transport: MailTransport;
  let article: Article;

  before(async () => {
    outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stadslog-outbox-'));
    t = await createTestApp({ mail: { smtpUrl: null, from: 'Stadslog <noreply@stadslog.test>', outboxDir } });
    transport = createTransport(t.deps.config.mail);
    article = await buildArticle(t.db, { title: 'Het plein' });
  });
  after(async () => {
    transport.close();
    await fs.rm(outboxDir, { recursive: true, force: true });
    await t.close();
  });

  it('writes mails to the outbox, which admins read escaped and moderators cannot open', async () => {
    const res = await postReactieForm(request.agent(t.app), articlePath(article), {
      naam: '<script>alert(1)</script>',
      email: 'fien@voorbeeld.nl',
      reactie: 'Houd mij op de hoogte.',
      meld_artikel: 'ja',
    });
    assert.equal(res.status, 303);
    assert.equal((await sendDueMails(t.db, transport, silent, new Date(Date.now() + 1000))).sent, 1);
    const files = await fs.readdir(outboxDir);
    assert.equal(files.length, 1);
    assert.match(files[0], /^\d{8}T\d{6}-\d+\.eml$/);

    const admin = await loginAs(t.app, t.db, 'admin');
    const list = await admin.agent.get('/beheer/uitgaande-mail').expect(200);
    assert.match(list.text, /Er is geen SMTP-server ingesteld/);
    assert.match(list.text, /fien@voorbeeld\.nl/);
    assert.match(list.text, /Bevestig je e-mail over reacties bij &#34;Het plein&#34;/);
    const one = await admin.agent.get(`/beheer/uitgaande-mail/${files[0]}`).expect(200);
    assert.match(one.text, /\/meldingen\/bevestigen\?s=/);
    assert.doesNotMatch(one.text, /<script>alert/);
    await admin.agent.get('/beheer/uitgaande-mail/..%2F..%2Fetc%2Fpasswd').expect(404);

    const moderator = await loginAs(t.app, t.db, 'moderator');
    await moderator.agent.get('/beheer/uitgaande-mail').expect(403);
  });

  it('mails moderators and admins once when new reacties wait, then not again within the set minutes', async () => {
    await t.db('mail_queue').delete();
    const mod = await buildUser(t.db, 'moderator');
    const editor = await buildUser(t.db, 'editor');
    await saveSettings(t.db, { mail: { moderatorDigestMinutes: 30 } });
    const now = new Date(Date.now() + 1000);
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const postAt = async (minutes: number, naam: string) => {
      t.setNow(at(minutes));
      const res = await postReactieForm(request.agent(t.app), articlePath(article), { naam, email: `${naam.toLowerCase()}@voorbeeld.nl` });
      t.setNow(undefined);
      assert.equal(res.status, 303);
    };
    // A new address: held for moderation.
    await postAt(-1, 'Gijs');
    const sent = await mailModerators(t.deps, now);
    assert.ok(sent >= 1);
    const rows = await t.db('mail_queue').select('to', 'subject', 'text');
    assert.ok(rows.some((r: { to: string }) => r.to === mod.email));
    assert.ok(!rows.some((r: { to: string }) => r.to === editor.email), 'editors do not moderate');
    assert.match(rows[0].subject, /^Moderatie bij Stadslog: \d+ reacties? wacht(en)? op goedkeuring$/);
    assert.match(rows[0].text, /http:\/\/127\.0\.0\.1\/beheer\/reacties/);

    assert.equal(await mailModerators(t.deps, at(1)), 0, 'within the minutes: none');
    await postAt(5, 'Hans');
    assert.equal(await mailModerators(t.deps, at(10)), 0, 'within 30 minutes: no second mail');
    assert.equal(await mailModerators(t.deps, at(31)), sent, 'after 30 minutes, with a new one waiting');
    assert.equal(await mailModerators(t.deps, at(100)), 0, 'nothing new since the last mail: none');
    await saveSettings(t.db, { mail: { moderatorDigestMinutes: 0 } });
    await postAt(110, 'Ilse');
    assert.equal(await mailModerators(t.deps, at(120)), 0, '0 turns it off');
  });

  it('sends a mail once when two workers run at the same moment, and queues one event once', async () => {
    await t.db('mail_queue').delete();
    const now = new Date();
    const mail = { to: 'jip@voorbeeld.nl', subject: 'Test', text: 'Hallo', dedupeKey: 'test:1' };
    assert.equal(await enqueueMail(t.db, mail, now), true);
    assert.equal(await enqueueMail(t.db, mail, now), false, 'the same event again');
    const sent: string[] = [];
    const counting: MailTransport = {
      send: (m) => {
        sent.push(m.to);
        return Promise.resolve();
      },
      close: () => undefined,
    };
    const later = new Date(now.getTime() + 1000);
    const results = await Promise.all([sendDueMails(t.db, counting, silent, later), sendDueMails(t.db, counting, silent, later)]);
    assert.deepEqual(sent, ['jip@voorbeeld.nl']);
    assert.equal(results[0].sent + results[1].sent, 1);
  });
});
