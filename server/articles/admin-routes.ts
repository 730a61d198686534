// /beheer/artikelen: editors write, preview, publish, schedule and unpublish articles.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { actorOf, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { formatDateTime } from '../shared/format';
import { renderMarkdown } from '../shared/markdown';
import { field, parseId, type FieldErrors } from '../shared/validation';
import { articleToForm, emptyArticleForm, readArticleForm, validateArticleForm, ARTICLE_LIMITS, type ArticleFormValues } from './admin-form';
import {
  ARTICLE_KINDS, articlePath, createArticle, findArticleById, isPublic, isScheduled, listArticlesForBeheer, slugTaken,
  uniqueSlug, unpublishArticle, updateArticle, type Article,
} from './queries';

const PER_PAGE = 30;

export function articleAdminRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  const renderForm = (res: Response, status: number, opts: { article?: Article; values: ArticleFormValues; errors: FieldErrors; previewHtml?: string }) =>
    res.status(status).render('beheer/articles/form', {
      title: opts.article ? `Bewerken: ${opts.article.title}` : 'Nieuw artikel',
      bodyClass: 'beheer',
      article: opts.article ?? null,
      publicPath: opts.article && isPublic(opts.article, deps.clock()) ? articlePath(opts.article) : null,
      values: opts.values,
      errors: opts.errors,
      previewHtml: opts.previewHtml ?? null,
      kinds: ARTICLE_KINDS,
      limits: ARTICLE_LIMITS,
    });

  const savedMessage = (a: Article) => {
    const now = deps.clock();
    if (isScheduled(a, now)) return `Artikel opgeslagen en gepland voor ${formatDateTime(a.publishedAt!)}.`;
    return isPublic(a, now) ? 'Artikel opgeslagen en gepubliceerd.' : 'Artikel opgeslagen als concept.';
  };

  /** Shared by create and update: preview, validate, unique slug, save. */
  async function handleSave(req: Request, res: Response, existing?: Article): Promise<void> {
    const values = readArticleForm(req.body);
    const { input, slugGiven, errors } = validateArticleForm(values);
    if (field(req.body, 'actie') === 'voorbeeld') {
      return void renderForm(res, 200, { article: existing, values, errors: {}, previewHtml: renderMarkdown(values.body) });
    }
    if (input && slugGiven && (await slugTaken(deps.db, input.slug, existing?.id))) errors.slug = 'Deze slug is al in gebruik bij een ander artikel; kies een andere.';
    if (!input || Object.keys(errors).length) {
      return void renderForm(res, 422, { article: existing, values, errors });
    }
    if (!slugGiven) input.slug = existing && existing.title === input.title ? existing.slug : await uniqueSlug(deps.db, input.slug, existing?.id);
    const now = deps.clock();
    const actor = actorOf(res.locals.user!);
    const saved = existing ? await updateArticle(deps.db, existing.id, input, now) : await createArticle(deps.db, input, res.locals.user!.id, now);
    if (!saved) throw notFound('Dit artikel bestaat niet (meer).');
    await audit(deps.db, actor, existing ? 'article.update' : 'article.create', { type: 'article', id: saved.id }, saved.title.slice(0, 200));
    req.session.flash = savedMessage(saved);
    res.redirect(303, `/beheer/artikelen/${saved.id}`);
  }

  async function load(req: Request): Promise<Article> {
    const id = parseId(String(req.params.id));
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (!article) throw notFound('Dit artikel bestaat niet (meer).');
    return article;
  }

  router.get('/beheer/artikelen', ...guard, async (req, res) => {
    const page = typeof req.query.pagina === 'string' ? parseId(req.query.pagina) ?? 1 : 1;
    const { articles, total } = await listArticlesForBeheer(deps.db, page, PER_PAGE);
    const now = deps.clock();
    res.render('beheer/articles/list', {
      title: 'Artikelen',
      bodyClass: 'beheer',
      rows: articles.map((a) => ({
        article: a,
        kindLabel: ARTICLE_KINDS[a.kind],
        state: a.status === 'draft' ? 'Concept' : isScheduled(a, now) ? 'Gepland' : 'Gepubliceerd',
        publicPath: isPublic(a, now) ? articlePath(a) : null,
      })),
      page,
      pages: Math.max(1, Math.ceil(total / PER_PAGE)),
    });
  });

  router.get('/beheer/artikelen/nieuw', ...guard, (_req, res) => {
    renderForm(res, 200, { values: emptyArticleForm(res.locals.user!.name), errors: {} });
  });

  router.post('/beheer/artikelen', ...guard, (req, res) => handleSave(req, res));

  router.get('/beheer/artikelen/:id', ...guard, async (req, res) => {
    const article = await load(req);
    renderForm(res, 200, { article, values: articleToForm(article), errors: {} });
  });

  router.post('/beheer/artikelen/:id', ...guard, async (req, res) => handleSave(req, res, await load(req)));

  router.post('/beheer/artikelen/:id/depubliceren', ...guard, async (req, res) => {
    const article = await load(req);
    await unpublishArticle(deps.db, article.id, deps.clock());
    await audit(deps.db, actorOf(res.locals.user!), 'article.unpublish', { type: 'article', id: article.id }, article.title.slice(0, 200));
    req.session.flash = 'Het artikel is teruggezet naar concept en staat niet meer op de weblog.';
    res.redirect(303, `/beheer/artikelen/${article.id}`);
  });

  return router;
}
