// The mails themselves, in Dutch: plain text, so nothing a resident typed can become markup.
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
  return {
    to: subs[0].email,
    subject: `Bevestig je e-mail over reacties bij "${articleTitle}"`,
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
  return {
    to: sub.email,
    aboutEmail: reactie.authorEmail,
    subject: reply ? `${reactie.authorName} reageerde op je reactie bij "${articleTitle}"` : `Nieuwe reactie bij "${articleTitle}"`,
    text: [
      reply
        ? `${reactie.authorName} reageerde op je reactie bij "${articleTitle}":`
        : `${reactie.authorName} schreef een nieuwe reactie bij "${articleTitle}":`,
      ``,
      quote(reactie.body),
      ``,
      `Lees en beantwoord de reactie: ${link}`,
      ``,
      `--`,
      reply ? `Je krijgt deze e-mail omdat je om antwoorden op je reactie vroeg.` : `Je krijgt deze e-mail omdat je dit artikel volgt.`,
      `Afmelden met één klik: ${unsubscribeUrl}`,
      ``,
      `${site.name}`,
    ].join('\n'),
    headers: unsubscribeHeaders(unsubscribeUrl),
    dedupeKey: `reactie:${reactie.id}:${sub.id}`,
  };
}

export function moderatorDigestMail(site: MailSite, to: string, waiting: number, at: Date): OutgoingMail {
  const n = waiting === 1 ? 'Er wacht 1 reactie' : `Er wachten ${waiting.toLocaleString('nl-NL')} reacties`;
  return {
    to,
    subject: `${n} op moderatie bij ${site.name}`,
    text: [`${n} op een moderator.`, ``, `Bekijk ze: ${site.baseUrl}/beheer/reacties`, ``, `${site.name}`].join('\n'),
    dedupeKey: `digest:${at.getTime()}:${to.toLowerCase()}`.slice(0, 200),
  };
}
