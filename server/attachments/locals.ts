// The attachments shown on pages that other features render. articles/ stays free of imports from
// here: this middleware runs before their routes and leaves the list in res.locals, which the
// templates (views/articles/article.ejs, views/beheer/articles/form.ejs) include when it is set.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { isPublic } from '../articles/queries';
import { articleAtPermalink, forArticlePages } from '../articles/permalink';
import { articlePageLocals } from '../http/deferred-locals';
import { parseId } from '../shared/validation';
import type { UploadRefusal } from './attach';
import { attachmentView, type AttachmentView } from './format';
import { listAttachments, type Attachment, type FileTextStatus } from './queries';

/** What the editor reads beside a PDF: whether search finds its text (file-text.ts). */
const TEXT_NOTES: Readonly<Record<FileTextStatus, string>> = {
  pending: 'Tekst wordt gelezen…',
  done: 'Tekst doorzoekbaar',
  none: 'Geen tekst gevonden (scan?)',
  failed: 'Tekst niet te lezen',
};

/** An attachment in the editor: as readers see it, and for a PDF whether its text is searchable. */
interface EditorItem extends AttachmentView {
  textNote: string | null;
}

const editorItem = (a: Attachment): EditorItem => ({
  ...attachmentView(a),
  textNote: a.mediaType === 'application/pdf' ? TEXT_NOTES[a.textStatus] : null,
});

/** The "Bijlagen" section of the article editor. */
export interface EditorSection {
  articleId: number;
  items: EditorItem[];
  /** The upload form after a refusal: the message and the title as typed. */
  form: { error: string | null; title: string };
}

export async function setEditorSection(deps: Deps, res: Response, articleId: number, refusal?: UploadRefusal): Promise<void> {
  const items = (await listAttachments(deps.db, articleId)).map(editorItem);
  const section: EditorSection = { articleId, items, form: { error: refusal?.error ?? null, title: refusal?.title ?? '' } };
  res.locals.attachmentSection = section;
}

export function attachmentLocals(deps: Deps): Router {
  const router = Router();

  // The editor, shown by GET and sent back with errors by POST.
  router.use('/beheer/artikelen/:id', async (req: Request, res, next) => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'POST') || !res.locals.can?.('articles')) return next();
    const id = parseId(String(req.params.id));
    if (id !== null) await setEditorSection(deps, res, id);
    next();
  });

  // A public article page, and the same page sent back with a reactie form error.
  const pageLocals = articlePageLocals(async (req, res) => {
    const article = await articleAtPermalink(deps.db, req, res);
    if (article && isPublic(article, deps.clock()))
      res.locals.attachments = (await listAttachments(deps.db, article.id)).map(attachmentView);
  });
  router.use(forArticlePages(pageLocals));

  return router;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The article editor's "Bijlagen" section (views/attachments/editor.ejs). */
      attachmentSection?: EditorSection;
      /** A public article's attachments (views/attachments/list.ejs). */
      attachments?: AttachmentView[];
    }
  }
}
