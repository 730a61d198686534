// The article editor's form: what an editor typed, checked, and turned into an ArticleInput.
import { fromLocalInputValue, toLocalInputValue } from '../shared/format';
import { isValidSlug, slugify } from '../shared/slug';
import { COLUMN_LIMITS } from '../db/limits';
import { checkLine, checkMultiLine, field, normalizeLine, type FieldErrors } from '../shared/validation';
import { documentToForm, readDocumentForm, validateDocumentForm, type DocumentFormValues } from '../documents/form';
import type { DocumentData } from '../documents/queries';
import { isDocumentType } from '../documents/types';
import type { Article, ArticleInput } from './queries';

// Title, slug and author are single lines, text and excerpt keep their line breaks (as LF); each is
// checked as it will be stored, in the unit the database counts (server/db/limits.ts).
export const ARTICLE_LIMITS = {
  title: COLUMN_LIMITS.articles.title,
  slug: 80, // isValidSlug's maximum; the column (120) leaves room for uniqueSlug's "-2", "-3", …
  author: COLUMN_LIMITS.articles.author_name,
  body: 200_000, // text columns: the form's own maxima
  excerpt: 2000,
  correction: 2000,
} as const;

// The same bound as the site's setting reacties.closeAfterDays (settings/schema.ts).
const MAX_CLOSE_AFTER_DAYS = 3650;

export interface ArticleFormValues {
  title: string;
  slug: string;
  kind: string;
  body: string;
  excerpt: string;
  author: string;
  status: string;
  publishAt: string;
  pinned: boolean;
  reactiesOpen: boolean;
  /** Days after publication reacties close by themselves, as typed; '' follows the site's setting. */
  closeAfterDays: string;
  /** A council document's fields and questions, as typed. */
  document: DocumentFormValues;
  /** The revision the form was opened at (articles.revision), '' for a new article: a save from an older one is refused. */
  openedRevision: string;
  /** The public correction note, as typed; null when the form did not offer it (the article was not public). */
  correction: string | null;
  /** The lead image's id as chosen, '' for none; null when the form did not offer the choice. */
  leadImage: string | null;
}

export function emptyArticleForm(authorName: string): ArticleFormValues {
  return {
    title: '',
    slug: '',
    kind: 'nieuws',
    body: '',
    excerpt: '',
    author: authorName,
    status: 'draft',
    publishAt: '',
    pinned: false,
    reactiesOpen: true,
    closeAfterDays: '',
    document: { fields: {}, questions: [] },
    openedRevision: '',
    correction: null,
    leadImage: '',
  };
}

export function articleToForm(a: Article, document?: DocumentData): ArticleFormValues {
  return {
    title: a.title,
    slug: a.slug,
    kind: a.kind,
    body: a.bodyMarkdown,
    excerpt: a.excerptMarkdown,
    author: a.authorName,
    status: a.status,
    publishAt: a.publishedAt ? toLocalInputValue(a.publishedAt) : '',
    pinned: a.pinned,
    reactiesOpen: a.reactiesOpen,
    closeAfterDays: a.reactiesCloseAfterDays === null ? '' : String(a.reactiesCloseAfterDays),
    document: documentToForm(a.kind, document),
    openedRevision: String(a.revision),
    correction: a.correctionNote ?? '',
    leadImage: a.leadImageId === null ? '' : String(a.leadImageId),
  };
}

export function readArticleForm(body: unknown): ArticleFormValues {
  return {
    title: field(body, 'titel'),
    slug: field(body, 'slug').trim(),
    kind: field(body, 'soort'),
    body: field(body, 'tekst'),
    excerpt: field(body, 'samenvatting'),
    author: field(body, 'auteur'),
    status: field(body, 'status'),
    publishAt: field(body, 'publicatietijd').trim(),
    pinned: field(body, 'vastgepind') === 'ja',
    reactiesOpen: field(body, 'reacties_open') === 'ja',
    closeAfterDays: field(body, 'reacties_sluiten_na').trim(),
    document: readDocumentForm(body),
    openedRevision: field(body, 'versie').trim(),
    correction: typeof (body as Record<string, unknown> | null)?.correctienoot === 'string' ? field(body, 'correctienoot') : null,
    leadImage: typeof (body as Record<string, unknown> | null)?.hoofdfoto === 'string' ? field(body, 'hoofdfoto').trim() : null,
  };
}

/** The checked input, with the slug still to be made unique when the editor left it empty. */
export function validateArticleForm(v: ArticleFormValues): { input?: ArticleInput; slugGiven: boolean; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = checkLine(errors, 'titel', v.title, { label: 'De titel', required: true, max: ARTICLE_LIMITS.title });
  const bodyMarkdown = checkMultiLine(errors, 'tekst', v.body, { label: 'De tekst', required: true, max: ARTICLE_LIMITS.body });
  const excerptMarkdown = checkMultiLine(errors, 'samenvatting', v.excerpt, {
    label: 'De samenvatting',
    required: false,
    max: ARTICLE_LIMITS.excerpt,
  });
  const authorName = checkLine(errors, 'auteur', v.author, { label: 'De auteur', required: true, max: ARTICLE_LIMITS.author });
  const slug = normalizeLine(v.slug);
  const slugGiven = slug !== '';
  if (slugGiven && (!isValidSlug(slug) || slug.length > ARTICLE_LIMITS.slug)) {
    errors.slug = `Een slug bestaat uit kleine letters, cijfers en streepjes, hoogstens ${ARTICLE_LIMITS.slug} tekens, bijvoorbeeld "nieuwe-fietsenstalling".`;
  }
  if (!isDocumentType(v.kind)) errors.soort = 'Kies een soort artikel.';
  const document = isDocumentType(v.kind) ? validateDocumentForm(v.kind, v.document, errors) : undefined;
  if (v.status !== 'draft' && v.status !== 'review' && v.status !== 'published')
    errors.status = 'Kies concept, ter beoordeling of publiceren.';
  const publishedAt = v.publishAt === '' ? null : fromLocalInputValue(v.publishAt);
  if (v.publishAt !== '' && publishedAt === null)
    errors.publicatietijd = 'Vul een geldige datum en tijd in, bijvoorbeeld 27-05-2015 14:00.';
  const closeAfterDays = v.closeAfterDays === '' ? null : /^\d{1,4}$/.test(v.closeAfterDays) ? Number(v.closeAfterDays) : NaN;
  const correctionNote =
    v.correction === null
      ? undefined
      : checkMultiLine(errors, 'correctienoot', v.correction, {
          label: 'De correctienoot',
          required: false,
          max: ARTICLE_LIMITS.correction,
        });
  if (Number.isNaN(closeAfterDays) || (closeAfterDays !== null && closeAfterDays > MAX_CLOSE_AFTER_DAYS))
    errors.reacties_sluiten_na = `Vul een aantal dagen in van 0 tot en met ${MAX_CLOSE_AFTER_DAYS}, of laat het veld leeg voor de instelling van de weblog.`;
  const leadImageId =
    v.leadImage === null ? undefined : v.leadImage === '' ? null : /^[1-9]\d{0,8}$/.test(v.leadImage) ? Number(v.leadImage) : NaN;
  if (Number.isNaN(leadImageId)) errors.hoofdfoto = 'Kies een hoofdfoto uit de lijst, of geen.';
  if (Object.keys(errors).length) return { errors, slugGiven };
  return {
    errors,
    slugGiven,
    input: {
      title,
      slug: slugGiven ? slug : slugify(title),
      kind: isDocumentType(v.kind) ? v.kind : 'nieuws',
      document,
      bodyMarkdown,
      excerptMarkdown,
      authorName,
      status: v.status as ArticleInput['status'],
      publishedAt,
      pinned: v.pinned,
      reactiesOpen: v.reactiesOpen,
      reactiesCloseAfterDays: closeAfterDays,
      ...(correctionNote === undefined ? {} : { correctionNote }),
      ...(leadImageId === undefined ? {} : { leadImageId }),
    },
  };
}

/** The revision the form says it was opened at; undefined when it says none (a new article, or an older page). */
export function openedRevisionOf(v: ArticleFormValues): number | undefined {
  return /^\d{1,9}$/.test(v.openedRevision) ? Number(v.openedRevision) : undefined;
}
