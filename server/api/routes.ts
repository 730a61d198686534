// The open-data API, read-only JSON under /api/v1 (documented in docs/api.md): articles, council
// documents with their fields and questions, dossiers, and approved reacties. Listings go newest
// first in pages with a cursor (`?na=…`, from the `next` link), at most 100 a page (`?aantal=`).
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { findArticleById, isPublic, listPublicArticlesAfter, documentsOf, type Article, type ArticleKind } from '../articles/queries';
import { attachmentView } from '../attachments/format';
import { listAttachments } from '../attachments/queries';
import { DOCUMENT_TYPE_KEYS, isDocumentType } from '../documents/types';
import { dossiersOfArticle, findDossierBySlug, listDossiersForReaders, publicArticlesOfDossierAfter } from '../dossiers/queries';
import { latestVisibleReacties } from '../reacties/feed-queries';
import { parseId } from '../shared/validation';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { openToEveryone, sendError, sendJson } from './respond';
import { articleJson, attachmentJson, dossierJson, reactieJson, type DocumentContext } from './shape';
import { withOpenness } from '../articles/closing';
import { isoDateIn } from '../documents/dates';
import { loadSettings, type Settings } from '../settings/settings';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const DOCUMENT_KINDS = DOCUMENT_TYPE_KEYS.filter((k) => k !== 'nieuws');

type Paging = { after: Cursor | null; limit: number };

const documentContext = (settings: Settings, now: Date): DocumentContext => ({
  today: isoDateIn(now),
  answerTermDays: settings.documents.answerTermDays,
});

/** ?na= and ?aantal=, or the Dutch message for what is wrong with them. */
function readPaging(req: Request): Paging | string {
  const after = decodeCursor(req.query.na);
  if (after === null) return 'De parameter na is geen geldige cursor: gebruik de link in next van de vorige pagina.';
  const raw = req.query.aantal;
  const limit = raw === undefined ? DEFAULT_LIMIT : typeof raw === 'string' ? parseId(raw) : null;
  if (limit === null || limit > MAX_LIMIT) return `De parameter aantal moet een geheel getal van 1 tot en met ${MAX_LIMIT} zijn.`;
  return { after: after ?? null, limit };
}

/** The URL of the next page: this one with ?na= set to the last item, or null at the end. */
function nextLink(deps: Deps, req: Request, items: Array<{ at: Date | null; id: number }>, limit: number): string | null {
  const last = items[items.length - 1];
  if (items.length < limit || !last?.at) return null;
  const url = new URL(req.originalUrl, deps.config.baseUrl);
  url.searchParams.set('na', encodeCursor({ at: last.at, id: last.id }));
  return `${deps.config.baseUrl}${url.pathname}${url.search}`;
}

export function apiRoutes(deps: Deps): Router {
  const router = Router();
  const base = deps.config.baseUrl;
  router.use('/api/v1', openToEveryone);

  async function listArticles(req: Request, res: Response, kinds: readonly ArticleKind[] | undefined): Promise<void> {
    const paging = readPaging(req);
    if (typeof paging === 'string') return sendError(res, 400, paging);
    const articles = await listPublicArticlesAfter(deps.db, deps.clock(), { kinds, after: paging.after, limit: paging.limit });
    await sendArticles(req, res, articles, paging.limit);
  }

  async function sendArticles(req: Request, res: Response, articles: Article[], limit: number): Promise<void> {
    const [docs, settings] = await Promise.all([documentsOf(deps.db, articles), loadSettings(deps.db)]);
    const now = deps.clock();
    const ctx = documentContext(settings, now);
    sendJson(req, res, {
      // reacties_open as the page says it: closed by time too (articles/closing.ts).
      data: articles.map((a) => articleJson(base, withOpenness(a, settings, now), docs.get(a.id), ctx)),
      next: nextLink(
        deps,
        req,
        articles.map((a) => ({ at: a.publishedAt, id: a.id })),
        limit,
      ),
    });
  }

  router.get('/api/v1', (req, res) => {
    sendJson(req, res, {
      name: deps.config.siteName,
      endpoints: {
        artikelen: `${base}/api/v1/artikelen`,
        documenten: `${base}/api/v1/documenten`,
        dossiers: `${base}/api/v1/dossiers`,
        reacties: `${base}/api/v1/reacties`,
      },
      document_types: DOCUMENT_KINDS,
    });
  });

  router.get('/api/v1/artikelen', (req, res) => listArticles(req, res, undefined));

  router.get('/api/v1/documenten', async (req, res) => {
    const soort = req.query.soort;
    if (soort === undefined) return listArticles(req, res, DOCUMENT_KINDS);
    if (!isDocumentType(soort) || soort === 'nieuws')
      return sendError(res, 400, `Onbekende soort. Kies uit: ${DOCUMENT_KINDS.join(', ')}.`);
    return listArticles(req, res, [soort]);
  });

  router.get('/api/v1/artikelen/:id', async (req, res) => {
    const id = parseId(String(req.params.id));
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (!article || !isPublic(article, deps.clock()))
      return sendError(res, 404, 'Dit artikel bestaat niet (meer), of is nog niet gepubliceerd.');
    const [docs, dossiers, attachments, settings] = await Promise.all([
      documentsOf(deps.db, [article]),
      dossiersOfArticle(deps.db, article.id),
      listAttachments(deps.db, article.id),
      loadSettings(deps.db),
    ]);
    sendJson(req, res, {
      data: {
        ...articleJson(base, withOpenness(article, settings, deps.clock()), docs.get(article.id), documentContext(settings, deps.clock())),
        dossiers: dossiers.map((d) => ({
          slug: d.slug,
          title: d.title,
          url: `${base}/dossiers/${d.slug}`,
          api: `${base}/api/v1/dossiers/${d.slug}`,
        })),
        attachments: attachments.map((a) => attachmentJson(base, attachmentView(a))),
      },
    });
  });

  router.get('/api/v1/dossiers', async (req, res) => {
    const rows = await listDossiersForReaders(deps.db, deps.clock());
    sendJson(req, res, { data: rows.map(({ dossier, articleCount }) => dossierJson(base, dossier, articleCount)) });
  });

  router.get('/api/v1/dossiers/:slug', async (req, res) => {
    const dossier = await findDossierBySlug(deps.db, String(req.params.slug));
    if (!dossier) return sendError(res, 404, 'Dit dossier bestaat niet (meer).');
    const rows = await listDossiersForReaders(deps.db, deps.clock());
    const count = rows.find((r) => r.dossier.id === dossier.id)?.articleCount ?? 0;
    sendJson(req, res, { data: { ...dossierJson(base, dossier, count), participants: dossier.participants } });
  });

  router.get('/api/v1/dossiers/:slug/artikelen', async (req, res) => {
    const dossier = await findDossierBySlug(deps.db, String(req.params.slug));
    if (!dossier) return sendError(res, 404, 'Dit dossier bestaat niet (meer).');
    const paging = readPaging(req);
    if (typeof paging === 'string') return sendError(res, 400, paging);
    const articles = await publicArticlesOfDossierAfter(deps.db, dossier.id, deps.clock(), paging.after, paging.limit);
    await sendArticles(req, res, articles, paging.limit);
  });

  async function sendReacties(req: Request, res: Response, articleId: number | null): Promise<void> {
    const paging = readPaging(req);
    if (typeof paging === 'string') return sendError(res, 400, paging);
    const { reacties, next } = await latestVisibleReacties(deps.db, deps.clock(), articleId, paging.limit, paging.after);
    const url = new URL(req.originalUrl, base);
    if (next) url.searchParams.set('na', encodeCursor(next));
    sendJson(req, res, { data: reacties.map((r) => reactieJson(base, r)), next: next ? `${base}${url.pathname}${url.search}` : null });
  }

  // Approved reacties that readers see (approved under approved parents), newest first.
  router.get('/api/v1/reacties', (req, res) => sendReacties(req, res, null));

  router.get('/api/v1/artikelen/:id/reacties', async (req, res) => {
    const id = parseId(String(req.params.id));
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (!article || !isPublic(article, deps.clock()))
      return sendError(res, 404, 'Dit artikel bestaat niet (meer), of is nog niet gepubliceerd.');
    await sendReacties(req, res, article.id);
  });

  router.use('/api', (_req, res) => sendError(res, 404, 'Dit adres bestaat niet in de open-data-API. Zie /api/v1 voor wat er is.'));
  return router;
}
