// The demo site for a fictional city, Peelstad: written into an empty database on the first start
// in development, so a newcomer sees a real weblog at once. Never in production (see config.seedDemo).
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { createArticle, hasArticles, type ArticleInput } from '../articles/queries';
import { insertReactie, type ReactieStatus } from '../reacties/queries';
import { createUser } from '../accounts/users';
import { generatePassword } from '../accounts/passwords';
import type { Role } from '../accounts/roles';
import { savePage } from '../pages/queries';
import { claimMarker, hasMarker } from '../settings/settings';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

const DAY = 86_400_000;

interface DemoReactie {
  key: string;
  parent?: string;
  name: string;
  email: string;
  url?: string;
  body: string;
  minutesAfter: number;
  status?: ReactieStatus;
}

interface DemoArticle {
  input: Omit<ArticleInput, 'slug' | 'excerptMarkdown' | 'authorName'> & { authorName?: string };
  slug: string;
  reacties: DemoReactie[];
}

function demoArticles(now: Date): DemoArticle[] {
  const at = (daysAgo: number, hour = 9) => new Date(Math.floor(now.getTime() / DAY) * DAY - daysAgo * DAY + hour * 3_600_000);
  const base = { status: 'published' as const, pinned: false, reactiesOpen: true };
  return [
    {
      slug: 'welkom-op-de-weblog-van-peelstad',
      input: {
        ...base,
        kind: 'nieuws',
        title: 'Welkom op de weblog van Peelstad',
        publishedAt: new Date('2005-05-27T08:30:00Z'),
        bodyMarkdown:
          'Vanaf vandaag houden we hier bij wat er in Peelstad gebeurt: in de raad, in de wijken en op straat.\n\nWe plaatsen brieven van het college aan de gemeenteraad, schriftelijke vragen van raadsleden met de antwoorden, en gewoon nieuws. Reageren mag iedereen, zonder account. Houd het netjes: de moderatoren lezen mee.',
      },
      reacties: [
        {
          key: 'w1',
          name: 'Hanneke',
          email: 'hanneke@voorbeeld.nl',
          body: 'Goed initiatief! Eindelijk een plek waar je de raadsstukken gewoon kunt lezen.',
          minutesAfter: 95,
        },
        {
          key: 'w2',
          parent: 'w1',
          name: 'Ger van Dijk',
          email: 'ger@voorbeeld.nl',
          body: 'Eens. Ben benieuwd hoe lang het volgehouden wordt ;-)',
          minutesAfter: 180,
        },
      ],
    },
    {
      slug: 'brief-college-herinrichting-markt',
      input: {
        ...base,
        kind: 'brief',
        document: {
          fields: {
            afzender: 'College van burgemeester en wethouders',
            aan: 'De gemeenteraad',
            onderwerp: 'Stand van zaken herinrichting Markt',
            datum: '2026-11-12',
            kenmerk: '2026/0412',
            vergadering: 'commissie Ruimte',
            vergaderdatum: '2026-11-26',
            agendapunt: '6',
            bijlagen: ['Definitief ontwerp Markt'],
            bron: 'https://www.peelstad.example/raad/2026-0412',
          },
          questions: [],
        },
        title: 'Brief van het college: herinrichting van de Markt',
        publishedAt: at(9, 10),
        bodyMarkdown: [
          '**Kenmerk:** 2026/0412 · **Datum:** 12 november 2026 · **Onderwerp:** stand van zaken herinrichting Markt',
          '',
          'Geachte raad,',
          '',
          'Met deze brief informeren wij u over de voortgang van de herinrichting van de Markt en de planning voor 2027.',
          '',
          '## Aanleiding',
          '',
          'In uw vergadering van 4 juli 2026 heeft u het voorlopig ontwerp vastgesteld (raadsbesluit 2026/118). Wij hebben toegezegd u voor de begrotingsbehandeling te informeren over de uitvoering.',
          '',
          '## Stand van zaken',
          '',
          '1. Het definitief ontwerp is gereed en besproken met de ondernemersvereniging en de marktkooplieden.',
          '2. De aanbesteding van de werkzaamheden start in januari 2027.',
          '3. De weekmarkt verhuist tijdelijk naar het Wilhelminaplein.',
          '',
          '| Fase | Periode | Gevolgen |',
          '| --- | --- | --- |',
          '| Riolering en kabels | maart – mei 2027 | Markt gedeeltelijk afgesloten |',
          '| Bestrating | juni – september 2027 | Terrassen tijdelijk kleiner |',
          '| Groen en verlichting | oktober 2027 | Geen |',
          '',
          '## Financiën',
          '',
          'De kosten blijven binnen het beschikbare krediet van € 4,2 miljoen.',
          '',
          'Bijlage: [definitief ontwerp Markt (pdf)](https://www.peelstad.example/raad/2026-0412-bijlage.pdf)',
          '',
          'Hoogachtend,',
          '',
          'burgemeester en wethouders van Peelstad',
        ].join('\n'),
      },
      reacties: [
        {
          key: 'm1',
          name: 'Marieke Janssen',
          email: 'marieke.janssen@voorbeeld.nl',
          body: 'Drie maanden de Markt half dicht, midden in het terrasseizoen. Is daar met de horeca over gepraat?',
          minutesAfter: 60,
        },
        {
          key: 'm2',
          parent: 'm1',
          name: 'Peter Aarts',
          email: 'peter@cafedekroon.example',
          url: 'https://www.cafedekroon.example',
          body: 'Namens Café De Kroon: ja, we zijn twee keer uitgenodigd. Of er ook iets met onze opmerkingen gedaan is, is een tweede.',
          minutesAfter: 140,
        },
        {
          key: 'm3',
          parent: 'm2',
          name: 'Marieke Janssen',
          email: 'marieke.janssen@voorbeeld.nl',
          body: 'Dank voor de reactie, Peter. Dan ben ik benieuwd naar het verslag van die gesprekken.',
          minutesAfter: 200,
        },
        {
          key: 'm4',
          name: 'Ömer Yıldız',
          email: 'omer@voorbeeld.nl',
          body: 'Het ontwerp staat hier, voor wie het wil bekijken:\nhttps://www.peelstad.example/raad/2026-0412-bijlage.pdf\n\nMeer groen is prima, maar waar blijven de fietsenrekken?',
          minutesAfter: 320,
        },
        {
          key: 'm5',
          name: 'Renée de Wit',
          email: 'renee@voorbeeld.nl',
          body: 'Ik hoop dat er eindelijk iets aan de gladde tegels gedaan wordt. Mijn moeder is er vorige winter gevallen.',
          minutesAfter: 1500,
          status: 'pending',
        },
      ],
    },
    {
      slug: 'schriftelijke-vragen-bomenkap-parkweg',
      input: {
        ...base,
        kind: 'schriftelijke-vragen',
        title: 'Raadsvragen over de bomenkap aan de Parkweg, met antwoorden',
        publishedAt: at(4, 14),
        document: {
          fields: {
            onderwerp: 'Bomenkap aan de Parkweg',
            datum: '2026-10-21',
            afzender: 'Fractie Groen Peelstad',
            aan: 'Het college van burgemeester en wethouders',
            partijen: ['Groen Peelstad'],
            indieners: ['J. van der Heijden'],
            ingekomen: '2026-10-21',
            datum_antwoord: '2026-11-11',
          },
          questions: [
            {
              number: 1,
              question: 'Klopt het dat aan de Parkweg 23 gezonde eiken zijn gekapt?',
              answer:
                'Er zijn 23 eiken gekapt. Bij onderzoek in 2025 bleken 17 ervan aangetast door de eikenprocessierups en zwakke wortels; 6 bomen stonden in het tracé van de nieuwe riolering.',
            },
            {
              number: 2,
              question: 'Waarom zijn de omwonenden niet vooraf geïnformeerd?',
              answer:
                'De bewonersbrief is door een fout van de bezorger pas na de kap in de brievenbussen beland. Wij betreuren dat en hebben onze excuses aangeboden.',
            },
            {
              number: 3,
              question: 'Worden de bomen vervangen, en zo ja, door welke soort?',
              answer:
                'Ja. In het plantseizoen 2026–2027 planten wij 30 nieuwe bomen: linden en Amerikaanse eiken, in grotere plantvakken zodat zij ouder kunnen worden.',
            },
          ],
        },
        bodyMarkdown: [
          'Schriftelijke vragen van de fractie van Groen Peelstad (raadslid J. van der Heijden), ingediend op 21 oktober 2026, met de antwoorden van het college van 11 november 2026.',
          '',
          'Hieronder staan de vragen met de antwoorden van het college.',
        ].join('\n'),
      },
      reacties: [
        {
          key: 'b1',
          name: 'Jeroen van der Heijden',
          email: 'jeroen@groenpeelstad.example',
          url: 'https://groenpeelstad.example',
          body: 'Fijn dat de antwoorden er zijn. Dertig nieuwe bomen is mooi, maar het duurt veertig jaar voor die zo groot zijn als wat er stond.',
          minutesAfter: 45,
        },
        {
          key: 'b2',
          parent: 'b1',
          name: 'Annie',
          email: 'annie.b@voorbeeld.nl',
          body: 'Klopt. En "een fout van de bezorger"... echt?',
          minutesAfter: 90,
        },
        {
          key: 'b3',
          parent: 'b2',
          name: 'Kees Vermeulen',
          email: 'kees@voorbeeld.nl',
          body: 'Zoiets kan gebeuren hoor. Belangrijker is dat ze het nu goed doen.',
          minutesAfter: 130,
        },
        {
          key: 'b4',
          name: 'Gülşen',
          email: 'gulsen@voorbeeld.nl',
          body: 'Mogen bewoners meedenken over waar de nieuwe bomen komen?',
          minutesAfter: 400,
        },
      ],
    },
    {
      slug: 'nieuwe-fietsenstalling-bij-het-station',
      input: {
        ...base,
        kind: 'nieuws',
        title: 'Nieuwe fietsenstalling bij het station open',
        publishedAt: at(2, 8),
        pinned: true,
        bodyMarkdown:
          'Sinds maandag is de bewaakte fietsenstalling onder het Stationsplein open, met plek voor 1.200 fietsen. De eerste 24 uur zijn gratis.\n\nDe oude rekken aan de noordkant worden in december weggehaald. Fietsen die daar dan nog staan, worden naar het depot gebracht.',
      },
      reacties: [
        {
          key: 'f1',
          name: 'Piet',
          email: 'piet@voorbeeld.nl',
          body: 'Eindelijk! Ik stond elke ochtend tien minuten een plekje te zoeken.',
          minutesAfter: 30,
        },
        {
          key: 'f2',
          parent: 'f1',
          name: 'Sanne',
          email: 'sanne@voorbeeld.nl',
          body: 'Wel jammer dat hij om half één dichtgaat. De laatste trein komt later.',
          minutesAfter: 75,
        },
        {
          key: 'f3',
          parent: 'f2',
          name: 'Piet',
          email: 'piet@voorbeeld.nl',
          body: 'Goed punt. Misschien iets voor de inspraakavond?',
          minutesAfter: 110,
        },
      ],
    },
    {
      slug: 'gemeenteraad-stemt-in-met-begroting-2027',
      input: {
        ...base,
        kind: 'nieuws',
        title: 'Gemeenteraad stemt in met begroting 2027',
        publishedAt: at(1, 22),
        reactiesOpen: false,
        bodyMarkdown:
          'Na twee avonden debat heeft de gemeenteraad donderdagavond ingestemd met de begroting voor 2027. De onroerendezaakbelasting stijgt met 3,9 procent, minder dan het college voorstelde.\n\nDe reacties bij dit bericht zijn gesloten; praat verder bij het verslag van de raadsvergadering.',
      },
      reacties: [
        { key: 'g1', name: 'W. Smits', email: 'wsmits@voorbeeld.nl', body: 'WEER een verhoging. Waar blijft dat geld?', minutesAfter: 20 },
      ],
    },
    {
      slug: 'inspraakavond-over-het-stationsgebied',
      input: {
        ...base,
        kind: 'nieuws',
        title: 'Inspraakavond over het stationsgebied',
        publishedAt: new Date(now.getTime() + 3 * DAY),
        bodyMarkdown:
          'Op woensdag organiseert de gemeente een inspraakavond over de plannen voor het stationsgebied. Aanmelden is niet nodig.',
      },
      reacties: [],
    },
  ];
}

// The settings row that claims the demo seed. It stays after seeding, so the seed never runs twice.
export const DEMO_SEED_KEY = 'demo.seeded';

/** Thrown inside the seed transaction to roll back the claim when there is nothing to seed. */
class NothingToSeed extends Error {}

/**
 * Writes the demo site into an empty database and returns the demo accounts with their one-time
 * passwords, or null when there is nothing to do: the database has content, or the demo site was
 * seeded before. Safe when several app processes start at once on an empty database: exactly one
 * seeds, the others return null, nothing is written twice.
 *
 * The whole seed is one transaction whose FIRST statement claims the seed by inserting the
 * DEMO_SEED_KEY settings row with ON CONFLICT DO NOTHING. That one write serialises concurrent
 * seeders on both databases without database-specific code:
 * - PostgreSQL: a second inserter of the same key blocks on the primary key until the first
 *   transaction ends; after a commit it inserts nothing (and seeds nothing), after a rollback it
 *   gets the claim and seeds itself.
 * - SQLite: a transaction whose first statement is a write takes the database's write lock at once,
 *   so the other connections wait (busy_timeout, server/db/knex.ts) and then see the committed claim.
 *   (Reading first and writing later could fail at once with SQLITE_BUSY instead of waiting.)
 * Only after the claim does the transaction check that there are no articles; those reads then see
 * everything a concurrent seeder committed. A pg_advisory_xact_lock would need a second code path for
 * SQLite; the claim row works on both and also records that the demo site was written.
 */
export async function seedDemoContent(db: Db, now: Date): Promise<{ accounts: DemoAccount[] } | null> {
  // A quick look without any lock, so an ordinary start of a database with content writes nothing.
  if (await hasArticles(db)) return null; // never over real content
  if (await hasMarker(db, DEMO_SEED_KEY)) return null; // never twice

  try {
    return await db.transaction(async (trx) => {
      if (!(await claimMarker(trx, DEMO_SEED_KEY, { at: now.toISOString() }))) throw new NothingToSeed(); // another process seeded (or is seeding) it
      if (await hasArticles(trx)) throw new NothingToSeed(); // real content arrived meanwhile
      return writeDemoSite(trx, now);
    });
  } catch (err) {
    if (err instanceof NothingToSeed) return null;
    throw err;
  }
}

async function writeDemoSite(trx: Knex.Transaction, now: Date): Promise<{ accounts: DemoAccount[] }> {
  const accounts: DemoAccount[] = [];
  const people: Array<[Role, string, string]> = [
    ['admin', 'beheer@peelstad.example', 'Beheerder'],
    ['editor', 'redactie@peelstad.example', 'Redactie Stadslog'],
    ['moderator', 'moderatie@peelstad.example', 'Moderator'],
  ];
  const ids: Record<string, number> = {};
  for (const [role, email, name] of people) {
    const password = generatePassword();
    ids[role] = (await createUser(trx, { email, name, role, password })).id;
    accounts.push({ role, email, password });
  }

  for (const demo of demoArticles(now)) {
    const publishedAt = demo.input.publishedAt!;
    const article = await createArticle(
      trx,
      { ...demo.input, slug: demo.slug, excerptMarkdown: '', authorName: demo.input.authorName ?? 'Redactie Stadslog' },
      ids.editor,
      new Date(Math.min(publishedAt.getTime(), now.getTime())),
    );
    const keys: Record<string, number> = {};
    for (const r of demo.reacties) {
      const at = new Date(publishedAt.getTime() + r.minutesAfter * 60_000);
      keys[r.key] = await insertReactie(
        trx,
        {
          articleId: article.id,
          parentId: r.parent ? keys[r.parent] : null,
          authorName: r.name,
          authorEmail: r.email,
          authorUrl: r.url ?? null,
          body: r.body,
          status: r.status ?? 'approved',
          ip: null,
          userAgent: null,
        },
        at,
      );
    }
  }

  await savePage(
    trx,
    'over-deze-weblog',
    {
      title: 'Over deze weblog',
      bodyMarkdown:
        'De weblog van Peelstad bestaat sinds mei 2005. De redactie plaatst bijna elke dag iets: nieuws uit de stad, brieven van het college aan de gemeenteraad en schriftelijke vragen van raadsleden met de antwoorden.\n\n**Reageren** mag iedereen, zonder account. Je e-mailadres wordt nooit gepubliceerd. Een eerste reactie wordt eerst door een moderator bekeken; daarna verschijnen je reacties direct.\n\nVragen of tips? Mail de redactie.',
    },
    now,
  );
  return { accounts };
}
