// A background job never overrides a moderator's decision made after the job started: rechecks
// and purges lock the article first and decide on a copy read under the lock (compare-and-set).
// The "open transaction" cases reproduce what happened on PostgreSQL, where a job that read the
// reactie before taking the lock acted on a stale copy once the moderator's transaction committed.
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Knex } from 'knex';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie, buildUser } from '../helpers/builders';
import { FAKE_KEY, holdAnswers, requestsArrived, startFakeAkismet, type FakeAkismet } from '../helpers/fake-akismet';
import { recheckDue } from '../../server/reacties/spam/recheck';
import { purgeOldSpam } from '../../server/reacties/spam/purge';
import { applyModerationAction } from '../../server/moderation/actions';
import { lockArticle, siteReactieTotal } from '../../server/reacties/counters';
import { actorOf } from '../../server/accounts/auth';
import type { Article } from '../../server/articles/queries';

const silent = pino({ level: 'silent' });
const DAY = 24 * 3600_000;
// Long enough for the job to reach the lock and wait on it.
const LET_THE_JOB_WAIT_MS = 300;

describe('spam jobs: a human decision wins', function () {
  this.timeout(30_000);
  let t: TestApp;
  let fake: FakeAkismet;
  let article: Article;

  before(async () => {
    fake = await startFakeAkismet();
    t = await createTestApp({ akismet: { key: FAKE_KEY, baseUrl: fake.url, timeoutMs: 5000, isTest: true } });
  });
  after(async () => {
    await fake.close();
    await t.close();
  });
  beforeEach(async () => {
    fake.mode = 'ham';
    fake.requests.length = 0;
    article = await buildArticle(t.db);
  });

  /** A reactie held because Akismet did not answer, due for a recheck, that a recheck would publish. */
  async function heldForRecheck(): Promise<number> {
    const id = await buildReactie(t.db, article, { status: 'pending' });
    await t
      .db('reacties')
      .where({ id })
      .update({
        recheck_needed: true,
        recheck_next_at: new Date(Date.now() - 60_000),
        akismet_payload: JSON.stringify({ blog: 'http://127.0.0.1', user_ip: '192.0.2.10', comment_content: 'x' }),
        spam_checks: JSON.stringify({ local: 'pass', outcome: 'hold', clearStatus: 'approved', hits: [] }),
      });
    return id;
  }

  /** A moderator's "prullenbak" inside a transaction the test commits when it wants to. */
  async function openTrash(id: number): Promise<Knex.Transaction> {
    const trx = await t.db.transaction();
    await lockArticle(trx, article.id);
    await trx('reacties')
      .where({ id })
      .update({ status: 'trash', previous_status: 'pending', recheck_needed: false, status_changed_at: new Date() });
    return trx;
  }

  const recheckAudits = async (id: number) => t.db('audit_log').where({ action: 'reactie.recheck', subject_id: id });

  it('does not publish a reactie a moderator trashed while Akismet was answering', async () => {
    const id = await heldForRecheck();
    const release = holdAnswers(fake);
    const job = recheckDue(t.db, t.deps.config, silent, new Date());
    await requestsArrived(fake, 1);
    const moderator = await buildUser(t.db, 'moderator');
    assert.equal((await applyModerationAction(t.deps, actorOf(moderator), id, 'prullenbak')).ok, true);
    release();
    await job;
    const row = await t.db('reacties').where({ id }).first();
    assert.equal(row.status, 'trash');
    assert.equal(Boolean(row.recheck_needed), false);
    assert.deepEqual(await recheckAudits(id), [], 'the job claims no decision it did not make');
  });

  it("does not publish a reactie whose moderator's transaction was still open when Akismet answered", async () => {
    const id = await heldForRecheck();
    const release = holdAnswers(fake);
    const job = recheckDue(t.db, t.deps.config, silent, new Date());
    await requestsArrived(fake, 1);
    const trx = await openTrash(id);
    release();
    await new Promise((r) => setTimeout(r, LET_THE_JOB_WAIT_MS));
    await trx.commit();
    await job;
    assert.equal((await t.db('reacties').where({ id }).first()).status, 'trash');
    assert.equal(Number((await t.db('articles').where({ id: article.id }).first()).reactie_count), 0);
  });

  it('does not start rechecking again when Akismet fails after a moderator decided', async () => {
    const id = await heldForRecheck();
    fake.mode = 'http-500';
    const release = holdAnswers(fake);
    const job = recheckDue(t.db, t.deps.config, silent, new Date());
    await requestsArrived(fake, 1);
    const moderator = await buildUser(t.db, 'moderator');
    await applyModerationAction(t.deps, actorOf(moderator), id, 'goedkeuren');
    release();
    await job;
    const row = await t.db('reacties').where({ id }).first();
    assert.equal(row.status, 'approved');
    assert.equal(Boolean(row.recheck_needed), false, 'a later recheck could otherwise still act on it');
  });

  it('does not purge old spam that a moderator rescued while the purge ran', async () => {
    const id = await buildReactie(t.db, article, { status: 'spam' });
    await t
      .db('reacties')
      .where({ id })
      .update({ status_changed_at: new Date(Date.now() - 40 * DAY) });
    const totalBefore = await siteReactieTotal(t.db);
    const trx = await t.db.transaction();
    await lockArticle(trx, article.id);
    await trx('reacties').where({ id }).update({ status: 'approved', status_changed_at: new Date() });
    await trx('articles').where({ id: article.id }).update({ reactie_count: 1 });
    await trx('counters').where({ name: 'reacties_visible' }).increment('value', 1);
    const job = purgeOldSpam(t.db, new Date());
    await new Promise((r) => setTimeout(r, LET_THE_JOB_WAIT_MS));
    await trx.commit();
    await job;
    const row = await t.db('reacties').where({ id }).first();
    assert.ok(row, 'the rescued reactie still exists');
    assert.equal(row.status, 'approved');
    assert.equal(await siteReactieTotal(t.db), totalBefore + 1);
  });
});
