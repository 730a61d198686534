// Live updates (issue 25): the change log, the hub and the event streams, with two apps on one
// database as two app servers would be (SQLite file or PostgreSQL, after TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import request from 'supertest';
import pino from 'pino';
import { createApp } from '../../server/app';
import { createDb, type Db } from '../../server/db/knex';
import type { Deps } from '../../server/deps';
import { LiveHub } from '../../server/live/hub';
import { reactieEvent, eventId, parsePosition, positionText } from '../../server/live/events';
import { pruneChanges } from '../../server/live/changes';
import { setFeatured } from '../../server/reacties/thread/featured';
import { articlePath, type Article } from '../../server/articles/queries';
import { createTestApp, type TestApp } from '../helpers/app';
import { onPostgres } from '../helpers/db';
import { listen } from '../helpers/browser';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, postReactieForm } from '../helpers/http';
import { dataOf, openEventStream, type EventStream, type StreamEvent } from '../helpers/event-stream';
import { siteReactieTotal } from '../../server/reacties/counters';

type Server = Awaited<ReturnType<typeof listen>>;
interface ReactieData {
  soort: string;
  reactie: number;
  antwoordOp: number | null;
  uitgelicht: boolean;
}

interface Counts {
  totaal: number;
  artikelen: Array<{ pad: string; aantal: number }>;
}

const about = (soort: string, id: number) => (e: StreamEvent) =>
  e.event === 'reactie' && dataOf<ReactieData>(e).soort === soort && dataOf<ReactieData>(e).reactie === id;
/** The voorpagina's counts naming this article (with this count, when given). */
const namesArticle = (article: Article, aantal?: number) => (e: StreamEvent) =>
  e.event === 'aantallen' &&
  dataOf<Counts>(e).artikelen.some((a) => a.pad === articlePath(article) && (aantal === undefined || a.aantal === aantal));

describe('live updates', () => {
  let t: TestApp;
  let secondDb: Db;
  let serverA: Server;
  let serverB: Server;
  let hubB: LiveHub;
  let article: Article;
  const streams: EventStream[] = [];

  async function stream(server: Server, path: string, headers: Record<string, string> = {}): Promise<EventStream> {
    const s = await openEventStream(server.baseUrl + path, headers);
    streams.push(s);
    return s;
  }

  before(async function () {
    // A fresh PostgreSQL database and its migrations took over 20 s on a loaded machine (the whole suite
    // on both databases at once on 2 cores).
    this.timeout(120_000);
    t = await createTestApp();
    article = await buildArticle(t.db);
    // A second app server: its own connections to the same database, its own hub.
    secondDb = createDb(t.deps.config.databaseUrl);
    const depsB: Deps = { ...t.deps, db: secondDb };
    // On PostgreSQL server B hears of changes only by NOTIFY: its safety-net poll is set beyond the test's length.
    hubB = new LiveHub(secondDb, t.deps.config.databaseUrl, pino({ level: 'silent' }), {
      perAddress: 3,
      pollMs: onPostgres ? 600_000 : 300,
    });
    serverA = await listen(t.app);
    serverB = await listen(createApp(depsB, undefined, hubB));
  });

  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });

  // What `before` made, if it got that far: its own failure is then the one reported.
  after(async () => {
    await hubB?.close();
    await serverA?.close();
    await serverB?.close();
    await secondDb?.destroy();
    await t?.close();
  });

  it('a reactie posted on one app server reaches the readers of the other, with its HTML from the page template', async () => {
    const live = await stream(serverB, `/artikel/${article.id}/live`);
    assert.equal(live.status, 200);
    const agent = request.agent(t.app);
    const posted = await postReactieForm(agent, articlePath(article), {
      naam: 'Ria <b>Vet</b>',
      email: 'ria.geheim@example.nl',
      reactie: 'Eindelijk een <script>alert(1)</script> zebrapad bij de school.',
    });
    assert.equal(posted.status, 303);
    const id = Number(/#reactie-(\d+)/.exec(posted.headers.location)![1]);
    // A first reactie from an address waits for a moderator (the default policy): approved on server A too.
    const moderator = await loginAs(t.app, t.db, 'moderator');
    await moderator.agent.post(`/beheer/reacties/${id}/goedkeuren`).type('form').send({ _csrf: moderator.csrf }).expect(303);
    const event = await live.next(about('nieuw', id), `"nieuw" for reactie ${id}`);
    assert.deepEqual(dataOf(event), { soort: 'nieuw', reactie: id, antwoordOp: null, uitgelicht: false });
    assert.match(event.id ?? '', /^\d+(\.\d+)?$/);

    const fragment = await request(serverB.baseUrl).get(`/artikel/${article.id}/live/reacties?ids=${id}`).set('Accept', 'application/json');
    assert.equal(fragment.status, 200);
    const [reactie] = fragment.body.reacties as Array<{ id: number; antwoordOp: number | null; html: string }>;
    assert.equal(reactie.id, id);
    assert.match(reactie.html, new RegExp(`<li class="reactie depth-1" id="reactie-${id}">`));
    assert.match(reactie.html, /Ria &lt;b&gt;Vet&lt;\/b&gt;/);
    assert.match(reactie.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; zebrapad/);
    assert.match(reactie.html, />Beantwoorden</);
    assert.doesNotMatch(reactie.html + live.raw(), /ria\.geheim|example\.nl|127\.0\.0\.1|192\.0\.2/);
  });

  it('a page and its stream leave no gap: a reactie placed after the page was read, before its stream opened, is delivered', async () => {
    const quiet = await buildArticle(t.db, { title: 'Het stille artikel' });
    const page = await request(serverA.baseUrl).get(articlePath(quiet)).expect(200);
    const position = /data-live-na="([\d.]+)"/.exec(page.text)?.[1];
    assert.ok(position, 'the article page says where its stream starts');
    // The kept page (the same bytes for every reader without a cookie) carries the position it was read at:
    // a change the page does not show (the body, behind the version's back) proves the second reader got the kept one.
    await t.db('articles').where({ id: quiet.id }).update({ body_html: '<p>Niet in de bewaarde pagina.</p>' });
    const kept = await request(serverA.baseUrl).get(articlePath(quiet)).expect(200);
    assert.doesNotMatch(kept.text, /Niet in de bewaarde pagina/);
    assert.equal(/data-live-na="([\d.]+)"/.exec(kept.text)?.[1], position);

    const between = await buildReactie(t.db, quiet, { authorName: 'Tussendoor' });
    const live = await stream(serverB, `/artikel/${quiet.id}/live?na=${position}`);
    const event = await live.next(about('nieuw', between), 'the reactie placed between page and stream');
    assert.deepEqual(dataOf(event), { soort: 'nieuw', reactie: between, antwoordOp: null, uitgelicht: false });
    // The heading's count comes with it.
    const count = await live.next((e) => e.event === 'aantal', 'the reacties count');
    assert.deepEqual(dataOf(count), { aantal: 1 });
    // Without the page's position a stream starts at its own moment, and the reactie in between never comes.
    const plain = await stream(serverB, `/artikel/${quiet.id}/live`);
    const marker = await buildReactie(t.db, quiet);
    await plain.next(about('nieuw', marker), 'a later reactie');
    assert.ok(!plain.events.some(about('nieuw', between)), 'a stream without a position replayed from the page');
  });

  it('a reactie still committing while a page is read reaches it, though a later one committed first (PostgreSQL)', async () => {
    const slow = await buildArticle(t.db, { title: 'Het trage artikel' });
    const elsewhere = await buildReactie(t.db, await buildArticle(t.db, { title: 'Het snelle artikel' }));
    // Two app servers whose hubs are idle: the page's position comes from the log itself.
    const hubs = [0, 1].map(() => new LiveHub(t.db, t.deps.config.databaseUrl, pino({ level: 'silent' })));
    const servers = await Promise.all(hubs.map((hub) => listen(createApp(t.deps, undefined, hub))));
    // A reactie placed by a transaction on another connection, which waits before it commits...
    const trx = await secondDb.transaction();
    let committed = false;
    try {
      const pendingId = await buildReactie(trx, slow, { authorName: 'Nog niet vastgelegd' });
      // ...while on PostgreSQL a reactie edited after it commits first: its change has the higher id
      // (SQLite has one writer: nothing commits meanwhile).
      if (onPostgres) await t.db('reacties').where({ id: elsewhere }).update({ body: 'Eerder vastgelegd.' });
      const positions = [];
      for (const server of servers) {
        const page = await request(server.baseUrl).get(articlePath(slow)).expect(200);
        assert.doesNotMatch(page.text, /Nog niet vastgelegd/);
        positions.push(/data-live-na="([\d.]+)"/.exec(page.text)?.[1]);
      }
      // One reader's stream opens before the commit, the other's after it.
      const before = await stream(servers[0], `/artikel/${slow.id}/live?na=${positions[0]}`);
      await trx.commit();
      committed = true;
      const after = await stream(servers[1], `/artikel/${slow.id}/live?na=${positions[1]}`);
      for (const live of [before, after]) {
        const event = await live.next(about('nieuw', pendingId), 'the reactie that committed after the page was read');
        assert.deepEqual(dataOf(event), { soort: 'nieuw', reactie: pendingId, antwoordOp: null, uitgelicht: false });
      }
    } finally {
      if (!committed) await trx.rollback();
      for (const hub of hubs) await hub.close();
      for (const server of servers) await server.close();
    }
  });

  it('a page sent back with the reactie form’s error starts its stream where it was read too', async () => {
    const refused = await postReactieForm(request.agent(t.app), articlePath(article), { reactie: '' });
    assert.equal(refused.status, 422);
    assert.match(refused.text, /<section id="reacties"[^>]* data-live-na="[\d.]+">/);
  });

  it('the voorpagina starts from where it was read: counts that changed meanwhile come first', async () => {
    const counted = await buildArticle(t.db, { title: 'Het getelde artikel' });
    const home = await request(serverA.baseUrl).get('/').expect(200);
    const position = /data-live-na="([\d.]+)"/.exec(home.text)?.[1];
    assert.ok(position, 'the voorpagina says where its stream starts');
    await buildReactie(t.db, counted);
    await buildReactie(t.db, counted);
    const live = await stream(serverB, `/voorpagina/live?na=${position}`);
    const event = await live.next(namesArticle(counted), 'the counts changed after the page');
    const counts = dataOf<Counts>(event);
    assert.deepEqual(
      counts.artikelen.find((a) => a.pad === articlePath(counted)),
      { pad: articlePath(counted), aantal: 2 },
    );
    const total = await siteReactieTotal(t.db);
    assert.equal(counts.totaal, total);
  });

  it('never names a scheduled article on the voorpagina’s stream, live or replayed; an out-of-range position is no position', async () => {
    const start = /data-live-na="([\d.]+)"/.exec((await request(serverA.baseUrl).get('/').expect(200)).text)?.[1];
    const scheduled = await buildArticle(t.db, {
      title: 'Geheim plan sluiting zwembad',
      publishedAt: new Date(Date.now() + 7 * 86_400_000),
    });
    const shown = await buildArticle(t.db, { title: 'Het zichtbare artikel' });
    const live = await stream(serverA, '/voorpagina/live');
    await buildReactie(t.db, scheduled);
    await buildReactie(t.db, shown);
    const isShown = namesArticle(shown);
    await live.next(isShown, 'the counts of the public article');
    const replayed = await stream(serverB, `/voorpagina/live?na=${start}`);
    await replayed.next(isShown, 'the replayed counts of the public article');
    for (const s of [live, replayed]) assert.ok(!s.raw().includes(articlePath(scheduled)), 'the scheduled article’s address');

    const huge = await stream(serverB, '/voorpagina/live?na=999999999999999');
    assert.equal(huge.status, 200);
    await buildReactie(t.db, shown);
    // The count after this reactie: the hub may still have been busy with the first one when the stream opened.
    await huge.next(namesArticle(shown, 2), 'live counts on a stream whose position was out of range');
  });

  it('featuring a reactie says so, and the page gets the "Uitgelicht" block as it renders it', async () => {
    const id = await buildReactie(t.db, article, { authorName: 'Uitgelichte Ans', body: 'Een goed punt over de <em>brug</em>.' });
    const live = await stream(serverB, `/artikel/${article.id}/live`);
    assert.equal(await setFeatured(t.db, id, true, new Date()), 'featured');
    const on = await live.next((e) => about('gewijzigd', id)(e) && dataOf<ReactieData>(e).uitgelicht === true, 'featured');
    assert.equal(dataOf<ReactieData>(on).soort, 'gewijzigd');
    const block = await request(serverB.baseUrl)
      .get(`/artikel/${article.id}/live/uitgelicht`)
      .set('Accept', 'application/json')
      .expect(200);
    assert.match(block.body.html, /<h3 id="uitgelicht-kop">Uitgelicht door de redactie<\/h3>/);
    assert.match(block.body.html, new RegExp(`<li data-reactie="${id}">`));
    assert.match(block.body.html, /Een goed punt over de &lt;em&gt;brug&lt;\/em&gt;\./);
    assert.match(block.body.html, /Uitgelichte Ans/);
    assert.doesNotMatch(block.body.html, /@example\.nl|192\.0\.2/);
    assert.equal(await setFeatured(t.db, id, false, new Date()), 'unfeatured');
    await live.next((e) => about('gewijzigd', id)(e) && dataOf<ReactieData>(e).uitgelicht === false, 'no longer featured');
    const none = await request(serverB.baseUrl).get(`/artikel/${article.id}/live/uitgelicht`).expect(200);
    assert.doesNotMatch(none.body.html, new RegExp(`data-reactie="${id}"`));
  });

  it('a reply is placed under its reactie, one level deeper, saying whom it answers', async () => {
    const parent = await buildReactie(t.db, article, { authorName: 'Karel' });
    const live = await stream(serverA, `/artikel/${article.id}/live`);
    const reply = await buildReactie(t.db, article, { parentId: parent, authorName: 'Fatima' });
    const event = await live.next(about('nieuw', reply), 'the reply');
    assert.equal(dataOf<ReactieData>(event).antwoordOp, parent);
    const fragment = await request(serverA.baseUrl).get(`/artikel/${article.id}/live/reacties?ids=${reply}`).expect(200);
    assert.match(fragment.body.reacties[0].html, /class="reactie depth-2"/);
    assert.match(fragment.body.reacties[0].html, /\(reactie op Karel\)/);
  });

  it('never announces a held reactie, and announces it once a moderator approves it; an edit and a removal follow', async () => {
    const live = await stream(serverB, `/artikel/${article.id}/live`);
    const held = await buildReactie(t.db, article, { status: 'pending', authorEmail: 'wacht@example.nl' });
    const spam = await buildReactie(t.db, article, { status: 'spam' });
    await t.db('reacties').where({ id: held }).update({ body: 'Nog steeds wachtend.' });
    const marker = await buildReactie(t.db, article);
    await live.next(about('nieuw', marker), 'the approved reactie after the held one');
    // The log is read in order: had the held reactie been announced, it would be here by now.
    const named = live.events.filter((e) => e.event === 'reactie').map((e) => dataOf<ReactieData>(e).reactie);
    assert.ok(!named.includes(held) && !named.includes(spam), `held or spam reactie announced: ${live.raw()}`);
    const none = await request(serverB.baseUrl).get(`/artikel/${article.id}/live/reacties?ids=${held},${spam}`).expect(200);
    assert.deepEqual(none.body.reacties, []);

    const moderator = await loginAs(t.app, t.db, 'moderator');
    await moderator.agent.post(`/beheer/reacties/${held}/goedkeuren`).type('form').send({ _csrf: moderator.csrf }).expect(303);
    await live.next(about('nieuw', held), 'the approved reactie');
    await t.db('reacties').where({ id: held }).update({ body: 'Aangepast.', edited_at: new Date() });
    await live.next(about('gewijzigd', held), 'the edit');
    // In the trash from the queue, a reactie that was public keeps its place as a placeholder: changed, not gone.
    await moderator.agent.post(`/beheer/reacties/${held}/prullenbak`).type('form').send({ _csrf: moderator.csrf }).expect(303);
    await live.next(about('gewijzigd', held), 'the placeholder');
    const placeholder = await request(serverB.baseUrl).get(`/artikel/${article.id}/live/reacties?ids=${held}`).expect(200);
    assert.match(placeholder.body.reacties[0].html, /<p class="removed-notice">Reactie verwijderd door de moderatie/);
    assert.doesNotMatch(placeholder.body.reacties[0].html, /Aangepast/);
    // Gone without a place (withdrawn by its author, deleted): the page hears that it is gone.
    await t.db('reacties').where({ id: marker }).update({ status: 'trash' });
    await live.next(about('weg', marker), 'the removal');
    assert.doesNotMatch(live.raw(), /wacht@example\.nl|192\.0\.2\.10|Mozilla/);
  });

  it('a browser that reconnects with Last-Event-ID gets what it missed, and only its own article', async () => {
    const first = await stream(serverB, `/artikel/${article.id}/live`);
    const seen = await buildReactie(t.db, article);
    const lastId = (await first.next(about('nieuw', seen), 'the first reactie')).id!;
    first.close();
    const other = await buildArticle(t.db);
    const missed = [await buildReactie(t.db, article), await buildReactie(t.db, article)];
    await buildReactie(t.db, other);
    const again = await stream(serverB, `/artikel/${article.id}/live`, { 'Last-Event-ID': lastId });
    for (const id of missed) await again.next(about('nieuw', id), `missed reactie ${id}`);
    // Each batch of events ends with the article's count ("aantal"): one after the replay, one after a live read.
    const named = again.events.filter((e) => e.event === 'reactie').map((e) => dataOf<ReactieData>(e).reactie);
    assert.ok(!named.includes(seen), 'an event before Last-Event-ID came again');
    assert.equal(new Set(named).size, named.length);
  });

  it('the voorpagina hears the new counts and the running total', async () => {
    const live = await stream(serverA, '/voorpagina/live');
    // Server A's hub may still be reading what the tests before wrote (it lingers after a page leaves):
    // once it has sent the counts of a reactie placed now, every later event is about later changes.
    const marker = await buildArticle(t.db, { title: 'Het merkartikel' });
    await buildReactie(t.db, marker);
    await live.next(namesArticle(marker), 'the counts of the marker article');
    const before = await siteReactieTotal(t.db);
    const posted = await postReactieForm(request.agent(t.app), articlePath(article), {});
    assert.equal(posted.status, 303);
    await buildReactie(t.db, article);
    // The two changes may come as one event or as two, and an event read while the second commits may
    // pair the count from before it with the total from after it: the voorpagina a reader ends up with
    // is the one with the count and the total as they stand now.
    const total = await siteReactieTotal(t.db);
    assert.ok(total > before, 'the running total grew');
    const stored = Number((await t.db('articles').where({ id: article.id }).first('reactie_count')).reactie_count);
    const event = await live.next(
      (e) => namesArticle(article, stored)(e) && dataOf<Counts>(e).totaal === total,
      `the count ${stored} and the total ${total}`,
    );
    assert.deepEqual(dataOf<Counts>(event).artikelen, [{ pad: articlePath(article), aantal: stored }]);
  });

  it('refuses too many streams from one address with a Dutch message, and a stream for an unknown article', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await stream(serverB, `/artikel/${article.id}/live`)).status, 200);
    const refused = await request(serverB.baseUrl).get(`/artikel/${article.id}/live`);
    assert.equal(refused.status, 429);
    assert.match(refused.text, /Vanaf jouw adres staan al veel pagina’s live open/);
    const unknown = await request(serverA.baseUrl).get('/artikel/999999/live').set('Accept', 'text/html');
    assert.equal(unknown.status, 404);
    const bad = await request(serverA.baseUrl).get(`/artikel/${article.id}/live/reacties?ids=1,x`).set('Accept', 'application/json');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /Geef de nummers van hoogstens 50 reacties/);
  });

  it('ends every stream when the server goes down', async () => {
    const hub = new LiveHub(t.db, t.deps.config.databaseUrl, pino({ level: 'silent' }));
    const server = await listen(createApp(t.deps, undefined, hub));
    const live = await openEventStream(`${server.baseUrl}/artikel/${article.id}/live`);
    assert.equal(hub.size, 1);
    await hub.close();
    await live.ended;
    assert.equal(hub.size, 0);
    await server.close();
  });

  it('keeps only the newest changes', async () => {
    for (let i = 0; i < 3; i++) await buildReactie(t.db, article);
    await pruneChanges(t.db, 2);
    assert.equal(Number((await t.db('live_changes').count({ n: '*' }).first())?.n), 2);
  });
});

describe('live updates: what a change says', () => {
  const change = (wasShown: boolean) => ({ id: 7, articleId: 1, reactieId: 3, wasShown });
  const now = (shown: boolean, articleId = 1, featured = false) => ({ id: 3, articleId, parentId: 2, shown, featured });

  it('announces only what a reader could see before or sees now', () => {
    assert.equal(reactieEvent(change(false), now(false)), null);
    assert.equal(reactieEvent(change(false), undefined), null);
    assert.deepEqual(reactieEvent(change(false), now(true)), { soort: 'nieuw', reactie: 3, antwoordOp: 2, uitgelicht: false });
    assert.deepEqual(reactieEvent(change(true), now(true)), { soort: 'gewijzigd', reactie: 3, antwoordOp: 2, uitgelicht: false });
    assert.deepEqual(reactieEvent(change(true), now(false)), { soort: 'weg', reactie: 3, antwoordOp: null, uitgelicht: false });
    assert.deepEqual(reactieEvent(change(true), undefined), { soort: 'weg', reactie: 3, antwoordOp: null, uitgelicht: false });
  });

  it('says whether the reactie is in its article\'s "Uitgelicht" block now', () => {
    assert.deepEqual(reactieEvent(change(true), now(true, 1, true)), { soort: 'gewijzigd', reactie: 3, antwoordOp: 2, uitgelicht: true });
    // Moved to another article (never in practice): not this article's block.
    assert.equal(reactieEvent(change(true), now(true, 2, true))?.uitgelicht, false);
  });

  it('writes a position as its id, and the oldest open transaction after a dot; reads back only what it wrote', () => {
    assert.equal(positionText({ id: 12, xmin: null }), '12');
    assert.equal(positionText({ id: 12, xmin: '7654321' }), '12.7654321');
    assert.deepEqual(parsePosition('12'), { id: 12, xmin: null });
    assert.deepEqual(parsePosition('0'), { id: 0, xmin: null });
    assert.deepEqual(parsePosition('12.7654321'), { id: 12, xmin: '7654321' });
    for (const bad of ['', 'x', '12.', '.5', '12.5.6', '-1', '99999999999', '12.9223372036854775808', '1e3'])
      assert.equal(parsePosition(bad), null, bad);
  });

  it('gives a browser an id below a change that may still commit', () => {
    assert.equal(eventId(10, null), 10);
    assert.equal(eventId(10, 8), 7);
    assert.equal(eventId(5, 8), 5);
  });
});
