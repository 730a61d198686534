// "Document importeren": an editor pastes the plain text of a council document (from a PDF or an
// e-mail); the paste-import recognises its type, fields and questions and fills the article editor
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

// A long memo with its attachments listed is a few pages; a whole PDF pasted is at most this.
const PASTE_MAX = 200_000;

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

export function importRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];
  const render = (res: Parameters<RequestHandler>[1], status: number, text: string, errors: FieldErrors) =>
    res
      .status(status)
      .render('beheer/articles/import', { title: 'Document importeren', bodyClass: 'beheer', text, errors, max: PASTE_MAX });

  router.get('/beheer/artikelen/importeren', ...guard, (_req, res) => render(res, 200, '', {}));

  router.post('/beheer/artikelen/importeren', ...guard, (req, res) => {
    const errors: FieldErrors = {};
    const text = checkMultiLine(errors, 'tekst', field(req.body, 'tekst'), { label: 'De tekst', required: true, max: PASTE_MAX });
    if (Object.keys(errors).length) return render(res, 422, field(req.body, 'tekst'), errors);
    const doc = parseDocument(text);
    const values = importFormValues(doc, currentUser(res).name);
    // A half-paired document is never published by accident: it opens as a concept, with the warnings on top.
    if (doc.warnings.length) values.status = 'draft';
    renderEditor(deps, res, 200, { values, errors: {}, imported: true, importWarnings: doc.warnings });
  });

  return router;
}
