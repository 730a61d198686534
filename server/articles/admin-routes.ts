// /beheer/artikelen: editors write, preview, publish, schedule and unpublish articles.
import { Router, type Request, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import type { Db } from '../db/knex';
import { currentActor, currentUser, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { field, parseId } from '../shared/validation';
import { hasDocumentSource } from '../documents/queries';
import { articleToForm, emptyArticleForm } from './admin-form';
import { renderEditor, saveFromEditor, type EditorHooks } from './admin-save';
import { recogniseAgain } from './import-routes';
import {
  ARTICLE_KINDS,
  articlePath,
  findArticleById,
  isPublic,
  isScheduled,
  listArticlesForBeheer,
  unpublishArticle,
  documentsOf,
  type Article,
} from './queries';

const PER_PAGE = 30;

/** The editor's buttons that recognise the document's text again rather than save: "Opnieuw herkennen" and the review's clicks. */
const recognises = (req: Request) => /^(?:herkennen|splitsen:\d+|samenvoegen:\d+|los:\d+)$/.test(field(req.body, 'actie'));

/** The article a beheer address names (/…/:id/…), or a Dutch 404. */
export async function articleOfRequest(db: Db, req: Request): Promise<Article> {
  const id = parseId(String(req.params.id));
  const article = id === null ? null : await findArticleById(db, id);
  if (!article) throw notFound('Dit artikel bestaat niet (meer).');
  return article;
}

export function articleAdminRoutes(deps: Deps, hooks: EditorHooks = {}): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  const load = (req: Request) => articleOfRequest(deps.db, req);

  router.get('/beheer/artikelen', ...guard, async (req, res) => {
    const page = typeof req.query.pagina === 'string' ? (parseId(req.query.pagina) ?? 1) : 1;
    const { articles, total } = await listArticlesForBeheer(deps.db, page, PER_PAGE);
    const now = deps.clock();
    const state = (a: Article) =>
      a.status === 'draft' ? 'Concept' : a.status === 'review' ? 'Ter beoordeling' : isScheduled(a, now) ? 'Gepland' : 'Gepubliceerd';
    const rows = articles.map((a) => ({
      article: a,
      // A page moved in from WordPress is in no public list: the editors see what it is here.
      kindLabel: a.isPage ? 'Pagina' : ARTICLE_KINDS[a.kind],
      state: state(a),
      publicPath: isPublic(a, now) ? articlePath(a) : null,
    }));
    res.render('beheer/articles/list', {
      title: 'Artikelen',
      bodyClass: 'beheer',
      rows,
      page,
      pages: Math.max(1, Math.ceil(total / PER_PAGE)),
    });
  });

  router.get('/beheer/artikelen/nieuw', ...guard, (_req, res) => {
    renderEditor(deps, res, 200, { values: emptyArticleForm(currentUser(res).name), errors: {} });
  });

  router.post('/beheer/artikelen', ...guard, (req, res) =>
    recognises(req) ? recogniseAgain(deps, req, res) : saveFromEditor(deps, req, res, undefined, hooks),
  );

  router.get('/beheer/artikelen/:id', ...guard, async (req, res) => {
    const article = await load(req);
    const document = (await documentsOf(deps.db, [article])).get(article.id);
    const canRecognise = await hasDocumentSource(deps.db, article.id);
    renderEditor(deps, res, 200, { article, values: articleToForm(article, document), errors: {}, canRecognise });
  });

  router.post('/beheer/artikelen/:id', ...guard, async (req, res) => {
    const article = await load(req);
    return recognises(req) ? recogniseAgain(deps, req, res, article) : saveFromEditor(deps, req, res, article, hooks);
  });

  router.post('/beheer/artikelen/:id/depubliceren', ...guard, async (req, res) => {
    const article = await load(req);
    await unpublishArticle(deps.db, article.id, deps.clock());
    await audit(deps.db, currentActor(res), 'article.unpublish', { type: 'article', id: article.id }, article.title.slice(0, 200));
    req.session.flash = 'Het artikel is teruggezet naar concept en staat niet meer op de weblog.';
    res.redirect(303, `/beheer/artikelen/${article.id}`);
  });

  return router;
}
