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
import { attachmentsOfFile, findAttachment, listAllAttachments, type Attachment } from '../attachments/queries';
import { receiveUpload } from '../attachments/upload';
import { checkUpload, replaceAttachmentFile } from '../attachments/attach';
import { queueFileText } from '../attachments/file-text';
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

  async function loadAttachment(req: Request): Promise<Attachment> {
    const id = parseId(String(req.params.id));
    const attachment = id === null ? null : await findAttachment(deps.db, id);
    if (!attachment) throw notFound('Deze bijlage bestaat niet (meer).');
    return attachment;
  }

  /** An attachment's page: its file, every article that has the same file attached, and the replace form. */
  async function renderAttachment(res: Response, status: number, attachment: Attachment, replaceError: string | null = null) {
    const links = await attachmentsOfFile(deps.db, attachment.sha256);
    const articles = new Map((await listArticlesByIds(deps.db, [...new Set(links.map((l) => l.articleId))])).map((a) => [a.id, a]));
    res.status(status).render('media/attachment', {
      title: `Bijlage: ${attachment.title}`,
      bodyClass: 'beheer',
      file: { ...attachmentView(attachment), name: attachment.originalName, createdAt: attachment.createdAt },
      uses: links.flatMap((l) => {
        const article = articles.get(l.articleId);
        return article ? [{ id: article.id, title: article.title, as: l.title }] : [];
      }),
      replaceError,
    });
  }

  router.get('/beheer/media/bijlagen/:id', ...guard, async (req, res) => {
    await renderAttachment(res, 200, await loadAttachment(req));
  });

  router.post('/beheer/media/bijlagen/:id/vervangen', ...guard, async (req, res) => {
    const attachment = await loadAttachment(req);
    // The type from the bytes and the size limit, as any upload; the titles stay as they are.
    const checked = await checkUpload({ ...(await receiveUpload(req, deps.config.uploadDir, 'bestand')), fields: {} });
    if (!checked.ok) return renderAttachment(res, checked.refusal.status, attachment, checked.refusal.error);
    let articleIds: number[];
    try {
      articleIds = await replaceAttachmentFile(deps.db, deps.config.uploadDir, attachment.sha256, checked.value, deps.clock());
    } catch (err) {
      if (err instanceof HttpError && err.status === 404)
        return renderAttachment(
          res,
          409,
          attachment,
          'Deze bijlage is intussen al vervangen of verwijderd. Kijk hieronder wat er nu staat.',
        );
      throw err;
    }
    // A PDF's text is read after the answer, for search.
    queueFileText({ db: deps.db, uploadDir: deps.config.uploadDir, logger: deps.logger }, checked.value.sha256);
    await audit(
      deps.db,
      currentActor(res),
      'media.replace-file',
      { type: 'attachment', id: attachment.id },
      `${attachment.originalName} → ${checked.value.originalName}`.slice(0, 200),
    );
    req.session.flash =
      articleIds.length === 1
        ? 'De bijlage is vervangen.'
        : `De bijlage is vervangen, in alle ${articleIds.length} artikelen die hem gebruiken.`;
    res.redirect(303, `/beheer/media/bijlagen/${attachment.id}`);
  });

  return router;
}
