// The benchmark's data generator at a small size: its derived columns must be what the app
// computes (counters, thread pages, HTML), and the app must serve what it made.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { onPostgres } from '../helpers/db';
import { postReactieForm } from '../helpers/http';
import { formToken } from '../../server/cli/bench/load';
import { bigArticleSlug, generate } from '../../server/cli/bench/generate';
import { articlePath, findArticleBySlug } from '../../server/articles/queries';
import { countVisibleReacties, recountAll, siteReactieTotal } from '../../server/reacties/counters';
import { reactieBodyHtml } from '../../server/reacties/html';
import { pageForNewThread } from '../../server/reacties/paging';
import { purgeOldSpam } from '../../server/reacties/spam/purge';
import { emailKey } from '../../server/shared/email';
import { firstParagraph, renderMarkdown } from '../../server/shared/markdown';

describe('bench:data generator', function () {
  this.timeout(120_000);
  let t: TestApp;
  const sizes = { articles: 40, reacties: 3000, big: [500, 1200] };
  before(async () => {
    t = await createTestApp();
    // One year, so the last month (the only one with spam and IP addresses) holds a few articles.
    const result = await generate(t.db, { ...sizes, years: 1 });
    assert.deepEqual(result.reacties, sizes.reacties);
  });
  after(async () => t.close());

  it('writes the sizes asked for, with the big discussions exactly as big and mixed statuses', async () => {
    assert.equal(Number((await t.db('articles').count({ n: '*' }).first())!.n), 40);
    assert.equal(Number((await t.db('reacties').count({ n: '*' }).first())!.n), 3000);
    for (const size of sizes.big) {
      const article = await t
        .db('articles')
        .where({ slug: bigArticleSlug(size) })
        .first('id');
      assert.equal(Number((await t.db('reacties').where({ article_id: article.id }).count({ n: '*' }).first())!.n), size);
    }
    const small = await t
      .db('articles')
      .where({ slug: bigArticleSlug(500) })
      .first('id', 'body_markdown');
    assert.deepEqual(
      (await t.db('reacties').where({ article_id: small.id }).distinct('status')).map((r: { status: string }) => r.status),
      ['approved'],
    );
    assert.ok(small.body_markdown.length > 5000, 'the 500-reactie article has a ~6 KB body');
    const statuses = (await t.db('reacties').distinct('status')).map((r: { status: string }) => r.status).sort();
    assert.deepEqual(statuses, ['approved', 'pending', 'spam', 'trash']);
    const replies = Number((await t.db('reacties').whereNotNull('parent_id').count({ n: '*' }).first())!.n);
    assert.ok(replies > 600 && replies < 1800, `about 40% replies, got ${replies}`);
  });

  it('leaves the statistics a site has: PostgreSQL analyzed (as autovacuum would), SQLite without (nothing there runs ANALYZE)', async () => {
    if (onPostgres) {
      // reltuples is -1 on a table that was never analyzed; without it the planner guesses.
      const res: { rows: Array<{ relname: string; reltuples: number }> } = await t.db.raw(
        "select relname, reltuples from pg_class where relname in ('articles', 'reacties') order by relname",
      );
      assert.deepEqual(
        res.rows.map((r) => [r.relname, Number(r.reltuples)]),
        [
          ['articles', 40],
          ['reacties', 3000],
        ],
      );
    } else {
      const stat = await t.db('sqlite_master').where({ name: 'sqlite_stat1' }).first('name');
      assert.equal(stat, undefined);
    }
  });

  it('keeps nothing the retention rules would delete: no spam older than a month, no old IP addresses', async () => {
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    assert.equal(Number((await t.db('reacties').whereNotNull('ip').andWhere('created_at', '<', monthAgo).count({ n: '*' }).first())!.n), 0);
    assert.equal(await purgeOldSpam(t.db, new Date()), 0);
  });

  it('stores the counters recountAll computes', async () => {
    const stored = await t.db('articles').orderBy('id').select('id', 'reactie_count');
    for (const a of stored) assert.equal(Number(a.reactie_count), await countVisibleReacties(t.db, Number(a.id)), `article ${a.id}`);
    const total = await siteReactieTotal(t.db);
    const recounted = await recountAll(t.db);
    assert.equal(total, recounted.total);
    assert.ok(total < 3000 && total > 2000, `some reacties are not visible: ${total}`);
  });

  it('puts every reactie on the page the paging rule gives it, replies with their parent, never deeper than five', async () => {
    const rows: Array<{ id: number; article_id: number; parent_id: number | null; status: string; thread_page: number }> = await t
      .db('reacties')
      .orderBy([{ column: 'article_id' }, { column: 'created_at' }, { column: 'id' }])
      .select('id', 'article_id', 'parent_id', 'status', 'thread_page');
    const page = new Map<number, number>();
    const depth = new Map<number, number>();
    const filled = new Map<string, number>();
    const last = new Map<number, number>();
    for (const r of rows) {
      let expected: number;
      if (r.parent_id === null) {
        const at = last.get(r.article_id);
        expected = pageForNewThread(at === undefined ? null : { page: at, filled: filled.get(`${r.article_id}/${at}`) ?? 0 });
        last.set(r.article_id, expected);
        depth.set(r.id, 1);
      } else {
        expected = page.get(r.parent_id)!;
        depth.set(r.id, depth.get(r.parent_id)! + 1);
      }
      assert.equal(Number(r.thread_page), expected, `reactie ${r.id}`);
      assert.ok(depth.get(r.id)! <= 5);
      page.set(r.id, expected);
      if (r.status === 'approved' || r.status === 'pending')
        filled.set(`${r.article_id}/${expected}`, (filled.get(`${r.article_id}/${expected}`) ?? 0) + 1);
    }
    const big = await t
      .db('articles')
      .where({ slug: bigArticleSlug(1200) })
      .first('id');
    assert.equal(last.get(Number(big.id)), 3, 'the 1.200-reactie article has three pages');
  });

  it('stores the HTML and e-mail keys the app makes', async () => {
    for (const r of await t.db('reacties').select('body', 'body_html', 'author_email', 'author_email_key'))
      assert.equal(r.body_html, reactieBodyHtml(r.body));
    for (const r of await t.db('reacties').select('author_email', 'author_email_key'))
      assert.equal(r.author_email_key, emailKey(r.author_email));
    for (const a of await t.db('articles').select('kind', 'body_markdown', 'body_html', 'excerpt_html')) {
      assert.equal(a.body_html, renderMarkdown(a.body_markdown, { document: a.kind !== 'nieuws' }));
      assert.equal(a.excerpt_html, renderMarkdown(firstParagraph(a.body_markdown)));
    }
    const linked = Number((await t.db('reacties').where('body', 'like', '%https://%').count({ n: '*' }).first())!.n);
    assert.ok(linked > 50, `some reacties have links: ${linked}`);
  });

  it('makes articles the app serves: the voorpagina, a big discussion a page at a time', async () => {
    const home = await request(t.app).get('/');
    assert.equal(home.status, 200);
    const big = (await findArticleBySlug(t.db, bigArticleSlug(1200)))!;
    const page2 = await request(t.app).get(`${articlePath(big)}?reacties=2`);
    assert.equal(page2.status, 200);
    const shown = (page2.text.match(/id="reactie-\d+"/g) ?? []).length;
    assert.ok(shown > 300 && shown <= 500, `page 2 shows ${shown} reacties`);
    const small = (await findArticleBySlug(t.db, bigArticleSlug(500)))!;
    const res = await request(t.app).get(articlePath(small));
    assert.equal(res.status, 200);
    assert.equal((res.text.match(/id="reactie-\d+"/g) ?? []).length, 500);
    assert.match(home.text, new RegExp(small.title.replace(/[()]/g, '.')));
  });

  it('takes new reacties after it (the ids go on), through the form whose token the benchmark harvests', async () => {
    const big = (await findArticleBySlug(t.db, bigArticleSlug(1200)))!;
    const page = await request(t.app).get(articlePath(big));
    assert.ok(formToken(page.text), 'the benchmark finds the form token');
    const res = await postReactieForm(request.agent(t.app), articlePath(big), { reactie: 'Na de generator geplaatst.' });
    assert.equal(res.status, 303);
    const row = await t.db('reacties').where({ body: 'Na de generator geplaatst.' }).first('id', 'thread_page');
    assert.ok(Number(row.id) > 3000);
    assert.equal(Number(row.thread_page), 3);
  });
});
