// A small site with every kind of page an accessibility check should visit: a deep thread with a
// long unbroken link, a council document with questions, a dossier, search results, the moderation
// queue with reacties waiting. Shared by the reflow and colour-scheme browser tests.
import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import type { Db } from '../../server/db/knex';
import { articlePath } from '../../server/articles/queries';
import { addArticleToDossier, createDossier } from '../../server/dossiers/queries';
import { useBrowserApp } from './browser';
import { buildArticle, buildReactie, buildUser } from './builders';

export interface A11ySite {
  /** Pages anyone sees, as paths. */
  publicPaths: string[];
  /** Beheer pages, for an admin (who may see them all). */
  beheerPaths: string[];
  /** The article with the deep thread. */
  articlePath: string;
}

async function buildA11ySite(db: Db): Promise<A11ySite> {
  const article = await buildArticle(db, {
    title: 'Herinrichting van de Fietsenstallingsvoorzieningenverordening rond het stationsgebied',
    bodyMarkdown: [
      'De gemeente wil de **fietsenstalling** vergroten.',
      '| Plek | Nu | Straks |\n| --- | --- | --- |\n| Stationsplein-Noordzijde | 1.200 | 2.400 |\n| Stationsplein-Zuidzijde | 800 | 1.600 |',
      '> Een citaat uit het raadsvoorstel over de fietsenstallingsvoorzieningen.',
    ].join('\n\n'),
  });
  // Deeper than the display depth, so the deepest replies are shown flattened.
  let parent = await buildReactie(db, article, {
    authorName: 'Piet van der Heijden-Scholtens',
    body: 'https://www.voorbeeld.nl/een/heel/lange/url/zonder/spaties/die/niet/mag/uitsteken/buiten/het/scherm/van/een/telefoon',
  });
  for (let i = 0; i < 7; i++) {
    parent = await buildReactie(db, article, { parentId: parent, body: `Antwoord op niveau ${i + 2}: eens, de stalling is te klein.` });
  }
  await buildReactie(db, article, { status: 'pending', body: 'Wachtende reactie over de fietsen.' });
  // A moderator's note, shown in the queue and on "Meer van deze schrijver".
  await db('moderator_notes').insert({ reactie_id: parent, body: 'Let op: schrijft vaak lange links.', created_at: new Date() });
  // And a rule for that writer's address (only its keyed hash is stored; any 64 characters do here).
  const month = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  await db('address_rules').insert({
    address_key: 'a'.repeat(64),
    rule: 'hold',
    reason: 'Veel links',
    ends_at: month,
    reactie_id: parent,
    created_at: new Date(),
  });
  await buildReactie(db, article, { status: 'spam', body: 'Koop goedkope horloges.' });

  const questions = await buildArticle(db, {
    title: 'Schriftelijke vragen over de fietsenstalling',
    kind: 'schriftelijke-vragen',
    bodyMarkdown: 'De fractie stelt de volgende vragen.',
    document: {
      fields: { onderwerp: 'Fietsenstalling station', partijen: ['D66', 'GroenLinks'], datum: '2026-11-02' },
      questions: [
        { number: 1, question: 'Wanneer is de stalling klaar?', answer: 'In 2027.' },
        { number: 2, question: 'Wat kost het?', answer: '' },
      ],
    },
  });
  const dossier = await createDossier(
    db,
    { title: 'Stationsgebied', slug: 'stationsgebied', introMarkdown: 'Alles over het station.', participants: '' },
    new Date(),
  );
  await addArticleToDossier(db, dossier.id, questions.id, new Date());

  const path = articlePath(article);
  return {
    articlePath: path,
    publicPaths: [
      '/',
      path,
      `${path}?antwoord=${parent}#reageer`,
      articlePath(questions),
      '/documenten',
      '/documenten?soort=schriftelijke-vragen',
      '/dossiers',
      '/dossiers/stationsgebied',
      '/archief',
      '/zoeken?q=fietsenstalling',
      '/zoeken',
      '/over-deze-weblog',
      '/privacy',
      '/toegankelijkheid',
      '/beheer/inloggen',
    ],
    beheerPaths: [
      '/beheer',
      '/beheer/artikelen',
      '/beheer/artikelen/nieuw',
      `/beheer/artikelen/${questions.id}`,
      '/beheer/reacties',
      '/beheer/reacties?status=spam',
      `/beheer/reacties/${parent}/schrijver`,
      `/beheer/reacties/${parent}/weghalen`,
      '/beheer/schrijvers',
      '/beheer/dossiers',
      '/beheer/instellingen',
      '/beheer/spamfilter',
      '/beheer/privacy',
      '/beheer/gebruikers',
      '/beheer/logboek',
    ],
  };
}

/**
 * The browser app (useBrowserApp) on this site, with an admin to log in as, for the checks that
 * visit every page (reflow, colour schemes). newContext opens a browser context that is closed
 * after the file.
 */
export function useA11yBrowserSite() {
  const app = useBrowserApp();
  const contexts: BrowserContext[] = [];
  const a11y = {
    app,
    site: undefined as unknown as A11ySite,
    admin: undefined as unknown as { email: string },
    async newContext(options: BrowserContextOptions): Promise<BrowserContext> {
      const context = await app.browser.newContext(options);
      contexts.push(context);
      return context;
    },
  };
  before(async function () {
    this.timeout(60_000);
    a11y.site = await buildA11ySite(app.t.db);
    a11y.admin = await buildUser(app.t.db, 'admin');
  });
  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });
  return a11y;
}
