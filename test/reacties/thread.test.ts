// Threading as a reader sees it on the article page.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';
import { findReactie, setReactieStatus } from '../../server/reacties/queries';
import { MAX_THREAD_DEPTH } from '../../server/reacties/thread-tree';

/** The ids of reacties in page order with the nesting depth the HTML gives them. */
function threadShape(html: string): Array<{ id: number; depth: number }> {
  const out: Array<{ id: number; depth: number }> = [];
  for (const m of html.matchAll(/<li class="reactie depth-(\d+)[^"]*" id="reactie-(\d+)">/g))
    out.push({ id: Number(m[2]), depth: Number(m[1]) });
  return out;
}

describe('reacties thread', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('nests replies under their parent, oldest first', async () => {
    const article = await buildArticle(t.db);
    const a = await buildReactie(t.db, article, { body: 'A' });
    const b = await buildReactie(t.db, article, { body: 'B' });
    const a1 = await buildReactie(t.db, article, { parentId: a, body: 'A1' });
    const a1x = await buildReactie(t.db, article, { parentId: a1, body: 'A1x' });
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.deepEqual(threadShape(page.text), [
      { id: a, depth: 1 },
      { id: a1, depth: 2 },
      { id: a1x, depth: 3 },
      { id: b, depth: 1 },
    ]);
    assert.match(page.text, /4 reacties/);
  });

  it(`attaches a reply to a reactie at depth ${MAX_THREAD_DEPTH} beside it, at that depth`, async () => {
    const article = await buildArticle(t.db);
    let parent: number | null = null;
    const chain: number[] = [];
    for (let depth = 1; depth <= MAX_THREAD_DEPTH; depth++) {
      parent = await buildReactie(t.db, article, { parentId: parent });
      chain.push(parent);
    }
    const deepest = chain[chain.length - 1];
    const agent = request.agent(t.app);
    const res = await postReactieForm(agent, articlePath(article), {
      antwoord_op: String(deepest),
      email: 'diep@example.nl',
      reactie: 'Nog dieper?',
    });
    assert.equal(res.status, 303);
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    const stored = (await findReactie(t.db, id))!;
    assert.equal(stored.parentId, chain[chain.length - 2], 'attached to the parent of the deepest reactie');
    const shape = threadShape((await agent.get(articlePath(article)).expect(200)).text);
    assert.deepEqual(
      shape.find((s) => s.id === id),
      { id, depth: MAX_THREAD_DEPTH },
    );
  });

  it('hides replies under a parent that is not public, and shows them once it is approved', async () => {
    const article = await buildArticle(t.db);
    const parent = await buildReactie(t.db, article, { status: 'pending', body: 'Ouder' });
    const reply = await buildReactie(t.db, article, { parentId: parent, status: 'approved', body: 'Kind onder wachtende ouder' });
    let page = await request(t.app).get(articlePath(article)).expect(200);
    assert.doesNotMatch(page.text, /Kind onder wachtende ouder/);
    assert.match(page.text, /Nog geen reacties/);

    const p = (await findReactie(t.db, parent))!;
    await t.db.transaction((trx) => setReactieStatus(trx, p, 'approved', new Date()));
    page = await request(t.app).get(articlePath(article)).expect(200);
    assert.deepEqual(threadShape(page.text), [
      { id: parent, depth: 1 },
      { id: reply, depth: 2 },
    ]);
    assert.match(page.text, /2 reacties/);

    const approved = (await findReactie(t.db, parent))!;
    await t.db.transaction((trx) => setReactieStatus(trx, approved, 'trash', new Date()));
    page = await request(t.app).get(articlePath(article)).expect(200);
    assert.doesNotMatch(page.text, /Kind onder wachtende ouder/);
  });

  it('lets the author of a held reactie see it and reply to it, but nobody else', async () => {
    const article = await buildArticle(t.db);
    const author = request.agent(t.app);
    const first = await postReactieForm(author, articlePath(article), { email: 'nieuw@example.nl', reactie: 'Mijn eerste' });
    const firstId = Number(/#reactie-(\d+)$/.exec(first.headers.location)![1]);
    const reply = await postReactieForm(author, articlePath(article), {
      email: 'nieuw@example.nl',
      antwoord_op: String(firstId),
      reactie: 'Aanvulling op mezelf',
    });
    assert.equal(reply.status, 303);
    const own = await author.get(articlePath(article)).expect(200);
    assert.equal((own.text.match(/Je reactie wacht op goedkeuring/g) ?? []).length, 2);
    const stranger = await postReactieForm(request.agent(t.app), articlePath(article), {
      antwoord_op: String(firstId),
      reactie: 'Op iets wat ik niet zie',
    });
    assert.equal(stranger.status, 404);
  });

  it('renders the reply form under the reactie without JavaScript (?antwoord=ID)', async () => {
    const article = await buildArticle(t.db);
    const r = await buildReactie(t.db, article, { authorName: 'Piet' });
    const page = await request(t.app)
      .get(`${articlePath(article)}?antwoord=${r}`)
      .expect(200);
    const li = page.text.indexOf(`id="reactie-${r}"`);
    const form = page.text.indexOf('id="reageer"');
    assert.ok(li > 0 && form > li, 'the form follows the reactie');
    assert.match(page.text, /Reageer op Piet/);
    assert.match(page.text, new RegExp(`name="antwoord_op" value="${r}"`));
    assert.match(page.text, /Annuleer antwoord/);
  });

  it('links an author name to their website with rel="nofollow ugc"', async () => {
    const article = await buildArticle(t.db);
    await buildReactie(t.db, article, { authorName: 'Site-eigenaar', authorUrl: 'https://voorbeeld.nl/' });
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(page.text, /<a href="https:\/\/voorbeeld.nl\/" rel="nofollow ugc noopener">Site-eigenaar<\/a>/);
  });
});
