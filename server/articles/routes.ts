// Public article pages: the voorpagina and each article's permalink.
import { Router } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { setCanonicalQuery } from '../http/canonical';
import { renderToString, sendHtml } from '../http/page-cache';
import { notFound } from '../http/errors';
import { siteReactieTotal } from '../reacties/counters';
import { parseId } from '../shared/validation';
import { ancestorChain, publicReactiePlace } from '../reacties/queries';
import { MAX_THREAD_DEPTH } from '../reacties/thread-tree';
import { reactieLink } from '../reacties/thread/thread-view';
import { ownReactieIds } from '../reacties/own-cookie';
import { chooseVolgorde } from '../reacties/thread/volgorde';
import { newestFeaturedOf } from '../reacties/thread/featured';
import type { PublicReactie } from '../reacties/queries';
import { renderArticlePage } from './article-page';
import { withOpenness } from './closing';
import { articleAtPermalink, isPermalink, readReactiePage } from './permalink';
import {
  DOCUMENTS_PER_PAGE,
  documentParams,
  documentsUrl,
  listDocuments,
  readDocumentFilter,
  type DocumentsUrlChange,
} from './document-list';
import { formatIsoDate } from '../documents/dates';
import { pictureView } from '../images/figure';
import { imagesByIds } from '../images/queries';
import { keptSettings, loadSettings } from '../settings/settings';
import { settingsStart } from '../tagline/state';
import { ARTICLE_KINDS, articlePath, findArticleById, isPublic, listVoorpagina, nextScheduledAt, weblogStartedAt } from './queries';

// Ten items fit a phone screen's scroll and a day or two of the weblog.
const ARTICLES_PER_PAGE = 10;
/** A voorpagina item's lead image: 12rem beside the text on a wide screen, the full width on a phone (site.css .teaser-image). */
const TEASER_IMAGE_SIZES = '(min-width: 40rem) 12rem, calc(100vw - 2rem)';

// A featured reactie on the voorpagina is a quote of about two lines.
const FEATURED_EXCERPT_CHARS = 200;

function featuredTeaser(r: PublicReactie | undefined): { id: number; authorName: string; text: string } | null {
  if (!r) return null;
  const flat = r.body.replace(/\s+/g, ' ').trim();
  const text = flat.length > FEATURED_EXCERPT_CHARS ? `${flat.slice(0, FEATURED_EXCERPT_CHARS).replace(/\s+\S*$/, '')} …` : flat;
  return { id: r.id, authorName: r.authorName, text };
}

export function articleRoutes(deps: Deps): Router {
  const router = Router();

  router.get('/', publicCache, async (req, res) => {
    const pageParam = typeof req.query.pagina === 'string' ? req.query.pagina : '1';
    const page = parseId(pageParam);
    if (page === null) throw notFound('Deze pagina van de voorpagina bestaat niet.');
    const now = deps.clock();
    const [{ articles, total }, reactieTotal, settings] = await Promise.all([
      listVoorpagina(deps.db, now, page, ARTICLES_PER_PAGE),
      siteReactieTotal(deps.db),
      loadSettings(deps.db),
    ]);
    // The start date in the settings, or else the first article: the same as the tagline's age.
    const startedAt = settingsStart(settings) ?? (await weblogStartedAt(deps.db, now));
    // Whether each item still takes reacties (closed by an editor, or by time: closing.ts).
    const listed = articles.map((a) => withOpenness(a, settings, now));
    const pages = Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE));
    if (page > pages) throw notFound('Deze pagina van de voorpagina bestaat niet.');
    // Only the page number makes another voorpagina: anything else in the query names no page.
    setCanonicalQuery(res, { pagina: page });
    // One featured reactie per article ("Uitgelicht door de redactie"): the newest featured one.
    const featured = await newestFeaturedOf(
      deps.db,
      listed.map((a) => a.id),
    );
    // Lead images: in the kept page like the rest of it (a new lead image moves the site version).
    const leads = await imagesByIds(
      deps.db,
      listed.map((a) => a.leadImageId).filter((id): id is number => id !== null),
    );
    const leadOf = (a: (typeof listed)[number], i: number) => {
      const image = a.leadImageId === null ? undefined : leads.get(a.leadImageId);
      // The first item's photo is in view at once: only the others wait until they nearly are.
      return image ? pictureView(image, TEASER_IMAGE_SIZES, i > 0) : null;
    };
    const html = await renderToString(res, 'articles/voorpagina', {
      title: page > 1 ? `Voorpagina, pagina ${page}` : '',
      items: listed.map((a, i) => ({
        leadImage: leadOf(a, i),
        article: a,
        path: articlePath(a),
        kindLabel: ARTICLE_KINDS[a.kind],
        closed: !a.reactiesOpen,
        featured: featuredTeaser(featured.get(a.id)),
      })),
      reactieTotal,
      startedAt,
      page,
      pages,
    });
    // A kept copy holds until a scheduled article is due, or an item's reacties close by time, or
    // something it shows changes (its version).
    const due = res.locals.pageCacheSlot ? await nextScheduledAt(deps.db, now) : null;
    const closing = listed.map((a) => a.openness.closesAt?.getTime() ?? Infinity);
    sendHtml(req, res, html, null, Math.min(due?.getTime() ?? Infinity, ...closing));
  });

  router.get('/documenten', publicCache, async (req, res) => {
    const filter = readDocumentFilter(req.query);
    const now = deps.clock();
    const settings = await keptSettings(deps.db);
    const listing = await listDocuments(deps.db, filter, now, settings.documents.answerTermDays);
    const pages = Math.max(1, Math.ceil(listing.total / DOCUMENTS_PER_PAGE));
    if (filter.page > pages) throw notFound('Deze pagina van de documenten bestaat niet.');
    // The filters as read (an unknown soort is no filter), as the page's own links name them.
    setCanonicalQuery(res, documentParams(filter));
    res.render('documents/list', {
      title: 'Raadsdocumenten',
      kinds: ARTICLE_KINDS,
      ...listing,
      filter,
      pages,
      url: (change: DocumentsUrlChange) => documentsUrl(filter, change),
      path: articlePath,
      isoDate: formatIsoDate,
    });
  });

  router.get('/:year/:month/:slug', publicCache, async (req, res, next) => {
    const { year, month, slug } = req.params as Record<string, string>;
    // A slug no article here can have ("café-de-kroon", an old WordPress address) goes on to the redirects.
    // (Only the characters: a slug made unique by uniqueSlug may be longer than the form allows.)
    if (!isPermalink({ year, month }) || !/^[a-z0-9-]+$/.test(slug)) return next();
    const article = await articleAtPermalink(deps.db, req, res);
    const now = deps.clock();
    if (!article || !isPublic(article, now)) throw notFound('Dit artikel bestaat niet (meer), of is nog niet gepubliceerd.');
    const canonical = articlePath(article);
    // req.path, not the parameters: "/2015/05/slug/" (an old WordPress address) also moves to the canonical one.
    if (canonical !== req.path) return res.redirect(301, canonical);
    const replyTo = typeof req.query.antwoord === 'string' ? parseId(req.query.antwoord) : null;
    const page = readReactiePage(req.query.reacties);
    if (page === null)
      throw notFound('Deze pagina met reacties bestaat niet (meer). De nieuwste reacties staan op de pagina van het artikel zelf.');
    const target = typeof req.query.reactie === 'string' ? parseId(req.query.reactie) : null;
    const confirmationSentFor = typeof req.query.bevestigingsmail === 'string' ? parseId(req.query.bevestigingsmail) : null;
    const withdrawn = typeof req.query.ingetrokken === 'string' ? parseId(req.query.ingetrokken) : null;
    // ?volgorde= is never part of a kept page (public-pages renders it fresh); the choice is kept in a cookie.
    const volgorde = chooseVolgorde(req, res, deps.config.env === 'production');
    await renderArticlePage(deps, req, res, article, { replyTo, page, target, confirmationSentFor, withdrawn, volgorde });
  });

  // A link to one reactie (for feeds and e-mails): its article, on the page that holds it, scrolled to it.
  router.get('/reactie/:id', async (req, res) => {
    const id = parseId(String(req.params.id));
    const place = id === null ? null : await publicReactiePlace(deps.db, id, ownReactieIds(req, deps.config.sessionSecret));
    const article = place ? await findArticleById(deps.db, place.articleId) : null;
    if (!place || !article || !isPublic(article, deps.clock()))
      throw notFound('Deze reactie bestaat niet (meer), of wacht nog op goedkeuring.');
    // Deep in a thread it names itself, so the page renders its folded branch open.
    const depth = Math.min((await ancestorChain(deps.db, id!)).length, MAX_THREAD_DEPTH);
    res.redirect(302, reactieLink(articlePath(article), { id: id!, threadPage: place.threadPage }, depth));
  });

  return router;
}
