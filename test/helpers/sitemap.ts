// The sitemap routes alone with a small part size, so that a handful of articles makes a sitemap index.
import express from 'express';
import { errorHandler, notFoundHandler } from '../../server/http/errors';
import { seoRoutes } from '../../server/seo/routes';
import type { TestApp } from './app';

export function splitSitemapApp(t: TestApp, urlsPerFile = 4): express.Express {
  const app = express();
  app.set('views', t.app.get('views'));
  app.set('view engine', 'ejs');
  app.use((_req, res, next) => {
    res.locals.site = { name: 'Stadslog', tagline: '' };
    next();
  });
  app.use(seoRoutes(t.deps, { urlsPerFile }));
  app.use(notFoundHandler);
  app.use(errorHandler(t.deps.logger));
  return app;
}
