// An import takes nothing an editor could not have typed: a body, title or excerpt over the article
// editor's limits, or a comment over the reactie form's, is skipped and named with the reason, while
// the rest comes in. The reader stays within a fixed memory ceiling: a 120 MB text node passes
// through without being held, a post with more comments than fit keeps the first ones.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_LIMITS } from '../../server/articles/admin-form';
import { REACTIE_LIMITS } from '../../server/reacties/posting/validation';
import { importWxr, type ImportOptions } from '../../server/imports/import';
import { readWxr, WxrError } from '../../server/imports/wxr-reader';

const OPTIONS: ImportOptions = { pingbacks: 'skip', ipRetentionDays: 30, now: new Date('2015-06-20T12:00:00Z') };
const MB = 1024 * 1024;

const HEAD = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Oud</title>
	<link>https://oud.example.nl</link>
	<wp:wxr_version>1.2</wp:wxr_version>
`;
const TAIL = '</channel>\n</rss>\n';

function comment(id: number, author: string, text: string, type = ''): string {
  return `
		<wp:comment>
			<wp:comment_id>${id}</wp:comment_id>
			<wp:comment_author><![CDATA[${author}]]></wp:comment_author>
			<wp:comment_date_gmt>2015-05-28 08:00:00</wp:comment_date_gmt>
			<wp:comment_content><![CDATA[${text}]]></wp:comment_content>
			<wp:comment_approved>1</wp:comment_approved>
			<wp:comment_type>${type}</wp:comment_type>
			<wp:comment_parent>0</wp:comment_parent>
		</wp:comment>`;
}

/** One post item; `content` is written as given (CDATA or escaped text), comments after it. */
function post(id: number, slug: string, fields: { title?: string; content?: string; excerpt?: string; comments?: string }): string {
  return `
	<item>
		<title>${fields.title ?? `<![CDATA[Bericht ${id}]]>`}</title>
		<link>https://oud.example.nl/2015/05/27/${slug}/</link>
		<content:encoded>${fields.content ?? '<![CDATA[<p>Kort.</p>]]>'}</content:encoded>
		<excerpt:encoded>${fields.excerpt ?? ''}</excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date_gmt>2015-05-27 10:00:00</wp:post_date_gmt>
		<wp:post_name>${slug}</wp:post_name>
		<wp:status>publish</wp:status>
		<wp:post_type>post</wp:post_type>${fields.comments ?? ''}
	</item>`;
}

/** At least `size` characters of `piece` repeated, in blocks of some 64 kB, never one string: how a large file arrives. */
function* filler(size: number, piece: string): Generator<string> {
  const perBlock = Math.ceil((64 * 1024) / piece.length);
  const block = piece.repeat(perBlock);
  for (let left = Math.ceil(size / piece.length); left > 0; left -= perBlock) yield left >= perBlock ? block : piece.repeat(left);
}

/** A post whose body is `size` characters beyond `<p>`, as CDATA or as escaped text, streamed. */
function* hugePost(id: number, slug: string, size: number, asCdata: boolean): Generator<string> {
  const [before, after] = post(id, slug, { content: '@@', comments: comment(id * 10, 'Onder het lange', 'Een reactie.') }).split('@@');
  yield before + (asCdata ? '<![CDATA[<p>' : '&lt;p&gt;');
  yield* filler(size, asCdata ? 'Heel lang verhaal. ' : 'Heel &amp; lang. ');
  yield (asCdata ? '</p>]]>' : '&lt;/p&gt;') + after;
}

describe('imports: the editors’ limits and a fixed memory ceiling', function () {
  this.timeout(120_000);
  let t: TestApp;
  let report: Awaited<ReturnType<typeof importWxr>>;
  let text: string;
  const atLimit = ARTICLE_LIMITS.body - '<p></p>'.length;

  before(async () => {
    t = await createTestApp();
    function* file(): Generator<string> {
      yield HEAD;
      yield post(101, 'gewoon', {
        comments:
          comment(1, 'Ans', 'Goed plan.') +
          comment(2, 'Langschrijver', 'x'.repeat(REACTIE_LIMITS.body + 1)) +
          comment(3, 'Precies', 'y'.repeat(REACTIE_LIMITS.body)),
      });
      // Far over the limit: the reader throws the rest away as it reads (a few MB past its cut).
      yield* hugePost(102, 'te-lang-cdata', 5 * ARTICLE_LIMITS.body + 3 * MB, true);
      yield* hugePost(103, 'te-lang-tekst', 5 * ARTICLE_LIMITS.body + 3 * MB, false);
      // Just over after conversion, and exactly at the limit.
      yield post(104, 'net-te-lang', { content: `<![CDATA[<p>${'z'.repeat(atLimit + 1)}</p>]]>` });
      yield post(105, 'precies-goed', { content: `<![CDATA[<p>${'z'.repeat(atLimit)}</p>]]>` });
      yield post(106, 'lange-titel', { title: `<![CDATA[${'T'.repeat(ARTICLE_LIMITS.title + 1)}]]>` });
      yield post(107, 'lange-samenvatting', { excerpt: `<![CDATA[${'S'.repeat(ARTICLE_LIMITS.excerpt + 1)}]]>` });
      yield post(108, 'nog-een', { title: '<![CDATA[Na de lange berichten]]>' });
      yield TAIL;
    }
    report = await importWxr(t.db, file(), OPTIONS);
    text = report.lines().join('\n');
  });
  after(async () => t.close());

  it('skips what is over the limits and names each with its reason, in Dutch', () => {
    assert.equal(report.count('post'), 3, text);
    assert.match(text, /Berichten: 3 geïmporteerd, 5 overgeslagen/);
    assert.match(text, /overgeslagen \(tekst langer dan 200\.000 tekens\): 3/);
    assert.match(text, /overgeslagen \(titel langer dan 200 tekens\): 1/);
    assert.match(text, /overgeslagen \(samenvatting langer dan 2\.000 tekens\): 1/);
    assert.match(text, /Reacties: 2 geïmporteerd, 3 overgeslagen/);
    assert.match(text, /overgeslagen \(tekst langer dan 5\.000 tekens\): 1/);
    assert.match(text, /overgeslagen \(bij een bericht dat niet is overgenomen\): 2/);
    const named = text.split('Niet overgenomen, langer dan de editor toestaat:\n')[1].split('\n');
    assert.deepEqual(named, [
      '  reactie 2 bij bericht 101: tekst langer dan 5.000 tekens',
      '  bericht 102 "Bericht 102" (https://oud.example.nl/2015/05/27/te-lang-cdata/): tekst langer dan 200.000 tekens',
      '  bericht 103 "Bericht 103" (https://oud.example.nl/2015/05/27/te-lang-tekst/): tekst langer dan 200.000 tekens',
      '  bericht 104 "Bericht 104" (https://oud.example.nl/2015/05/27/net-te-lang/): tekst langer dan 200.000 tekens',
      `  bericht 106 "${'T'.repeat(59)}…" (https://oud.example.nl/2015/05/27/lange-titel/): titel langer dan 200 tekens`,
      '  bericht 107 "Bericht 107" (https://oud.example.nl/2015/05/27/lange-samenvatting/): samenvatting langer dan 2.000 tekens',
    ]);
  });

  it('stores nothing of a skipped post, and everything of the rest, up to exactly the limit', async () => {
    const rows = await t.db('articles').orderBy('slug').select('slug', 'body_markdown', 'excerpt_markdown');
    assert.deepEqual(
      rows.map((r) => r.slug),
      ['gewoon', 'nog-een', 'precies-goed'],
    );
    assert.equal([...rows.find((r) => r.slug === 'precies-goed').body_markdown].length, ARTICLE_LIMITS.body);
    const reacties = await t.db('reacties').orderBy('author_name').select('author_name', 'body');
    assert.deepEqual(
      reacties.map((r) => [r.author_name, r.body.length]),
      [
        ['Ans', 10],
        ['Precies', REACTIE_LIMITS.body],
      ],
    );
    await request(t.app).get('/2015/05/te-lang-cdata').expect(404);
    const page = await request(t.app).get('/2015/05/gewoon').expect(200);
    assert.match(page.text, /Goed plan\./);
    assert.ok(!page.text.includes('Langschrijver'));
    await request(t.app).get('/2015/05/nog-een').expect(200);
  });

  it('reads a 120 MB text node, as CDATA or as escaped text, without holding it', async () => {
    for (const asCdata of [true, false]) {
      function* file(): Generator<string> {
        yield HEAD;
        yield* hugePost(201, 'enorm', 120 * MB, asCdata);
        yield TAIL;
      }
      const base = process.memoryUsage().heapUsed;
      let growth = 0;
      const records = [];
      for await (const record of readWxr(file(), {
        textLimits: { 'content:encoded': 1_000_000 },
        onBytes: () => (growth = Math.max(growth, process.memoryUsage().heapUsed - base)),
      }))
        records.push(record);
      const item = records.find((r) => r.type === 'item');
      assert.ok(item && item.type === 'item');
      const content = item.node.children.find((c) => c.name === 'content:encoded')!;
      assert.equal(content.cut, true);
      assert.equal(content.text.length, 1_000_000, 'kept: its beginning, up to the limit');
      assert.equal(item.node.children.filter((c) => c.name === 'wp:comment').length, 1, 'and read on to its end');
      assert.ok(growth < 48 * MB, `memory grew ${Math.round(growth / MB)} MB reading 120 MB`);
    }
  });

  // Some 55 MB of comments (pingbacks, which these runs skip anyway: nothing is stored of them).
  function* manyComments(id: number, slug: string, after = ''): Generator<string> {
    yield HEAD;
    const [start, end] = post(id, slug, { comments: '@@' }).split('@@');
    yield start;
    for (let i = 1; i <= 11_000; i++) yield comment(id * 100_000 + i, 'Ander blog', 'p'.repeat(5000), 'pingback');
    yield comment(id * 100_000 + 20_000, 'Laatste', 'Ook ik.');
    yield after + end;
    yield TAIL;
  }

  it('keeps the first comments of a post with more than fit, and names the rest', async () => {
    const fresh = await importWxr(t.db, manyComments(301, 'veel-reacties'), OPTIONS);
    const lines = fresh.lines().join('\n');
    assert.equal(fresh.count('post'), 1, lines);
    const dropped = fresh.skippedCount('comment', 'meer reacties bij één bericht dan het importeren in één keer inleest');
    assert.ok(dropped > 1000 && dropped < 11_001, lines);
    assert.equal(fresh.skippedCount('comment', 'pingback (--pingbacks skip)') + dropped, 11_001, lines);
    assert.match(lines, new RegExp(`bericht 301: ${dropped.toLocaleString('nl-NL').replace('.', '\\.')} reacties niet ingelezen`));
    await request(t.app).get('/2015/05/veel-reacties').expect(200);
  });

  it('skips a post of which a part came after what fits (it may be incomplete), and names it', async () => {
    const fresh = await importWxr(
      t.db,
      manyComments(302, 'te-vol', '<category domain="post_tag" nicename="laat">Laat</category>'),
      OPTIONS,
    );
    const lines = fresh.lines().join('\n');
    assert.equal(fresh.count('post'), 0, lines);
    assert.match(lines, /overgeslagen \(te groot om in te lezen\): 1/);
    assert.match(lines, /overgeslagen \(bij een bericht dat niet is overgenomen\): 11\.001/);
    assert.match(lines, /^ {2}bericht 302: te groot om in te lezen$/m);
    await request(t.app).get('/2015/05/te-vol').expect(404);
  });

  it('reads past a long XML comment, and refuses a name or attribute no WordPress writes, without reading it whole', async () => {
    function* commented(): Generator<string> {
      yield HEAD;
      yield '<!-- ';
      yield* filler(3 * MB, 'opmerking ');
      yield ' -->';
      yield post(401, 'na-de-opmerking', {});
      yield TAIL;
    }
    assert.equal((await importWxr(t.db, commented(), OPTIONS)).count('post'), 1);
    function* file(): Generator<string> {
      yield HEAD;
      yield '<item><title a="';
      yield* filler(3 * MB, 'a');
      yield '">x</title></item>';
      yield TAIL;
    }
    await assert.rejects(importWxr(t.db, file(), OPTIONS), (err: Error) => {
      assert.ok(err instanceof WxrError);
      assert.equal(
        err.message,
        'Dit is geen gewone WordPress-export: rond regel 7 staat een naam of attribuut van meer dan 1.000.000 tekens, te groot om in te lezen.',
      );
      return true;
    });
    const deep = [HEAD, '<item>', '<a>'.repeat(70), '</a>'.repeat(70), '</item>', TAIL];
    await assert.rejects(importWxr(t.db, deep, OPTIONS), /Het bestand is dieper genest dan 64 niveaus \(regel 7\)\./);
  });
});
