// Saving an article from the editor: preview, validate, a unique slug, store, audit.
// Shared by "new" and "edit"; the routes stay thin.
import type { Request, Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, currentUser } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { notFound } from '../http/errors';
import { formatDateTime } from '../shared/format';
import { renderBody } from '../shared/markdown';
import { figureSource } from '../images/figure';
import { findImage } from '../images/queries';
import { field, type FieldErrors } from '../shared/validation';
import { fieldName, questionRows } from '../documents/form';
import { DOCUMENT_TYPES } from '../documents/types';
import { diffSection, type DiffSection } from '../shared/word-diff';
import type { User } from '../accounts/users';
import { openedRevisionOf, readArticleForm, validateArticleForm, ARTICLE_LIMITS, type ArticleFormValues } from './admin-form';
import {
  ARTICLE_KINDS,
  articlePath,
  createArticle,
  isPublic,
  isScheduled,
  saveArticle,
  slugTaken,
  uniqueSlug,
  type Article,
  type ArticleInput,
  type InSave,
} from './queries';
import type { Review } from './import-review';
import { reviewFromForm, SOURCE_TEXT_FIELD, sourceToKeep } from './import-recognise';
import { hasDocumentSource, loadDocumentSource, type DocumentSource } from '../documents/queries';

export interface EditorState {
  article?: Article;
  values: ArticleFormValues;
  errors: FieldErrors;
  previewHtml?: string;
  /** Filled in by the paste-import: the editor checks it before saving. */
  imported?: boolean;
  /** What the paste-import could not settle ("7 vragen gevonden, maar 1 antwoord: …"), shown above the form. */
  importWarnings?: string[];
  /** The paste-import's review step: what was recognised, line by line, to correct. */
  review?: Review;
  /** The article was saved from an import and keeps its source: it can be recognised again. */
  canRecognise?: boolean;
  /** Someone else saved the article after this form was opened: what they saved, against what the editor typed. */
  conflict?: Conflict;
  /** A sentence above the form (an autosaved draft put back). */
  notice?: string;
  /** The preview as a resident would see it: a whole page, shown in a frame at phone and desktop width. */
  previewPage?: string;
}

export interface Conflict {
  revision: number;
  at: Date;
  sections: DiffSection[];
}

/** Keeps a revision of every save from the editor, in the save's transaction (revisions/ gives it). */
export type KeepRevision = (by: User) => InSave;

/** Why this account may not give the article the status asked for (reviews/ decides), or null. */
export type CheckStatus = (res: Response, input: ArticleInput, existing: Article | undefined) => Promise<string | null>;

/**
 * More of an article than its own columns, set on the editor's form (tags, dossiers; tags/ and
 * dossiers/ give them): its fields are checked with the form's, and stored in the save's
 * transaction before its revision is kept. A form without its fields leaves it as it is.
 */
export interface EditorPart {
  check: (req: Request) => Promise<FieldErrors>;
  store: (req: Request) => InSave;
}

export interface EditorHooks {
  afterCreate?: AfterCreate;
  keepRevision?: KeepRevision;
  checkStatus?: CheckStatus;
  parts?: EditorPart[];
  /** The unsaved form as a resident would see the article: a whole page, for the preview's frame (preview/). */
  preview?: RenderPreview;
}

export type RenderPreview = (req: Request, res: Response, values: ArticleFormValues, existing: Article | undefined) => Promise<string>;

export function renderEditor(deps: Deps, res: Response, status: number, s: EditorState): void {
  res.status(status).render('beheer/articles/form', {
    title: s.article ? `Bewerken: ${s.article.title}` : 'Nieuw artikel',
    bodyClass: 'beheer',
    article: s.article ?? null,
    publicPath: s.article && isPublic(s.article, deps.clock()) ? articlePath(s.article) : null,
    values: s.values,
    errors: s.errors,
    previewHtml: s.previewHtml ?? null,
    previewPage: s.previewPage ?? null,
    imported: s.imported ?? false,
    importWarnings: s.importWarnings ?? [],
    review: s.review ?? null,
    canRecognise: s.canRecognise ?? false,
    conflict: s.conflict ?? null,
    notice: s.notice ?? null,
    // The correction note is for an article readers have seen.
    offersCorrection: Boolean(s.article && isPublic(s.article, deps.clock())),
    kinds: ARTICLE_KINDS,
    limits: ARTICLE_LIMITS,
    documentTypes: Object.values(DOCUMENT_TYPES).filter((t) => t.fields.length > 0),
    docField: fieldName,
    questionRows: questionRows(s.values.document),
  });
}

/**
 * Runs after a new article is stored, before the editor is redirected to it (attachments/ keeps an
 * imported PDF with it); returns a sentence for the flash message, or null.
 */
export type AfterCreate = (req: Request, res: Response, article: Article) => Promise<string | null>;

function savedMessage(a: Article, now: Date): string {
  if (a.status === 'review') return 'Artikel opgeslagen en ter beoordeling aangeboden.';
  if (isScheduled(a, now)) return `Artikel opgeslagen en gepland voor ${formatDateTime(a.publishedAt!)}.`;
  return isPublic(a, now) ? 'Artikel opgeslagen en gepubliceerd.' : 'Artikel opgeslagen als concept.';
}

/**
 * The text a form in the review step was recognised from: a new article's form carries it
 * (bron_tekst), an article saved from an import keeps it. Null when the form is no review's.
 */
async function reviewedText(deps: Deps, body: Record<string, unknown>, existing?: Article): Promise<string | null> {
  if (typeof body.herkend !== 'string') return null;
  const text = existing
    ? ((await loadDocumentSource(deps.db, existing.id))?.text ?? '')
    : field(body, SOURCE_TEXT_FIELD).replace(/\r\n?/g, '\n');
  return text.trim() ? text : null;
}

/** What the other editor saved against what this one typed: title, summary and text. */
function conflictOf(current: Article, values: ArticleFormValues): Conflict {
  const sections = [
    diffSection('Titel', current.title, values.title),
    diffSection('Samenvatting', current.excerptMarkdown, values.excerpt),
    diffSection('Tekst', current.bodyMarkdown, values.body.replace(/\r\n?/g, '\n')),
  ];
  return { revision: current.revision, at: current.updatedAt, sections };
}

export async function saveFromEditor(deps: Deps, req: Request, res: Response, existing?: Article, hooks: EditorHooks = {}): Promise<void> {
  const body = req.body as Record<string, unknown>;
  const values = readArticleForm(body);
  const text = await reviewedText(deps, body, existing);
  // A preview or a form with errors keeps the review as the editor left it, with its warnings; without a review, an
  // article saved from an import keeps its "Opnieuw herkennen".
  let reviewed: ReturnType<typeof reviewFromForm> | null | undefined;
  const review = () => (reviewed ??= text === null ? null : reviewFromForm(body, text, !existing));
  const again = async (status: number, s: Pick<EditorState, 'errors' | 'previewHtml' | 'previewPage' | 'conflict'>) => {
    const shown = review();
    const canRecognise = !shown && existing ? await hasDocumentSource(deps.db, existing.id) : false;
    renderEditor(deps, res, status, {
      ...s,
      article: existing,
      values,
      canRecognise,
      ...(shown ? { review: shown.review, importWarnings: shown.warnings } : {}),
    });
  };
  // "Overnemen" beside a suggestion, without JavaScript: the form again with that field filled in by the suggestion
  // of the recognition the review shows (read again from the text, never from the button), nothing saved.
  const takeOver = /^overnemen:(.{1,100})$/.exec(field(body, 'actie'));
  if (takeOver) {
    const offered = review()?.review.suggestions.find((s) => s.name === takeOver[1]);
    if (!offered) return again(422, { errors: { [takeOver[1]]: 'Voor dit veld is er geen voorstel (meer). Vul het zelf in.' } });
    values.document.fields[offered.name] = offered.value;
    return again(200, { errors: {} });
  }
  if (field(body, 'actie') === 'voorbeeld') {
    // A preview is never kept by a search engine (nor by a cache: beheer is no-store).
    res.set('X-Robots-Tag', 'noindex');
    const previewPage = hooks.preview ? await hooks.preview(req, res, values, existing) : undefined;
    return again(200, {
      errors: {},
      previewHtml: renderBody(values.body, existing?.bodyFormat ?? 'markdown', { figureOf: await figureSource(deps.db, values.body) }),
      previewPage,
    });
  }
  const { input, slugGiven, errors } = validateArticleForm(values);
  if (input && slugGiven && (await slugTaken(deps.db, input.slug, existing?.id)))
    errors.slug = 'Deze slug is al in gebruik bij een ander artikel; kies een andere.';
  if (input?.leadImageId && !(await findImage(deps.db, input.leadImageId)))
    errors.hoofdfoto = 'Deze foto bestaat niet (meer). Kies een andere hoofdfoto, of geen.';
  const refused = input && hooks.checkStatus ? await hooks.checkStatus(res, input, existing) : null;
  if (refused) errors.status = refused;
  for (const part of hooks.parts ?? []) Object.assign(errors, await part.check(req));
  if (!input || Object.keys(errors).length) return again(422, { errors });
  // An imported article stays HTML: the editor shows and saves it as it was stored.
  if (existing) input.bodyFormat = existing.bodyFormat;
  // Saved from the review step: the source and the corrections stay with the article; a form edited by hand leaves them as they are.
  const source: DocumentSource | null = text === null ? null : sourceToKeep(body, text);
  if (source) input.source = source;
  if (!slugGiven)
    input.slug = existing && existing.title === input.title ? existing.slug : await uniqueSlug(deps.db, input.slug, existing?.id);
  const now = deps.clock();
  const keep = hooks.keepRevision?.(currentUser(res));
  const parts = (hooks.parts ?? []).map((p) => p.store(req));
  const inSave: InSave | undefined =
    keep || parts.length
      ? async (trx, article) => {
          for (const store of parts) await store(trx, article);
          await keep?.(trx, article);
        }
      : undefined;
  const result = existing
    ? await saveArticle(deps.db, existing.id, input, now, { openedAt: openedRevisionOf(values), inSave })
    : { ok: true as const, article: await createArticle(deps.db, input, currentUser(res).id, now, inSave) };
  if (!result) throw notFound('Dit artikel bestaat niet (meer).');
  if (!result.ok) {
    // Nothing is written: the editor keeps the text typed, sees what the other saved, and may save again on purpose.
    const conflict = conflictOf(result.current, values);
    values.openedRevision = String(result.current.revision);
    return again(409, { errors: {}, conflict });
  }
  const saved = result.article;
  await audit(
    deps.db,
    currentActor(res),
    existing ? 'article.update' : 'article.create',
    { type: 'article', id: saved.id },
    saved.title.slice(0, 200),
  );
  const note = !existing && hooks.afterCreate ? await hooks.afterCreate(req, res, saved) : null;
  req.session.flash = note ? `${savedMessage(saved, now)} ${note}` : savedMessage(saved, now);
  res.redirect(303, `/beheer/artikelen/${saved.id}`);
}
