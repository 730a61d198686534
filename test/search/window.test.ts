// Search at size (windowed.ts): of a word in more reacties than the window, the newest are ranked
// and the count says "Meer dan"; articles are ranked apart and never pushed out by reacties; a year
// of reacties is searched as its own range, however old.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { resultLinks, searchPage } from '../helpers/search';
import { buildArticle, buildReactie } from '../helpers/builders';
import { articlePath } from '../../server/articles/queries';
import { indexStale } from '../../server/search/indexer';
import { nextStretch, phraseRead } from '../../server/search/postgres-index';
import { WINDOW } from '../../server/search/windowed';

describe('search: a word in more reacties than are ranked', function () {
  this.timeout(120_000);
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const page = (q: string, extra = '') => searchPage(t.app, q, extra);
  const links = resultLinks;

  it('ranks the newest, says there are more, keeps the article on top and finds an old year', async () => {
    const article = await buildArticle(t.db, { title: 'Het zebrapad bij de school', bodyMarkdown: 'Een nieuw zebrapad.' });
    const old = await buildReactie(t.db, article, { body: 'Het zebrapad was er in 2019 al.' }, new Date('2019-03-01T12:00:00Z'));
    const n = WINDOW.reacties + 20;
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push(await buildReactie(t.db, article, { body: `Reactie ${i} over het zebrapad.` }));
    // What the background indexer does between posts: a search analyses only a quarter second's worth.
    while ((await indexStale(t.db)) > 0);
    const html = await page('zebrapad');
    // The article first (its title), then reacties; more matched than were ranked.
    assert.equal(links(html)[0], articlePath(article));
    assert.match(html, new RegExp(`Meer dan ${WINDOW.reacties + 1} resultaten voor`));
    // The oldest reactie is outside the window: not among the reacties ranked now …
    const all: string[] = [];
    for (let p = 1; p <= Math.ceil((WINDOW.reacties + 1) / 10); p++)
      all.push(...links(await page('zebrapad', p === 1 ? '' : `&pagina=${p}`)));
    assert.ok(!all.includes(`/reactie/${old}`));
    assert.ok(all.includes(`/reactie/${ids.at(-1)}`));
    // … but a search in its year finds it.
    assert.deepEqual(links(await page('zebrapad', '&soort=reactie&jaar=2019')), [`/reactie/${old}`]);
  });
});

describe('search on PostgreSQL: how far back the next stretch of reacties reads (nextStretch)', () => {
  it('reads on row by row, just far enough, where the word is common', () => {
    // 250 matches in the first 4.000 ids; 51 more wanted: about 816 ids more, twice that to be sure.
    assert.deepEqual(nextStretch(250, 4_000, 51, 4_000, 4_000_000), { read: 'rows', span: 4_000 });
    assert.deepEqual(nextStretch(100, 4_000, 201, 4_000, 4_000_000), { read: 'rows', span: 16_080 });
  });

  it('lets the index read all that is left at once where few matches are to be expected there', () => {
    // Nothing in the newest 4.000 ids; or 3, about 3.000 in the 4 million left.
    assert.deepEqual(nextStretch(0, 4_000, 301, 4_000, 4_000_000), { read: 'rest' });
    assert.deepEqual(nextStretch(3, 4_000, 298, 4_000, 4_000_000), { read: 'rest' });
  });

  it('reads on row by row where that costs less than the index merging every match of the word', () => {
    // 30 in the newest 4.000 ids, 271 more wanted: some 36.000 ids more row by row (about 9.000
    // reacties, the cost of some 21.000 matches of the index), against 30.000 matches the index
    // would merge. (Before session 14 the index read this, building the whole bitmap of the word.)
    assert.deepEqual(nextStretch(30, 4_000, 271, 4_000, 4_000_000), { read: 'rows', span: 72_267 });
    // 40 in the newest 4.000 ids of the benchmark's 4 million (`college betalen`): row by row.
    assert.deepEqual(nextStretch(40, 4_000, 261, 4_000, 3_996_000), { read: 'rows', span: 52_200 });
  });

  it('lets the index read stretches four times longer each where many matches lie far back', () => {
    // 10 in the newest 4.000 ids: 291 more lie some 116.000 ids back (29.000 reacties row by row),
    // 10.000 matches in the index, too many to read at once.
    assert.deepEqual(nextStretch(10, 4_000, 291, 4_000, 4_000_000), { read: 'index', span: 16_000 });
    assert.deepEqual(nextStretch(40, 20_000, 261, 16_000, 4_000_000), { read: 'index', span: 64_000 });
    // The same density with only 400.000 ids left: 1.000 to expect, read at once.
    assert.deepEqual(nextStretch(10, 4_000, 291, 4_000, 400_000), { read: 'rest' });
  });
});

describe('search on PostgreSQL: a phrase’s articles read in batches (phraseRead)', () => {
  // A batch's rows as the statement gives them: every entry with all of the phrase's words, the rank
  // only where the phrase itself was found.
  const row = (id: number, score: string | null) => ({ id: String(id), score, a_at: '1733580000000', visible: 't' });

  it('keeps the entries with the phrase, newest first, and reads on below the oldest entry of a full batch', () => {
    const read = phraseRead([row(40, '0.5'), row(96, null), row(72, '0.25'), row(12, null)], 4, []);
    assert.deepEqual(
      read.found.map((c) => [c.id, c.score, c.visible]),
      [
        [72, 0.25, true],
        [40, 0.5, true],
      ],
    );
    assert.deepEqual(read.next, { below: 12, batch: 8 });
    // The next batch adds to what was found; fewer rows than asked: nothing older is left.
    const last = phraseRead([row(8, '0.75'), row(4, null)], 8, read.found);
    assert.deepEqual(
      last.found.map((c) => c.id),
      [72, 40, 8],
    );
    assert.equal(last.next, null);
  });
});
