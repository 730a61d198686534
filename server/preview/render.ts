// "Voorbeeld" as a resident sees it: the unsaved form rendered through the real article template
// (views/articles/article.ejs) as a whole page, which the editor shows in a frame at phone and
// desktop width (views/beheer/preview/frame.ejs). Nothing is stored or cached; the page says
// noindex, the frame is sandboxed (no script, no form is sent), and the reacties section only says
// where the reacties will be. The tags and dossiers typed or ticked on the form are shown as chosen, and the lead
// image chosen (or the article's own) as the article page shows it (images/figure.ts leadFigureOf).
import type { Request } from 'express';
import type { Deps } from '../deps';
import { ARTICLE_KINDS, articlePath, type Article } from '../articles/queries';
import type { ArticleFormValues } from '../articles/admin-form';
import type { RenderPreview } from '../articles/admin-save';
import { autoExcerpt } from '../articles/excerpt';
import { answerTermOf } from '../documents/answer-term';
import { cardEntries, meetingOf } from '../documents/card';
import { isoDateIn } from '../documents/dates';
import { validateDocumentForm } from '../documents/form';
import { DOCUMENT_TYPES, isDocumentType } from '../documents/types';
import { renderToString } from '../http/page-cache';
import { fromLocalInputValue } from '../shared/format';
import { renderBody, renderMarkdown } from '../shared/markdown';
import { normalizeLine } from '../shared/validation';
import { keptSettings } from '../settings/settings';
import { listAttachments } from '../attachments/queries';
import { attachmentView } from '../attachments/format';
import { dossierIdsOfArticle, listDossiersForBeheer } from '../dossiers/queries';
import { parseTagNames, tagsOfArticle } from '../tags/queries';
import { slugify } from '../shared/slug';
import { figureSource, leadFigureOf } from '../images/figure';
import { findImage } from '../images/queries';

/** The tags the form names (a new article's field), or else the article's own. */
async function tagNames(deps: Deps, req: Request, existing: Article | undefined): Promise<string[]> {
  const typed = (req.body as Record<string, unknown>).tags;
  if (typeof typed === 'string') return parseTagNames(typed);
  return existing ? (await tagsOfArticle(deps.db, existing.id)).map((t) => t.name) : [];
}

/** The dossiers the form ticked, or else the article's own, by title. */
async function dossierTitles(deps: Deps, req: Request, existing: Article | undefined): Promise<string[]> {
  const body = req.body as Record<string, unknown>;
  const raw = body.dossier;
  const ticked =
    body.dossiers_gekozen === 'ja'
      ? (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(Number)
      : existing
        ? await dossierIdsOfArticle(deps.db, existing.id)
        : [];
  const all = await listDossiersForBeheer(deps.db);
  return all.filter(({ dossier }) => ticked.includes(dossier.id)).map(({ dossier }) => dossier.title);
}

/** The lead image the form chose ("hoofdfoto"; empty is none), or else the article's own; null for none or one not a photo. */
async function leadImageOf(deps: Deps, values: ArticleFormValues, existing: Article | undefined) {
  const chosen =
    values.leadImage === null ? (existing?.leadImageId ?? null) : /^[1-9]\d{0,8}$/.test(values.leadImage) ? Number(values.leadImage) : null;
  return chosen === null ? null : findImage(deps.db, chosen);
}

export function previewRenderer(deps: Deps): RenderPreview {
  return async (req, res, values: ArticleFormValues, existing) => {
    const now = deps.clock();
    const settings = await keptSettings(deps.db);
    const kind = isDocumentType(values.kind) ? values.kind : 'nieuws';
    const document = validateDocumentForm(kind, values.document, {});
    const title = normalizeLine(values.title) || 'Titel van het artikel';
    const publishedAt = (values.publishAt ? fromLocalInputValue(values.publishAt) : null) ?? existing?.publishedAt ?? now;
    const bodyFormat = existing?.bodyFormat ?? 'markdown';
    const excerpt =
      values.excerpt.trim() || autoExcerpt({ title, kind, bodyMarkdown: values.body, bodyFormat, subject: null, firstQuestion: null });
    const base: Article = existing ?? {
      id: 0,
      slug: values.slug || slugify(title),
      title,
      kind,
      bodyMarkdown: '',
      bodyFormat,
      bodyHtml: '',
      excerptMarkdown: '',
      excerptHtml: '',
      authorName: '',
      authorId: null,
      status: 'draft',
      publishedAt,
      pinned: false,
      reactiesOpen: true,
      reactiesCloseAfterDays: null,
      reactieCount: 0,
      createdAt: now,
      updatedAt: now,
      answersAddedAt: null,
      documentDate: null,
      version: 0,
      revision: 0,
      correctionNote: null,
      correctedAt: null,
      textUpdatedAt: null,
      isPage: false,
      pageParentId: null,
      leadImageId: null,
    };
    const article: Article = {
      ...base,
      title,
      kind,
      bodyMarkdown: values.body,
      bodyHtml: renderBody(values.body, bodyFormat, { document: kind !== 'nieuws', figureOf: await figureSource(deps.db, values.body) }),
      excerptMarkdown: values.excerpt,
      excerptHtml: renderMarkdown(excerpt),
      authorName: normalizeLine(values.author),
      publishedAt,
      reactiesOpen: values.reactiesOpen,
      correctionNote: values.correction?.trim() || base.correctionNote,
      correctedAt: values.correction?.trim() ? (base.correctedAt ?? now) : base.correctedAt,
    };
    const today = isoDateIn(now);
    const documentType = DOCUMENT_TYPES[kind];
    const [tags, dossiers, attachments, leadImage] = await Promise.all([
      tagNames(deps, req, existing),
      dossierTitles(deps, req, existing),
      existing ? listAttachments(deps.db, existing.id) : Promise.resolve([]),
      leadImageOf(deps, values, existing),
    ]);
    const path = articlePath(article);
    return renderToString(res, 'articles/article', {
      title: article.title,
      description: excerpt.slice(0, 200),
      article,
      closedSince: null,
      kindLabel: ARTICLE_KINDS[kind],
      path,
      documentType: documentType.fields.length ? documentType : null,
      document,
      card: cardEntries(kind, document.fields),
      meeting: meetingOf(document.fields, today),
      answer: answerTermOf(kind, document, today, settings.documents.answerTermDays),
      pageParent: null,
      pageChildren: [],
      // Links go nowhere in the sandboxed frame; they show as they will.
      tags: tags.map((name) => ({ name, path: '#' })),
      dossiers: dossiers.map((t) => ({ title: t, path: '#' })),
      attachments: attachments.map(attachmentView),
      leadFigure: leadImage ? leadFigureOf(article, leadImage) : null,
      // The page as a resident sees it: no beheer bar, no "Uitloggen", not indexed, no reacties to act on.
      preview: true,
      noindex: true,
      user: null,
      currentPath: path,
      meta: undefined,
    });
  };
}
