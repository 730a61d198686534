// Public pages may be cached by browsers and proxies, as long as the reader carries no cookie
// (a cookie means a session or remembered details, and so a personal page).
import type { RequestHandler } from 'express';

// Short enough that a new reactie shows up quickly for everyone.
const PUBLIC_MAX_AGE_SECONDS = 60;

export const publicCache: RequestHandler = (req, res, next) => {
  res.vary('Cookie');
  res.set('Cache-Control', req.headers.cookie ? 'private, no-cache' : `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  next();
};

export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
