// The mails themselves, in Dutch: plain text, with an HTML alternative of the same words
// (mail-html.ts) in which everything a resident typed is escaped, so it never becomes markup.
import { mailHtml } from './mail-html';
import type { OutgoingMail } from './queue';
import type { Subscription } from './subscriptions';

export interface MailSite {
  name: string;
  baseUrl: string;
}

/** The List-Unsubscribe headers of RFC 2369 and RFC 8058: mail programs show an "afmelden" button. */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export function confirmationMail(site: MailSite, subs: Subscription[], articleTitle: string, confirmUrl: string): OutgoingMail {
  const what = subs.map((s) =>
    s.kind === 'replies' ? '- een e-mail als iemand op je reactie reageert' : '- een e-mail bij elke nieuwe reactie op dit artikel',
  );
  const subject = `Bevestig je e-mail over reacties bij "${articleTitle}"`;
  return {
    to: subs[0].email,
    subject,
    text: [
      `Hallo,`,
      ``,
      `Bij je reactie op ${site.name} ("${articleTitle}") vroeg je om:`,
      ...what,
      ``,
      `Klopt dat? Bevestig het met deze link (hij werkt zeven dagen):`,
      confirmUrl,
      ``,
      `Heb je hier niet om gevraagd? Dan hoef je niets te doen: zonder bevestiging sturen we niets.`,
      ``,
      `${site.name}`,
    ].join('\n'),
    html: mailHtml(subject, site.name, [
      { kind: 'p', text: 'Hallo,' },
      { kind: 'p', text: `Bij je reactie op ${site.name} ("${articleTitle}") vroeg je om:\n${what.join('\n')}` },
      { kind: 'p', text: 'Klopt dat? Bevestig het met deze link (hij werkt zeven dagen):' },
      { kind: 'link', text: 'Ja, bevestig mijn aanmelding', href: confirmUrl },
      { kind: 'p', text: `Werkt de knop niet? Open dan dit adres: ${confirmUrl}` },
      { kind: 'footer', text: 'Heb je hier niet om gevraagd? Dan hoef je niets te doen: zonder bevestiging sturen we niets.' },
    ]),
    dedupeKey: `confirm:${subs.map((s) => s.id).join(',')}`,
  };
}

export interface Announced {
  id: number;
  authorName: string;
  authorEmail: string;
  body: string;
}

/** A new reactie for one subscriber: a reply to their reactie, or a new one on the article they follow. */
export function reactieMail(
  site: MailSite,
  sub: Subscription,
  reactie: Announced,
  articleTitle: string,
  unsubscribeUrl: string,
): OutgoingMail {
  const reply = sub.kind === 'replies';
  const link = `${site.baseUrl}/reactie/${reactie.id}`;
  const subject = reply ? `${reactie.authorName} reageerde op je reactie bij "${articleTitle}"` : `Nieuwe reactie bij "${articleTitle}"`;
  const intro = reply
    ? `${reactie.authorName} reageerde op je reactie bij "${articleTitle}":`
    : `${reactie.authorName} schreef een nieuwe reactie bij "${articleTitle}":`;
  const why = reply
    ? `Je krijgt deze e-mail omdat je om antwoorden op je reactie vroeg.`
    : `Je krijgt deze e-mail omdat je dit artikel volgt.`;
  return {
    to: sub.email,
    aboutEmail: reactie.authorEmail,
    subject,
    text: [
      intro,
      ``,
      quote(reactie.body),
      ``,
      `Lees en beantwoord de reactie: ${link}`,
      ``,
      `--`,
      why,
      `Afmelden met één klik: ${unsubscribeUrl}`,
      ``,
      `${site.name}`,
    ].join('\n'),
    html: mailHtml(subject, site.name, [
      { kind: 'p', text: intro },
      { kind: 'quote', text: reactie.body },
      { kind: 'link', text: 'Lees en beantwoord de reactie', href: link },
      { kind: 'footer', text: why, link: { text: 'Afmelden met één klik', href: unsubscribeUrl } },
    ]),
    headers: unsubscribeHeaders(unsubscribeUrl),
    dedupeKey: `reactie:${reactie.id}:${sub.id}`,
  };
}

/** What the digest counts: held reacties, reported reacties, held edits, open bezwaren. */
interface DigestCounts {
  waiting: number;
  reports: number;
  heldEdits: number;
  appeals: number;
}

const count = (n: number, one: string, more: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString('nl-NL')} ${more}`);

export function moderatorDigestMail(site: MailSite, to: string, c: DigestCounts, at: Date): OutgoingMail {
  const queue = `${site.baseUrl}/beheer/reacties`;
  // One line per kind of work that waits, each with the page where it is done.
  const lines = [
    c.waiting && { text: `${count(c.waiting, 'reactie wacht', 'reacties wachten')} op goedkeuring`, href: queue },
    c.reports && { text: `${count(c.reports, 'reactie is', 'reacties zijn')} gemeld door lezers`, href: `${queue}/meldingen` },
    c.heldEdits && { text: `${count(c.heldEdits, 'wijziging wacht', 'wijzigingen wachten')} op goedkeuring`, href: `${queue}/wijzigingen` },
    c.appeals && { text: `${count(c.appeals, 'bezwaar is', 'bezwaren zijn')} nog open`, href: `${site.baseUrl}/beheer/bezwaren` },
  ].filter((l): l is { text: string; href: string } => Boolean(l));
  const subject = `Moderatie bij ${site.name}: ${lines.map((l) => l.text).join(', ')}`;
  const intro = 'Er wacht werk op een moderator:';
  return {
    to,
    subject: subject.length > 200 ? `${subject.slice(0, 199)}…` : subject,
    text: [intro, ``, ...lines.map((l) => `- ${l.text}: ${l.href}`), ``, `${site.name}`].join('\n'),
    html: mailHtml(subject, site.name, [
      { kind: 'p', text: intro },
      ...lines.map((l) => ({ kind: 'link' as const, text: `${l.text[0].toUpperCase()}${l.text.slice(1)}`, href: l.href })),
    ]),
    dedupeKey: `digest:${at.getTime()}:${to.toLowerCase()}`.slice(0, 200),
  };
}
