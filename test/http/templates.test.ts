// How templates are compiled in each environment (http/partials.ts): kept outside development, and in
// production without EJS's line bookkeeping, which only serves to name a template line in an error.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../../server/app';
import { partial, templateOptionsFor, templateOptionsOf } from '../../server/http/partials';
import { plainTextToParagraphs } from '../../server/reacties/thread-tree';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { articlePath } from '../../server/articles/queries';

describe('templates: compiled per environment', () => {
  it('keeps compiled templates outside development, and leaves out the line bookkeeping in production only', () => {
    assert.deepEqual(templateOptionsFor('development'), { cache: false, compileDebug: true });
    assert.deepEqual(templateOptionsFor('test'), { cache: true, compileDebug: true });
    assert.deepEqual(templateOptionsFor('production'), { cache: true, compileDebug: false });
  });

  it('renders the same bytes either way; with the bookkeeping an error names its template line', () => {
    const text = plainTextToParagraphs('Eerste alinea met https://example.nl/?a=1&b=<2>\nen een tweede regel.\n\nTweede "alinea".');
    const plain = partial('partials/plain-text', { cache: false, compileDebug: false })({ text, links: true });
    const debuggable = partial('partials/plain-text', { cache: false, compileDebug: true })({ text, links: true });
    assert.equal(plain, debuggable);
    assert.match(plain, /<a href="https:\/\/example.nl\/\?a=1&amp;b=" rel="nofollow ugc noopener">.*&lt;2&gt;<br>/);
    // A local the template needs is missing: the debuggable one says where.
    assert.throws(() => partial('partials/plain-text', { cache: false, compileDebug: true })({}), /plain-text\.ejs:\d+/);
    assert.throws(
      () => partial('partials/plain-text', { cache: false, compileDebug: false })({}),
      (err: Error) => !/plain-text\.ejs:\d+/.test(err.message),
    );
  });

  describe('an app in production', () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp();
    });
    after(async () => t.close());

    it('compiles its views without the bookkeeping and draws the same thread as a test app', async () => {
      const article = await buildArticle(t.db, { title: 'Bankjes & bomen' });
      for (let i = 0; i < 3; i++) await buildReactie(t.db, article, { body: `Reactie ${i} met <b>tekst</b> & meer.` });
      const production = createApp({ ...t.deps, config: { ...t.deps.config, env: 'production', trustProxy: 1 } });
      assert.deepEqual(templateOptionsOf(production), { cache: true, compileDebug: false });
      assert.deepEqual(templateOptionsOf(t.app), { cache: true, compileDebug: true });
      // The thread (views/reacties/node.ejs, compiled by thread-view.ts) as both apps draw it.
      const thread = (html: string) => html.slice(html.indexOf('<ol class="thread">'), html.indexOf('</ol>'));
      const path = articlePath(article);
      const inTest = thread((await request(t.app).get(path).expect(200)).text);
      const inProduction = thread((await request(production).get(path).set('X-Forwarded-Proto', 'https').expect(200)).text);
      assert.equal((inProduction.match(/<li class="reactie /g) ?? []).length, 3);
      assert.match(inProduction, /Reactie 2 met &lt;b&gt;tekst&lt;\/b&gt; &amp; meer\./);
      assert.equal(inProduction, inTest);
    });
  });
});
