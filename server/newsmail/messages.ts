// The news mail's own mails, in Dutch, with the reply e-mails' HTML layout (notifications/mail-html.ts)
// and their one-click unsubscribe headers: the confirmation, "you were subscribed already", and the digest.
import sanitizeHtml from 'sanitize-html';
import { ARTICLE_KINDS, articlePath, type Article } from '../articles/queries';
import { mailHtml, type MailBlock } from '../notifications/mail-html';
import { unsubscribeHeaders, type MailSite } from '../notifications/messages';
import type { OutgoingMail } from '../notifications/queue';
import { formatDate, formatDateTime, reactieCountLabel } from '../shared/format';
import type { Frequency, NewsKinds } from './schedule';

/** What a subscriber chose, in words: "elke dag om 07:00", "elke maandag om 07:00". */
export function frequencyText(frequency: Frequency, schedule: { hour: number; weekday: string }): string {
  const at = `${String(schedule.hour).padStart(2, '0')}:00`;
  return frequency === 'daily' ? `elke dag om ${at}` : `elke ${schedule.weekday} om ${at}`;
}

export const KINDS_TEXT: Record<NewsKinds, string> = {
  all: 'alle nieuwe artikelen',
  documents: 'alleen raadsdocumenten',
  news: 'alleen nieuws',
};

export function newsConfirmationMail(site: MailSite, to: string, what: string, confirmUrl: string): OutgoingMail {
  const subject = `Bevestig je aanmelding voor de nieuwsbrief van ${site.name}`;
  const asked = `Je vroeg om de nieuwsbrief van ${site.name}: ${what}.`;
  return {
    to,
    subject,
    text: [
      'Hallo,',
      '',
      asked,
      '',
      'Klopt dat? Bevestig het met deze link (hij werkt zeven dagen):',
      confirmUrl,
      '',
      'Heb je hier niet om gevraagd? Dan hoef je niets te doen: zonder bevestiging sturen we niets.',
      '',
      site.name,
    ].join('\n'),
    html: mailHtml(subject, site.name, [
      { kind: 'p', text: 'Hallo,' },
      { kind: 'p', text: asked },
      { kind: 'p', text: 'Klopt dat? Bevestig het met deze link (hij werkt zeven dagen):' },
      { kind: 'link', text: 'Ja, bevestig mijn aanmelding', href: confirmUrl },
      { kind: 'p', text: `Werkt de knop niet? Open dan dit adres: ${confirmUrl}` },
      { kind: 'p', text: 'Heb je hier niet om gevraagd? Dan hoef je niets te doen: zonder bevestiging sturen we niets.' },
    ]),
  };
}

/** To a subscriber who asked again: nothing changed, here is the link to change it. */
export function alreadySubscribedMail(site: MailSite, to: string, manageUrl: string, unsubscribeUrl: string): OutgoingMail {
  const subject = `Je krijgt de nieuwsbrief van ${site.name} al`;
  const intro = `Iemand vroeg de nieuwsbrief van ${site.name} aan voor dit adres, maar je krijgt hem al. Er is niets veranderd.`;
  return {
    to,
    subject,
    text: [
      intro,
      '',
      `Wil je hem vaker, minder vaak of over andere artikelen? ${manageUrl}`,
      `Afmelden met één klik: ${unsubscribeUrl}`,
      '',
      site.name,
    ].join('\n'),
    html: mailHtml(subject, site.name, [
      { kind: 'p', text: intro },
      { kind: 'link', text: 'Nieuwsbrief wijzigen', href: manageUrl },
      { kind: 'footer', text: 'Geen nieuwsbrief meer?', link: { text: 'Afmelden met één klik', href: unsubscribeUrl } },
    ]),
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
}

// sanitize-html decodes every entity when it parses and escapes only these when it writes text.
const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** An article's excerpt as plain text for a mail: tags gone, entities decoded, on one line. */
function excerptText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|li|h[1-6])\s*>/gi, ' '), { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(amp|lt|gt|quot);/g, (e) => ESCAPED[e])
    .replace(/\s+/g, ' ')
    .trim();
}

export interface DigestInput {
  to: string;
  frequency: Frequency;
  /** The articles of this mail, oldest first; `more` says whether there were others besides. */
  articles: Article[];
  more: boolean;
  since: Date;
  manageUrl: string;
  unsubscribeUrl: string;
  /** Queues the mail once: "news:<subscriber>:<slot>". */
  dedupeKey: string;
}

export function digestMail(site: MailSite, d: DigestInput): OutgoingMail {
  const n = d.articles.length;
  const subject = `Nieuw op ${site.name}: ${n === 1 ? '1 artikel' : `${n}${d.more ? '+' : ''} artikelen`}`;
  const intro = `Nieuw op ${site.name} sinds ${formatDateTime(d.since)}:`;
  const items = d.articles.map((a) => ({
    title: a.title,
    href: `${site.baseUrl}${articlePath(a)}`,
    meta: `${ARTICLE_KINDS[a.kind]} · ${formatDate(a.publishedAt ?? a.createdAt)} · ${reactieCountLabel(a.reactieCount)}`,
    text: excerptText(a.excerptHtml),
  }));
  const more = d.more ? `Er verscheen meer dan dit; alles staat op ${site.baseUrl}/` : null;
  const why = `Je krijgt deze e-mail omdat je je aanmeldde voor de ${d.frequency === 'daily' ? 'dagelijkse' : 'wekelijkse'} nieuwsbrief.`;
  const blocks: MailBlock[] = [
    { kind: 'p', text: intro },
    ...items.map((i) => ({ kind: 'item' as const, ...i })),
    ...(more ? [{ kind: 'p' as const, text: more }] : []),
    { kind: 'footer', text: why, link: { text: 'Vaker, minder vaak of andere artikelen', href: d.manageUrl } },
    { kind: 'footer', text: 'Geen nieuwsbrief meer?', link: { text: 'Afmelden met één klik', href: d.unsubscribeUrl } },
  ];
  return {
    to: d.to,
    subject,
    text: [
      intro,
      '',
      ...items.flatMap((i) => [i.title, i.meta, ...(i.text ? [i.text] : []), i.href, '']),
      ...(more ? [more, ''] : []),
      '--',
      why,
      `Vaker, minder vaak of andere artikelen: ${d.manageUrl}`,
      `Afmelden met één klik: ${d.unsubscribeUrl}`,
      '',
      site.name,
    ].join('\n'),
    html: mailHtml(subject, site.name, blocks),
    headers: unsubscribeHeaders(d.unsubscribeUrl),
    dedupeKey: d.dedupeKey,
  };
}
