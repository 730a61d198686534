// Revisions of articles: one per save, listed, compared word by word, restored; the public
// correction note and "Bijgewerkt op"; and a save from a form opened before someone else's is
// refused instead of overwriting it.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { ARTICLE_FORM, hiddenInput, loginAs, type Agent } from '../helpers/http';
import { articlePath, findArticleById, findArticleBySlug, type Article } from '../../server/articles/queries';

type Editor = { agent: Agent; csrf: string; email: string };

describe('revisions of articles', () => {
  let t: TestApp;
  let ed: Editor;
  let other: Editor;
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'chief');
    other = await loginAs(t.app, t.db, 'chief');
    await t.db('users').where({ email: ed.email }).update({ name: 'Els de Redacteur' });
    await t.db('users').where({ email: other.email }).update({ name: 'Otto Tweede' });
  });
  after(async () => t.close());

  const revisions = (id: number) => t.db('article_revisions').where({ article_id: id }).orderBy('number');

  /** Opens the article in the editor as this editor and saves it with these changes, as the browser would. */
  async function edit(e: Editor, id: number, fields: Record<string, string>, opened?: string) {
    const form = await e.agent.get(`/beheer/artikelen/${id}`).expect(200);
    const a = (await findArticleById(t.db, id))!;
    return e.agent
      .post(`/beheer/artikelen/${id}`)
      .type('form')
      .send({
        _csrf: e.csrf,
        ...ARTICLE_FORM,
        titel: a.title,
        slug: a.slug,
        soort: a.kind,
        tekst: a.bodyMarkdown,
        publicatietijd: /name="publicatietijd" type="datetime-local" value="([^"]*)"/.exec(form.text)![1],
        versie: opened ?? hiddenInput(form.text, 'versie'),
        ...fields,
      });
  }

  async function create(title: string, body: string): Promise<Article> {
    const res = await ed.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ _csrf: ed.csrf, ...ARTICLE_FORM, titel: title, soort: 'nieuws', tekst: body });
    assert.equal(res.status, 303);
    return (await findArticleById(t.db, Number(/\/(\d+)$/.exec(res.headers.location)![1])))!;
  }

  it('keeps exactly one revision per save: the new article, each edit, and a change of its tags, with who and when', async () => {
    const a = await create('Fietsenstalling open', 'De stalling bij het station heeft 300 plekken.');
    assert.equal((await revisions(a.id)).length, 1);
    assert.equal((await edit(ed, a.id, { tekst: 'De stalling bij het station heeft 250 plekken.' })).status, 303);
    assert.equal((await revisions(a.id)).length, 2);
    const tags = await ed.agent.post(`/beheer/artikelen/${a.id}/tags`).type('form').send({ _csrf: ed.csrf, tags: 'fiets, station' });
    assert.equal(tags.status, 303);
    const rows = await revisions(a.id);
    assert.deepEqual(
      rows.map((r) => [r.number, r.author, r.summary]),
      [
        [1, 'Els de Redacteur', 'Eerste versie'],
        [2, 'Els de Redacteur', 'Tekst gewijzigd (tekst: +1 −1 woorden)'],
        [3, 'Els de Redacteur', 'Tags gewijzigd'],
      ],
    );
    assert.deepEqual(JSON.parse(rows[2].content).tags, ['fiets', 'station']);
    assert.equal((await findArticleById(t.db, a.id))!.revision, 3);

    const list = await ed.agent.get(`/beheer/artikelen/${a.id}/versies`).expect(200);
    assert.match(list.text, /Versies van "Fietsenstalling open"/);
    assert.match(list.text, /Tekst gewijzigd \(tekst: \+1 −1 woorden\)/);
    assert.match(list.text, /Els de Redacteur/);
    assert.match(list.text, /Zet versie 1 terug/);
  });

  it('compares two versions word by word, readable without colour, and escapes what was typed', async () => {
    const a = await create('Raadsvergadering', 'De raad vergadert op dinsdag over <b>de begroting</b>.');
    await edit(ed, a.id, { titel: 'Raadsvergadering verplaatst', tekst: 'De raad vergadert op donderdag over <b>de begroting</b>.' });
    const res = await ed.agent.get(`/beheer/artikelen/${a.id}/versies/vergelijken?van=1&naar=2`).expect(200);
    assert.match(res.text, /<del><span class="diff-mark">\[weg: <\/span>dinsdag<span class="diff-mark">\]<\/span><\/del>/);
    assert.match(res.text, /<ins><span class="diff-mark">\[nieuw: <\/span>donderdag<span class="diff-mark">\]<\/span><\/ins>/);
    assert.match(res.text, /<h3>Titel<\/h3>/);
    assert.match(res.text, /&lt;b&gt;de begroting&lt;\/b&gt;/);
    assert.doesNotMatch(res.text, /<b>de begroting/);
    assert.match(res.text, /Niet veranderd: Soort, Samenvatting, Tags, Correctienoot\./);
    const missing = await ed.agent.get(`/beheer/artikelen/${a.id}/versies/vergelijken?van=1&naar=9`).expect(404);
    assert.match(missing.text, /Een van deze versies bestaat niet/);
    await ed.agent.get(`/beheer/artikelen/${a.id}/versies/vergelijken?van=x&naar=1`).expect(404);
  });

  it('restores a version as a new save: text, document and tags back, a revision of its own, in the audit log', async () => {
    const a = await create('Motie over bomen', 'Eerste tekst over de bomen.');
    await ed.agent.post(`/beheer/artikelen/${a.id}/tags`).type('form').send({ _csrf: ed.csrf, tags: 'bomen' });
    await edit(other, a.id, { titel: 'Motie over bomen aangenomen', tekst: 'Tweede tekst.' });
    await ed.agent.post(`/beheer/artikelen/${a.id}/tags`).type('form').send({ _csrf: ed.csrf, tags: 'groen' });
    const list = await ed.agent.get(`/beheer/artikelen/${a.id}/versies`).expect(200);
    const res = await ed.agent
      .post(`/beheer/artikelen/${a.id}/versies/2/terugzetten`)
      .type('form')
      .send({ _csrf: ed.csrf, versie: hiddenInput(list.text, 'versie') });
    assert.equal(res.status, 303);
    const after = (await findArticleById(t.db, a.id))!;
    assert.equal(after.title, 'Motie over bomen');
    assert.equal(after.bodyMarkdown, 'Eerste tekst over de bomen.');
    assert.equal(after.slug, a.slug, 'the address stays');
    const rows = await revisions(a.id);
    assert.equal(rows.length, 5);
    assert.equal(rows[4].summary, 'Teruggezet naar versie 2');
    assert.deepEqual(JSON.parse(rows[4].content).tags, ['bomen']);
    const page = await request(t.app).get(articlePath(after)).expect(200);
    assert.match(page.text, /rel="tag">bomen</);
    const logged = await t.db('audit_log').where({ action: 'article.restore', subject_id: a.id }).first();
    assert.match(logged.detail, /^versie 2: Motie over bomen/);
    assert.match((await ed.agent.get(res.headers.location)).text, /Versie 2 is teruggezet\. Dat is opgeslagen als versie 5\./);
  });

  it('refuses a restore from a list opened before someone else saved (409), changing nothing', async () => {
    const a = await create('Markt', 'Eerste.');
    await edit(ed, a.id, { tekst: 'Tweede.' });
    const list = await ed.agent.get(`/beheer/artikelen/${a.id}/versies`).expect(200);
    await edit(other, a.id, { tekst: 'Derde, van Otto.' });
    const res = await ed.agent
      .post(`/beheer/artikelen/${a.id}/versies/1/terugzetten`)
      .type('form')
      .send({ _csrf: ed.csrf, versie: hiddenInput(list.text, 'versie') });
    assert.equal(res.status, 409);
    assert.match(res.text, /Niet teruggezet: iemand anders heeft dit artikel opgeslagen/);
    assert.equal((await findArticleById(t.db, a.id))!.bodyMarkdown, 'Derde, van Otto.');
    assert.equal((await revisions(a.id)).length, 3);
    await ed.agent.post(`/beheer/artikelen/${a.id}/versies/9/terugzetten`).type('form').send({ _csrf: ed.csrf }).expect(404);
  });

  it('keeps a starting point for an article from before the history when it is opened, and none when saved without opening', async () => {
    const old = await buildArticle(t.db, { title: 'Van voor de geschiedenis' });
    assert.equal((await revisions(old.id)).length, 0);
    await ed.agent.get(`/beheer/artikelen/${old.id}`).expect(200);
    await ed.agent.get(`/beheer/artikelen/${old.id}`).expect(200);
    const rows = await revisions(old.id);
    assert.deepEqual(
      rows.map((r) => [r.number, r.author, r.summary]),
      [[0, null, 'Versie van vóór de versiegeschiedenis']],
    );
    await edit(ed, old.id, { tekst: 'Nieuwe tekst.' });
    assert.equal((await revisions(old.id)).length, 2);
    const compare = await ed.agent.get(`/beheer/artikelen/${old.id}/versies/vergelijken?van=0&naar=1`).expect(200);
    assert.match(compare.text, /\[nieuw: <\/span>Nieuwe/);
  });

  describe('corrections', () => {
    it('offers a public correction note on a published article only, shown on top and in the feed, with "Bijgewerkt op"', async () => {
      t.setNow(new Date('2026-06-01T10:00:00Z'));
      try {
        const a = await create('Nieuwe stalling', 'Er zijn 300 plekken.');
        const path = articlePath(a);
        const before = await request(t.app).get(path).expect(200);
        assert.doesNotMatch(before.text, /Bijgewerkt op/);
        const form = await ed.agent.get(`/beheer/artikelen/${a.id}`).expect(200);
        assert.match(form.text, /name="correctienoot"/);
        t.setNow(new Date('2026-06-02T08:30:00Z'));
        const res = await edit(ed, a.id, {
          tekst: 'Er zijn 250 plekken.',
          correctienoot: 'In een eerdere versie stond dat er 300 plekken zijn; het zijn er 250.',
        });
        assert.equal(res.status, 303);
        // The kept copy of the page is out of date at once.
        const page = await request(t.app).get(path).expect(200);
        assert.match(page.text, /Er zijn 250 plekken/);
        assert.match(
          page.text,
          /<aside class="correction" aria-label="Correctie">\s*<p><strong>Correctie \(2 juni 2026\):<\/strong> In een eerdere versie stond dat er 300 plekken zijn; het zijn er 250\.<\/p>/,
        );
        assert.match(page.text, /Bijgewerkt op <time datetime="2026-06-02T08:30:00.000Z">2 juni 2026 om 10:30<\/time>/);
        assert.match(page.text, /"dateModified":"2026-06-02T08:30:00.000Z"/);
        const feed = await request(t.app).get('/feed').expect(200);
        assert.match(feed.text, /&lt;strong&gt;Correctie \(2 juni 2026\):&lt;\/strong&gt; In een eerdere versie stond/);
        const atom = await request(t.app).get('/feed/atom').expect(200);
        assert.match(atom.text, /<updated>2026-06-02T08:30:00.000Z<\/updated>/);
        const rows = await revisions(a.id);
        assert.equal(
          JSON.parse(rows[rows.length - 1].content).correctionNote,
          'In een eerdere versie stond dat er 300 plekken zijn; het zijn er 250.',
        );
      } finally {
        t.setNow(undefined);
      }
    });

    it('shows no "Bijgewerkt op" for a change of tags alone, nor for a draft; a draft gets no correction field', async () => {
      const a = await create('Alleen tags', 'Tekst blijft.');
      await ed.agent.post(`/beheer/artikelen/${a.id}/tags`).type('form').send({ _csrf: ed.csrf, tags: 'nieuw' });
      await edit(ed, a.id, { samenvatting: '' });
      const page = await request(t.app).get(articlePath(a)).expect(200);
      assert.match(page.text, /rel="tag">nieuw</);
      assert.doesNotMatch(page.text, /Bijgewerkt op/);
      const draft = await ed.agent
        .post('/beheer/artikelen')
        .type('form')
        .send({ _csrf: ed.csrf, ...ARTICLE_FORM, titel: 'Concept', soort: 'nieuws', tekst: 'Nog niet af.', status: 'draft' });
      const form = await ed.agent.get(draft.headers.location).expect(200);
      assert.doesNotMatch(form.text, /name="correctienoot"/);
      // Sent anyway (an old form): a draft takes no note.
      const id = Number(/\/(\d+)$/.exec(draft.headers.location)![1]);
      await edit(ed, id, { status: 'draft', tekst: 'Nu wel af.', correctienoot: 'Niet voor een concept.' });
      assert.equal((await findArticleById(t.db, id))!.correctionNote, null);
    });

    it('refuses an overlong note with a Dutch message, keeping everything typed', async () => {
      const a = await create('Lange noot', 'Tekst.');
      const res = await edit(ed, a.id, { tekst: 'Mijn nieuwe tekst.', correctienoot: 'x'.repeat(2001) });
      assert.equal(res.status, 422);
      assert.match(res.text, /De correctienoot/);
      assert.match(res.text, /Mijn nieuwe tekst\.<\/textarea>/);
      assert.equal((await findArticleById(t.db, a.id))!.bodyMarkdown, 'Tekst.');
    });
  });

  describe('no overwriting', () => {
    it('refuses a save from a form opened before someone else saved (409), keeps the text, shows both, saves on purpose after', async () => {
      const a = await create('Begroting 2027', 'De begroting sluit met een tekort.');
      const mine = await ed.agent.get(`/beheer/artikelen/${a.id}`).expect(200);
      const opened = hiddenInput(mine.text, 'versie');
      assert.equal((await edit(other, a.id, { tekst: 'De begroting sluit met een overschot van 2 miljoen.' })).status, 303);
      const res = await edit(ed, a.id, { tekst: 'De begroting sluit met een klein tekort.' }, opened);
      assert.equal(res.status, 409);
      assert.match(res.text, /Niet opgeslagen: iemand anders heeft dit artikel intussen opgeslagen/);
      assert.match(res.text, /Jouw tekst is niet verloren/);
      assert.match(res.text, /De begroting sluit met een klein tekort\.<\/textarea>/);
      assert.match(res.text, /\[weg: <\/span>overschot/);
      assert.match(res.text, /href="\/beheer\/artikelen\/\d+\/versies"/);
      const stored = (await findArticleById(t.db, a.id))!;
      assert.equal(stored.bodyMarkdown, 'De begroting sluit met een overschot van 2 miljoen.');
      assert.equal((await revisions(a.id)).length, 2);
      // The form now carries the other's revision: saving again is on purpose and goes through.
      assert.equal(hiddenInput(res.text, 'versie'), String(stored.revision));
      const again = await edit(ed, a.id, { tekst: 'De begroting sluit met een klein tekort.' }, hiddenInput(res.text, 'versie'));
      assert.equal(again.status, 303);
      assert.equal((await findArticleById(t.db, a.id))!.bodyMarkdown, 'De begroting sluit met een klein tekort.');
    });

    it('lets a preview and a form with errors keep the revision it was opened at', async () => {
      const a = await create('Voorbeeld', 'Tekst.');
      const form = await ed.agent.get(`/beheer/artikelen/${a.id}`).expect(200);
      const opened = hiddenInput(form.text, 'versie');
      await edit(other, a.id, { tekst: 'Anders.' });
      const preview = await edit(ed, a.id, { actie: 'voorbeeld', tekst: 'Mijn tekst.' }, opened);
      assert.equal(hiddenInput(preview.text, 'versie'), opened);
      assert.equal((await edit(ed, a.id, { tekst: 'Mijn tekst.' }, opened)).status, 409);
    });
  });

  it('never reads revisions for the public article page', async () => {
    const a = await create('Snel', 'Tekst.');
    await edit(ed, a.id, { tekst: 'Andere tekst.' });
    const seen: string[] = [];
    const listener = (q: { sql: string }) => seen.push(q.sql);
    t.db.on('query', listener);
    try {
      await request(t.app)
        .get(articlePath((await findArticleBySlug(t.db, a.slug))!))
        .expect(200);
    } finally {
      t.db.off('query', listener);
    }
    assert.ok(seen.length > 0);
    assert.deepEqual(
      seen.filter((s) => s.includes('article_revisions')),
      [],
    );
  });
});

describe('autosaved drafts of the editor', () => {
  let t: TestApp;
  let ed: Editor;
  let other: Editor;
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'chief');
    other = await loginAs(t.app, t.db, 'chief');
  });
  after(async () => t.close());

  const autosave = (e: Editor, fields: Record<string, string>) =>
    e.agent
      .post('/beheer/concepten')
      .type('form')
      .send({ _csrf: e.csrf, ...fields });

  it('keeps what an editor typed, offers it back to that editor only, and puts it back in the form', async () => {
    const a = await buildArticle(t.db, { title: 'Wegwerkzaamheden' });
    const res = await autosave(ed, {
      artikel: String(a.id),
      titel: 'Wegwerkzaamheden Markt',
      tekst: 'Half geschreven <tekst>',
      soort: 'nieuws',
    });
    assert.equal(res.status, 204);
    const form = await ed.agent.get(`/beheer/artikelen/${a.id}`).expect(200);
    assert.match(form.text, /Je hebt tekst die nog niet is opgeslagen/);
    assert.match(form.text, /href="\/beheer\/artikelen\/\d+\?concept=terug">Haal mijn tekst terug/);
    assert.doesNotMatch((await other.agent.get(`/beheer/artikelen/${a.id}`).expect(200)).text, /nog niet is opgeslagen/);
    const back = await ed.agent.get(`/beheer/artikelen/${a.id}?concept=terug`).expect(200);
    assert.match(back.text, /staat weer in het formulier/);
    assert.match(back.text, /Half geschreven &lt;tekst&gt;<\/textarea>/);
    assert.match(back.text, /value="Wegwerkzaamheden Markt"/);
  });

  it('removes the draft when the article is saved, and on "Gooi weg"', async () => {
    const a = await buildArticle(t.db, { title: 'Parkeren' });
    await autosave(ed, { artikel: String(a.id), titel: 'Parkeren', tekst: 'Concepttekst' });
    const saved = await ed.agent
      .post(`/beheer/artikelen/${a.id}`)
      .type('form')
      .send({ _csrf: ed.csrf, ...ARTICLE_FORM, titel: 'Parkeren', soort: 'nieuws', tekst: 'Concepttekst' });
    assert.equal(saved.status, 303);
    assert.equal((await t.db('editor_drafts').where({ article_id: a.id })).length, 0);
    await autosave(ed, { artikel: String(a.id), tekst: 'Nog een keer' });
    const gone = await ed.agent
      .post('/beheer/concepten/weggooien')
      .type('form')
      .send({ _csrf: ed.csrf, artikel: String(a.id) });
    assert.equal(gone.status, 303);
    assert.match((await ed.agent.get(gone.headers.location).expect(200)).text, /De automatisch bewaarde tekst is weggegooid/);
    assert.equal((await t.db('editor_drafts').where({ article_id: a.id })).length, 0);
  });

  it('keeps a new article’s draft, offered on "Nieuw artikel", removed by its first save', async () => {
    await autosave(ed, { artikel: '', titel: 'Nog geen titel', tekst: 'Eerste zinnen.' });
    await autosave(ed, { artikel: '', titel: 'Nog geen titel', tekst: 'Eerste zinnen, en meer.' });
    assert.equal((await t.db('editor_drafts').whereNull('article_id')).length, 1, 'one per user and article');
    assert.match((await ed.agent.get('/beheer/artikelen/nieuw').expect(200)).text, /Haal mijn tekst terug/);
    const back = await ed.agent.get('/beheer/artikelen/nieuw?concept=terug').expect(200);
    assert.match(back.text, /Eerste zinnen, en meer\.<\/textarea>/);
    const saved = await ed.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ _csrf: ed.csrf, ...ARTICLE_FORM, titel: 'Nieuw stuk', soort: 'nieuws', tekst: 'Eerste zinnen, en meer.' });
    assert.equal(saved.status, 303);
    assert.equal((await t.db('editor_drafts').whereNull('article_id')).length, 0);
  });

  it('refuses a draft for an article that does not exist, and without the token', async () => {
    assert.equal((await autosave(ed, { artikel: '999999', tekst: 'x' })).status, 404);
    assert.equal((await autosave(ed, { artikel: 'abc', tekst: 'x' })).status, 404);
    assert.equal((await ed.agent.post('/beheer/concepten').type('form').send({ artikel: '', tekst: 'x' })).status, 403);
  });
});
