// "Document importeren": an editor pastes the plain text of a council document (from a PDF or an
// e-mail), or chooses the PDF itself (read in attachments/pdf-import.ts, which hands its text back
// here); the paste-import recognises its type, fields and questions and fills the article editor
// with them, as a draft, for the editor to check before saving.
import { Router, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { currentUser, requirePermission } from '../accounts/auth';
import { noStore } from '../http/cache';
import { checkMultiLine, field, type FieldErrors } from '../shared/validation';
import { documentToForm } from '../documents/form';
import { parseDocument, type ParsedDocument } from '../documents/parse';
import { DOCUMENT_TYPES } from '../documents/types';
import { emptyArticleForm, type ArticleFormValues } from './admin-form';
import { renderEditor } from './admin-save';
import { readCorrections, reviewOf } from './import-review';

// A long memo with its attachments listed is a few pages; a whole PDF pasted is at most this.
export const PASTE_MAX = 200_000;

/** The questions and answers are shown from their own fields: take them out of the body text. */
function bodyWithoutQuestions(doc: ParsedDocument): string {
  let body = doc.body;
  for (const q of doc.questions) {
    for (const text of [q.question, q.answer]) if (text && text.length > 20) body = body.split(text).join('');
  }
  return body.replace(/\n{3,}/g, '\n\n').trim();
}

function importFormValues(doc: ParsedDocument, authorName: string): ArticleFormValues {
  const subject = typeof doc.fields.onderwerp === 'string' ? doc.fields.onderwerp : '';
  const title = subject ? (doc.type === 'nieuws' ? subject : `${DOCUMENT_TYPES[doc.type].label}: ${subject}`) : '';
  return {
    ...emptyArticleForm(authorName),
    title: title.slice(0, 200),
    kind: doc.type,
    body: bodyWithoutQuestions(doc),
    document: documentToForm(doc.type, doc),
  };
}

export type Render = Parameters<RequestHandler>[1];

/** The import page: what was pasted kept, the errors beside their fields. */
export function renderImportPage(res: Render, status: number, text: string, errors: FieldErrors): void {
  res.status(status).render('beheer/articles/import', { title: 'Document importeren', bodyClass: 'beheer', text, errors, max: PASTE_MAX });
}

/** Where the text came from: pasted into "tekst", or read from the PDF chosen in "pdf" (with what was pasted beside it). */
export type TextSource = { field: 'tekst' } | { field: 'pdf'; pasted: string };

/**
 * Recognises a document's text and shows the article editor filled with it, under the review of
 * what was recognised; a text that is missing or too long brings the import page back, with the
 * message at the field the text came from. `corrections` is the review form sent back: its valid
 * corrections are applied, and a wrong one (422) comes back with every choice as it was made.
 */
export function showRecognised(
  deps: Deps,
  res: Render,
  text: string,
  source: TextSource = { field: 'tekst' },
  corrections?: Record<string, unknown>,
): void {
  const errors: FieldErrors = {};
  const checked = checkMultiLine(errors, source.field, text, {
    label: source.field === 'pdf' ? 'De tekst van deze pdf' : 'De tekst',
    required: true,
    max: PASTE_MAX,
  });
  if (Object.keys(errors).length) return renderImportPage(res, 422, source.field === 'pdf' ? source.pasted : text, errors);
  const plain = parseDocument(checked);
  const read = corrections ? readCorrections(corrections, plain) : null;
  const doc = read?.overrides.size ? parseDocument(checked, read.overrides) : plain;
  const values = importFormValues(doc, currentUser(res).name);
  // A half-paired document is never published by accident: it opens as a concept, with the warnings on top.
  if (doc.warnings.length) values.status = 'draft';
  const wrong = read !== null && Object.keys(read.errors).length > 0;
  const review = wrong ? reviewOf(doc, checked, read.errors, read.choices) : reviewOf(doc, checked);
  renderEditor(deps, res, wrong ? 422 : 200, {
    values,
    errors: {},
    imported: true,
    importWarnings: doc.warnings,
    review: { ...review, corrected: read?.overrides.size ?? 0 },
  });
}

export function importRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  router.get('/beheer/artikelen/importeren', ...guard, (_req, res) => renderImportPage(res, 200, '', {}));

  router.post('/beheer/artikelen/importeren', ...guard, (req, res) =>
    showRecognised(deps, res, field(req.body, 'tekst'), { field: 'tekst' }, req.body as Record<string, unknown>),
  );

  return router;
}
