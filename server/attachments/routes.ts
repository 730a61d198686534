// Attachments: editors add and remove them in the article editor; readers open them at
// /bijlagen/:id/:name — only those of a published article, with a type that the browser shows and
// never runs.
import path from 'node:path';
import { Router, type Request, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { findArticleById, isPublic, type Article } from '../articles/queries';
import { articleToForm } from '../articles/admin-form';
import { renderEditor } from '../articles/admin-save';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { parseId } from '../shared/validation';
import { addAttachment, checkUpload, removeAttachment } from './attach';
import { queueFileText } from './file-text';
import { attachmentView, contentDisposition } from './format';
import { isInlineType } from './file-type';
import { setEditorSection } from './locals';
import { findAttachment } from './queries';
import { receiveUpload } from './upload';

/** The routes whose CSRF token comes in the query string: their multipart body is read later. */
export function isUploadRequest(req: Request): boolean {
  return req.method === 'POST' && /^\/beheer\/artikelen\/(?:[1-9]\d*\/bijlagen|importeren)$/.test(req.originalUrl.split('?')[0]);
}

// A published article's file may be kept by a browser or a cache, but asked again each time (no-cache): the answer
// is a 304 without the bytes while the file is the same (its ETag is its sha256), and the new bytes at once after a
// replace (a replacement that removes personal data) or a 404 after a removal. A max-age would show the old file.
const PUBLIC_CACHE = 'public, no-cache';
/** The ETag of a file: its bytes' hash, the same on every app server. */
const etagOf = (sha256: string) => `"${sha256}"`;
const PDF_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";
const IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export function attachmentRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];
  const { uploadDir } = deps.config;

  async function loadArticle(req: Request): Promise<Article> {
    const id = parseId(String(req.params.id));
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (!article) throw notFound('Dit artikel bestaat niet (meer).');
    return article;
  }

  router.post('/beheer/artikelen/:id/bijlagen', ...guard, async (req, res) => {
    const article = await loadArticle(req);
    const checked = await checkUpload(await receiveUpload(req, uploadDir, 'bestand'));
    if (!checked.ok) {
      await setEditorSection(deps, res, article.id, checked.refusal);
      return renderEditor(deps, res, checked.refusal.status, { article, values: articleToForm(article), errors: {} });
    }
    await addAttachment(deps.db, uploadDir, article.id, checked.value, deps.clock());
    // A PDF's text is read after the answer, for search; the editor does not wait for it.
    queueFileText({ db: deps.db, uploadDir, logger: deps.logger }, checked.value.sha256);
    await audit(
      deps.db,
      currentActor(res),
      'article.update',
      { type: 'article', id: article.id },
      `bijlage toegevoegd: ${checked.value.title}`,
    );
    req.session.flash = `Bijlage „${checked.value.title}” toegevoegd.`;
    res.redirect(303, `/beheer/artikelen/${article.id}#bijlagen`);
  });

  router.post('/beheer/artikelen/:id/bijlagen/:attachmentId/verwijderen', ...guard, async (req, res) => {
    const article = await loadArticle(req);
    const attachmentId = parseId(String(req.params.attachmentId));
    if (attachmentId === null) throw notFound('Deze bijlage bestaat niet (meer).');
    await removeAttachment(deps.db, uploadDir, article.id, attachmentId);
    await audit(deps.db, currentActor(res), 'article.update', { type: 'article', id: article.id }, `bijlage ${attachmentId} verwijderd`);
    req.session.flash = 'De bijlage is van dit artikel verwijderd.';
    res.redirect(303, `/beheer/artikelen/${article.id}#bijlagen`);
  });

  router.get('/bijlagen/:attachmentId/:name', async (req, res, next) => {
    const id = parseId(String(req.params.attachmentId));
    const attachment = id === null ? null : await findAttachment(deps.db, id);
    const article = attachment && (await findArticleById(deps.db, attachment.articleId));
    const editor = Boolean(res.locals.can?.('articles'));
    if (!attachment || !article || !(isPublic(article, deps.clock()) || editor)) throw notFound('Deze bijlage bestaat niet (meer).');
    const canonical = attachmentView(attachment).url;
    // Not kept as a permanent answer: a later replace may give the file its old name back.
    if (req.path !== canonical) return res.set('Cache-Control', 'no-cache').redirect(301, canonical);
    const inline = isInlineType(attachment.mediaType);
    res.set({
      'Content-Type': inline ? attachment.mediaType : 'application/octet-stream',
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', attachment.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': attachment.mediaType === 'application/pdf' || !inline ? PDF_POLICY : IMAGE_POLICY,
      'Cache-Control': isPublic(article, deps.clock()) ? PUBLIC_CACHE : 'private, no-store',
      ETag: etagOf(attachment.sha256),
    });
    // send answers 304 itself when If-None-Match names this ETag.
    res.sendFile(
      attachment.sha256,
      { root: path.resolve(uploadDir), dotfiles: 'deny', lastModified: false, cacheControl: false, etag: false },
      (err) => {
        if (err && !res.headersSent) next(notFound('Deze bijlage bestaat niet (meer).'));
      },
    );
  });

  return router;
}
