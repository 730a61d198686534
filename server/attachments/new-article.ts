// Attachments on a new article, before its first save (issue 23). The new article's form is
// multipart: a file chosen there is checked as any upload (type from the bytes, 20 MB) and kept as a
// pending upload (pending.ts) of this editor's, whatever the form does next. A preview or a form sent
// back with an error shows it as "al gekozen", ticked, so nothing chosen is lost; the first save makes
// every ticked one an attachment. A refused file is the form's error, and the article is not saved
// until the editor chooses another file or none.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, currentUser } from '../accounts/auth';
import type { AfterCreate, EditorPart } from '../articles/admin-save';
import { audit } from '../audit/audit-log';
import { HttpError } from '../http/errors';
import type { FieldErrors } from '../shared/validation';
import { checkUpload } from './attach';
import { queueFileText } from './file-text';
import { attachSourceOnCreate } from './pdf-import';
import { attachPending, findPending, keepPending, pendingView } from './pending';
import { receiveUpload } from './upload';

/** The new article's form: its path, and its fields for the files. */
const NEW_ARTICLE_PATH = '/beheer/artikelen';
const FILE_FIELD = 'bijlage_bestand';
/** The ticked boxes: the tokens of the pending uploads to attach. */
const CHOSEN_FIELD = 'bijlage';
/** The hidden fields beside them: a pending upload stays offered when its box is not ticked. */
const OFFERED_FIELD = 'bijlagen_aangeboden';

// As the beheer's urlencoded parser (app.ts): the whole form, up to 3 MB of text in 2000 fields.
const MAX_FIELD_BYTES = 3 * 1024 * 1024;
const MAX_FIELDS = 2000;

/** Why the file chosen in this request was refused, for the form's error. */
const refusals = new WeakMap<Request, string>();

const listOf = (body: unknown, name: string): string[] => {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
};

/** Whether this request is the new article's form sent as multipart (its CSRF token is in the query string). */
export function isNewArticleUpload(req: Request): boolean {
  return req.method === 'POST' && req.originalUrl.split('?')[0] === NEW_ARTICLE_PATH && Boolean(req.is('multipart/form-data'));
}

export function newArticleAttachments(deps: Deps): Router {
  const router = Router();
  const { uploadDir } = deps.config;

  router.post(NEW_ARTICLE_PATH, async (req, res, next) => {
    if (!res.locals.can?.('articles')) return next();
    if (req.is('multipart/form-data')) {
      const received = await receiveUpload(req, uploadDir, FILE_FIELD, {
        maxFieldBytes: MAX_FIELD_BYTES,
        maxFields: MAX_FIELDS,
        wholeForm: true,
      });
      if (received.truncated.length)
        throw new HttpError(413, 'Dit formulier is te groot om te bewaren. Maak de tekst korter en probeer het opnieuw.');
      req.body = received.body;
      if (received.file || received.tooLarge) {
        // The attachment's title comes from the file's name: the form's "titel" is the article's.
        const checked = await checkUpload({ ...received, fields: {} });
        if (checked.ok) {
          const pending = await keepPending(uploadDir, checked.value, currentUser(res).id, deps.clock());
          req.body[CHOSEN_FIELD] = [...listOf(req.body, CHOSEN_FIELD), pending.token];
          req.body[OFFERED_FIELD] = [...listOf(req.body, OFFERED_FIELD), pending.token];
        } else {
          refusals.set(req, `${checked.refusal.error} Kies een ander bestand, of geen.`);
        }
      }
    }
    res.locals.newAttachments = {
      ...(await offeredUploads(deps, currentUser(res).id, {
        offered: listOf(req.body, OFFERED_FIELD),
        chosen: listOf(req.body, CHOSEN_FIELD),
      })),
      error: refusals.get(req) ?? null,
    };
    next();
  });

  return router;
}

/**
 * Every pending upload a form offers (the tokens of its hidden fields and ticked boxes) that is still this editor's:
 * shown again, ticked as the editor left it. Also for a new article's form put back from its draft (media/picker.ts).
 */
export async function offeredUploads(
  deps: Deps,
  userId: number,
  form: { offered: string[]; chosen: string[] },
): Promise<NonNullable<Express.Locals['newAttachments']>> {
  const chosen = new Set(form.chosen);
  const items = [];
  for (const token of new Set([...form.offered, ...chosen])) {
    const pending = await findPending(deps.config.uploadDir, token, userId, deps.clock());
    if (pending) items.push(pendingView(pending, chosen.has(token)));
  }
  return { items, error: null };
}

/** A file refused in this request keeps the article from being saved: the editor would think it attached. */
export function newAttachmentsEditorPart(): EditorPart {
  return {
    check: (req): Promise<FieldErrors> => {
      const refusal = refusals.get(req);
      const errors: FieldErrors = refusal ? { [FILE_FIELD]: refusal } : {};
      return Promise.resolve(errors);
    },
    // The files are attached after the first save (attachOnCreate), each in its own transaction, as any upload.
    store: () => () => Promise.resolve(),
  };
}

/** After the first save: the imported PDF (pdf-import.ts) and every ticked pending upload of this editor's become attachments. */
export function attachOnCreate(deps: Deps): AfterCreate {
  const source = attachSourceOnCreate(deps);
  const { uploadDir } = deps.config;
  return async (req: Request, res: Response, article) => {
    const notes: string[] = [];
    const sourceNote = await source(req, res, article);
    if (sourceNote) notes.push(sourceNote);
    let missing = 0;
    for (const token of new Set(listOf(req.body, CHOSEN_FIELD))) {
      const pending = await findPending(uploadDir, token, currentUser(res).id, deps.clock());
      if (!pending) {
        missing++;
        continue;
      }
      await attachPending(deps.db, uploadDir, article.id, pending, deps.clock());
      queueFileText({ db: deps.db, uploadDir, logger: deps.logger }, pending.sha256);
      await audit(
        deps.db,
        currentActor(res),
        'article.update',
        { type: 'article', id: article.id },
        `bijlage toegevoegd: ${pending.title}`,
      );
      notes.push(`Bijlage „${pending.title}” toegevoegd.`);
    }
    if (missing)
      notes.push(
        missing === 1
          ? 'Eén gekozen bijlage is niet bewaard: hij is er niet meer (een gekozen bestand blijft een dag bewaard). Voeg hem hieronder bij Bijlagen toe.'
          : `${missing} gekozen bijlagen zijn niet bewaard: ze zijn er niet meer (een gekozen bestand blijft een dag bewaard). Voeg ze hieronder bij Bijlagen toe.`,
      );
    return notes.length ? notes.join(' ') : null;
  };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The files chosen on the new article's form, waiting for its first save (views/attachments/new.ejs). */
      newAttachments?: { items: ReturnType<typeof pendingView>[]; error: string | null };
    }
  }
}
