// Issue 21: an address a moderator holds keeps waiting also when Akismet answers a delayed recheck
// with "ham" (the recheck decides as posting does, initial-status.ts), while an address without a
// rule is published under the trusted policy as before.
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { FAKE_KEY, startFakeAkismet, type FakeAkismet } from '../helpers/fake-akismet';
import { recheckDue } from '../../server/reacties/spam/recheck';
import { addressKeyOf } from '../../server/addresses/key';
import { setRule } from '../../server/addresses/rules';
import { saveSettings } from '../../server/settings/settings';

describe('moderation: a held address and the Akismet recheck', function () {
  this.timeout(30_000);
  let t: TestApp;
  let fake: FakeAkismet;
  before(async () => {
    fake = await startFakeAkismet('ham');
    t = await createTestApp({ akismet: { key: FAKE_KEY, baseUrl: fake.url, timeoutMs: 5000, isTest: true } });
    await saveSettings(t.db, { moderationPolicy: 'trusted' });
  });
  after(async () => {
    await fake.close();
    await t.close();
  });

  /** A reactie of a known address, held because Akismet did not answer, that a "ham" recheck publishes. */
  async function heldForRecheck(email: string): Promise<number> {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'pending', authorEmail: email });
    await t
      .db('reacties')
      .where({ id })
      .update({
        recheck_needed: true,
        recheck_next_at: new Date(Date.now() - 60_000),
        akismet_payload: JSON.stringify({ blog: 'http://127.0.0.1', user_ip: '192.0.2.10', comment_content: 'x' }),
        spam_checks: JSON.stringify({ local: 'pass', outcome: 'hold', hits: [{ check: 'known-address', outcome: 'pass', detail: '' }] }),
      });
    return id;
  }

  it('keeps a held address waiting; publishes one without a rule', async () => {
    const held = await heldForRecheck('vast@example.nl');
    const free = await heldForRecheck('vrij@example.nl');
    const now = new Date();
    await setRule(
      t.db,
      addressKeyOf(t.deps.config.sessionSecret, 'vast@example.nl'),
      { rule: 'hold', reason: null, endsAt: new Date(now.getTime() + 86_400_000), reactieId: held },
      now,
    );
    const result = await recheckDue(t.db, t.deps.config, pino({ level: 'silent' }), now);
    assert.equal(result.checked, 2);
    assert.equal((await t.db('reacties').where({ id: free }).first()).status, 'approved');
    assert.equal((await t.db('reacties').where({ id: held }).first()).status, 'pending');
  });
});
