// Photos for articles: the editor uploads one (with its alt text, caption and credit) and puts it in
// the text; readers get its variants at /beelden/:id/:key-:width.:format. With JavaScript the editor
// sends the photo in the background (Accept: application/json) and puts its line in the text
// itself; without, the form comes back to the editor with the line to put in.
import path from 'node:path';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, currentUser, requirePermission } from '../accounts/auth';
import { findArticleById } from '../articles/queries';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { HttpError, notFound } from '../http/errors';
import { receiveUpload } from '../attachments/upload';
import { removeQuietly } from '../attachments/storage';
import { urlKey, figureShortcode } from '../images/figure';
import { variantsDir } from '../images/pipeline';
import { findImage } from '../images/queries';
import { parseId } from '../shared/validation';
import { checkPhotoFile, checkPhotoText, readPhotoForm, PHOTO_LIMITS, type PhotoFormValues } from './photo-form';
import { addPhoto } from './photos';
import { photoItem } from './editor-section';

/** The multipart routes of this feature, whose CSRF token comes in the query string (app.ts). */
export function isPhotoUploadRequest(req: Request): boolean {
  return (
    req.method === 'POST' &&
    /^\/beheer\/media\/(?:fotos(?:\/[1-9]\d*\/vervangen)?|bijlagen\/[1-9]\d*\/vervangen)$/.test(req.originalUrl.split('?')[0])
  );
}

// A variant's URL changes with its bytes (the key): browsers and proxies may keep it a year.
const VARIANT_MAX_AGE_SECONDS = 365 * 24 * 3600;
const VARIANT_FILE = /^([0-9a-f]{12})-(\d{1,5}|share)\.(webp|jpg)$/;
const IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

/** Where the editor goes back to: its article, or a new article's form. */
const editorPath = (articleId: number | null) => (articleId === null ? '/beheer/artikelen/nieuw' : `/beheer/artikelen/${articleId}`);

export function photoRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];
  const { uploadDir } = deps.config;

  /** The upload form again, with the message, what was typed and where it goes back to. */
  function refuse(
    req: Request,
    res: Response,
    status: number,
    s: { articleId: number | null; values: PhotoFormValues; errors: Record<string, string>; error: string | null },
  ) {
    if (wantsJson(req)) return res.status(status).json({ error: s.error ?? Object.values(s.errors)[0], errors: s.errors });
    res.status(status).render('media/upload-page', {
      title: 'Foto toevoegen',
      bodyClass: 'beheer',
      backPath: editorPath(s.articleId),
      form: { articleId: s.articleId, values: s.values, errors: s.errors, error: s.error },
      limits: PHOTO_LIMITS,
    });
  }

  router.get('/beheer/media/fotos/nieuw', ...guard, (req, res) => {
    const articleId = typeof req.query.artikel === 'string' ? parseId(req.query.artikel) : null;
    res.render('media/upload-page', {
      title: 'Foto toevoegen',
      bodyClass: 'beheer',
      backPath: editorPath(articleId),
      form: { articleId, values: { alt: '', caption: '', credit: '' }, errors: {}, error: null },
      limits: PHOTO_LIMITS,
    });
  });

  router.post('/beheer/media/fotos', ...guard, async (req, res) => {
    const received = await receiveUpload(req, uploadDir, 'foto');
    const typedArticle = parseId(received.fields.artikel ?? '');
    const article = typedArticle === null ? null : await findArticleById(deps.db, typedArticle);
    const articleId = article?.id ?? null;
    const values = readPhotoForm(received.fields);
    const { text, errors } = checkPhotoText(values);
    const file = await checkPhotoFile(received);
    if (!file.ok || Object.keys(errors).length) {
      if (file.ok) await removeQuietly(file.file.tmpPath);
      const status = !file.ok ? file.status : 422;
      return refuse(req, res, status, { articleId, values, errors, error: file.ok ? null : file.error });
    }
    let id: number;
    try {
      id = await addPhoto(deps, file.file, text, currentUser(res).id);
    } catch (err) {
      if (err instanceof HttpError && err.status < 500)
        return refuse(req, res, err.status, { articleId, values, errors: {}, error: err.message });
      throw err;
    }
    await audit(deps.db, currentActor(res), 'media.upload', { type: 'image', id }, `foto toegevoegd: ${text.alt.slice(0, 150)}`);
    const image = await findImage(deps.db, id);
    if (wantsJson(req)) return res.status(201).json({ ...photoItem(image!), shortcode: figureShortcode(id) });
    req.session.flash = `Foto toegevoegd. Zet de regel ${figureShortcode(id)} op een eigen regel in de tekst, waar de foto moet komen.`;
    res.redirect(303, `${editorPath(articleId)}?foto=${id}#fotos`);
  });

  router.get('/beelden/:id/:file', async (req, res, next) => {
    const id = parseId(String(req.params.id));
    const match = VARIANT_FILE.exec(String(req.params.file));
    const image = id === null || !match ? null : await findImage(deps.db, id);
    if (!image || !match || urlKey(image.sha256) !== match[1]) throw notFound('Deze foto bestaat niet (meer).');
    const width = match[2] === 'share' ? 'share' : Number(match[2]);
    if (width !== 'share' && !image.widths.includes(width)) throw notFound('Deze foto bestaat niet (meer).');
    res.set({
      'Content-Type': match[3] === 'webp' ? 'image/webp' : 'image/jpeg',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': IMAGE_POLICY,
      'Cache-Control': `public, max-age=${VARIANT_MAX_AGE_SECONDS}, immutable`,
    });
    res.sendFile(
      `${match[2]}.${match[3]}`,
      { root: path.resolve(variantsDir(uploadDir, image.sha256)), dotfiles: 'deny', lastModified: false, cacheControl: false },
      (err) => {
        if (err && !res.headersSent) next(notFound('Deze foto bestaat niet (meer).'));
      },
    );
  });

  return router;
}
