// Issue 25: readers appreciate a reactie ("Waarderen"): one per reader (an address or IPv6 /64, and
// a cookie), counted exactly under concurrency, undone by pressing again, never for your own reactie,
// rate-limited, shown beside the reactie also on a cached page, and forgotten with the reader keys.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput, postReactieForm } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { purgeWaarderingKeys } from '../../server/reacties/thread/waardering';

/** The token of the page's "Waarderen" form (it follows the reactie form's). */
function waarderingToken(html: string): string {
  const m = /<form id="waarderen"[^>]*>\s*<input type="hidden" name="_token" value="([^"]*)"/.exec(html);
  if (!m) throw new Error('no waardering form on the page');
  return m[1];
}

/** The count shown beside a reactie ('' for none). */
function shownCount(html: string, id: number): string {
  const m = new RegExp(`<span class="waardering-count"\\s+id="waarderingen-${id}">([^<]*)</span>`).exec(html);
  if (!m) throw new Error(`no count for reactie ${id}`);
  return m[1];
}

function buttonOf(html: string, id: number): string | null {
  const m = new RegExp(`<button[^>]*formaction="/reactie/${id}/waarderen"[^>]*>`).exec(html);
  return m ? m[0] : null;
}

describe('waardering: appreciating a reactie', () => {
  let t: TestApp;
  let readerSeq = 0;
  before(async () => {
    // Behind one proxy: each test reader comes from an address of its own (X-Forwarded-For).
    t = await createTestApp({ trustProxy: 1 });
  });
  after(async () => t.close());

  const newIp = () => `198.51.${Math.floor(++readerSeq / 250) % 250}.${(readerSeq % 250) + 1}`;
  const stored = async (id: number) => Number((await t.db('reacties').where({ id }).first()).waarderingen);
  const rows = async (id: number) => t.db('reactie_waarderingen').where({ reactie_id: id });

  async function tokenFor(article: Article): Promise<string> {
    return waarderingToken((await request(t.app).get(articlePath(article)).expect(200)).text);
  }

  function click(id: number, token: string, actie: string, opts: { ip?: string; cookie?: string; json?: boolean } = {}) {
    const req = request(t.app)
      .post(`/reactie/${id}/waarderen`)
      .set('X-Forwarded-For', opts.ip ?? newIp());
    if (opts.cookie) req.set('Cookie', opts.cookie);
    if (opts.json) req.set('Accept', 'application/json');
    return req.type('form').send({ _token: token, actie });
  }

  const cookieOf = (res: request.Response): string => {
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const lezer = set.find((c) => c.startsWith('stadslog_lezer='));
    assert.ok(lezer, 'the browser gets its reader cookie');
    return lezer.split(';')[0];
  };

  it('shows a button and the count; a click counts, comes back to the reactie, and the cached page shows the new count', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved', body: 'Een goed punt over de brug.' });
    // A reader without a cookie warms the page cache.
    const before = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(buttonOf(before.text, id) ?? '', /aria-pressed="false"/);
    assert.match(buttonOf(before.text, id) ?? '', /value="waarderen"/);
    assert.equal(shownCount(before.text, id), '');
    const ip = newIp();
    const res = await click(id, waarderingToken(before.text), 'waarderen', { ip }).expect(303);
    assert.equal(res.headers.location, `${articlePath(article)}?reacties=1#reactie-${id}`);
    assert.equal(await stored(id), 1);
    // The next reader without a cookie: the kept page was made before the click, so it may not be served.
    const after = await request(t.app).get(articlePath(article)).expect(200);
    assert.equal(shownCount(after.text, id), '1 waardering');
    assert.match(buttonOf(after.text, id) ?? '', /aria-pressed="false"/, 'a page for everyone presses nothing');
    // The reader who clicked sees their button pressed, offering to take it back.
    const own = await request(t.app).get(articlePath(article)).set('X-Forwarded-For', ip).set('Cookie', cookieOf(res)).expect(200);
    assert.match(buttonOf(own.text, id) ?? '', /aria-pressed="true"/);
    assert.match(buttonOf(own.text, id) ?? '', /value="intrekken"/);
    const row = (await rows(id))[0];
    assert.match(String(row.reader_key), /^[0-9a-f]{64}$/);
    assert.match(String(row.browser_key), /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(row).includes(ip), 'the address itself is never stored');
  });

  it('counts a resent click once and undoes with a second press; says "3 waarderingen" in Dutch', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    const token = await tokenFor(article);
    const ip = newIp();
    const first = await click(id, token, 'waarderen', { ip, json: true }).expect(200);
    assert.deepEqual(first.body, { count: 1, label: '1 waardering', active: true, message: 'Je waardering is gegeven. Nu 1 waardering.' });
    const cookie = cookieOf(first);
    const again = await click(id, token, 'waarderen', { ip, cookie, json: true }).expect(200);
    assert.equal(again.body.count, 1);
    assert.match(again.body.message, /al gewaardeerd/);
    await click(id, token, 'waarderen').expect(303);
    await click(id, token, 'waarderen').expect(303);
    assert.equal(shownCount((await request(t.app).get(articlePath(article))).text, id), '3 waarderingen');
    const undo = await click(id, token, 'intrekken', { ip, cookie, json: true }).expect(200);
    assert.deepEqual(undo.body, {
      count: 2,
      label: '2 waarderingen',
      active: false,
      message: 'Je waardering is ingetrokken. Nu 2 waarderingen.',
    });
    const undoAgain = await click(id, token, 'intrekken', { ip, cookie, json: true }).expect(200);
    assert.equal(undoAgain.body.count, 2);
    assert.equal(await stored(id), 2);
    assert.equal((await rows(id)).length, 2);
  });

  it('knows a reader by their IPv6 /64 and by their cookie from another address', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    const token = await tokenFor(article);
    const first = await click(id, token, 'waarderen', { ip: '2001:db8:5:1::1', json: true }).expect(200);
    const other = await click(id, token, 'waarderen', { ip: '2001:db8:5:1:ffff::9', json: true }).expect(200);
    assert.match(other.body.message, /al gewaardeerd/, 'the same /64 is the same reader');
    const moved = await click(id, token, 'waarderen', { ip: '203.0.113.77', cookie: cookieOf(first), json: true }).expect(200);
    assert.match(moved.body.message, /al gewaardeerd/, 'the same browser on another network is the same reader');
    // Taken back from the new address: the browser's appreciation goes.
    const undo = await click(id, token, 'intrekken', { ip: '203.0.113.77', cookie: cookieOf(first), json: true }).expect(200);
    assert.equal(undo.body.count, 0);
    assert.equal(undo.body.message, 'Je waardering is ingetrokken. Nog geen waarderingen.');
    await click(id, token, 'waarderen', { ip: '2001:db8:5:2::1' }).expect(303);
    assert.equal(await stored(id), 1);
  });

  it('refuses a missing or forged token, an unknown action, and a reactie that is not on the page', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    const token = await tokenFor(article);
    const forged = await click(id, 'x.y', 'waarderen');
    assert.equal(forged.status, 403);
    assert.match(forged.text, /Dit formulier is ongeldig/);
    await click(id, '', 'waarderen').expect(403);
    // Another article's token is not this one's.
    const elsewhere = await buildArticle(t.db);
    await buildReactie(t.db, elsewhere, { status: 'approved' });
    await click(id, await tokenFor(elsewhere), 'waarderen').expect(403);
    const odd = await click(id, token, 'liken');
    assert.equal(odd.status, 400);
    assert.match(odd.text, /Kies of je deze reactie wilt waarderen/);
    const held = await buildReactie(t.db, article, { status: 'pending' });
    const gone = await click(held, token, 'waarderen');
    assert.equal(gone.status, 404);
    assert.match(gone.text, /staat niet \(meer\) op de pagina/);
    await click(999999, token, 'waarderen').expect(404);
    await request(t.app).post('/reactie/abc/waarderen').type('form').send({ _token: token, actie: 'waarderen' }).expect(404);
    assert.equal(await stored(id), 0);
    assert.equal((await t.db('reactie_waarderingen').whereIn('reactie_id', [id, held])).length, 0);
  });

  it('is not for your own reactie: no button, and a click is refused', async () => {
    const article = await buildArticle(t.db);
    const other = await buildReactie(t.db, article, { status: 'approved' });
    const agent = request.agent(t.app);
    const posted = await postReactieForm(agent, articlePath(article), { reactie: 'Mijn eigen reactie over het plein.' });
    assert.equal(posted.status, 303);
    const mine = Number(/#reactie-(\d+)/.exec(String(posted.headers.location))?.[1]);
    await t.db('reacties').where({ id: mine }).update({ status: 'approved' });
    const page = await agent.get(articlePath(article)).expect(200);
    assert.equal(buttonOf(page.text, mine), null, 'no button under your own reactie');
    // With no waarderingen nothing stands there: an empty item would be read out as one.
    assert.doesNotMatch(page.text, new RegExp(`id="waarderingen-${mine}"`), 'no empty count under your own reactie');
    assert.ok(buttonOf(page.text, other), 'a button under the others');
    const token = waarderingToken(page.text);
    const refused = await agent.post(`/reactie/${mine}/waarderen`).type('form').send({ _token: token, actie: 'waarderen' });
    assert.equal(refused.status, 403);
    assert.match(refused.text, /Je kunt je eigen reactie niet waarderen/);
    assert.equal(await stored(mine), 0);
    await agent.post(`/reactie/${other}/waarderen`).type('form').send({ _token: token, actie: 'waarderen' }).expect(303);
    assert.equal(await stored(other), 1);
  });

  it('counts 60 concurrent clicks of 60 readers exactly, and 20 concurrent clicks of one reader once', async function () {
    this.timeout(60_000);
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    const token = await tokenFor(article);
    const results = await Promise.all(Array.from({ length: 60 }, () => click(id, token, 'waarderen', { json: true })));
    assert.deepEqual(
      results.map((r) => r.status),
      Array(60).fill(200),
    );
    assert.equal(await stored(id), 60);
    assert.equal((await rows(id)).length, 60);
    assert.equal(Math.max(...results.map((r) => Number(r.body.count))), 60);
    const one = await buildReactie(t.db, article, { status: 'approved' });
    const ip = newIp();
    const same = await Promise.all(Array.from({ length: 20 }, () => click(one, token, 'waarderen', { ip, json: true })));
    assert.ok(same.every((r) => r.status === 200));
    assert.equal(same.filter((r) => /gegeven/.test(r.body.message)).length, 1);
    assert.equal(await stored(one), 1);
    assert.equal((await rows(one)).length, 1);
    assert.equal(shownCount((await request(t.app).get(articlePath(article))).text, id), '60 waarderingen');
  });

  it('limits the appreciations one reader gives or takes back, not the clicks that changed nothing', async () => {
    const limited = await createTestApp({
      trustProxy: 1,
      rateLimits: { ...t.deps.config.rateLimits, waarderingenPerReader: { max: 2, windowMs: 60_000 } },
    });
    try {
      const article = await buildArticle(limited.db);
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await buildReactie(limited.db, article, { status: 'approved' }));
      const token = waarderingToken((await request(limited.app).get(articlePath(article))).text);
      const send = (id: number, actie: string, ip = '192.0.2.200') =>
        request(limited.app)
          .post(`/reactie/${id}/waarderen`)
          .set('X-Forwarded-For', ip)
          .set('Accept', 'application/json')
          .type('form')
          .send({ _token: token, actie });
      assert.equal((await send(ids[0], 'waarderen')).status, 200);
      // Resent and taken back when there was nothing: no change, not counted, and given back before the
      // answer, so the next click (the reader's, at once) already finds it gone.
      const counted = async () =>
        Number((await limited.db('rate_limits').where('key', 'like', 'waardering-reader:%').sum({ n: 'hits' }).first())?.n);
      for (let i = 0; i < 3; i++) {
        assert.equal((await send(ids[0], 'waarderen')).status, 200);
        assert.equal(await counted(), 1);
      }
      assert.equal((await send(ids[1], 'intrekken')).status, 200);
      assert.equal(await counted(), 1);
      assert.equal((await send(ids[1], 'waarderen')).status, 200);
      const third = await send(ids[2], 'waarderen');
      assert.equal(third.status, 429);
      assert.match(third.body.error, /Je hebt in korte tijd veel reacties gewaardeerd/);
      assert.equal(Number((await limited.db('reacties').where({ id: ids[2] }).first()).waarderingen), 0);
      // Another reader is not held back.
      assert.equal((await send(ids[2], 'waarderen', '192.0.2.201')).status, 200);
    } finally {
      await limited.close();
    }
  });

  it('forgets who appreciated after the IP retention; the appreciation keeps counting', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    const token = await tokenFor(article);
    await click(id, token, 'waarderen').expect(303);
    const now = new Date();
    assert.equal(await purgeWaarderingKeys(t.db, 30, now), 0, 'a fresh one is kept');
    await t
      .db('reactie_waarderingen')
      .where({ reactie_id: id })
      .update({ created_at: new Date(now.getTime() - 31 * 86_400_000) });
    assert.ok((await purgeWaarderingKeys(t.db, 30, now)) >= 1);
    const [row] = await rows(id);
    assert.equal(row.reader_key, null);
    assert.equal(row.browser_key, null);
    assert.equal(await stored(id), 1);
  });

  it('goes with its reactie when that is deleted', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'approved' });
    await click(id, await tokenFor(article), 'waarderen').expect(303);
    await t.db('reacties').where({ id }).delete();
    assert.equal((await rows(id)).length, 0);
  });

  it('shows no button under a held, withdrawn or removed reactie', async () => {
    const article = await buildArticle(t.db);
    const shown = await buildReactie(t.db, article, { status: 'approved' });
    const removed = await buildReactie(t.db, article, { status: 'trash', columns: { removed_reason: 'spam' } });
    const withdrawn = await buildReactie(t.db, article, { status: 'approved', columns: { withdrawn_at: new Date() } });
    const page = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.ok(buttonOf(page, shown));
    assert.equal(buttonOf(page, removed), null);
    assert.equal(buttonOf(page, withdrawn), null);
    assert.ok(hiddenInput(page, '_token'), 'the reactie form keeps its token first');
  });
});
