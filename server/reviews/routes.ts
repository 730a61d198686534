// "Ter beoordeling": an editor who may not publish directly offers an article for review; a reviewer
// (permission 'reviewing') publishes it, schedules it, or sends it back with a note. articles/ knows
// nothing of this: the editor's hooks (checkStatus, keepRevision) and res.locals.reviewSection come
// from here. Every step is a save of the article: counted, kept as a revision, in the audit log.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Knex } from 'knex';
import type { Deps } from '../deps';
import { actorOf, currentUser, requirePermission } from '../accounts/auth';
import { contactOf, type User } from '../accounts/users';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { fromLocalInputValue, formatDateTime } from '../shared/format';
import { checkMultiLine, field, parseId, type FieldErrors } from '../shared/validation';
import { loadSettings } from '../settings/settings';
import { mailEnabled } from '../config';
import { enqueueMail } from '../notifications/queue';
import { articleToForm } from '../articles/admin-form';
import { articleOfRequest } from '../articles/admin-routes';
import { renderEditor, type CheckStatus, type KeepRevision } from '../articles/admin-save';
import {
  ARTICLE_KINDS,
  articleAsInput,
  articlePath,
  documentsOf,
  isPublic,
  isScheduled,
  listArticlesForBeheer,
  saveArticle,
  countInReview,
  type Article,
} from '../articles/queries';
import { addToSummary, keepRevision } from '../revisions/queries';
import { clearReview, findReview, markRequested, markReturned, returnedReviews, reviewsOf, type Person, type Review } from './queries';
import { reviewMail, type ReviewOutcome } from './mail';
import { publishesDirectly, reviews, statusRefusal } from './rules';

const PER_PAGE = 30;
/** The reviewer's note to the author. */
const NOTE_MAX = 2000;

/** What the editor shows about review (views/beheer/reviews/*.ejs). */
export interface ReviewSection {
  /** This account publishes without review. */
  direct: boolean;
  /** This account reviews the others' articles. */
  reviewer: boolean;
  review: Review | null;
  /** The reviewer's form after a refusal: the message, the field it is about (if one), the note and the time as typed. */
  error: string | null;
  errorField?: 'notitie' | 'publiceren_om';
  note: string;
  publishAt: string | null;
}

async function publishesDirectlyNow(deps: Deps, user: User): Promise<boolean> {
  const settings = await loadSettings(deps.db);
  return publishesDirectly(user.role, settings.articles.directPublish);
}

async function sectionFor(deps: Deps, user: User, articleId: number | null): Promise<ReviewSection> {
  return {
    direct: await publishesDirectlyNow(deps, user),
    reviewer: reviews(user.role),
    review: articleId === null ? null : await findReview(deps.db, articleId),
    error: null,
    note: '',
    publishAt: null,
  };
}

/** The editor's status check: who needs review cannot publish, not even by a POST of their own making. */
export function checkReviewStatus(deps: Deps): CheckStatus {
  return async (res, input, existing) => {
    const now = deps.clock();
    const before = existing && { status: existing.status, publishedAt: existing.publishedAt, public: isPublic(existing, now) };
    const direct = await publishesDirectlyNow(deps, currentUser(res));
    return statusRefusal({ direct, wanted: input.status, publishedAt: input.publishedAt, now }, before);
  };
}

/**
 * The author's mail about the reviewer's decision, queued in the save's transaction (sent by the mail
 * queue's worker): not when the reviewer is the author, nor on a site that sends no mail.
 */
async function queueAuthorMail(
  deps: Deps,
  trx: Knex.Transaction,
  review: Review | null,
  reviewer: Person,
  article: Article,
  outcome: ReviewOutcome,
): Promise<void> {
  if (!review || review.requestedById === null || review.requestedById === reviewer.id || !mailEnabled(deps.config)) return;
  const author = await contactOf(trx, review.requestedById);
  if (!author) return;
  const site = { name: deps.config.siteName, baseUrl: deps.config.baseUrl };
  const mail = reviewMail(site, { to: author.email, article, reviewer: reviewer.name, outcome });
  await enqueueMail(trx, mail, deps.clock());
}

/** Published after review: now, or at a time to come. */
const publishedOutcome = (article: Article, now: Date): ReviewOutcome =>
  isScheduled(article, now)
    ? { kind: 'scheduled', publishAt: article.publishedAt!, publicPath: articlePath(article) }
    : { kind: 'published', publicPath: articlePath(article) };

/**
 * A save from the editor, and what it means for the review: offered (again), published by a
 * reviewer from the editor itself, or taken back to concept by its author. In the save's
 * transaction, after its revision is kept: the revision's summary says it, and the audit log.
 */
export function withReviewSteps(deps: Deps, keep: KeepRevision): KeepRevision {
  return (user) => {
    const inSave = keep(user);
    return async (trx, article) => {
      await inSave(trx, article);
      const review = await findReview(trx, article.id);
      const subject = { type: 'article', id: article.id };
      const title = article.title.slice(0, 200);
      const note = (text: string) => addToSummary(trx, article.id, article.revision, text);
      if (article.status === 'review' && (!review || review.returned)) {
        await markRequested(trx, article.id, user, deps.clock());
        await note('ter beoordeling aangeboden');
        await audit(trx, actorOf(user), 'article.review-request', subject, title);
      } else if (article.status === 'published' && review) {
        await clearReview(trx, article.id);
        if (review.returned) return;
        await note(`na beoordeling gepubliceerd door ${user.name}`);
        await audit(trx, actorOf(user), 'article.review-publish', subject, title);
        await queueAuthorMail(deps, trx, review, user, article, publishedOutcome(article, deps.clock()));
      } else if (article.status === 'draft' && review && !review.returned) {
        await clearReview(trx, article.id);
        await note('teruggenomen uit de beoordeling');
        await audit(trx, actorOf(user), 'article.review-withdraw', subject, title);
      }
    };
  };
}

export function reviewRoutes(deps: Deps): Router {
  const router = Router();

  // The editor, shown by GET and sent back with errors by POST: what it shows about review.
  const locals: RequestHandler = async (req, res, next) => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'POST') || !res.locals.can?.('articles')) return next();
    // A new article's form: /nieuw, and the form "Document importeren" fills in.
    const isNew = req.params.id === 'nieuw' || req.params.id === 'importeren';
    const id = req.params.id === undefined || isNew ? null : parseId(String(req.params.id));
    if (req.params.id !== undefined && !isNew && id === null) return next();
    // POST /beheer/artikelen saves a new article; GET /beheer/artikelen is the list (below).
    if (req.params.id === undefined && req.method !== 'POST') return next();
    res.locals.reviewSection = await sectionFor(deps, currentUser(res), id);
    next();
  };
  router.use('/beheer/artikelen/:id', locals);
  router.use('/beheer/artikelen', locals);

  // The list's tabs: all articles, and those waiting for review with who asked and when.
  router.get('/beheer/artikelen', noStore, requirePermission('articles'), async (req, res, next) => {
    res.locals.reviewCount = await countInReview(deps.db);
    if (req.query.status !== 'ter-beoordeling') {
      // The notes of articles sent back, for their authors in the list (few: only articles in a review round).
      res.locals.returnedReviews = await returnedReviews(deps.db);
      return next();
    }
    const page = typeof req.query.pagina === 'string' ? (parseId(req.query.pagina) ?? 1) : 1;
    const { articles, total } = await listArticlesForBeheer(deps.db, page, PER_PAGE, 'review');
    const byArticle = await reviewsOf(
      deps.db,
      articles.map((a) => a.id),
    );
    res.render('beheer/reviews/list', {
      title: 'Ter beoordeling',
      bodyClass: 'beheer',
      rows: articles.map((a) => ({ article: a, kindLabel: ARTICLE_KINDS[a.kind], review: byArticle.get(a.id) ?? null })),
      page,
      pages: Math.max(1, Math.ceil(total / PER_PAGE)),
    });
  });

  const guard: RequestHandler[] = [noStore, requirePermission('reviewing')];

  /** The editor again, with the reviewer's form as typed and what is wrong with it. */
  const refuse = async (
    res: Response,
    status: number,
    article: Article,
    error: string,
    typed: { note: string; publishAt: string },
    errorField?: ReviewSection['errorField'],
  ) => {
    const document = (await documentsOf(deps.db, [article])).get(article.id);
    res.locals.reviewSection = { ...(await sectionFor(deps, currentUser(res), article.id)), error, errorField, ...typed };
    renderEditor(deps, res, status, { article, values: articleToForm(article, document), errors: {} });
  };

  router.post('/beheer/artikelen/:id/beoordeling', ...guard, async (req: Request, res) => {
    const article = await articleOfRequest(deps.db, req);
    const user = currentUser(res);
    const action = field(req.body, 'actie');
    const typed = { note: field(req.body, 'notitie'), publishAt: field(req.body, 'publiceren_om').trim() };
    if (article.status !== 'review')
      return refuse(res, 409, article, 'Dit artikel wacht niet (meer) op beoordeling: iemand anders heeft het al behandeld.', typed);
    const opened = /^\d{1,9}$/.test(field(req.body, 'versie')) ? Number(field(req.body, 'versie')) : article.revision;
    const errors: FieldErrors = {};
    let publishedAt: Date | null = null;
    let note = '';
    if (action === 'publiceren') {
      publishedAt = typed.publishAt === '' ? null : fromLocalInputValue(typed.publishAt);
      if (typed.publishAt !== '' && publishedAt === null)
        errors.publiceren_om = 'Vul een geldige publicatietijd in, bijvoorbeeld 27-05-2015 14:00, of laat het veld leeg voor nu.';
    } else if (action === 'terugsturen') {
      note = checkMultiLine(errors, 'notitie', typed.note, { label: 'De opmerking voor de auteur', required: true, max: NOTE_MAX });
    } else errors.actie = 'Kies publiceren of terugsturen.';
    const [errorField, error] = Object.entries(errors)[0] ?? [];
    if (error)
      return refuse(res, 422, article, error, typed, errorField === 'actie' ? undefined : (errorField as ReviewSection['errorField']));

    const now = deps.clock();
    const document = (await documentsOf(deps.db, [article])).get(article.id);
    const input = { ...articleAsInput(article, document), status: action === 'publiceren' ? ('published' as const) : ('draft' as const) };
    if (action === 'publiceren') input.publishedAt = publishedAt;
    const scheduled = publishedAt !== null && publishedAt.getTime() > now.getTime();
    const summary =
      action === 'terugsturen'
        ? `Teruggestuurd door ${user.name}: ${note.length > 200 ? `${note.slice(0, 200)}…` : note}`
        : scheduled
          ? `Na beoordeling gepland door ${user.name} voor ${formatDateTime(publishedAt!)}`
          : `Na beoordeling gepubliceerd door ${user.name}`;
    const keep = keepRevision({ id: user.id, name: user.name }, deps.clock, () => summary);
    const result = await saveArticle(deps.db, article.id, input, now, {
      openedAt: opened,
      inSave: async (trx, saved) => {
        const review = await findReview(trx, saved.id);
        await keep(trx, saved);
        if (action === 'terugsturen') await markReturned(trx, saved.id, user, now, note);
        else await clearReview(trx, saved.id);
        const subject = { type: 'article', id: saved.id };
        if (action === 'terugsturen') await audit(trx, actorOf(user), 'article.review-return', subject, note.slice(0, 500));
        else await audit(trx, actorOf(user), 'article.review-publish', subject, saved.title.slice(0, 200));
        await queueAuthorMail(
          deps,
          trx,
          review,
          user,
          saved,
          action === 'terugsturen' ? { kind: 'returned', note } : publishedOutcome(saved, now),
        );
      },
    });
    if (!result || !result.ok) {
      const current = result ? result.current : article;
      return refuse(
        res,
        409,
        current,
        'Het artikel is opnieuw opgeslagen nadat je het opende. Lees de nieuwe versie en beslis dan opnieuw.',
        typed,
      );
    }
    const saved = result.article;
    req.session.flash =
      action === 'terugsturen'
        ? 'Het artikel is teruggestuurd naar de auteur, met je opmerking.'
        : isScheduled(saved, now)
          ? `Het artikel is goedgekeurd en gepland voor ${formatDateTime(saved.publishedAt!)}.`
          : 'Het artikel is goedgekeurd en gepubliceerd.';
    res.redirect(303, `/beheer/artikelen/${saved.id}`);
  });

  return router;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** What the article editor shows about review (views/beheer/reviews/*.ejs). */
      reviewSection?: ReviewSection;
      /** How many articles wait for review: the tab of the article list. */
      reviewCount?: number;
      /** Articles sent back, with the reviewer's note: shown in the article list. */
      returnedReviews?: Map<number, Review>;
    }
  }
}
