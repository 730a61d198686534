// The mail to an article's author when a reviewer decided: sent back with the note, or published
// (or scheduled) after review. In Dutch, plain text with the same words as HTML (notifications/
// mail-html.ts escapes the note); a link to the editor. Pure: the route queues it with the save.
import { mailHtml, type MailBlock } from '../notifications/mail-html';
import type { MailSite } from '../notifications/messages';
import type { OutgoingMail } from '../notifications/queue';
import { formatDateTime } from '../shared/format';

export type ReviewOutcome =
  | { kind: 'returned'; note: string }
  | { kind: 'published'; publicPath: string }
  | { kind: 'scheduled'; publishAt: Date; publicPath: string };

export interface ReviewMailInput {
  to: string;
  article: { id: number; title: string; revision: number };
  reviewer: string;
  outcome: ReviewOutcome;
}

const SUBJECT_TITLE_MAX = 150;

export function reviewMail(site: MailSite, m: ReviewMailInput): OutgoingMail {
  const title = m.article.title.length > SUBJECT_TITLE_MAX ? `${m.article.title.slice(0, SUBJECT_TITLE_MAX - 1)}…` : m.article.title;
  const editorUrl = `${site.baseUrl}/beheer/artikelen/${m.article.id}`;
  const o = m.outcome;
  const subject =
    o.kind === 'returned'
      ? `Je artikel „${title}” is teruggestuurd`
      : o.kind === 'published'
        ? `Je artikel „${title}” is gepubliceerd`
        : `Je artikel „${title}” is goedgekeurd en gepland`;
  const blocks: MailBlock[] =
    o.kind === 'returned'
      ? [
          { kind: 'p', text: `${m.reviewer} heeft je artikel „${m.article.title}” teruggestuurd, met deze opmerking:` },
          { kind: 'quote', text: o.note },
          { kind: 'p', text: 'Pas het artikel aan en bied het daarna opnieuw ter beoordeling aan.' },
          { kind: 'link', text: 'Naar het artikel in de editor', href: editorUrl },
        ]
      : [
          {
            kind: 'p',
            text:
              o.kind === 'published'
                ? `${m.reviewer} heeft je artikel „${m.article.title}” na beoordeling gepubliceerd.`
                : `${m.reviewer} heeft je artikel „${m.article.title}” goedgekeurd. Het verschijnt op ${formatDateTime(o.publishAt)}.`,
          },
          ...(o.kind === 'published'
            ? [{ kind: 'link' as const, text: 'Het artikel op de weblog', href: `${site.baseUrl}${o.publicPath}` }]
            : []),
          { kind: 'link', text: 'Naar het artikel in de editor', href: editorUrl },
        ];
  const text = blocks
    .map((b) =>
      b.kind === 'link'
        ? `${b.text}: ${b.href}`
        : b.kind === 'quote'
          ? b.text
              .split('\n')
              .map((line) => `> ${line}`)
              .join('\n')
          : 'text' in b
            ? b.text
            : '',
    )
    .join('\n\n');
  return {
    to: m.to,
    subject,
    text: `${text}\n\n${site.name}`,
    html: mailHtml(subject, site.name, blocks),
    dedupeKey: `review:${m.article.id}:${m.article.revision}:${o.kind}`,
  };
}
