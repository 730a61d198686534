// Every mail has an HTML part beside the plain text (multipart/alternative), sent through a real
// SMTP server on 127.0.0.1 and read back with mailparser: the same words, a resident's text escaped,
// inline styles only, no remote images, the unsubscribe link, and no other commenter's address.
import assert from 'node:assert/strict';
import request from 'supertest';
import pino from 'pino';
import type { ParsedMail } from 'mailparser';
import type { TestApp } from '../helpers/app';
import { buildUser } from '../helpers/builders';
import { postReactieForm, type Agent } from '../helpers/http';
import type { FakeSmtp } from '../helpers/fake-smtp';
import { approveAsModerator, closeMailApp, postOnArticle, startMailApp } from '../helpers/mail-app';
import type { Article } from '../../server/articles/queries';
import { announceApproved, mailModerators } from '../../server/notifications/jobs';
import type { MailTransport } from '../../server/notifications/transport';
import { sendDueMails } from '../../server/notifications/worker';
import { saveSettings } from '../../server/settings/settings';

const silent = pino({ level: 'silent' });
const HOSTILE = 'Zie <img src="https://tracker.example/x.gif"> & <script>alert(1)</script>\nTweede regel';

describe('notifications: HTML alternative of every mail', function () {
  this.timeout(30_000);
  let smtp: FakeSmtp;
  let t: TestApp;
  let transport: MailTransport;
  let article: Article;
  let moderator: { agent: Agent; csrf: string };

  before(async () => {
    ({ smtp, t, transport, article, moderator } = await startMailApp('Het <b>plein</b>'));
  });
  after(() => closeMailApp({ smtp, t, transport }));

  const later = () => new Date(Date.now() + 5000);
  const recipient = (mail: ParsedMail) => (mail.to ? [mail.to].flat()[0]?.text : undefined);
  const post = (fields: Parameters<typeof postReactieForm>[2]) => postOnArticle({ t, article }, fields);
  const approve = (id: number) => approveAsModerator({ moderator }, id);
  async function receive(): Promise<ParsedMail[]> {
    smtp.received.length = 0;
    await sendDueMails(t.db, transport, silent, later());
    return [...smtp.received];
  }
  /** What every HTML part must be: a document in Dutch, inline styles, no images, scripts or stylesheets. */
  function assertSafeHtml(html: string) {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="nl">/);
    assert.doesNotMatch(html, /<img|<script|<style|<link|url\(/i);
    assert.doesNotMatch(html, /\bclass=/, 'inline styles only');
    for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1], /^http:\/\/127\.0\.0\.1\//, 'only our own links');
  }

  it('sends the confirmation, the reply mail and the digest as text and HTML', async () => {
    const anne = 'anne.html@voorbeeld.nl';
    const first = await post({ naam: 'Anne', email: anne, reactie: 'Komt er een bankje?', meld_antwoorden: 'ja' });

    const [confirm] = (await receive()).filter((m) => recipient(m) === anne);
    assert.ok(confirm.text && confirm.html, 'both parts');
    assert.match(confirm.headerLines.find((h) => h.key === 'content-type')!.line, /multipart\/alternative/);
    assertSafeHtml(confirm.html);
    assert.match(confirm.html, /<title>Bevestig je e-mail over reacties bij &#34;Het &lt;b&gt;plein&lt;\/b&gt;&#34;<\/title>/);
    const link = /href="http:\/\/127\.0\.0\.1(\/meldingen\/bevestigen\?[^"]+)"/.exec(confirm.html)![1].replace(/&amp;/g, '&');
    assert.ok(confirm.text.includes(`http://127.0.0.1${link}`), 'the same link as the text');
    await request(t.app).post(link).expect(200);
    await approve(first);

    const bram = 'bram.html@voorbeeld.nl';
    const reply = await post({ naam: 'Bram <i>B</i>', email: bram, reactie: HOSTILE, antwoord_op: String(first) });
    await approve(reply);
    assert.equal(await announceApproved(t.deps, later()), 1);
    const [mail] = await receive();
    assert.equal(recipient(mail), anne);
    assert.ok(mail.text && mail.html);
    assertSafeHtml(mail.html);
    assert.ok(
      mail.html.includes(
        'Zie &lt;img src=&#34;https://tracker.example/x.gif&#34;&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;<br>Tweede regel',
      ),
    );
    assert.ok(mail.html.includes('Bram &lt;i&gt;B&lt;/i&gt; reageerde op je reactie'));
    assert.match(mail.html, new RegExp(`href="http://127\\.0\\.0\\.1/reactie/${reply}"`));
    const unsubscribe = /href="(http:\/\/127\.0\.0\.1\/meldingen\/afmelden\?[^"]+)"[^>]*>Afmelden met één klik</.exec(mail.html);
    assert.ok(unsubscribe, 'the unsubscribe link in the HTML part');
    assert.ok(mail.text.includes(unsubscribe[1].replace(/&amp;/g, '&')));
    // The replier's address is never in the mail to the one replied to (nor the other way).
    const raw = JSON.stringify({ text: mail.text, html: mail.html, headers: mail.headerLines });
    assert.ok(!raw.includes(bram) && !raw.includes('bram.html'), 'no address of another commenter');

    await buildUser(t.db, 'moderator');
    await saveSettings(t.db, { mail: { moderatorDigestMinutes: 30 } });
    await post({ naam: 'Nieuw', email: 'nieuw.html@voorbeeld.nl', reactie: 'Wacht op goedkeuring.' });
    assert.ok((await mailModerators(t.deps, later())) >= 1);
    const digests = (await receive()).filter((m) => /^Moderatie bij /.test(m.subject ?? ''));
    assert.ok(digests.length >= 1);
    for (const digest of digests) {
      assert.ok(digest.text && digest.html);
      assertSafeHtml(digest.html);
      assert.match(digest.html, /href="http:\/\/127\.0\.0\.1\/beheer\/reacties"/);
      assert.ok(!digest.html.includes('nieuw.html@'), 'the digest names no commenter');
    }
  });
});
