// The text inside attached PDFs is searched with its article (issue 22): a hit says "in bijlage
// „…”" and links to the article; the attachment's text is analysed like any other (stems, parts);
// it goes when the attachment goes, and is as public as its article.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app';
import { resultLinks, searchPage } from '../helpers/search';
import { buildArticle } from '../helpers/builders';
import { loginAs, type Agent } from '../helpers/http';
import { pdfFromText } from '../helpers/pdf';
import { articlePath } from '../../server/articles/queries';
import { fileTextsIdle } from '../../server/attachments/file-text';

describe('search: text inside attached PDFs', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let editor: { agent: Agent; csrf: string };
  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-zoek-bijlage-'));
    t = await createTestApp({ uploadDir });
    editor = await loginAs(t.app, t.db, 'chief');
  });
  after(async () => {
    await fileTextsIdle();
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = async (articleId: number, text: string, title: string) => {
    await editor.agent
      .post(`/beheer/artikelen/${articleId}/bijlagen?_csrf=${encodeURIComponent(editor.csrf)}`)
      .field('titel', title)
      .attach('bestand', await pdfFromText(text), { filename: `${title}.pdf`, contentType: 'application/pdf' })
      .expect(303);
    await fileTextsIdle();
    const row = await t.db('article_attachments').where({ article_id: articleId, title }).first('id');
    return Number(row.id);
  };
  const page = (q: string) => searchPage(t.app, q);
  const links = resultLinks;

  it('finds an article by a word only its attached PDF holds, and says which attachment', async () => {
    const article = await buildArticle(t.db, { title: 'Raadsvoorstel parkeren', bodyMarkdown: 'Zie de bijlage.' });
    await upload(
      article.id,
      'Het college stelt voor de blauwe zone uit te breiden tot de Kerkstraat.\nDe vergunninghouders krijgen een brief.',
      'Raadsvoorstel blauwe zone',
    );
    const html = await page('blauwe zone kerkstraat');
    assert.deepEqual(links(html), [articlePath(article)]);
    assert.match(html, /<p class="search-in">in bijlage „Raadsvoorstel blauwe zone”<\/p>/);
    assert.match(html, /<mark>blauwe<\/mark> <mark>zone<\/mark>/);
    // Analysed like any text: a singular finds the plural in the PDF.
    assert.deepEqual(links(await page('vergunninghouder')), [articlePath(article)]);
  });

  it('forgets the text when the attachment is removed, and never shows one of an article that is not public', async () => {
    const article = await buildArticle(t.db, { title: 'Tijdelijk stuk' });
    const id = await upload(article.id, 'De klokkenluiderregeling geldt voor iedereen.', 'Regeling');
    assert.deepEqual(links(await page('klokkenluiderregeling')), [articlePath(article)]);
    await editor.agent
      .post(`/beheer/artikelen/${article.id}/bijlagen/${id}/verwijderen`)
      .type('form')
      .send({ _csrf: editor.csrf })
      .expect(303);
    assert.deepEqual(links(await page('klokkenluiderregeling')), []);
    const draft = await buildArticle(t.db, { title: 'Concept', status: 'draft', publishedAt: null });
    await upload(draft.id, 'Het geheime sluisplan van de provincie.', 'Sluisplan');
    assert.deepEqual(links(await page('sluisplan')), []);
  });
});
