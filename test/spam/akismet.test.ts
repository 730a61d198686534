// Akismet against a fake server on 127.0.0.1 that speaks the real protocol.
import assert from 'node:assert/strict';
import { rememberedParts } from '../../server/spam/memory';
import request from 'supertest';
import pino from 'pino';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, loginAs } from '../helpers/http';
import { checks, FAKE_KEY, startFakeAkismet, type FakeAkismet } from '../helpers/fake-akismet';
import { articlePath, type Article } from '../../server/articles/queries';
import { saveSpamSettings } from '../../server/spam/settings';
import { recheckDue } from '../../server/reacties/spam/recheck';
import { reportSpamVerdict } from '../../server/spam/feedback';
import { akismetPayloadOf } from '../../server/reacties/spam/spam-queries';
import { verifyKey } from '../../server/spam/akismet';
import { findReactie } from '../../server/reacties/queries';
import { siteReactieTotal } from '../../server/reacties/counters';
import { purgeAkismetPayloads, purgeOldSpam } from '../../server/reacties/spam/purge';

const silent = pino({ level: 'silent' });
const TIMEOUT_MS = 300;

describe('spam: Akismet', function () {
  this.timeout(30_000);
  let t: TestApp;
  let fake: FakeAkismet;
  let seq = 0;

  before(async () => {
    fake = await startFakeAkismet();
    t = await createTestApp({
      trustProxy: 1,
      baseUrl: 'https://stadslog.test',
      akismet: { key: FAKE_KEY, baseUrl: fake.url, timeoutMs: TIMEOUT_MS, isTest: true },
    });
  });
  after(async () => {
    await fake.close();
    await t.close();
  });
  beforeEach(() => {
    fake.mode = 'ham';
    fake.requests.length = 0;
  });

  async function post(article: Article, fields: Record<string, string> = {}) {
    const agent = request.agent(t.app);
    const n = ++seq;
    const page = await agent.get(articlePath(article));
    return agent
      .post(`${articlePath(article)}/reacties`)
      .set('X-Forwarded-For', `198.51.100.${n}`)
      .set('User-Agent', 'Testbrowser/1.0')
      .set('Referer', 'https://stadslog.test/')
      .type('form')
      .send({
        _token: hiddenInput(page.text, '_token'),
        naam: `Bewoner ${n}`,
        email: `b${n}@example.nl`,
        website: '',
        reactie: `Reactie nummer ${n}`,
        antwoord_op: '',
        url: '',
        ...fields,
      });
  }
  const idOf = (res: request.Response) => Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
  const row = (id: number) => t.db('reacties').where({ id }).first();

  it('sends every field of the protocol, and is_test from tests', async () => {
    const article = await buildArticle(t.db);
    const parent = await buildReactie(t.db, article);
    await post(article, {
      naam: 'Anna',
      email: 'anna@example.nl',
      website: 'anna.nl',
      reactie: 'Een antwoord',
      antwoord_op: String(parent),
    });
    const [sent] = checks(fake);
    const p = sent.params;
    assert.equal(p.api_key, FAKE_KEY);
    assert.equal(p.blog, 'https://stadslog.test');
    assert.equal(p.user_ip, `198.51.100.${seq}`);
    assert.equal(p.user_agent, 'Testbrowser/1.0');
    assert.equal(p.referrer, 'https://stadslog.test/');
    assert.equal(p.permalink, `https://stadslog.test${articlePath(article)}`);
    assert.equal(p.comment_type, 'reply');
    assert.equal(p.comment_author, 'Anna');
    assert.equal(p.comment_author_email, 'anna@example.nl');
    assert.equal(p.comment_author_url, 'https://anna.nl');
    assert.equal(p.comment_content, 'Een antwoord');
    assert.match(p.comment_date_gmt, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(p.comment_post_modified_gmt, article.updatedAt.toISOString());
    assert.equal(p.blog_lang, 'nl');
    assert.equal(p.blog_charset, 'UTF-8');
    assert.equal(p.honeypot_field_name, 'url');
    assert.equal(p.url, '');
    assert.equal(p.is_test, '1');
    assert.equal(p.recheck_reason, undefined);
  });

  it('follows the local policy on "false" (ham): held for a new address', async () => {
    const res = await post(await buildArticle(t.db));
    const r = await row(idOf(res));
    assert.equal(r.status, 'pending');
    assert.equal(r.akismet_result, 'ham');
    assert.match(r.akismet_guid, /^guid-/);
    assert.equal(JSON.parse(r.akismet_payload).comment_content, r.body, 'exactly what was sent is stored');
  });

  it('stores "true" as spam, never shown', async () => {
    fake.mode = 'spam';
    const article = await buildArticle(t.db);
    const r = await row(idOf(await post(article, { reactie: 'Koop nu goedkope horloges' })));
    assert.equal(r.status, 'spam');
    assert.doesNotMatch((await request(t.app).get(articlePath(article))).text, /goedkope horloges/);
  });

  it('does not store obvious spam (pro-tip discard) when so set, keeping the text for the poster; else stores it as spam', async () => {
    fake.mode = 'discard';
    const article = await buildArticle(t.db);
    const before = await t.db('reacties').count({ n: '*' }).first();
    const res = await post(article, { reactie: 'Blatante spam' });
    assert.equal(res.status, 422);
    assert.match(res.text, /overduidelijke spam/);
    assert.match(res.text, /Blatante spam<\/textarea>/);
    assert.deepEqual(await t.db('reacties').count({ n: '*' }).first(), before);
    await saveSpamSettings(t.db, { discardObviousSpam: false });
    const kept = await row(idOf(await post(article, { reactie: 'Ook blatant' })));
    assert.equal(kept.status, 'spam');
    assert.equal(JSON.parse(kept.akismet_response).proTip, 'discard');
    await saveSpamSettings(t.db, { discardObviousSpam: true });
  });

  for (const mode of ['invalid', 'error-header', 'http-500', 'hang'] as const) {
    it(`holds and marks for recheck when Akismet answers ${mode}`, async () => {
      fake.mode = mode;
      const started = Date.now();
      const res = await post(await buildArticle(t.db));
      assert.equal(res.status, 303);
      if (mode === 'hang') assert.ok(Date.now() - started < TIMEOUT_MS + 2000, 'the timeout holds');
      const r = await row(idOf(res));
      assert.equal(r.status, 'pending');
      assert.equal(r.akismet_result, 'error');
      assert.ok(r.recheck_needed === true || r.recheck_needed === 1);
      if (mode === 'error-header') assert.equal(JSON.parse(r.akismet_response).alertMsg, 'Usage limit exceeded');
    });
  }

  it('holds a burst of posts while Akismet is down (closed port), then rechecks and resolves them when it is back', async () => {
    await t.db('reacties').update({ recheck_needed: false });
    const down = await startFakeAkismet('spam');
    const downUrl = down.url;
    await down.close();
    t.deps.config.akismet!.baseUrl = downUrl;
    const article = await buildArticle(t.db);
    const trusted = 'vaste@example.nl';
    await buildReactie(t.db, article, { authorEmail: trusted });
    const totalBefore = await siteReactieTotal(t.db);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        idOf(await post(article, i === 0 ? { email: trusted, reactie: 'Vaste bezoeker tijdens storing' } : { reactie: `Storing ${i}` })),
      );
    for (const id of ids) assert.equal((await row(id)).status, 'pending');
    assert.equal(await siteReactieTotal(t.db), totalBefore, 'nothing published unchecked');

    // Not due yet; then due, with Akismet still down: attempts go up, nothing is lost.
    assert.deepEqual(await recheckDue(t.db, t.deps.config, silent, new Date()), { checked: 0, resolved: 0 });
    const later = new Date(Date.now() + 2 * 60_000);
    assert.deepEqual(await recheckDue(t.db, t.deps.config, silent, later), { checked: 4, resolved: 0 });
    assert.equal(Number((await row(ids[0])).recheck_attempts), 1);

    // Akismet is back and finds them clean: each goes where the local policy puts it.
    t.deps.config.akismet!.baseUrl = fake.url;
    fake.mode = 'ham';
    const muchLater = new Date(Date.now() + 60 * 60_000);
    const result = await recheckDue(t.db, t.deps.config, silent, muchLater);
    assert.deepEqual(result, { checked: 4, resolved: 4 });
    for (const c of checks(fake)) assert.equal(c.params.recheck_reason, 'recheck_queue');
    assert.equal((await row(ids[0])).status, 'approved', 'the trusted address is published after the recheck');
    for (const id of ids.slice(1)) assert.equal((await row(id)).status, 'pending', 'new addresses wait for a moderator');
    assert.equal(await siteReactieTotal(t.db), totalBefore + 1);
    assert.ok(!(await row(ids[0])).recheck_needed);
    assert.ok(await t.db('audit_log').where({ action: 'reactie.recheck', subject_id: ids[0] }).first());
  });

  it('lets only one process claim a recheck', async () => {
    fake.mode = 'http-500';
    const id = idOf(await post(await buildArticle(t.db)));
    fake.mode = 'spam';
    await t.db('reacties').whereNot({ id }).update({ recheck_needed: false });
    const when = new Date(Date.now() + 5 * 60_000);
    const [a, b] = await Promise.all([recheckDue(t.db, t.deps.config, silent, when), recheckDue(t.db, t.deps.config, silent, when)]);
    assert.equal(a.resolved + b.resolved, 1);
    assert.equal(checks(fake).length, 2, 'the original check and one recheck');
    assert.equal((await row(id)).status, 'spam');
  });

  it("sends a moderator's spam and ham verdicts to Akismet with the original data, and remembers the spammer", async () => {
    const res = await post(await buildArticle(t.db), { reactie: 'Verkeerd beoordeeld', website: 'https://spamsite.example' });
    const reactie = (await findReactie(t.db, idOf(res)))!;
    const judged = {
      id: reactie.id,
      sender: { ip: reactie.ip, email: reactie.authorEmail, url: reactie.authorUrl },
      akismetPayload: await akismetPayloadOf(t.db, reactie.id),
    };
    const original = checks(fake)[0].params;
    await reportSpamVerdict(t.db, t.deps.config, silent, judged, 'spam', new Date());
    const submitted = fake.requests.find((r) => r.path === '/1.1/submit-spam')!;
    for (const k of ['user_ip', 'user_agent', 'comment_content', 'comment_author_email', 'permalink', 'comment_date_gmt'])
      assert.equal(submitted.params[k], original[k], k);
    const remembered = () =>
      rememberedParts(t.db, t.deps.config.sessionSecret, { ip: null, email: 'nobody@else.example', url: 'https://spamsite.example' });
    assert.deepEqual(await remembered(), ['url']);
    await reportSpamVerdict(t.db, t.deps.config, silent, judged, 'ham', new Date());
    assert.ok(fake.requests.some((r) => r.path === '/1.1/submit-ham' && r.params.comment_content === 'Verkeerd beoordeeld'));
    assert.deepEqual(await remembered(), []);
  });

  it("sends the queue's Spam and Geen spam buttons to Akismet as submit-spam and submit-ham", async () => {
    const mod = await loginAs(t.app, t.db, 'moderator');
    const id = idOf(await post(await buildArticle(t.db), { reactie: 'Via de wachtrij beoordeeld' }));
    fake.requests.length = 0;
    await mod.agent.post(`/beheer/reacties/${id}/spam`).type('form').send({ _csrf: mod.csrf }).expect(303);
    assert.ok(fake.requests.some((r) => r.path === '/1.1/submit-spam' && r.params.comment_content === 'Via de wachtrij beoordeeld'));
    await mod.agent.post(`/beheer/reacties/${id}/geen-spam`).type('form').send({ _csrf: mod.csrf }).expect(303);
    assert.ok(fake.requests.some((r) => r.path === '/1.1/submit-ham' && r.params.comment_content === 'Via de wachtrij beoordeeld'));
  });

  it('verifies the key and reports alerts', async () => {
    const good = await verifyKey({ key: FAKE_KEY, baseUrl: fake.url, timeoutMs: 1000, isTest: true }, 'https://stadslog.test');
    assert.equal(good.valid, true);
    const bad = await verifyKey({ key: 'fout', baseUrl: fake.url, timeoutMs: 1000, isTest: true }, 'https://stadslog.test');
    assert.equal(bad.valid, false);
    assert.equal(bad.alertMsg, 'Your subscription has been suspended.');
  });

  it('purges spam after 30 days and payloads after 15, counters kept right', async () => {
    const article = await buildArticle(t.db);
    const oldSpam = await buildReactie(t.db, article, { status: 'spam' });
    const approvedReply = await buildReactie(t.db, article, { parentId: oldSpam, status: 'approved' });
    await t
      .db('reacties')
      .where({ id: oldSpam })
      .update({ status_changed_at: new Date(Date.now() - 31 * 86400_000) });
    await t
      .db('reacties')
      .where({ id: approvedReply })
      .update({ akismet_payload: '{}', created_at: new Date(Date.now() - 16 * 86400_000) });
    const total = await siteReactieTotal(t.db);
    assert.ok((await purgeOldSpam(t.db, new Date())) >= 1);
    assert.equal(await row(oldSpam), undefined);
    assert.equal((await row(approvedReply)).parent_id, null, 'the reply moved up and is now visible');
    assert.equal(await siteReactieTotal(t.db), total + 1);
    await purgeAkismetPayloads(t.db, new Date());
    assert.equal((await row(approvedReply)).akismet_payload, null);
  });
});
