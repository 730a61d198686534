// What the open-data API says of each thing: public fields only, absolute URLs, ISO dates. Never a
// commenter's e-mail address, IP address or browser: reacties are read through PublicReactie.
import type { Article } from '../articles/queries';
import { ARTICLE_KINDS, articlePath } from '../articles/queries';
import type { AttachmentView } from '../attachments/format';
import { answerTermOf } from '../documents/answer-term';
import { meetingOf, sourceName } from '../documents/card';
import type { DocumentData } from '../documents/queries';
import type { Dossier } from '../dossiers/queries';
import type { PublicReactie } from '../reacties/queries';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a document's derived parts depend on: the date in Amsterdam and the answer term of the settings. */
export interface DocumentContext {
  today: string;
  answerTermDays: number;
}

/** A council document's parts beyond its fields: its date, source, meeting and answer term, as the page shows them. */
function documentParts(a: Article, doc: DocumentData, ctx: DocumentContext) {
  const bron = typeof doc.fields.bron === 'string' ? doc.fields.bron : null;
  const meeting = meetingOf(doc.fields, ctx.today);
  const term = answerTermOf(a.kind, doc, ctx.today, ctx.answerTermDays);
  return {
    // The date /documenten lists it under: its datum, or else the day it was published.
    document_date: a.documentDate,
    source: bron ? { url: bron, name: sourceName(bron) } : null,
    meeting: meeting ? { name: meeting.name, date: meeting.date, agenda_item: meeting.agendaItem, text: meeting.text } : null,
    ...(term
      ? {
          answer_term: {
            submitted: term.submitted,
            deadline: term.deadline,
            answered: term.answered,
            days_late: term.daysLate,
            text: term.sentences.map((s) => s.text).join(' '),
          },
        }
      : {}),
  };
}

export function articleJson(base: string, a: Article, doc: DocumentData | undefined, ctx: DocumentContext) {
  return {
    id: a.id,
    type: a.kind,
    type_label: ARTICLE_KINDS[a.kind],
    title: a.title,
    url: `${base}${articlePath(a)}`,
    published_at: iso(a.publishedAt),
    updated_at: iso(a.updatedAt),
    author: a.authorName,
    excerpt_html: a.excerptHtml,
    body_html: a.bodyHtml,
    reactie_count: a.reactieCount,
    reacties_open: a.reactiesOpen,
    reacties: `${base}/api/v1/artikelen/${a.id}/reacties`,
    ...(a.kind === 'nieuws'
      ? {}
      : {
          fields: doc?.fields ?? {},
          questions: (doc?.questions ?? []).map((q) => ({
            number: q.number,
            label: q.label ?? null,
            question: q.question,
            answer: q.answer,
          })),
          answers_added_at: iso(a.answersAddedAt),
          ...documentParts(a, doc ?? { fields: {}, questions: [] }, ctx),
        }),
  };
}

export function attachmentJson(base: string, a: AttachmentView) {
  return { title: a.title, details: a.details, url: `${base}${a.url}` };
}

export function dossierJson(base: string, d: Dossier, articleCount: number) {
  return {
    slug: d.slug,
    title: d.title,
    url: `${base}/dossiers/${d.slug}`,
    intro_html: d.introHtml,
    article_count: articleCount,
    articles: `${base}/api/v1/dossiers/${d.slug}/artikelen`,
  };
}

export function reactieJson(base: string, r: PublicReactie) {
  return {
    id: r.id,
    article_id: r.articleId,
    parent_id: r.parentId,
    author: r.authorName,
    author_url: r.authorUrl,
    created_at: r.createdAt.toISOString(),
    text: r.body,
    html: r.bodyHtml,
    url: `${base}/reactie/${r.id}`,
    waarderingen: r.waarderingen,
    // "Uitgelicht door de redactie".
    featured: r.featured,
  };
}
