// npm run export:wxr: what it writes parses as WXR, keeps e-mail addresses out unless asked, and
// imported again into a fresh database gives the same articles, threads, statuses and counts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { buildArticle, buildReactie } from '../helpers/builders';
import { exportWxr } from '../../server/imports/export';
import { importWxr, type ImportOptions } from '../../server/imports/import';
import { readWxr } from '../../server/imports/wxr-reader';
import { siteReactieTotal } from '../../server/reacties/counters';
import { setArticleTags } from '../../server/tags/queries';
import type { Db } from '../../server/db/knex';

const SITE = path.join(__dirname, '..', 'fixtures', 'wxr', 'site.xml');
const OPTIONS: ImportOptions = { pingbacks: 'keep', ipRetentionDays: 30, now: new Date('2015-06-20T12:00:00Z') };

async function exported(db: Db, withEmails: boolean): Promise<string> {
  const parts: string[] = [];
  await exportWxr(db, (chunk) => Promise.resolve(void parts.push(chunk)), {
    withEmails,
    baseUrl: 'https://stadslog.example.nl',
    now: OPTIONS.now,
  });
  return parts.join('');
}

/** What a round trip must keep, per article slug: its fields and its thread (by author names, so ids may differ). */
async function snapshot(db: Db) {
  const articles = await db('articles').orderBy('slug');
  const out: Record<string, unknown> = {};
  for (const a of articles) {
    const reacties = await db('reacties').where({ article_id: a.id }).orderBy('id');
    const tags = await db('tags').join('article_tags', 'article_tags.tag_id', 'tags.id').where({ article_id: a.id }).orderBy('slug');
    const names = new Map(reacties.map((r) => [Number(r.id), String(r.author_name)]));
    out[String(a.slug)] = {
      title: a.title,
      status: a.status,
      publishedAt: new Date(a.published_at).toISOString(),
      bodyHtml: String(a.body_html).trim(), // Markdown ends with a newline, which the HTML path trims
      reactieCount: Number(a.reactie_count),
      pinned: Boolean(a.pinned),
      isPage: Boolean(a.is_page),
      tags: tags.map((t) => `${t.slug}=${t.name}`),
      thread: reacties
        .map((r) => ({
          name: r.author_name,
          parent: r.parent_id === null ? null : names.get(Number(r.parent_id)),
          status: r.status,
          body: r.body,
          at: new Date(r.created_at).toISOString(),
        }))
        .sort((x, y) => `${x.at}${x.name}`.localeCompare(`${y.at}${y.name}`)),
    };
  }
  return out;
}

describe('imports: exporting WXR and the round trip', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  before(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    await importWxr(source.db, fs.createReadStream(SITE), OPTIONS);
    // A Markdown article written here, with "]]>" where a CDATA section would end.
    const own = await buildArticle(
      source.db,
      { title: 'Eigen ]]> artikel', slug: 'eigen-artikel', bodyMarkdown: 'Tekst met ]]> erin.\n\n**Vet**.' },
      OPTIONS.now,
    );
    const first = await buildReactie(
      source.db,
      own,
      { authorName: 'Ëlla', body: 'Code: a]]>b & <c>', authorEmail: 'ella@example.nl' },
      OPTIONS.now,
    );
    await setArticleTags(source.db, own.id, ['Grote Markt', 'Café & terras', 'fiets']);
    await buildReactie(
      source.db,
      own,
      { authorName: 'Antwoord', parentId: first, body: 'Regel een\nRegel twee', status: 'pending' },
      OPTIONS.now,
    );
  });
  after(async () => {
    await source.drop();
    await target.drop();
  });

  it('writes XML that parses as WXR 1.2, with e-mail addresses only when asked for and never an IP address', async () => {
    const xml = await exported(source.db, false);
    const records = [];
    for await (const r of readWxr([xml])) records.push(r);
    assert.deepEqual(records[0], { type: 'version', version: '1.2' });
    assert.equal(records.filter((r) => r.type === 'item').length, 7);
    assert.match(xml, /<title><!\[CDATA\[Eigen \]\]\]\]><!\[CDATA\[> artikel\]\]><\/title>/);
    assert.ok(!xml.includes('ans@example.nl') && !xml.includes('redactie@oud.example.nl'), 'no e-mail addresses without --with-emails');
    assert.ok(!xml.includes('192.0.2.'), 'no IP addresses');
    assert.match(
      xml,
      /<wp:tag><wp:term_id>\d+<\/wp:term_id><wp:tag_slug><!\[CDATA\[cafe-en-terras\]\]><\/wp:tag_slug><wp:tag_name><!\[CDATA\[Café & terras\]\]><\/wp:tag_name><\/wp:tag>/,
    );
    assert.match(xml, /<category domain="post_tag" nicename="grote-markt"><!\[CDATA\[Grote Markt\]\]><\/category>/);
    const withEmails = await exported(source.db, true);
    assert.match(withEmails, /<wp:comment_author_email><!\[CDATA\[Ans@Example\.nl\]\]><\/wp:comment_author_email>/);
    assert.match(withEmails, /<wp:author_email><!\[CDATA\[redactie@oud\.example\.nl\]\]><\/wp:author_email>/);
  });

  it('imported again into a fresh database gives the same articles, threads, statuses and counts', async () => {
    const xml = await exported(source.db, true);
    // Fed in small pieces, as a file is read.
    const pieces = xml.match(/[^]{1,50}/g)!;
    const report = await importWxr(target.db, pieces, OPTIONS);
    assert.equal(report.count('post'), 6, report.lines().join('\n'));
    assert.equal(report.count('page'), 1, 'the page "Over ons" goes out as a page and comes back as one');
    assert.deepEqual(await snapshot(target.db), await snapshot(source.db));
    assert.equal(await siteReactieTotal(target.db), await siteReactieTotal(source.db));
    const dossier = await target.db('dossiers').where({ slug: 'verkeer' }).first();
    assert.equal(dossier.title, 'Verkeer & vervoer');
    assert.deepEqual(
      (await target.db('tags').orderBy('slug')).map((t) => `${t.slug}=${t.name}`),
      ['cafe-en-terras=Café & terras', 'fiets=fiets', 'grote-markt=Grote Markt'],
    );
  });
});
