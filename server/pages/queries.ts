// Editable pages: "Over deze weblog" and the privacy statement.
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';
import { renderMarkdown } from '../shared/markdown';

export const EDITABLE_PAGES = {
  'over-deze-weblog': {
    title: 'Over deze weblog',
    defaultMarkdown:
      'Deze weblog brengt nieuws uit de stad, brieven van het college aan de gemeenteraad en raadsvragen met de antwoorden, en geeft bewoners de ruimte om te reageren.\n\nDe redactie past deze tekst aan via het beheer.',
  },
  privacy: {
    title: 'Privacy',
    defaultMarkdown:
      'Als je reageert, bewaren we je naam, je e-mailadres, je website (als je die opgeeft), je reactie, het tijdstip, je IP-adres en de naam van je browser.\n\n- **Je e-mailadres** wordt nooit gepubliceerd. De moderatoren zien het, zodat ze contact kunnen opnemen en misbruik kunnen tegengaan.\n- **Je IP-adres** gebruiken we alleen tegen spam en misbruik.\n- Vink je "onthoud mijn gegevens" aan, dan bewaart je eigen browser je naam, e-mailadres en website in een cookie. Zonder dat vinkje zetten we die cookie niet.\n\nWil je weten welke reacties we van jou bewaren, of wil je ze laten verwijderen? Neem contact op met de redactie.',
  },
} as const;
export type PageSlug = keyof typeof EDITABLE_PAGES;

export interface Page {
  slug: PageSlug;
  title: string;
  bodyMarkdown: string;
  bodyHtml: string;
  updatedAt: Date | null;
}

export function isPageSlug(value: string): value is PageSlug {
  return Object.prototype.hasOwnProperty.call(EDITABLE_PAGES, value);
}

/** The stored page, or its default text when nobody has edited it yet. */
export async function getPage(db: Db, slug: PageSlug): Promise<Page> {
  const row = await db('pages').where({ slug }).first();
  if (row)
    return {
      slug,
      title: String(row.title),
      bodyMarkdown: String(row.body_markdown),
      bodyHtml: String(row.body_html),
      updatedAt: toDate(row.updated_at),
    };
  const fallback = EDITABLE_PAGES[slug];
  return {
    slug,
    title: fallback.title,
    bodyMarkdown: fallback.defaultMarkdown,
    bodyHtml: renderMarkdown(fallback.defaultMarkdown),
    updatedAt: null,
  };
}

export async function savePage(db: Db, slug: PageSlug, input: { title: string; bodyMarkdown: string }, now: Date): Promise<void> {
  await db('pages')
    .insert({ slug, title: input.title, body_markdown: input.bodyMarkdown, body_html: renderMarkdown(input.bodyMarkdown), updated_at: now })
    .onConflict('slug')
    .merge(['title', 'body_markdown', 'body_html', 'updated_at']);
}
