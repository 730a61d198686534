// Two app servers, real processes, on one database (PostgreSQL, or one SQLite file in WAL mode):
// whatever one of them knows, the other knows too — sessions, form tokens, rate limits, the
// counters, and what an anonymous reader sees right after a change made on the other server.
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { LENIENT_SPAM_SETTINGS } from '../helpers/app';
import { buildArticle, buildUser } from '../helpers/builders';
import { hiddenInput } from '../helpers/http';
import { anonymousGet, CookieClient, runConcurrently } from '../helpers/cookie-client';
import { killAllServers, startServer, type ServerProcess } from '../helpers/server-process';
import { countOn, totalOn } from '../helpers/voorpagina';
import { saveSpamSettings } from '../../server/spam/settings';
import { articlePath, type Article } from '../../server/articles/queries';
import { countVisibleReacties } from '../../server/reacties/counters';
import { toLocalInputValue } from '../../server/shared/format';

/** Posts the reactie form as a resident: the form (and its token) from one server, the post to another. */
async function postReactie(client: CookieClient, formFrom: string, postTo: string, article: Article, text: string, email: string) {
  const page = await client.get(`${formFrom}${articlePath(article)}`);
  assert.equal(page.status, 200);
  return client.post(`${postTo}${articlePath(article)}/reacties`, {
    _token: hiddenInput(page.text, '_token'),
    naam: 'Bewoner',
    email,
    website: '',
    reactie: text,
    antwoord_op: '',
  });
}

describe('two app servers on one database', function () {
  // Starting a server takes a second or two; the whole file stays well under a minute.
  this.timeout(60_000);
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let seq = 0;
  const unique = (what: string) => `${what} ${Date.now().toString(36)}-${++seq}`;
  const idOf = async (text: string): Promise<number> => {
    const row = await database.db('reacties').where({ body: text }).first('id');
    return row ? Number(row.id) : 0;
  };

  before(async () => {
    database = await createTestDatabase();
    await saveSpamSettings(database.db, LENIENT_SPAM_SETTINGS);
    [a, b] = await Promise.all([startServer(database.url), startServer(database.url)]);
  });
  after(async () => {
    await killAllServers();
    await database?.drop();
  });

  it('shares sessions: logged in on A is logged in on B; logged out on B is logged out on A', async () => {
    const user = await buildUser(database.db, 'moderator', { name: 'Moderator Sessie' });
    const client = new CookieClient();
    await client.login(a.baseUrl, user.email);
    const onB = await client.get(`${b.baseUrl}/beheer`);
    assert.equal(onB.status, 200);
    assert.match(onB.text, /Moderator Sessie/);
    const cookie = client.cookieHeader();
    // The CSRF token lives in the session too: B accepts the one A put there.
    const logout = await client.post(`${b.baseUrl}/beheer/uitloggen`, { _csrf: hiddenInput(onB.text, '_csrf') });
    assert.equal(logout.status, 303);
    client.useCookieHeader(cookie);
    const onA = await client.get(`${a.baseUrl}/beheer`);
    assert.equal(onA.status, 302, 'A sends the old cookie to the login page');
    assert.match(onA.location ?? '', /^\/beheer\/inloggen/);
  });

  it('shares form tokens: the reactie form from A posts on B', async () => {
    const article = await buildArticle(database.db);
    const text = unique('Formulier van A, verstuurd naar B');
    const res = await postReactie(new CookieClient(), a.baseUrl, b.baseUrl, article, text, 'formulier@example.nl');
    assert.equal(res.status, 303, res.text.slice(0, 500));
    assert.ok(await idOf(text), 'the reactie is stored');
  });

  it('keeps the counters exact with reacties posted on both at once and approved on A', async () => {
    const [one, two] = [await buildArticle(database.db), await buildArticle(database.db)];
    const texts = Array.from({ length: 40 }, (_, i) => ({ article: i % 4 < 2 ? one : two, text: unique(`Teller ${i}`) }));
    // Eight residents at a time, the form from one server and the post to the other: two processes
    // writing the same rows at once (on SQLite this needs BEGIN IMMEDIATE, see server/db/knex.ts).
    const posts = await runConcurrently(texts.length, 8, (i) => {
      const [from, to] = i % 2 ? [a, b] : [b, a];
      return postReactie(new CookieClient(), from.baseUrl, to.baseUrl, texts[i].article, texts[i].text, `teller-${i}@example.nl`);
    });
    assert.deepEqual(
      posts.map((p) => p.status),
      texts.map(() => 303),
    );
    const moderator = new CookieClient();
    const csrf = await moderator.login(a.baseUrl, (await buildUser(database.db, 'moderator')).email);
    // Three on the first article, one on the second; the other 36 stay held.
    for (const { text } of [texts[0], texts[1], texts[4], texts[2]]) {
      const res = await moderator.post(`${a.baseUrl}/beheer/reacties/${await idOf(text)}/goedkeuren`, {
        _csrf: csrf,
        terug: '/beheer/reacties',
      });
      assert.equal(res.status, 303);
    }
    const [homeA, homeB] = [(await anonymousGet(`${a.baseUrl}/`)).text, (await anonymousGet(`${b.baseUrl}/`)).text];
    for (const [article, expected] of [
      [one, 3],
      [two, 1],
    ] as const) {
      assert.equal(await countVisibleReacties(database.db, article.id), expected, 'counted from scratch');
      assert.equal(countOn(homeA, article), expected);
      assert.equal(countOn(homeB, article), expected);
    }
    const published: Array<{ id: number }> = await database.db('articles').where({ status: 'published' }).select('id');
    let fromScratch = 0;
    for (const { id } of published) fromScratch += await countVisibleReacties(database.db, id);
    assert.equal(totalOn(homeA), fromScratch);
    assert.equal(totalOn(homeB), fromScratch);
  });

  it('shows an anonymous reader on B every change made on A at once, even with B warmed up', async () => {
    const article = await buildArticle(database.db, { title: 'Oude titel over de markt', publishedAt: new Date('2025-06-15T10:00:00Z') });
    const url = `${b.baseUrl}${articlePath(article)}`;
    const held = unique('Eerst vastgehouden');
    assert.equal((await postReactie(new CookieClient(), b.baseUrl, b.baseUrl, article, held, 'vastgehouden@example.nl')).status, 303);
    const id = await idOf(held);
    const moderator = new CookieClient();
    const csrf = await moderator.login(a.baseUrl, (await buildUser(database.db, 'moderator')).email);
    const act = async (path: string, form: Record<string, string>) =>
      assert.equal((await moderator.post(`${a.baseUrl}/beheer/reacties/${id}/${path}`, { _csrf: csrf, ...form })).status, 303);
    const warm = async () => {
      for (let i = 0; i < 2; i++) {
        assert.equal((await anonymousGet(url)).status, 200);
        assert.equal((await anonymousGet(`${b.baseUrl}/`)).status, 200);
      }
    };
    const countOnB = async () => countOn((await anonymousGet(`${b.baseUrl}/`)).text, article);

    await warm();
    assert.doesNotMatch((await anonymousGet(url)).text, new RegExp(held));
    const before = await countOnB();
    await act('goedkeuren', { terug: '/beheer/reacties' });
    assert.match((await anonymousGet(url)).text, new RegExp(held), 'approved on A, shown on B');
    assert.equal(await countOnB(), before + 1);

    await warm();
    const edited = unique('Door de moderator ingekort');
    await act('bewerken', { naam: 'Bewoner', website: '', reactie: edited });
    const afterEdit = (await anonymousGet(url)).text;
    assert.match(afterEdit, new RegExp(edited), 'edited on A, new text on B');
    assert.doesNotMatch(afterEdit, new RegExp(held));

    await warm();
    await act('prullenbak', { terug: '/beheer/reacties' });
    assert.doesNotMatch((await anonymousGet(url)).text, new RegExp(edited), 'trashed on A, gone on B');
    assert.equal(await countOnB(), before);

    await warm();
    const editor = new CookieClient();
    const editorCsrf = await editor.login(a.baseUrl, (await buildUser(database.db, 'chief')).email);
    const saved = await editor.post(`${a.baseUrl}/beheer/artikelen/${article.id}`, {
      _csrf: editorCsrf,
      titel: 'Nieuwe titel over de markt',
      slug: article.slug,
      soort: article.kind,
      tekst: article.bodyMarkdown,
      samenvatting: '',
      auteur: article.authorName,
      status: 'published',
      publicatietijd: toLocalInputValue(article.publishedAt!),
      reacties_open: 'ja',
      actie: 'opslaan',
    });
    assert.equal(saved.status, 303, saved.text.slice(0, 500));
    const page = (await anonymousGet(url)).text;
    assert.match(page, /Nieuwe titel over de markt/, 'retitled on A, new title on B');
    assert.doesNotMatch(page, /Oude titel over de markt/);
    assert.match((await anonymousGet(`${b.baseUrl}/`)).text, /Nieuwe titel over de markt/);
  });

  describe('with a low reactie rate limit on both', () => {
    let c: ServerProcess;
    let d: ServerProcess;
    before(async () => {
      [c, d] = await Promise.all([
        startServer(database.url, { REACTIE_RATE_LIMIT: '3' }),
        startServer(database.url, { REACTIE_RATE_LIMIT: '3' }),
      ]);
      await database.db('rate_limits').delete();
    });

    it('counts posts on either server against one limit: the 4th is refused with the text kept', async () => {
      const article = await buildArticle(database.db);
      const servers = [c, d, c, d];
      for (const [i, server] of servers.entries()) {
        const text = unique(`Limiet ${i}`);
        const res = await postReactie(new CookieClient(), server.baseUrl, server.baseUrl, article, text, `limiet-${i}@example.nl`);
        if (i < 3) {
          assert.equal(res.status, 303, `post ${i + 1} on ${server === c ? 'C' : 'D'}`);
          continue;
        }
        assert.equal(res.status, 429, 'the 4th post, on the other server, is over the shared limit');
        assert.match(res.text, /veel reacties geplaatst\. Wacht nog 10 minuten/);
        assert.match(res.text, new RegExp(`${text}</textarea>`));
        assert.equal(await idOf(text), 0, 'not stored');
      }
    });
  });
});
