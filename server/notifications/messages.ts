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
function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
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

export function moderatorDigestMail(site: MailSite, to: string, waiting: number, at: Date): OutgoingMail {
  const n = waiting === 1 ? 'Er wacht 1 reactie' : `Er wachten ${waiting.toLocaleString('nl-NL')} reacties`;
  const subject = `${n} op moderatie bij ${site.name}`;
  const queue = `${site.baseUrl}/beheer/reacties`;
  return {
    to,
    subject,
    text: [`${n} op een moderator.`, ``, `Bekijk ze: ${queue}`, ``, `${site.name}`].join('\n'),
    html: mailHtml(subject, site.name, [
      { kind: 'p', text: `${n} op een moderator.` },
      { kind: 'link', text: 'Bekijk de wachtende reacties', href: queue },
    ]),
    dedupeKey: `digest:${at.getTime()}:${to.toLowerCase()}`.slice(0, 200),
  };
}
