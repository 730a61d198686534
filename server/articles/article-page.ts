// An article page: the article with its reacties section. Rendered when a reader opens the page,
// and when a posted reactie comes back with an error (the section then carries the form's state).
import { templateOptionsFor } from '../http/partials';
import type { Request, Response } from 'express';
import type { Deps } from '../deps';
import { loadDeferredLocals, loadLocalsBeforeReads } from '../http/deferred-locals';
import { renderToString, sendHtml } from '../http/page-cache';
import { officialRoles, staffOf } from '../reacties/posting/official';
import { reactieFormPurpose, reactieSection, type SectionOptions } from '../reacties/thread/section';
import { CONFIRMATION_ALREADY_SENT } from '../reacties/posting/submit';
import { renderThread } from '../reacties/thread/thread-view';
import { DEFAULT_VOLGORDE, keptVolgorde, VOLGORDE_LABELS, VOLGORDES } from '../reacties/thread/volgorde';
import { WAARDERING_FORM_ID, waarderingFormPurpose } from '../reacties/thread/waardering';
import { featuredOf } from '../reacties/thread/featured';
import { can } from '../accounts/roles';
import { keptSettings } from '../settings/settings';
import { answerTermOf } from '../documents/answer-term';
import { cardEntries, meetingOf } from '../documents/card';
import { addDays, isoDateIn } from '../documents/dates';
import { fromLocalInputValue } from '../shared/format';
import { DOCUMENT_TYPES } from '../documents/types';
import { withOpenness } from './closing';
import { ARTICLE_KINDS, articlePath, documentsOf, pageFamily, type Article } from './queries';

// Form tokens hold for 7 days (http/form-token.ts): a kept page is rendered afresh a day before that.
const WAARDERING_TOKEN_KEEP_MS = 6 * 24 * 60 * 60 * 1000;

export async function renderArticlePage(
  deps: Deps,
  req: Request,
  res: Response,
  stored: Article,
  opts: SectionOptions = {},
): Promise<void> {
  // The live position (a POST's, deferred) before any read of the page's.
  await loadLocalsBeforeReads(res);
  const settings = await keptSettings(deps.db);
  const now = deps.clock();
  // Closed by time is asked now: the stored switch says nothing about the days that passed.
  const article = withOpenness(stored, settings, now);
  const staff = staffOf(res);
  // A page sent back with the reactie form's error keeps the reader's order too.
  const sectionOptions = { ...opts, staff, officialRoles: officialRoles(settings), volgorde: opts.volgorde ?? keptVolgorde(req) };
  const [section, documents, featured, family] = await Promise.all([
    reactieSection(deps, req, article, sectionOptions),
    documentsOf(deps.db, [article]),
    featuredOf(deps.db, article.id),
    pageFamily(deps.db, article, now),
    loadDeferredLocals(res),
  ]);
  const documentType = DOCUMENT_TYPES[article.kind];
  const document = documents.get(article.id);
  const today = isoDateIn(now);
  const meeting = document ? meetingOf(document.fields, today) : null;
  const answer = document ? answerTermOf(article.kind, document, today, settings.documents.answerTermDays) : null;
  // What the card says of a meeting to come or questions still waiting changes with the date: a
  // kept copy of the page holds until midnight.
  const changesWithDate = Boolean((meeting?.date && meeting.date > today) || (answer && !answer.answered && answer.submitted));
  const dayEnds = changesWithDate ? (fromLocalInputValue(`${addDays(today, 1)}T00:00`)?.getTime() ?? Infinity) : Infinity;
  const path = articlePath(article);
  const threadOptions = {
    path,
    open: article.reactiesOpen,
    replyTo: section.replyTo,
    target: opts.target ?? null,
    editable: section.editable,
    // Only under this reader's own new reactie (one they may still edit): a link cannot put it under another's.
    notice:
      opts.confirmationSentFor != null && section.editable.has(opts.confirmationSentFor)
        ? { id: opts.confirmationSentFor, text: CONFIRMATION_ALREADY_SENT }
        : null,
    waardering: { formId: WAARDERING_FORM_ID, appreciated: section.appreciated, placed: section.placed },
    // Editors and moderators feature a reactie from here (the session's CSRF token; their page is never kept).
    feature: res.locals.user && can(res.locals.user.role, 'featuring') && res.locals.csrfToken ? { csrf: res.locals.csrfToken } : null,
    templates: templateOptionsFor(deps.config.env),
  };
  // One token for every "Waarderen" button on the page, made with it; a kept copy is dropped before it expires.
  const waarderingToken = deps.formTokens.issue(waarderingFormPurpose(article), now.getTime());
  const tokenEnds = now.getTime() + WAARDERING_TOKEN_KEEP_MS;
  // The links of the sorting choice and of the pages carry the order only when it is not the default.
  const volgordeQuery = section.volgorde === DEFAULT_VOLGORDE ? '' : `&volgorde=${section.volgorde}`;
  res.status(opts.status ?? 200);
  const html = await renderToString(res, 'articles/article', {
    title: article.title,
    description: article.excerptMarkdown.slice(0, 200) || undefined,
    article,
    closedSince: article.openness.closedSince,
    kindLabel: ARTICLE_KINDS[article.kind],
    path,
    documentType: documentType.fields.length ? documentType : null,
    document,
    card: document ? cardEntries(article.kind, document.fields) : [],
    meeting,
    answer,
    ...section,
    volgordeQuery,
    featured,
    // A page moved in from WordPress: the page it is part of, and the pages under it.
    pageParent: family.parent,
    pageChildren: family.children,
    // The page asked for stays when the order changes.
    volgordeBase: opts.page !== undefined ? `?reacties=${opts.page}&` : '?',
    volgordes: VOLGORDES.map((value) => ({ value, label: VOLGORDE_LABELS[value], current: value === section.volgorde })),
    waarderingForm: { id: WAARDERING_FORM_ID, token: waarderingToken },
    threadHtml: (replyFormHtml: string) => renderThread(section.thread, { ...threadOptions, replyFormHtml }),
  });
  // The form's token is made per response; a cached copy gets a fresh one in its place.
  const hole = article.reactiesOpen ? { purpose: reactieFormPurpose(article), value: section.formToken } : null;
  // A kept copy with the form must not outlive the moment reacties close by themselves.
  sendHtml(req, res, html, hole, Math.min(article.openness.closesAt?.getTime() ?? Infinity, dayEnds, tokenEnds));
}
