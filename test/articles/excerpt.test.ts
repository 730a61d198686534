// The excerpt under a title when the editor wrote none: the first sentences of the text after a
// document's letterhead, never the title again ("Brief over: …"), on the voorpagina, /documenten
// and dossier pages; and excerpts stored under the old rule made again by `npm run recount`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { ARTICLE_FORM, loginAs } from '../helpers/http';
import { autoExcerpt, withoutTitle } from '../../server/articles/excerpt';
import { findArticleBySlug, refreshAutoExcerpts } from '../../server/articles/queries';
import { addArticleToDossier, createDossier } from '../../server/dossiers/queries';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'documents');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** The text of every excerpt on a page, tags removed. */
function excerpts(html: string): string[] {
  return [...html.matchAll(/<div class="excerpt">([\s\S]*?)<\/div>/g)].map((m) =>
    m[1]
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe('excerpts made from the text', () => {
  describe('autoExcerpt', () => {
    it('takes a letter’s first sentences after its letterhead, not its subject', () => {
      const excerpt = autoExcerpt({
        title: 'Regionale samenwerking Maastricht-Heuvelland',
        kind: 'brief',
        bodyMarkdown: fixture('brief-1.txt'),
        subject: 'Regionale samenwerking Maastricht-Heuvelland',
      });
      assert.equal(excerpt, 'Graag informeren wij u over de stand van zaken in de regionale samenwerking.');
    });

    it('skips a "Kenmerk" line, the salutation, a heading above the text and a page footer, and joins words a PDF broke', () => {
      const body = [
        '**Kenmerk:** 2026/0412 · **Datum:** 12 november 2026 · **Onderwerp:** stand van zaken herinrichting Markt',
        'Geachte raad,',
        'Aanleiding\nMet deze brief informeren wij u over de voortgang van de herinrichting van de ver-\nkeerssituatie rond de Markt.\nPagina 1 van 2',
      ].join('\n\n');
      assert.equal(
        autoExcerpt({ title: 'Brief over de Markt', kind: 'brief', bodyMarkdown: body, subject: 'Herinrichting Markt' }),
        'Met deze brief informeren wij u over de voortgang van de herinrichting van de verkeerssituatie rond de Markt.',
      );
    });

    it('drops a beginning that repeats the title, in a document and in news', () => {
      assert.equal(
        autoExcerpt({
          title: 'Parkeren in Wyck',
          kind: 'memo',
          bodyMarkdown: 'MEMO\n\nParkeren in Wyck: de parkeerdruk is overdag hoger dan 90 procent, zo blijkt uit tellingen.',
        }),
        'De parkeerdruk is overdag hoger dan 90 procent, zo blijkt uit tellingen.',
      );
      assert.equal(
        autoExcerpt({ title: 'Nieuwe brug open', kind: 'nieuws', bodyMarkdown: '**Nieuwe brug open**\n\nDe brug is vanaf vandaag open.' }),
        'De brug is vanaf vandaag open.',
      );
      assert.equal(
        autoExcerpt({ title: 'Nieuwe brug open', kind: 'nieuws', bodyMarkdown: 'Nieuwe brug open — de brug is vanaf vandaag open.' }),
        'De brug is vanaf vandaag open.',
      );
      assert.equal(withoutTitle('Brugwachter gezocht', 'Brug'), 'Brugwachter gezocht', 'only whole words of the title');
    });

    it('says nothing rather than the title again; the subject only when it says more', () => {
      const letterheadOnly = 'Schriftelijke vragen\n\nOnderwerp: Overlast studentenhuizen\nDatum: 8 december 2017';
      const source = { kind: 'memo', bodyMarkdown: letterheadOnly };
      assert.equal(autoExcerpt({ ...source, title: 'Overlast van studentenhuizen', subject: 'Overlast studentenhuizen' }), '');
      assert.equal(
        autoExcerpt({ ...source, title: 'Memo van de wethouder', subject: 'Overlast studentenhuizen' }),
        'Onderwerp: Overlast studentenhuizen',
      );
      assert.equal(
        autoExcerpt({
          ...source,
          kind: 'schriftelijke-vragen',
          title: 'Vragen over studentenhuizen',
          firstQuestion: 'Hoeveel meldingen kwamen er?',
        }),
        'Vraag 1: Hoeveel meldingen kwamen er?',
      );
    });

    it('never repeats the title for any of the sample documents', () => {
      for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) {
        const expected = JSON.parse(fixture(file.replace(/\.txt$/, '.expected.json'))) as { type: string; fields: { onderwerp?: string } };
        const title = expected.fields.onderwerp ?? file;
        const excerpt = autoExcerpt({ title, kind: expected.type, bodyMarkdown: fixture(file), subject: expected.fields.onderwerp });
        assert.doesNotMatch(excerpt, / over: /, file);
        assert.ok(!excerpt.toLowerCase().startsWith(title.toLowerCase()), `${file}: ${excerpt}`);
        assert.ok(excerpt.length <= 322, `${file}: ${excerpt.length} characters`);
      }
    });
  });

  describe('on the pages', () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp();
    });
    after(async () => t.close());

    it('shows the first sentences of a letter on the voorpagina, /documenten and its dossier, never "Brief over:"', async () => {
      const ed = await loginAs(t.app, t.db, 'chief');
      const title = 'Regionale samenwerking Maastricht-Heuvelland';
      await ed.agent
        .post('/beheer/artikelen')
        .type('form')
        .send({
          ...ARTICLE_FORM,
          _csrf: ed.csrf,
          titel: title,
          soort: 'brief',
          tekst: fixture('brief-1.txt'),
          doc__brief__onderwerp: title,
        })
        .expect(303);
      const article = (await findArticleBySlug(t.db, 'regionale-samenwerking-maastricht-heuvelland'))!;
      const dossier = await createDossier(
        t.db,
        { title: 'Samenwerking', slug: 'samenwerking', introMarkdown: 'Over de regio.', participants: '' },
        new Date(),
      );
      await addArticleToDossier(t.db, dossier.id, article.id, new Date());

      const wanted = 'Graag informeren wij u over de stand van zaken in de regionale samenwerking.';
      for (const page of ['/', '/documenten', '/dossiers/samenwerking']) {
        const html = (await request(t.app).get(page).expect(200)).text;
        assert.ok(excerpts(html).includes(wanted), `${page}: ${excerpts(html).join(' | ')}`);
        assert.doesNotMatch(html, /Brief over:/, page);
        for (const excerpt of excerpts(html)) assert.ok(!excerpt.includes(title), `${page} repeats the title: ${excerpt}`);
      }
    });

    it('makes excerpts stored under the old rule again (npm run recount), leaving an editor’s own summary alone', async () => {
      const auto = await buildArticle(t.db, {
        title: 'Memo over parkeren in Wyck',
        kind: 'memo',
        bodyMarkdown: fixture('memo-1.txt'),
        document: { fields: { onderwerp: 'Stand van zaken parkeren in Wyck' }, questions: [] },
      });
      const own = await buildArticle(t.db, { title: 'Eigen samenvatting', excerptMarkdown: 'Door de redactie geschreven.' });
      await t.db('articles').where({ id: auto.id }).update({ excerpt_html: '<p>Memo over: Stand van zaken parkeren in Wyck</p>\n' });
      assert.match((await request(t.app).get('/').expect(200)).text, /Memo over: Stand van zaken/);

      assert.equal(await refreshAutoExcerpts(t.db, 2), 1);
      assert.equal(await refreshAutoExcerpts(t.db, 2), 0, 'nothing left to change');
      const home = (await request(t.app).get('/').expect(200)).text;
      assert.doesNotMatch(home, /Memo over:/, 'the kept voorpagina follows');
      assert.ok(excerpts(home).some((e) => e.startsWith('In de raadsvergadering van 17 april 2012 heeft het college toegezegd')));
      assert.ok(excerpts(home).includes('Door de redactie geschreven.'));
      assert.equal(
        (await t.db('articles').where({ id: own.id }).first('excerpt_html')).excerpt_html,
        '<p>Door de redactie geschreven.</p>\n',
      );
    });
  });
});
