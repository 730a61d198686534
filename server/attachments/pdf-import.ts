// "Document importeren" with a PDF: the import form is multipart, so an editor can choose the PDF
// the municipality sent instead of pasting its text. Its text (documents/pdf-text.ts) goes through
// the same recognition as a paste (articles/import-routes.ts); the PDF waits as a pending upload
// (pending.ts) and becomes the article's attachment when the article is saved. A form without a
// file is a paste like any other. Every refusal brings the import page back with what was pasted.
import fs from 'node:fs';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, currentUser, requirePermission } from '../accounts/auth';
import { PASTE_MAX, renderImportPage, showRecognised } from '../articles/import-routes';
import type { AfterCreate } from '../articles/admin-save';
import { audit } from '../audit/audit-log';
import { pdfRefusal, pdfText, PdfTextError, type PdfRefusal } from '../documents/pdf-text';
import { noStore } from '../http/cache';
import { charLength, field } from '../shared/validation';
import { checkUpload } from './attach';
import { queueFileText } from './file-text';
import { sniffAttachmentType } from './file-type';
import { attachPending, findPending, keepPending, pendingView } from './pending';
import { removeQuietly } from './storage';
import { receiveUpload } from './upload';

const IMPORT_PATH = '/beheer/artikelen/importeren';

/** The field of the article editor that carries a pending upload's token. */
const SOURCE_FIELD = 'bronbestand';
/** The hidden field beside it: the PDF is still offered when the box is not ticked. */
const OFFERED_FIELD = 'bron_pdf';

const STATUS: Partial<Record<PdfRefusal, number>> = { 'too-large': 413, 'not-pdf': 415 };

// A pasted text of PASTE_MAX characters, each up to 4 bytes in UTF-8.
const MAX_TEXT_BYTES = 4 * PASTE_MAX + 1024;

export function pdfImportRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];
  const { uploadDir } = deps.config;

  router.post(IMPORT_PATH, ...guard, async (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    const received = await receiveUpload(req, uploadDir, 'pdf', { maxFieldBytes: MAX_TEXT_BYTES });
    const pasted = received.fields.tekst ?? '';
    const refuse = async (status: number, errors: Record<string, string>) => {
      if (received.file) await removeQuietly(received.file.tmpPath);
      renderImportPage(res, status, pasted, errors);
    };
    if (received.truncated.includes('tekst'))
      return refuse(413, { tekst: `De tekst mag hoogstens ${PASTE_MAX.toLocaleString('nl-NL')} tekens lang zijn.` });
    if (received.tooLarge) return refuse(413, { pdf: pdfRefusal('too-large').message });
    const file = received.file;
    if (!file) return showRecognised(deps, res, pasted);
    if (sniffAttachmentType(file.head)?.mediaType !== 'application/pdf') return refuse(415, { pdf: pdfRefusal('not-pdf').message });
    if (pasted.trim())
      return refuse(422, {
        pdf: 'Kies een pdf óf plak de tekst, niet allebei. Wat je plakte staat hieronder nog; maak het tekstvak leeg om de pdf te laten lezen.',
      });

    let text: string;
    try {
      text = await pdfText(await fs.promises.readFile(file.tmpPath));
    } catch (err) {
      if (!(err instanceof PdfTextError)) throw err;
      return refuse(STATUS[err.reason] ?? 422, { pdf: err.message });
    }
    if (charLength(text) > PASTE_MAX)
      return refuse(422, {
        pdf: `De tekst van deze pdf is langer dan ${PASTE_MAX.toLocaleString('nl-NL')} tekens; zo'n lang document past niet in één artikel. Plak het deel dat je wilt plaatsen.`,
      });
    const checked = await checkUpload(received);
    if (!checked.ok) return refuse(checked.refusal.status, { pdf: checked.refusal.error });
    const pending = await keepPending(uploadDir, checked.value, currentUser(res).id, deps.clock());
    res.locals.sourceUpload = pendingView(pending, true);
    showRecognised(deps, res, text, { field: 'pdf', pasted });
  });

  // The editor of the new article sent back (a preview, an error, the text recognised again): the pending PDF stays
  // offered, ticked as the editor left it.
  router.post('/beheer/artikelen', async (req, res, next) => {
    const ticked = field(req.body, SOURCE_FIELD);
    const token = ticked || field(req.body, OFFERED_FIELD);
    if (token && res.locals.can?.('articles')) {
      const pending = await findPending(uploadDir, token, currentUser(res).id, deps.clock());
      if (pending) res.locals.sourceUpload = pendingView(pending, ticked === token);
    }
    next();
  });

  return router;
}

/** When a new article is saved with its pending PDF ticked: the PDF becomes its attachment. */
export function attachSourceOnCreate(deps: Deps): AfterCreate {
  return async (req: Request, res: Response, article) => {
    const token = field(req.body, SOURCE_FIELD);
    if (!token) return null;
    const pending = await findPending(deps.config.uploadDir, token, currentUser(res).id, deps.clock());
    if (!pending)
      return 'De pdf is niet als bijlage bewaard: hij is er niet meer (een gekozen pdf blijft een dag bewaard). Voeg hem hieronder bij Bijlagen toe.';
    await attachPending(deps.db, deps.config.uploadDir, article.id, pending, deps.clock());
    queueFileText({ db: deps.db, uploadDir: deps.config.uploadDir, logger: deps.logger }, pending.sha256);
    await audit(deps.db, currentActor(res), 'article.update', { type: 'article', id: article.id }, `bijlage toegevoegd: ${pending.title}`);
    return `De pdf „${pending.title}” is als bijlage bij het artikel bewaard.`;
  };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The imported PDF that waits for the new article (views/attachments/source.ejs). */
      sourceUpload?: ReturnType<typeof pendingView>;
    }
  }
}
