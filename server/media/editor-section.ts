// The article editor's photos: the "Foto's" section (upload, the photos in the text) and the
// choice of lead image inside the article form. articles/ knows nothing of it: this middleware
// runs before the editor's routes and leaves what the templates show in res.locals.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { findArticleById } from '../articles/queries';
import { figureIds, figureShortcode, variantUrl } from '../images/figure';
import { imagesByIds, listImages, type Image } from '../images/queries';
import { offeredUploads } from '../attachments/new-article';
import { draftList, draftValue, findDraft, type Draft } from '../revisions/drafts';
import { field, parseId, type FieldErrors } from '../shared/validation';
import type { PhotoFormValues } from './photo-form';

/** How many of the newest photos the lead image choice offers besides those in the text. */
const NEWEST_OFFERED = 8;

/** A photo as the editor lists it: a small preview, its alt text and the line that puts it in the text. */
export interface PhotoItem {
  id: number;
  alt: string;
  thumbUrl: string;
  width: number;
  height: number;
  shortcode: string;
}

export interface PhotoSection {
  /** null on a new article's form. */
  articleId: number | null;
  /** The photos the text shows, in order. */
  inText: PhotoItem[];
  /** Just uploaded (no JavaScript): its line to put in the text. */
  added: PhotoItem | null;
  /** The lead image's choices: the current one, those in the text, the newest. */
  leadChoices: PhotoItem[];
  form: { values: PhotoFormValues; errors: FieldErrors; error: string | null };
}

export function photoItem(image: Image): PhotoItem {
  const small = image.widths[0];
  return {
    id: image.id,
    alt: image.alt,
    thumbUrl: variantUrl(image, small, 'jpg'),
    width: small,
    height: Math.max(1, Math.round((image.height * small) / image.width)),
    shortcode: figureShortcode(image.id),
  };
}

const EMPTY_FORM = { values: { alt: '', caption: '', credit: '' }, errors: {}, error: null };

/** Fills res.locals.photoSection for an editor showing this text and lead image. */
async function setPhotoSection(
  deps: Deps,
  res: Response,
  s: { articleId: number | null; body: string; leadImageId: number | null; addedId?: number | null; form?: PhotoSection['form'] },
): Promise<void> {
  const inTextIds = figureIds(s.body);
  const newest = await listImages(deps.db, '', NEWEST_OFFERED);
  const known = await imagesByIds(deps.db, [...inTextIds, ...(s.leadImageId ? [s.leadImageId] : []), ...(s.addedId ? [s.addedId] : [])]);
  for (const image of newest) known.set(image.id, image);
  const item = (id: number) => {
    const image = known.get(id);
    return image ? photoItem(image) : null;
  };
  const choiceIds = [...new Set([...(s.leadImageId ? [s.leadImageId] : []), ...inTextIds, ...newest.map((i) => i.id)])];
  res.locals.photoSection = {
    articleId: s.articleId,
    inText: inTextIds.map(item).filter((i): i is PhotoItem => i !== null),
    added: s.addedId ? item(s.addedId) : null,
    leadChoices: choiceIds.map(item).filter((i): i is PhotoItem => i !== null),
    form: s.form ?? EMPTY_FORM,
  } satisfies PhotoSection;
}

/** The lead image as the form sends it: an id, null for none; undefined when the form has no such field. */
function leadImageOfForm(body: unknown): number | null | undefined {
  if (typeof (body as Record<string, unknown> | null)?.hoofdfoto !== 'string') return undefined;
  const value = field(body, 'hoofdfoto').trim();
  return value === '' ? null : parseId(value);
}

export function photoEditorLocals(deps: Deps): Router {
  const router = Router();
  // The editor of a new article (GET /nieuw, and POST / sent back), and of an existing one.
  const fill = (which: 'new' | 'existing') => async (req: Request, res: Response, next: () => void) => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'POST') || !res.locals.can?.('articles')) return next();
    const id = which === 'new' ? null : parseId(String(req.params.id));
    if (which === 'existing' && id === null) return next();
    const addedId = typeof req.query.foto === 'string' ? parseId(req.query.foto) : null;
    let draft: Draft | null = null;
    if (req.method === 'POST') {
      await setPhotoSection(deps, res, { articleId: id, body: field(req.body, 'tekst'), leadImageId: leadImageOfForm(req.body) ?? null });
    } else if (req.query.concept === 'terug' && res.locals.user && (draft = await findDraft(deps.db, res.locals.user.id, id))) {
      // The autosaved draft put back in the form (server/revisions/routes.ts): its text and lead image.
      const lead = draftValue(draft.form, 'hoofdfoto');
      await setPhotoSection(deps, res, {
        articleId: id,
        body: draftValue(draft.form, 'tekst') ?? '',
        leadImageId: lead === undefined ? null : parseId(lead),
        addedId,
      });
      // A new article's files, chosen before the picker or a crash, waiting on the server: offered again as they were ticked.
      if (which === 'new')
        res.locals.newAttachments = await offeredUploads(deps, res.locals.user.id, {
          offered: draftList(draft.form, 'bijlagen_aangeboden'),
          chosen: draftList(draft.form, 'bijlage'),
        });
    } else if (id !== null) {
      const article = await findArticleById(deps.db, id);
      if (article)
        await setPhotoSection(deps, res, { articleId: id, body: article.bodyMarkdown, leadImageId: article.leadImageId, addedId });
    } else if (which === 'new') {
      await setPhotoSection(deps, res, { articleId: null, body: '', leadImageId: null, addedId });
    }
    next();
  };
  router.use('/beheer/artikelen/nieuw', fill('new'));
  router.use('/beheer/artikelen/:id', fill('existing'));
  router.use('/beheer/artikelen', (req, res, next) => (req.method === 'POST' ? fill('new')(req, res, next) : next()));
  return router;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The article editor's photos (views/media/editor.ejs, views/media/lead-field.ejs). */
      photoSection?: PhotoSection;
    }
  }
}
