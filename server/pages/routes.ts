// Public pages: /over-deze-weblog and /privacy (edited in beheer), and /toegankelijkheid.
import { Router } from 'express';
import type { Deps } from '../deps';
import { publicCache } from '../http/cache';
import { getPage, isPageSlug } from './queries';
import { getSpamSettings } from '../spam/settings';
import { keptSettings } from '../settings/settings';

/** The day the statement was last reviewed against the tests; move it when the statement changes. */
const STATEMENT_DATE = new Date('2026-12-06T12:00:00Z');

export function pageRoutes(deps: Deps): Router {
  const router = Router();
  // The accessibility statement is a view, not an editable page: it says what the test suite checks,
  // so it changes with those tests (views/pages/toegankelijkheid.ejs; the details in docs/accessibility.md).
  // Its contact address is the site's own, from the settings.
  router.get('/toegankelijkheid', publicCache, async (_req, res) => {
    res.render('pages/toegankelijkheid', {
      title: 'Toegankelijkheidsverklaring',
      statementDate: STATEMENT_DATE,
      siteUrl: deps.config.baseUrl,
      contactEmail: (await keptSettings(deps.db)).contactEmail,
    });
  });
  router.get('/:slug', publicCache, async (req, res, next) => {
    const slug = String(req.params.slug);
    if (!isPageSlug(slug)) return next();
    const page = await getPage(deps.db, slug);
    // The privacy page states the facts as configured, whatever the editors wrote above them.
    const privacyFacts =
      slug === 'privacy'
        ? {
            ipRetentionDays: deps.config.ipRetentionDays,
            akismet: deps.config.akismet !== null,
            spamRetentionDays: (await getSpamSettings(deps.db)).spamRetentionDays,
          }
        : null;
    res.render('pages/page', { title: page.title, page, privacyFacts });
  });
  return router;
}
