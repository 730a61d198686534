// "Document importeren": an editor pastes the plain text of a council document (from a PDF or an
// e-mail), or chooses the PDF itself (read in attachments/pdf-import.ts, which hands its text back
// here); the paste-import recognises its type, fields and questions and fills the article editor
// with them, as a draft, under the review of what was recognised (import-review.ts). From the
// review the editor recognises the text again with their corrections (recogniseAgain): what they
// changed in the form meanwhile stays (import-recognise.ts). An article saved from an import keeps
// its source, so the same can be done when it is edited later.
import { Router, type Request, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { currentUser, requirePermission } from '../accounts/auth';
import { noStore } from '../http/cache';
import { checkMultiLine, field, type FieldErrors } from '../shared/validation';
import { parseDocument } from '../documents/parse';
import { loadDocumentSource, type RecognisedValues } from '../documents/queries';
import { readArticleForm } from './admin-form';
import { renderEditor } from './admin-save';
import { importFormValues, keepEdits, recognisedValues, recogniseWith, SOURCE_TEXT_FIELD } from './import-recognise';
import { applyEdit, choicesFromStored, correctionsOf, readChoices, readEdit, recognisedChoices, reviewOf } from './import-review';
import type { Article } from './queries';

// A long memo with its attachments listed is a few pages; a whole PDF pasted is at most this.
export const PASTE_MAX = 200_000;

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
 * message at the field the text came from.
 */
export function showRecognised(deps: Deps, res: Render, text: string, source: TextSource = { field: 'tekst' }): void {
  const errors: FieldErrors = {};
  const checked = checkMultiLine(errors, source.field, text, {
    label: source.field === 'pdf' ? 'De tekst van deze pdf' : 'De tekst',
    required: true,
    max: PASTE_MAX,
  });
  if (Object.keys(errors).length) return renderImportPage(res, 422, source.field === 'pdf' ? source.pasted : text, errors);
  const doc = parseDocument(checked);
  const values = importFormValues(doc, currentUser(res).name);
  // A half-paired document is never published by accident: it opens as a concept, with the warnings on top.
  if (doc.warnings.length) values.status = 'draft';
  renderEditor(deps, res, 200, {
    values,
    errors: {},
    imported: true,
    importWarnings: doc.warnings,
    review: reviewOf({ doc, plain: doc, text: checked, applied: new Map() }),
  });
}

/**
 * "Opnieuw herkennen" (and a split, join or "los" click) in the editor of a new article or of one
 * saved from an import: the text again, with the review's corrections. The form below keeps what
 * the editor changed since the last recognition; the rest is filled in anew. A correction that
 * cannot be applied is a 422 that changes nothing in the form and keeps every choice.
 */
export async function recogniseAgain(deps: Deps, req: Request, res: Render, existing?: Article): Promise<void> {
  const body = req.body as Record<string, unknown>;
  const submitted = readArticleForm(body);
  const stored = existing ? await loadDocumentSource(deps.db, existing.id) : null;
  const text = existing ? (stored?.text ?? '') : field(body, SOURCE_TEXT_FIELD).replace(/\r\n?/g, '\n');
  const errors: FieldErrors = {};
  if (!text.trim() || [...text].length > PASTE_MAX) {
    errors.herkennen = existing
      ? 'Dit artikel is niet uit een geplakte tekst of pdf ingevuld; er is niets om opnieuw te herkennen.'
      : 'De tekst die herkend werd, ontbreekt of is te lang. Begin opnieuw bij Document importeren.';
    return renderEditor(deps, res, 422, { article: existing, values: submitted, errors });
  }
  const plain = parseDocument(text);
  const inReview = typeof body.herkend === 'string';
  // In the review: the selects as the editor left them; from a saved article: its stored corrections.
  const read = inReview
    ? readChoices(body, plain)
    : {
        choices: stored ? choicesFromStored(stored.corrections, plain) : recognisedChoices(plain),
        breaks: new Set<number>(),
        names: new Map<number, string>(),
        errors: {},
      };
  const edit = readEdit(field(body, 'actie'));
  const { choices, breaks } = edit ? applyEdit(read.choices, read.breaks, edit) : read;
  const checked = correctionsOf(choices, plain, read.names);
  const carry = existing ? null : text;
  const previous = inReview ? recogniseWith(text, String(body.herkend), plain) : null;
  if (Object.keys(read.errors).length || Object.keys(checked.errors).length) {
    const shown = previous ?? recogniseWith(text, stored?.corrections ?? [], plain);
    return renderEditor(deps, res, 422, {
      article: existing,
      values: submitted,
      errors: {},
      imported: true,
      importWarnings: shown.doc.warnings,
      review: reviewOf({
        doc: shown.doc,
        plain,
        text: carry,
        choices,
        breaks,
        applied: shown.applied,
        errors: { ...read.errors, ...checked.errors },
      }),
    });
  }
  const doc = checked.overrides.size ? parseDocument(text, checked.overrides) : plain;
  const before: RecognisedValues | null = previous ? recognisedValues(previous.doc) : (stored?.recognised ?? null);
  const { values, kept } = before
    ? keepEdits(submitted, before, recognisedValues(doc))
    : { values: importFormValues(doc, submitted.author || currentUser(res).name), kept: [] };
  // A new article with a warning is a concept; a published article is not taken off the site behind the editor's back (the warning says it stays on).
  if (doc.warnings.length && !existing) values.status = 'draft';
  renderEditor(deps, res, 200, {
    article: existing,
    values,
    errors: {},
    imported: true,
    importWarnings: doc.warnings,
    review: reviewOf({ doc, plain, text: carry, breaks, applied: checked.overrides, kept }),
  });
}

export function importRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  router.get('/beheer/artikelen/importeren', ...guard, (_req, res) => renderImportPage(res, 200, '', {}));

  router.post('/beheer/artikelen/importeren', ...guard, (req, res) => showRecognised(deps, res, field(req.body, 'tekst')));

  return router;
}
