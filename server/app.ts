// createApp: middleware and routers, built from explicit dependencies; nothing global. createServer:
// the HTTP server main.ts starts, with the page cache's hit path in front of the app.
import http from 'node:http';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { csrfSync } from 'csrf-sync';
import type { Deps } from './deps';
import { mailEnabled } from './config';
import { loadUser, showFlash } from './accounts/auth';
import { accountRoutes } from './accounts/routes';
import { articleRoutes } from './articles/routes';
import { weblogStartedAt } from './articles/queries';
import { apiRoutes } from './api/routes';
import { publicPages, type PublicPages } from './articles/public-pages';
import { articleAdminRoutes } from './articles/admin-routes';
import { importRoutes } from './articles/import-routes';
import { pageRoutes } from './pages/routes';
import { pageAdminRoutes } from './pages/admin-routes';
import { waarderingRoutes } from './articles/waardering-routes';
import { featuredRoutes } from './moderation/featured-routes';
import { reactieRoutes } from './articles/reactie-routes';
import { reactieEditRoutes } from './articles/reactie-edit-routes';
import { afterSettingsSave } from './articles/closing';
import { moderationRoutes } from './moderation/routes';
import { moderationLogRoutes } from './moderation/log-routes';
import { reportRoutes } from './moderation/report-routes';
import { appealRoutes } from './moderation/appeal-routes';
import { menuCounts } from './moderation/meldingen/work';
import { settingsRoutes } from './settings/routes';
import { taglineRoutes } from './tagline/routes';
import { akismetRoutes } from './spam/akismet-routes';
import { dashboardRoutes } from './dashboard/routes';
import { privacyRoutes } from './privacy/routes';
import { auditRoutes } from './accounts/audit-log-routes';
import { userAdminRoutes } from './accounts/user-admin-routes';
import { attachmentRoutes, isUploadRequest } from './attachments/routes';
import { attachOnCreate, isNewArticleUpload, newArticleAttachments, newAttachmentsEditorPart } from './attachments/new-article';
import { attachmentLocals } from './attachments/locals';
import { pdfImportRoutes } from './attachments/pdf-import';
import { isPhotoUploadRequest, photoRoutes } from './media/routes';
import { photoEditorLocals } from './media/editor-section';
import { mediaLibraryRoutes } from './media/library-routes';
import { mediaPickerRoutes } from './media/picker';
import { leadFigureLocals } from './media/lead-figure';
import { dossierAdminRoutes } from './dossiers/admin-routes';
import { articleDossiers, dossierRoutes } from './dossiers/routes';
import { articleTags, tagEditorRoutes, tagRoutes, tagsEditorPart } from './tags/routes';
import { revisionKeeper, revisionRoutes } from './revisions/routes';
import { checkReviewStatus, reviewRoutes, withReviewSteps } from './reviews/routes';
import { previewRenderer } from './preview/render';
import { dossierChoiceLocals, dossiersEditorPart } from './dossiers/editor-part';
import { archiveRoutes } from './articles/archive-routes';
import { feedLinks } from './feeds/links';
import { feedRoutes } from './feeds/routes';
import { articleMeta } from './seo/article-meta';
import { pageMeta } from './seo/meta';
import { seoRoutes } from './seo/routes';
import { searchRoutes } from './search/routes';
import { synonymsRoutes } from './search/synonyms-routes';
import { wordpressQueryRedirects, wordpressRedirects } from './imports/redirects';
import { errorHandler, notFoundHandler } from './http/errors';
import { sameOriginOnly } from './http/form-token';
import { subscribeAfterPost } from './notifications/subscribe';
import { subscriptionRoutes, UNSUBSCRIBE_PATH } from './notifications/routes';
import { outboxRoutes } from './notifications/outbox-routes';
import { newsmailRoutes } from './newsmail/routes';
import { UNSUBSCRIBE_PATH as NEWS_UNSUBSCRIBE_PATH } from './newsmail/links';
import { KnexSessionStore } from './http/session-store';
import { templateOptionsFor } from './http/partials';
import { saveSessionBeforeRedirect } from './http/session-save';
import { logOutsideExpress, requestLogger } from './http/request-logger';
import { Metrics } from './http/metrics';
import { opsRoutes } from './ops/routes';
import { LiveHub } from './live/hub';
import { liveFragmentRoutes, livePageLocals, liveRoutes } from './live/routes';
import { viewHelpers } from './view-locals';
import { PUBLIC_DIR, VIEWS_DIR } from './paths';
import { builtinCounts } from './spam/classifier/builtin';

// A beheer session ends after this long without activity.
const SESSION_IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
// A reactie is at most 5.000 characters; even as emoji, percent-encoded (12 bytes each), it fits.
const PUBLIC_BODY_LIMIT = '128kb';
// Articles (council documents) may be 200.000 characters; non-Latin text percent-encodes to up to
// 12 bytes a character. Only logged-in editors can send this much.
const BEHEER_BODY_LIMIT = '3mb';

/**
 * The server as it runs: a reader without a cookie asking for a page the cache holds is answered
 * before Express (its middleware costs several times the copy of a small page); the rest goes to the app.
 */
export function createServer(given: Deps, live?: LiveHub): http.Server {
  const deps = { ...given, metrics: given.metrics ?? new Metrics() };
  const pages = publicPages(deps, logOutsideExpress(deps.logger, deps.config.trustProxy, deps.metrics));
  const app = createApp(deps, pages, live);
  return http.createServer((req, res) => pages.front(req, res, () => app(req, res)));
}

/** The live updates' hub runs only while a page is connected: an app built without one gets its own. */
export function liveHubOf(deps: Deps): LiveHub {
  return new LiveHub(deps.db, deps.config.databaseUrl, deps.logger);
}

export function createApp(deps: Deps, pages: PublicPages = publicPages(deps), live: LiveHub = liveHubOf(deps)): express.Express {
  const { config, db } = deps;
  const metrics = deps.metrics ?? new Metrics();
  // The spam filter's day-one model is trained once per process (about a second): here, at start-up,
  // not inside the first resident's request.
  builtinCounts();
  const app = express();
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  // Compiled templates are kept outside development (recompiling every include per reactie is slow),
  // and run without EJS's line bookkeeping in production (http/partials.ts).
  const templates = templateOptionsFor(config.env);
  app.set('view cache', templates.cache);
  app.set('view options', { compileDebug: templates.compileDebug });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');

  app.use(
    helmet({
      contentSecurityPolicy: config.contentSecurityPolicy && {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'https:', 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          ...(config.env === 'production' ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.env === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  );
  app.use('/static', express.static(PUBLIC_DIR, { maxAge: config.env === 'production' ? '1d' : 0 }));
  app.use(requestLogger(deps.logger, metrics));
  // Before everything that reads the database or the session: a proxy asks often, and nothing of a reader's is needed.
  app.use(opsRoutes(deps, metrics));
  app.use(viewHelpers(deps));
  // /?p=ID of a WordPress that moved in: before the page cache, which would answer with the voorpagina.
  app.use(wordpressQueryRedirects(deps));
  // Read-only JSON for everyone: no session, no forms.
  app.use(apiRoutes(deps));
  // Live updates (event streams and the HTML of new reacties): no session, never in the page cache.
  app.use(liveRoutes(deps, live));
  // Before the body parsers and the session: a reader without a cookie gets a kept page at once.
  app.use(pages.lookup);
  app.use(pageMeta(deps));

  app.use('/beheer', express.urlencoded({ extended: false, limit: BEHEER_BODY_LIMIT, parameterLimit: 2000 }));
  app.use(express.urlencoded({ extended: false, limit: PUBLIC_BODY_LIMIT, parameterLimit: 2000 }));
  app.use(sameOriginOnly([UNSUBSCRIBE_PATH, NEWS_UNSUBSCRIBE_PATH]));
  app.use(
    session({
      name: 'stadslog.sid',
      secret: config.sessionSecret,
      store: new KnexSessionStore(db),
      resave: false,
      // Readers get no cookie until they post or log in, so public pages stay cacheable.
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.env === 'production', maxAge: SESSION_IDLE_TIMEOUT_MS },
    }),
  );
  app.use(saveSessionBeforeRedirect);
  app.use(loadUser(db));
  app.use(showFlash);

  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    // 32 random bytes (64 hex characters, 256 bits) instead of the library's 128: as unguessable, and
    // the token is in every form of a page (a queue tab has several per reactie): at 128 a quarter of its bytes.
    size: 32,
    // The attachment upload and the import form are multipart, read after this check: they send the token in the query string.
    getTokenFromRequest: (req) => {
      const token =
        (req.body as Record<string, unknown> | undefined)?._csrf ??
        (isUploadRequest(req) || isPhotoUploadRequest(req) || isNewArticleUpload(req) ? req.query._csrf : undefined);
      return typeof token === 'string' ? token : undefined;
    },
    errorConfig: {
      statusCode: 403,
      message: 'Je formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het nog eens.',
      code: 'EBADCSRFTOKEN',
    },
  });
  // A logged-in user has the session's token on every page: the footer's "Uitloggen" is a form (layout/bottom.ejs).
  app.use((req, res, next) => {
    if (res.locals.user) res.locals.csrfToken = generateToken(req);
    next();
  });
  // The HTML of what a live event names: with the session, so staff pages keep their forms in it.
  app.use(liveFragmentRoutes(deps));
  // Everything under /beheer except the login form (which has no session yet) needs the session's token.
  app.use('/beheer', (req, res, next) => {
    if (req.path === '/inloggen') return next();
    csrfSynchronisedProtection(req, res, next);
  });

  // The beheer menu's counts of what waits for a moderator (reports, held edits, bezwaren).
  app.use('/beheer', menuCounts(db));
  // The new article's form is multipart (attachments before the first save): read here, before every part that reads its fields.
  app.use(newArticleAttachments(deps));
  app.use(attachmentLocals(deps));
  app.use(livePageLocals(live));
  app.use(photoEditorLocals(deps));
  // The editor's "Kies uit de mediabibliotheek" without JavaScript: the form kept as its draft, before any part saves it.
  app.use(mediaPickerRoutes(deps));
  // Every save of an article (its text, its tags, a restore) keeps a revision (revisions/).
  const keepRevision = revisionKeeper(deps);
  app.use(tagEditorRoutes(deps, { keepRevision }));
  // "Ter beoordeling" (reviews/) and the dossier boxes: before every route that shows the article editor
  // (the import's too), whose pages they add to.
  app.use(reviewRoutes(deps));
  app.use(dossierChoiceLocals(deps));
  app.use(accountRoutes(deps));
  app.use(dashboardRoutes(deps));
  // Before importRoutes: the import form with a PDF (multipart); the PDF is attached when the article is created.
  app.use(pdfImportRoutes(deps));
  app.use(importRoutes(deps));
  app.use(revisionRoutes(deps));
  app.use(
    articleAdminRoutes(deps, {
      afterCreate: attachOnCreate(deps),
      keepRevision: withReviewSteps(deps, revisionKeeper(deps, { fromEditor: true })),
      checkStatus: checkReviewStatus(deps),
      // Tags, dossiers and (a new article's) attachments on the editor's form, a new article's too (before its first save).
      parts: [tagsEditorPart(), dossiersEditorPart(deps), newAttachmentsEditorPart()],
      preview: previewRenderer(deps),
    }),
  );
  app.use(attachmentRoutes(deps));
  app.use(photoRoutes(deps));
  app.use(mediaLibraryRoutes(deps));
  app.use(pageAdminRoutes(deps));
  // Before moderationRoutes, whose /beheer/reacties/:id/:actie would take these.
  app.use(featuredRoutes(deps));
  app.use(moderationRoutes(deps));
  // A new close-after setting moves the article pages' versions (articles/closing.ts).
  app.use(settingsRoutes(deps, afterSettingsSave));
  app.use(taglineRoutes(deps, () => weblogStartedAt(deps.db, deps.clock())));
  app.use(akismetRoutes(deps));
  app.use(privacyRoutes(deps));
  app.use(auditRoutes(deps));
  app.use(userAdminRoutes(deps));
  app.use(dossierAdminRoutes(deps));
  // The head of the pages below: their feeds (autodiscovery) and, for an article, its meta and structured data.
  app.use(feedLinks(deps));
  app.use(articleMeta(deps));
  app.use(leadFigureLocals(deps));
  app.use(outboxRoutes(deps));
  app.use(subscriptionRoutes(deps));
  // The news mail (/nieuwsbrief): before pageRoutes (/:slug).
  app.use(newsmailRoutes(deps));
  // Before pageRoutes and articleRoutes (/:slug, /:year/:month/:slug): the dossier pages, and the
  // dossiers of an article for its page (res.locals.dossiers; it never ends the request).
  app.use(dossierRoutes(deps));
  app.use(articleDossiers(deps));
  app.use(tagRoutes(deps));
  app.use(articleTags(deps));
  app.use(feedRoutes(deps));
  app.use(seoRoutes(deps));
  app.use(archiveRoutes(deps));
  app.use(reactieRoutes(deps, mailEnabled(config) ? subscribeAfterPost(deps) : undefined));
  // Before articleRoutes (/reactie/:id): reporting a reactie, the public moderation log, a bezwaar.
  app.use(reportRoutes(deps));
  app.use(waarderingRoutes(deps));
  app.use(moderationLogRoutes(deps));
  app.use(appealRoutes(deps));
  // A resident's own reactie: edit or withdraw it for a short while (reacties/editing/edit.ts).
  app.use(reactieEditRoutes(deps));
  // Before pageRoutes (/:slug).
  app.use(searchRoutes(deps));
  app.use(synonymsRoutes(deps));
  app.use(pageRoutes(deps));
  app.use(articleRoutes(deps));
  // Old WordPress paths (/2015/05/27/slug/, /slug/): only what no route above answered.
  app.use(wordpressRedirects(deps));

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
