// "Kies uit de mediabibliotheek" in the article editor: an earlier photo put in the text or chosen as
// lead image. With JavaScript the editor opens a dialog that reads GET /beheer/media/kiezen as JSON and
// puts the line in at the cursor itself. Without, the editor's button sends the form: what is typed is
// kept as the editor's draft (revisions/drafts.ts), the plain page lists the photos, and the choice
// is written into that draft, which the editor shows again (?concept=terug). Nothing typed is lost: the ticked
// dossiers come back ticked, and a new article's chosen files, kept on the server since the form was sent, come back
// as "Al gekozen" (a file input cannot be filled again; the file need not be).
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentUser, requirePermission } from '../accounts/auth';
import { findArticleById } from '../articles/queries';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { figureShortcode, insertFigureLine } from '../images/figure';
import { countImages, findImage, listImages } from '../images/queries';
import { draftFields, draftValue, findDraft, saveDraft } from '../revisions/drafts';
import { field, normalizeLine, parseId } from '../shared/validation';
import { formatDate } from '../shared/format';
import { photoItem, type PhotoItem } from './editor-section';

/** Photos on one page of the choice. */
const PER_PAGE = 12;
const SEARCH_MAX = 100;
/** The editor's button that opens the choice (views/media/picker-button.ejs). */
const PICKER_ACTION = 'mediabibliotheek';

/** A photo in the choice: as the editor lists it, with its upload date. */
interface PickerItem extends PhotoItem {
  date: string;
}

/** Where the editor is: an article's, or a new article's form. */
const editorPath = (articleId: number | null) => (articleId === null ? '/beheer/artikelen/nieuw' : `/beheer/artikelen/${articleId}`);
/** The editor with its draft put back in the form. */
const backToDraft = (articleId: number | null) => `${editorPath(articleId)}?concept=terug`;

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

export function mediaPickerRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  /** The article the choice is for: null for a new article's form; a Dutch 404 for one that does not exist. */
  async function articleOf(value: string): Promise<number | null> {
    if (value === '') return null;
    const id = parseId(value);
    if (id === null || !(await findArticleById(deps.db, id))) throw notFound('Dit artikel bestaat niet (meer).');
    return id;
  }

  // The editor's "Kies uit de mediabibliotheek" without JavaScript: the form as typed becomes the draft.
  const fromEditor = (isNew: boolean) => async (req: Request, res: Response, next: () => void) => {
    if (field(req.body, 'actie') !== PICKER_ACTION) return next();
    const articleId = isNew ? null : await articleOf(String(req.params.id));
    // A new article's file chosen with it is already kept on the server (attachments/new-article.ts): its token is in the
    // form, so the draft brings it back. One that was refused is not: the picker's page says so.
    const refused = isNew ? res.locals.newAttachments?.error : null;
    if (refused) req.session.flash = `Het gekozen bestand is niet bewaard. ${refused}`;
    await saveDraft(deps.db, currentUser(res).id, articleId, draftFields(req.body), deps.clock());
    res.redirect(303, `/beheer/media/kiezen?artikel=${articleId ?? ''}`);
  };
  router.post('/beheer/artikelen/:id', ...guard, (req, res, next) =>
    /^\d{1,9}$/.test(String(req.params.id)) ? fromEditor(false)(req, res, next) : next(),
  );
  router.post('/beheer/artikelen', ...guard, fromEditor(true));

  router.get('/beheer/media/kiezen', ...guard, async (req, res) => {
    const articleId = await articleOf(typeof req.query.artikel === 'string' ? req.query.artikel : '');
    const search = normalizeLine(typeof req.query.zoek === 'string' ? req.query.zoek : '').slice(0, SEARCH_MAX);
    const total = await countImages(deps.db, search);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const asked = typeof req.query.pagina === 'string' ? (parseId(req.query.pagina) ?? 1) : 1;
    const page = Math.min(asked, pages);
    const images = await listImages(deps.db, search, PER_PAGE, (page - 1) * PER_PAGE);
    const photos: PickerItem[] = images.map((image) => ({ ...photoItem(image), date: formatDate(image.createdAt) }));
    if (wantsJson(req)) return res.json({ photos, page, pages, total });
    res.render('media/picker', {
      title: 'Kies uit de mediabibliotheek',
      bodyClass: 'beheer',
      articleId,
      backPath: backToDraft(articleId),
      search,
      photos,
      page,
      pages,
      total,
    });
  });

  // A photo chosen on the plain page: written into the editor's draft, and back to the editor.
  router.post('/beheer/media/kiezen', ...guard, async (req, res) => {
    const articleId = await articleOf(field(req.body, 'artikel'));
    const id = parseId(field(req.body, 'foto'));
    const image = id === null ? null : await findImage(deps.db, id);
    if (!image) throw notFound('Deze foto bestaat niet (meer). Kies een andere foto in de mediabibliotheek.');
    const asLead = field(req.body, 'doel') === 'hoofdfoto';
    const user = currentUser(res);
    const draft = await findDraft(deps.db, user.id, articleId);
    if (!draft) {
      // Saved meanwhile (another tab): the editor shows the photo's line to put in.
      req.session.flash = `Zet de regel ${figureShortcode(image.id)} op een eigen regel in de tekst, waar de foto moet komen.`;
      return res.redirect(303, `${editorPath(articleId)}?foto=${image.id}#fotos`);
    }
    const form = { ...draft.form };
    if (asLead) form.hoofdfoto = String(image.id);
    else form.tekst = insertFigureLine(draftValue(form, 'tekst') ?? '', figureShortcode(image.id));
    await saveDraft(deps.db, user.id, articleId, form, deps.clock());
    req.session.flash = asLead
      ? `De foto „${image.alt}” is gekozen als hoofdfoto. Sla het artikel op om dat te bewaren.`
      : `De foto „${image.alt}” staat aan het eind van de tekst (${figureShortcode(image.id)}). Zet de regel waar de foto moet komen en sla het artikel op.`;
    res.redirect(303, `${backToDraft(articleId)}${asLead ? '#hoofdfoto' : '#tekst'}`);
  });

  return router;
}
