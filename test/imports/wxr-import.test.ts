// Moving in from WordPress: a hand-written export with the awkward cases, imported and read back as
// a reader, an editor and the database see it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginAs } from '../helpers/http';
import { findArticleBySlug } from '../../server/articles/queries';
import { verifyPassword } from '../../server/accounts/passwords';
import { countVisibleReacties, siteReactieTotal } from '../../server/reacties/counters';
import { importWxr, type ImportOptions } from '../../server/imports/import';
import { WxrError } from '../../server/imports/wxr-reader';
import type { Db } from '../../server/db/knex';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'wxr');
// Comments of late May 2015 are within the 30-day IP window of this moment; the page's of 2014 are not.
const OPTIONS: ImportOptions = { pingbacks: 'skip', ipRetentionDays: 30, now: new Date('2015-06-20T12:00:00Z') };

/** The fixture in small chunks, so records, CDATA sections and characters are cut across chunks. */
function chunks(name: string) {
  return fs.createReadStream(path.join(FIXTURES, name), { highWaterMark: 97 });
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['users', 'articles', 'reacties', 'dossiers', 'dossier_articles', 'wp_imports', 'wp_redirects'])
    out[table] = Number((await db(table).count({ n: '*' }).first())?.n);
  out.siteTotal = await siteReactieTotal(db);
  out.countSum = Number((await db('articles').sum({ n: 'reactie_count' }).first())?.n ?? 0);
  return out;
}

async function reactieByName(db: Db, name: string) {
  return db('reacties').where({ author_name: name }).first();
}

describe('imports: a WordPress export (WXR)', () => {
  let t: TestApp;
  let report: Awaited<ReturnType<typeof importWxr>>;
  before(async () => {
    t = await createTestApp();
    report = await importWxr(t.db, chunks('site.xml'), OPTIONS);
  });
  after(async () => t.close());

  it('reports what came in and what was skipped, and why, in Dutch', () => {
    const text = report.lines().join('\n');
    assert.equal(report.count('post'), 5, text);
    assert.equal(report.count('page'), 1, text);
    assert.equal(report.count('comment'), 14, text);
    assert.equal(report.count('author'), 2, text);
    assert.equal(report.count('category'), 1, text);
    assert.equal(report.count('attachment'), 1, text);
    assert.match(text, /Berichten: 5 geïmporteerd, 1 overgeslagen/);
    assert.match(text, /overgeslagen \(in de prullenbak\): 1/);
    assert.match(text, /overgeslagen \(pingback \(--pingbacks skip\)\): 1/);
    assert.match(text, /overgeslagen \(bij een bericht dat niet is overgenomen\): 1/);
    assert.equal(report.count('tag'), 1, text);
    assert.match(text, /overgeslagen \(de standaardcategorie van WordPress\): 1/);
    assert.match(text, /overgeslagen \(menu-onderdeel \(nav_menu_item\)\): 1/);
    assert.match(text, /berichten met een wachtwoord, als concept: 1/);
    assert.match(text, /privéberichten, als concept: 1/);
    assert.match(text, /reacties dieper dan 5 niveaus \(getoond op het diepste niveau\): 2/);
    assert.match(text, /reacties op een reactie die er niet is, bovenaan geplaatst: 1/);
  });

  it('shows a published post at its permalink with the WordPress HTML made safe: captions as figures, no block markup or shortcodes', async () => {
    const page = await request(t.app).get('/2015/05/fietsenstalling').expect(200);
    assert.match(page.text, /<h1>Nieuwe fietsenstalling bij het station<\/h1>/);
    assert.match(page.text, /27 mei 2015/);
    assert.match(page.text, /<code>a\]\]&gt;b<\/code>/, 'CDATA split around ]]> is read back whole');
    assert.match(
      page.text,
      /<figure><img src="https:\/\/oud\.example\.nl\/wp-content\/uploads\/2015\/05\/stalling\.jpg" alt="Stalling" width="300" \/><figcaption>De nieuwe stalling<\/figcaption><\/figure>/,
    );
    assert.match(page.text, /<a href="https:\/\/gemeente\.example\.nl\/" rel="noopener">daar<\/a>/);
    assert.match(page.text, /https:\/\/video\.example\.nl\/1/, 'a shortcode loses its brackets, not its text');
    for (const bad of ['alert(', 'onclick', 'javascript:', 'wp:paragraph', '[gallery', '[caption', '[embed'])
      assert.ok(!page.text.includes(bad), `${bad} does not survive`);
  });

  it('keeps comment threads whatever order they come in, statuses, dates and plain text; never e-mail or IP in public', async () => {
    const ans = await reactieByName(t.db, 'Ans de Vries');
    const jurgen = await reactieByName(t.db, 'Jürgen Müller');
    assert.equal(Number(jurgen.parent_id), Number(ans.id), 'the reply listed first hangs under its parent');
    assert.equal(jurgen.body, 'Eens met Ans & de rest.\nTweede regel.\n\nNieuwe alinea <script>');
    assert.equal(jurgen.author_url, 'https://jurgen.example.de');
    assert.equal(new Date(jurgen.created_at).toISOString(), '2015-05-28T07:00:00.000Z');
    assert.equal(ans.author_email_key, 'ans@example.nl');
    assert.equal((await reactieByName(t.db, 'Wachtende')).status, 'pending');
    assert.equal((await reactieByName(t.db, 'Spammer')).status, 'spam');
    assert.equal((await reactieByName(t.db, 'Weggegooid')).status, 'trash');
    assert.equal((await reactieByName(t.db, 'Wees')).parent_id, null, 'a missing parent: top level');
    assert.equal(await reactieByName(t.db, 'Ander blog'), undefined, 'pingbacks skipped by default');

    const page = await request(t.app).get('/2015/05/fietsenstalling').expect(200);
    assert.match(page.text, /Jürgen Müller/);
    assert.match(page.text, /<p>Eens met Ans &amp; de rest\.<br>Tweede regel\.<\/p><p>Nieuwe alinea &lt;script&gt;<\/p>/);
    assert.match(page.text, /depth-2[^]*Jürgen Müller/);
    for (const hidden of [
      'Nog niet goedgekeurd',
      'Goedkope horloges',
      'In de prullenbak',
      'jurgen@example.de',
      'ans@example.nl',
      '192.0.2.',
    ])
      assert.ok(!page.text.includes(hidden), `${hidden} is not on the public page`);
  });

  it('keeps a chain deeper than the display depth with its real parents, shown flattened at the deepest level', async () => {
    const six = await reactieByName(t.db, 'Zes');
    const seven = await reactieByName(t.db, 'Zeven');
    assert.equal(Number(seven.parent_id), Number(six.id));
    const page = await request(t.app).get('/2015/06/discussie').expect(200);
    assert.match(page.text, /depth-5[^>]*>[^]*Niveau zes/);
    assert.match(page.text, /depth-5[^>]*>[^]*Niveau zeven/);
    assert.ok(!page.text.includes('depth-6'));
    assert.match(page.text, /Kort gezegd: praten\.|<p>Eerste alinea zonder p-tags\.<\/p>/);
  });

  it('keeps IP addresses only within the retention window', async () => {
    assert.equal((await reactieByName(t.db, 'Ans de Vries')).ip, '192.0.2.11');
    assert.equal((await reactieByName(t.db, 'Lezer van de pagina')).ip, null);
  });

  it('leaves the counters exact: every article and the voorpagina total (a page’s reacties are not in it)', async () => {
    let sum = 0;
    for (const a of await t.db('articles').select('id', 'status', 'is_page', 'reactie_count')) {
      assert.equal(Number(a.reactie_count), await countVisibleReacties(t.db, Number(a.id)));
      if (a.status === 'published' && !a.is_page) sum += Number(a.reactie_count);
    }
    assert.equal(sum, 10, 'Ans, Jürgen, Wees and the chain of seven; the page "Over ons" has its own');
    assert.equal((await findArticleBySlug(t.db, 'over-ons'))!.reactieCount, 1);
    assert.equal(await siteReactieTotal(t.db), 10);
    const home = await request(t.app).get('/').expect(200);
    assert.match(home.text, /<strong class="reactie-total">10<\/strong>/);
  });

  it('never makes a password-protected or private post public', async () => {
    for (const slug of ['geheim', 'prive']) {
      assert.equal((await findArticleBySlug(t.db, slug))!.status, 'draft');
      await request(t.app).get(`/2015/06/${slug}`).expect(404);
      await request(t.app).get(`/2015/06/02/${slug}/`).expect(404);
    }
    const home = await request(t.app).get('/').expect(200);
    assert.ok(!home.text.includes('Geheim verslag') && !home.text.includes('Privé notitie'));
    assert.equal((await request(t.app).get('/?p=103')).status, 200, 'the old ?p= of a concept is the voorpagina, no redirect');
  });

  it('answers every old WordPress address with a 301 to the new permalink', async () => {
    const cases: Array<[string, string]> = [
      ['/2015/05/27/fietsenstalling/', '/2015/05/fietsenstalling'],
      ['/2015/05/27/fietsenstalling', '/2015/05/fietsenstalling'],
      ['/2015/05/fietsenstalling/', '/2015/05/fietsenstalling'],
      ['/fietsenstalling/', '/2015/05/fietsenstalling'],
      ['/fietsenstalling', '/2015/05/fietsenstalling'],
      ['/?p=101', '/2015/05/fietsenstalling'],
      ['/?p=102', '/2015/06/discussie'],
      ['/?page_id=201', '/2014/01/over-ons'],
      ['/over-ons/', '/2014/01/over-ons'],
      ['/?attachment_id=7', '/2015/05/fietsenstalling'],
      ['/2015/05/27/fietsenstalling/stalling/', '/2015/05/fietsenstalling'],
    ];
    for (const [from, to] of cases) {
      const res = await request(t.app).get(from);
      assert.equal(res.status, 301, from);
      assert.equal(res.headers.location, to, from);
    }
    await request(t.app).get('/bestaat-niet/').expect(404);
  });

  it('makes authors accounts that cannot log in, and categories dossiers', async () => {
    const redactie = await t.db('users').where({ email: 'redactie@oud.example.nl' }).first();
    assert.equal(redactie.name, 'Anouk Öztürk-Janssen');
    assert.equal(await verifyPassword(redactie.password_hash, ''), false);
    assert.ok(await t.db('users').where({ email: 'gast@wordpress.invalid' }).first());
    const login = await request(t.app).post('/beheer/inloggen').type('form').send({ email: 'redactie@oud.example.nl', wachtwoord: '' });
    assert.notEqual(login.status, 303);
    const article = (await findArticleBySlug(t.db, 'fietsenstalling'))!;
    assert.equal(article.authorName, 'Anouk Öztürk-Janssen');
    assert.equal(article.authorId, Number(redactie.id));
    const dossier = await t.db('dossiers').where({ slug: 'verkeer' }).first();
    assert.equal(dossier.title, 'Verkeer & vervoer');
    assert.ok(await t.db('dossier_articles').where({ dossier_id: dossier.id, article_id: article.id }).first());
    assert.equal(await t.db('dossiers').where({ slug: 'uncategorized' }).first(), undefined);
  });

  it('opens an imported article in the editor, whose preview shows the HTML as HTML', async () => {
    const ed = await loginAs(t.app, t.db, 'chief');
    const article = (await findArticleBySlug(t.db, 'fietsenstalling'))!;
    const form = await ed.agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    assert.match(form.text, /&lt;figure&gt;/, 'the textarea holds the stored HTML');
    const preview = await ed.agent
      .post(`/beheer/artikelen/${article.id}`)
      .type('form')
      .send({
        _csrf: ed.csrf,
        titel: article.title,
        slug: article.slug,
        soort: 'nieuws',
        tekst: article.bodyMarkdown,
        samenvatting: '',
        auteur: article.authorName,
        status: 'published',
        publicatietijd: '',
        reacties_open: 'ja',
        actie: 'voorbeeld',
      })
      .expect(200);
    assert.match(preview.text, /<figcaption>De nieuwe stalling<\/figcaption>/);
  });

  it('is idempotent: a second run adds and duplicates nothing', async () => {
    const before = await tableCounts(t.db);
    const again = await importWxr(t.db, chunks('site.xml'), OPTIONS);
    assert.deepEqual(await tableCounts(t.db), before);
    assert.equal(again.count('post') + again.count('comment') + again.count('author') + again.count('category'), 0);
    assert.equal(again.skippedCount('post', 'al geïmporteerd'), 5);
    assert.equal(again.skippedCount('comment', 'al geïmporteerd'), 14);
    assert.match(again.lines().join('\n'), /al geïmporteerd/);
  });

  it('leaves the database as it was when the file breaks halfway, or is no WXR at all', async () => {
    const before = await tableCounts(t.db);
    await assert.rejects(
      importWxr(t.db, chunks('broken.xml'), OPTIONS),
      (err: Error) => err instanceof WxrError && /geen geldige XML \(regel 19/.test(err.message),
    );
    assert.deepEqual(await tableCounts(t.db), before);
    const notWxr = [Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item></channel></rss>')];
    await assert.rejects(importWxr(t.db, notWxr, OPTIONS), /geen WordPress-export \(WXR\)/);
    await assert.rejects(importWxr(t.db, [Buffer.from('<html><body>hoi</body></html>')], OPTIONS), /begint met <html>/);
    await assert.rejects(importWxr(t.db, [Buffer.from('{"niet": "xml"}')], OPTIONS), /geen geldige XML/);
    assert.deepEqual(await tableCounts(t.db), before);
  });
});

describe('imports: pingbacks kept', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('reports on a dry run what it would do and stores nothing', async () => {
    const before = await tableCounts(t.db);
    const report = await importWxr(t.db, chunks('site.xml'), { ...OPTIONS, dryRun: true });
    assert.equal(report.count('post'), 5);
    assert.deepEqual(await tableCounts(t.db), before);
  });

  it('keeps pingbacks and trackbacks as marked reacties with --pingbacks keep', async () => {
    const report = await importWxr(t.db, chunks('site.xml'), { ...OPTIONS, pingbacks: 'keep' });
    assert.equal(report.count('comment'), 15);
    const pingback = await reactieByName(t.db, 'Ander blog');
    assert.equal(pingback.body, '[Pingback] […] Zie ook de stalling […]');
    assert.equal(pingback.status, 'approved');
    assert.equal(await siteReactieTotal(t.db), 11, 'the page’s reactie is not in the voorpagina total');
  });
});

describe('imports: a non-ASCII slug', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('folds a percent-encoded WordPress slug and redirects its old address', async () => {
    const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.1/">
<channel><wp:wxr_version>1.1</wp:wxr_version>
<item><title>Café de Kroon</title><link>https://oud.example.nl/2013/03/01/caf%c3%a9-de-kroon/</link>
<content:encoded><![CDATA[<p>Proost.</p>]]></content:encoded><wp:post_id>9</wp:post_id>
<wp:post_date>2013-03-01 20:00:00</wp:post_date><wp:post_date_gmt>2013-03-01 19:00:00</wp:post_date_gmt>
<wp:post_name>caf%c3%a9-de-kroon</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>`;
    const report = await importWxr(t.db, [wxr], OPTIONS);
    assert.equal(report.count('post'), 1);
    assert.equal((await findArticleBySlug(t.db, 'cafe-de-kroon'))!.title, 'Café de Kroon');
    for (const old of ['/2013/03/01/caf%C3%A9-de-kroon/', '/caf%c3%a9-de-kroon', '/2013/03/caf%C3%A9-de-kroon/']) {
      const res = await request(t.app).get(old);
      assert.equal(res.status, 301, old);
      assert.equal(res.headers.location, '/2013/03/cafe-de-kroon', old);
    }
  });
});
