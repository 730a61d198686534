// /beheer/media: every photo and attached file with its size, type, upload date and the articles
// that use it; search; a photo's text changed, its file replaced everywhere (same references, new
// variants), or deleted when no article uses it. Every change is in the audit log.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { articlesUsingImage } from '../articles/image-uses';
import { listArticlesByIds } from '../articles/queries';
import { audit } from '../audit/audit-log';
import { formatFileSize, attachmentView } from '../attachments/format';
import { typeLabel } from '../attachments/file-type';
import { listAllAttachments } from '../attachments/queries';
import { receiveUpload } from '../attachments/upload';
import { noStore } from '../http/cache';
import { HttpError, notFound } from '../http/errors';
import { figureShortcode, pictureView } from '../images/figure';
import { findImage, listImages, type Image } from '../images/queries';
import { field, normalizeLine, parseId, type FieldErrors } from '../shared/validation';
import { checkPhotoFile, checkPhotoText, photoFormOf, readPhotoForm, PHOTO_LIMITS, type PhotoFormValues } from './photo-form';
import { changePhotoText, deletePhoto, replacePhoto } from './photos';
import { photoItem } from './editor-section';

const LIST_LIMIT = 100;
const SEARCH_MAX = 100;

export function mediaLibraryRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  router.get('/beheer/media', ...guard, async (req, res) => {
    const search = normalizeLine(typeof req.query.zoek === 'string' ? req.query.zoek : '').slice(0, SEARCH_MAX);
    const [images, attachments] = await Promise.all([
      listImages(deps.db, search, LIST_LIMIT),
      listAllAttachments(deps.db, search, LIST_LIMIT),
    ]);
    const uses = await Promise.all(images.map((i) => articlesUsingImage(deps.db, i.id)));
    const articles = new Map((await listArticlesByIds(deps.db, [...new Set(attachments.map((a) => a.articleId))])).map((a) => [a.id, a]));
    res.render('media/library', {
      title: 'Mediabibliotheek',
      bodyClass: 'beheer',
      search,
      photos: images.map((image, i) => ({
        ...photoItem(image),
        name: image.originalName,
        details: `${typeLabel(image.mediaType)}, ${formatFileSize(image.size)}, ${image.width} × ${image.height}`,
        createdAt: image.createdAt,
        uses: uses[i],
      })),
      files: attachments.map((a) => ({
        ...attachmentView(a),
        name: a.originalName,
        createdAt: a.createdAt,
        article: articles.get(a.articleId) ?? null,
      })),
    });
  });

  async function loadPhoto(req: Request): Promise<Image> {
    const id = parseId(String(req.params.id));
    const image = id === null ? null : await findImage(deps.db, id);
    if (!image) throw notFound('Deze foto bestaat niet (meer).');
    return image;
  }

  async function renderPhoto(
    res: Response,
    status: number,
    image: Image,
    s: { values?: PhotoFormValues; errors?: FieldErrors; replaceError?: string; deleteError?: string } = {},
  ) {
    res.status(status).render('media/photo', {
      title: `Foto: ${image.alt}`,
      bodyClass: 'beheer',
      photo: image,
      picture: pictureView(image, '(min-width: 44rem) 42rem, calc(100vw - 2rem)', false),
      shortcode: figureShortcode(image.id),
      details: `${typeLabel(image.mediaType)}, ${formatFileSize(image.size)}, ${image.width} × ${image.height} pixels`,
      uses: await articlesUsingImage(deps.db, image.id),
      values: s.values ?? photoFormOf(image),
      errors: s.errors ?? {},
      replaceError: s.replaceError ?? null,
      deleteError: s.deleteError ?? null,
      limits: PHOTO_LIMITS,
    });
  }

  router.get('/beheer/media/fotos/:id', ...guard, async (req, res) => {
    await renderPhoto(res, 200, await loadPhoto(req));
  });

  router.post('/beheer/media/fotos/:id', ...guard, async (req, res) => {
    const image = await loadPhoto(req);
    const values = readPhotoForm({
      alt: field(req.body, 'alt'),
      bijschrift: field(req.body, 'bijschrift'),
      fotograaf: field(req.body, 'fotograaf'),
    });
    const { text, errors } = checkPhotoText(values);
    if (Object.keys(errors).length) return renderPhoto(res, 422, image, { values, errors });
    await changePhotoText(deps, image.id, text);
    await audit(deps.db, currentActor(res), 'media.update', { type: 'image', id: image.id }, text.alt.slice(0, 200));
    req.session.flash = 'De tekst bij de foto is opgeslagen; de artikelen met deze foto tonen hem meteen.';
    res.redirect(303, `/beheer/media/fotos/${image.id}`);
  });

  router.post('/beheer/media/fotos/:id/vervangen', ...guard, async (req, res) => {
    const image = await loadPhoto(req);
    const file = await checkPhotoFile(await receiveUpload(req, deps.config.uploadDir, 'foto'));
    if (!file.ok) return renderPhoto(res, file.status, image, { replaceError: file.error });
    try {
      if (!(await replacePhoto(deps, image.id, file.file))) throw notFound('Deze foto bestaat niet (meer).');
    } catch (err) {
      if (err instanceof HttpError && err.status === 422) return renderPhoto(res, 422, image, { replaceError: err.message });
      throw err;
    }
    await audit(deps.db, currentActor(res), 'media.replace', { type: 'image', id: image.id }, file.file.originalName.slice(0, 200));
    req.session.flash = 'De foto is vervangen, overal waar hij gebruikt wordt.';
    res.redirect(303, `/beheer/media/fotos/${image.id}`);
  });

  router.post('/beheer/media/fotos/:id/verwijderen', ...guard, async (req, res) => {
    const image = await loadPhoto(req);
    try {
      await deletePhoto(deps, image.id);
    } catch (err) {
      if (err instanceof HttpError && err.status === 409) return renderPhoto(res, 409, image, { deleteError: err.message });
      throw err;
    }
    await audit(deps.db, currentActor(res), 'media.delete', { type: 'image', id: image.id }, image.alt.slice(0, 200));
    req.session.flash = 'De foto is verwijderd.';
    res.redirect(303, '/beheer/media');
  });

  return router;
}
