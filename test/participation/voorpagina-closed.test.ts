// The voorpagina says which articles take no more reacties: closed by an editor, or by time after
// the site's (or the article's own) number of days. A kept voorpagina holds only until the next
// close moment it shows, and a new close-after setting reaches it at once.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { saveSettingsForm } from '../helpers/http';
import { saveSettings } from '../../server/settings/settings';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** The voorpagina's teaser of the article with this title. */
function teaser(html: string, title: string): string {
  const found = html.split('<article class="teaser').find((part) => part.includes(`>${title}</a></h2>`));
  assert.ok(found, `no teaser for ${title}`);
  return found;
}

describe('participation: closed reacties on the voorpagina', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    t.setNow(undefined);
    await t.close();
  });

  it('marks an article closed by an editor or by time, and a kept voorpagina follows the close moment', async () => {
    await saveSettings(t.db, { reacties: { closeAfterDays: 10 } });
    const now = Date.now();
    await buildArticle(t.db, { title: 'Sluit over een uur', publishedAt: new Date(now - 10 * DAY + HOUR) });
    await buildArticle(t.db, { title: 'Dichtgezet', publishedAt: new Date(now - DAY), reactiesOpen: false });
    await buildArticle(t.db, { title: 'Lang geleden', publishedAt: new Date(now - 30 * DAY) });
    await buildArticle(t.db, { title: 'Open', publishedAt: new Date(now - 2 * DAY) });
    t.setNow(new Date(now));
    for (const round of ['rendered', 'kept']) {
      const html = (await request(t.app).get('/').expect(200)).text;
      assert.doesNotMatch(teaser(html, 'Sluit over een uur'), /reageren gesloten/, round);
      assert.doesNotMatch(teaser(html, 'Open'), /reageren gesloten/, round);
      assert.match(teaser(html, 'Dichtgezet'), /reageren gesloten/, round);
      assert.match(teaser(html, 'Lang geleden'), /reageren gesloten/, round);
    }
    t.setNow(new Date(now + 2 * HOUR));
    const later = (await request(t.app).get('/').expect(200)).text;
    assert.match(teaser(later, 'Sluit over een uur'), /0 reacties|Nog geen reacties/);
    assert.match(teaser(later, 'Sluit over een uur'), /reageren gesloten/, 'the kept voorpagina did not outlive the close moment');
  });

  it('shows a new close-after setting at once, also on a kept voorpagina', async () => {
    await buildArticle(t.db, { title: 'Vijf dagen oud', publishedAt: new Date(Date.now() - 5 * DAY) });
    assert.doesNotMatch(teaser((await request(t.app).get('/').expect(200)).text, 'Vijf dagen oud'), /reageren gesloten/);
    await saveSettingsForm(t.app, t.db, { sluitNaDagen: '3' });
    assert.match(teaser((await request(t.app).get('/').expect(200)).text, 'Vijf dagen oud'), /reageren gesloten/);
  });
});
