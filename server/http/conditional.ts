// Conditional GET for feeds and the sitemap: an ETag from the content's version and a
// Last-Modified from its newest change, so a feed reader that polls every few minutes gets a
// 304 without a body as long as nothing changed.
import crypto from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Sets ETag (from `version`, any string that changes when the content does) and Last-Modified,
 * and answers 304 when the request's If-None-Match or If-Modified-Since says the reader is current.
 * Returns true when it answered; the caller then writes nothing.
 */
export function answeredNotModified(req: Request, res: Response, version: string, lastModified: Date | null): boolean {
  res.set('ETag', `W/"${crypto.createHash('sha256').update(version).digest('base64url').slice(0, 32)}"`);
  // HTTP dates have whole seconds; rounding up keeps If-Modified-Since of the same second current.
  if (lastModified) res.set('Last-Modified', new Date(Math.ceil(lastModified.getTime() / 1000) * 1000).toUTCString());
  if (!req.fresh) return false;
  res.status(304).end();
  return true;
}
