// Long discussions in pages of whole threads: an article opens on its newest page, page links and
// reactie links keep pointing at the same reacties as the discussion grows, and the counters stay exact.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { countVisibleReacties } from '../../server/reacties/counters';
import { insertReactie, type NewReactie } from '../../server/reacties/queries';

const idsOn = (html: string) => [...html.matchAll(/<li class="reactie[^"]*" id="reactie-(\d+)"/g)].map((m) => Number(m[1]));

describe('reacties in pages', () => {
  let t: TestApp;
  let article: Article;
  let path: string;
  let firstRoot: number;
  before(async function () {
    this.timeout(60_000);
    t = await createTestApp();
    article = await buildArticle(t.db, { title: 'Het grote debat' });
    path = articlePath(article);
    const start = Date.now() - 86_400_000;
    // 1.050 reacties: threads of a root and two replies, a few spam ones in between (they fill no page).
    // One transaction: a commit per reactie would take PostgreSQL a minute here.
    await t.db.transaction(async (trx) => {
      const add = (n: number, fields: Partial<NewReactie>) =>
        insertReactie(
          trx,
          {
            articleId: article.id,
            parentId: null,
            authorName: `Bewoner ${n}`,
            authorEmail: `b${n}@example.nl`,
            authorUrl: null,
            body: '',
            status: 'approved',
            ip: null,
            userAgent: null,
            ...fields,
          },
          new Date(start + n * 1000),
        );
      for (let i = 0; i < 350; i++) {
        const root = await add(i * 3, { body: `Draad ${i}` });
        if (i === 0) firstRoot = root;
        await add(i * 3 + 1, { parentId: root, body: `Antwoord ${i}a` });
        await add(i * 3 + 2, { parentId: root, body: `Antwoord ${i}b`, status: i % 10 === 0 ? 'spam' : 'approved' });
      }
    });
  });
  after(async () => t.close());

  it('opens on the newest page, with the one before while the newest is short, and links to older reacties', async () => {
    // Page 3 holds the last 15 reacties: too few to open on alone.
    const newest = (await request(t.app).get(path).expect(200)).text;
    assert.match(newest, /Reacties, pagina’s 2 en 3 van 3/);
    assert.match(newest, new RegExp(`href="${path}\\?reacties=1#reacties-kop">« Oudere reacties`));
    assert.doesNotMatch(newest, /Nieuwere reacties/);
    assert.match(newest, /Draad 349/);
    assert.ok(idsOn(newest).length > 500, 'pages 2 and 3 together');
    const third = (await request(t.app).get(`${path}?reacties=3`).expect(200)).text;
    assert.match(third, /Reacties, pagina 3 van 3/);
    assert.ok(idsOn(third).length < 30);
    const first = (await request(t.app).get(`${path}?reacties=1`).expect(200)).text;
    assert.match(first, /Reacties, pagina 1 van 3/);
    assert.match(first, new RegExp(`href="${path}\\?reacties=2#reacties-kop">Nieuwere reacties »`));
    assert.match(first, /Draad 0<\/p>[\s\S]*Antwoord 0a/);
    assert.doesNotMatch(first, /Draad 349/);
    // Every thread's replies are on its root's page: no page starts with a reply.
    for (const page of [1, 2, 3]) {
      const html = (await request(t.app).get(`${path}?reacties=${page}`).expect(200)).text;
      for (const m of html.matchAll(/<p>Antwoord (\d+)a<\/p>/g)) assert.match(html, new RegExp(`<p>Draad ${m[1]}</p>`));
    }
    // The heading counts the whole discussion, not the page.
    assert.match(newest, /<h2 id="reacties-kop">1\.015 reacties<\/h2>/);
  });

  it('keeps a page as it was when reacties are added, a late reply included on its thread’s page', async () => {
    const known = 'vaste-bezoeker@example.nl';
    await buildReactie(t.db, await buildArticle(t.db), { authorEmail: known });
    const before = idsOn((await request(t.app).get(`${path}?reacties=1`)).text);
    const res = await postReactieForm(request.agent(t.app), path, {
      reactie: 'Een late reactie op de eerste draad',
      antwoord_op: String(firstRoot),
      email: known,
    });
    assert.equal(res.status, 303);
    // Approved at once (a known address): it lands on page 1, where its thread is, and the redirect goes there.
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    assert.equal(res.headers.location, `${path}?reacties=1#reactie-${id}`);
    const after = idsOn((await request(t.app).get(`${path}?reacties=1`)).text);
    assert.deepEqual(
      after.filter((x) => x !== id),
      before,
    );
    assert.ok(after.includes(id));
    const fresh = await postReactieForm(request.agent(t.app), path, { reactie: 'Een nieuwe draad onderaan' });
    assert.match(fresh.headers.location, new RegExp(`^${path}\\?reacties=3#reactie-\\d+$`));
  });

  it('links each reactie to its page, and /reactie/:id leads there; gone or held ones answer 404 in Dutch', async () => {
    const first = (await request(t.app).get(`${path}?reacties=1`)).text;
    assert.match(first, new RegExp(`class="reactie-permalink" href="${path}\\?reacties=1#reactie-${firstRoot}"`));
    const res = await request(t.app).get(`/reactie/${firstRoot}`).expect(302);
    assert.equal(res.headers.location, `${path}?reacties=1#reactie-${firstRoot}`);
    const held = await buildReactie(t.db, article, { status: 'pending' });
    assert.match((await request(t.app).get(`/reactie/${held}`).expect(404)).text, /bestaat niet \(meer\), of wacht nog op goedkeuring/);
    await request(t.app).get('/reactie/999999').expect(404);
    await request(t.app).get('/reactie/abc').expect(404);
  });

  it('answers a page that does not exist with a Dutch 404', async () => {
    for (const q of ['4', '0', 'abc', '-1']) {
      const res = await request(t.app).get(`${path}?reacties=${q}`).expect(404);
      assert.match(res.text, /Deze pagina met reacties bestaat niet \(meer\)/);
    }
  });

  it('shows no page links on a short discussion, and keeps the counters exact', async () => {
    const small = await buildArticle(t.db);
    await buildReactie(t.db, small);
    const html = (await request(t.app).get(articlePath(small)).expect(200)).text;
    assert.doesNotMatch(html, /Reacties, pagina/);
    for (const a of [article, small]) {
      const row = await t.db('articles').where({ id: a.id }).first('reactie_count');
      assert.equal(Number(row.reactie_count), await countVisibleReacties(t.db, a.id));
    }
  });
});
