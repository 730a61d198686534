// /beheer/dossiers: editors make dossiers, write their introduction and participants, and choose
// the articles in them. Every change is in the audit log.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { renderMarkdown } from '../shared/markdown';
import { field, firstChars, normalizeLine, parseId, type FieldErrors } from '../shared/validation';
import { ARTICLE_KINDS, articlePath, findArticleById, isPublic, isScheduled, type Article } from '../articles/queries';
import { DOSSIER_LIMITS, EMPTY_DOSSIER_FORM, dossierToForm, parseDossierForm, type DossierFormValues } from './form';
import {
  addArticleToDossier,
  allArticlesOfDossier,
  createDossier,
  deleteDossier,
  dossierSlugTaken,
  findDossierById,
  listDossiersForBeheer,
  removeArticleFromDossier,
  searchArticlesByTitle,
  uniqueDossierSlug,
  updateDossier,
  type Dossier,
} from './queries';

const SEARCH_MAX = 200;
const SEARCH_RESULTS = 20;

export function dossierAdminRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  async function load(req: Request): Promise<Dossier> {
    const id = parseId(String(req.params.id));
    const dossier = id === null ? null : await findDossierById(deps.db, id);
    if (!dossier) throw notFound('Dit dossier bestaat niet (meer).');
    return dossier;
  }

  async function loadArticle(req: Request): Promise<Article> {
    const id = parseId(field(req.body, 'artikel'));
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (!article) throw notFound('Dit artikel bestaat niet (meer).');
    return article;
  }

  const now = () => deps.clock();
  const state = (a: Article) =>
    a.status === 'draft' ? 'Concept' : a.status === 'review' ? 'Ter beoordeling' : isScheduled(a, now()) ? 'Gepland' : 'Gepubliceerd';
  const row = (a: Article) => ({
    article: a,
    kindLabel: ARTICLE_KINDS[a.kind] ?? a.kind,
    state: state(a),
    publicPath: isPublic(a, now()) ? articlePath(a) : null,
  });

  interface EditState {
    dossier: Dossier | null;
    values: DossierFormValues;
    errors: FieldErrors;
    previewHtml?: string;
    zoek?: string;
  }

  async function renderEditor(res: Response, status: number, s: EditState): Promise<void> {
    const zoek = s.zoek ?? '';
    const members = s.dossier ? await allArticlesOfDossier(deps.db, s.dossier.id) : [];
    const memberIds = new Set(members.map((a) => a.id));
    const found = s.dossier && zoek ? await searchArticlesByTitle(deps.db, zoek, SEARCH_RESULTS) : [];
    res.status(status).render('beheer/dossiers/form', {
      title: s.dossier ? `Dossier: ${s.dossier.title}` : 'Nieuw dossier',
      bodyClass: 'beheer',
      dossier: s.dossier,
      values: s.values,
      errors: s.errors,
      previewHtml: s.previewHtml ?? null,
      limits: DOSSIER_LIMITS,
      members: members.map(row),
      zoek,
      searched: Boolean(s.dossier && zoek),
      found: found.map((a) => ({ ...row(a), inDossier: memberIds.has(a.id) })),
    });
  }

  /** Create or update from the form: preview, validate, a unique slug, store, audit. */
  async function save(req: Request, res: Response, existing: Dossier | null): Promise<void> {
    const parsed = parseDossierForm(req.body);
    if (field(req.body, 'actie') === 'voorbeeld') {
      return renderEditor(res, 200, {
        dossier: existing,
        values: parsed.input,
        errors: {},
        previewHtml: renderMarkdown(parsed.input.intro),
      });
    }
    if (!parsed.ok) return renderEditor(res, 422, { dossier: existing, values: parsed.input, errors: parsed.errors });
    const { slugGiven, ...input } = parsed.value;
    if (slugGiven && (await dossierSlugTaken(deps.db, input.slug, existing?.id))) {
      const errors = { slug: 'Deze slug is al in gebruik bij een ander dossier; kies een andere.' };
      return renderEditor(res, 422, { dossier: existing, values: parsed.input, errors });
    }
    if (!slugGiven)
      input.slug = existing && existing.title === input.title ? existing.slug : await uniqueDossierSlug(deps.db, input.slug, existing?.id);
    const saved = existing ? await updateDossier(deps.db, existing.id, input, now()) : await createDossier(deps.db, input, now());
    if (!saved) throw notFound('Dit dossier bestaat niet (meer).');
    await audit(deps.db, currentActor(res), existing ? 'dossier.update' : 'dossier.create', { type: 'dossier', id: saved.id }, saved.title);
    req.session.flash = 'Dossier opgeslagen.';
    res.redirect(303, `/beheer/dossiers/${saved.id}`);
  }

  router.get('/beheer/dossiers', ...guard, async (_req, res) => {
    const rows = await listDossiersForBeheer(deps.db);
    res.render('beheer/dossiers/list', { title: 'Dossiers', bodyClass: 'beheer', rows });
  });

  router.get('/beheer/dossiers/nieuw', ...guard, async (_req, res) => {
    await renderEditor(res, 200, { dossier: null, values: { ...EMPTY_DOSSIER_FORM }, errors: {} });
  });

  router.post('/beheer/dossiers', ...guard, (req, res) => save(req, res, null));

  router.get('/beheer/dossiers/:id', ...guard, async (req, res) => {
    const dossier = await load(req);
    const zoek = typeof req.query.zoek === 'string' ? firstChars(normalizeLine(req.query.zoek), SEARCH_MAX) : '';
    await renderEditor(res, 200, { dossier, values: dossierToForm(dossier), errors: {}, zoek });
  });

  router.post('/beheer/dossiers/:id', ...guard, async (req, res) => save(req, res, await load(req)));

  router.post('/beheer/dossiers/:id/verwijderen', ...guard, async (req, res) => {
    const dossier = await load(req);
    await deleteDossier(deps.db, dossier.id);
    await audit(deps.db, currentActor(res), 'dossier.delete', { type: 'dossier', id: dossier.id }, dossier.title);
    req.session.flash = `Het dossier "${dossier.title}" is verwijderd. De artikelen zelf staan nog op de weblog.`;
    res.redirect(303, '/beheer/dossiers');
  });

  // Back to the dossier, to the search the editor was doing.
  const back = (req: Request, dossier: Dossier) => {
    const zoek = firstChars(normalizeLine(field(req.body, 'zoek')), SEARCH_MAX);
    return `/beheer/dossiers/${dossier.id}${zoek ? `?zoek=${encodeURIComponent(zoek)}` : ''}#artikelen`;
  };

  router.post('/beheer/dossiers/:id/artikelen', ...guard, async (req, res) => {
    const dossier = await load(req);
    const article = await loadArticle(req);
    const added = await addArticleToDossier(deps.db, dossier.id, article.id, now());
    if (added) {
      const detail = firstChars(`${article.title} → ${dossier.title}`, 400);
      await audit(deps.db, currentActor(res), 'dossier.add-article', { type: 'dossier', id: dossier.id }, detail);
    }
    req.session.flash = added ? `"${article.title}" staat nu in dit dossier.` : `"${article.title}" stond al in dit dossier.`;
    res.redirect(303, back(req, dossier));
  });

  router.post('/beheer/dossiers/:id/artikelen/verwijderen', ...guard, async (req, res) => {
    const dossier = await load(req);
    const article = await loadArticle(req);
    const removed = await removeArticleFromDossier(deps.db, dossier.id, article.id);
    if (removed) {
      const detail = firstChars(`${article.title} ← ${dossier.title}`, 400);
      await audit(deps.db, currentActor(res), 'dossier.remove-article', { type: 'dossier', id: dossier.id }, detail);
    }
    req.session.flash = removed ? `"${article.title}" is uit dit dossier gehaald.` : `"${article.title}" stond niet in dit dossier.`;
    res.redirect(303, back(req, dossier));
  });

  return router;
}
