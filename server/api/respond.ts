// How the open-data API answers: JSON with a weak ETag from the bytes (304 when the client has it),
// readable from any origin (CORS for GET), cacheable for a minute, and Dutch errors as JSON.
import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

const MAX_AGE_SECONDS = 60;

/** Every API response may be read by pages on other sites: it is public data only. */
export const openToEveryone: RequestHandler = (req, res, next) => {
  res.set({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'If-None-Match',
    'Access-Control-Expose-Headers': 'ETag',
    'Access-Control-Max-Age': '86400',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  if (req.method === 'OPTIONS') return void res.status(204).end();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.set('Allow', 'GET, HEAD, OPTIONS');
    return void res.status(405).json({ error: 'De open-data-API kan alleen gelezen worden (GET).' });
  }
  next();
};

export function sendJson(req: Request, res: Response, body: unknown): void {
  const json = JSON.stringify(body);
  const etag = `W/"${crypto.createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  res.set({ ETag: etag, 'Cache-Control': `public, max-age=${MAX_AGE_SECONDS}`, 'Content-Type': 'application/json; charset=utf-8' });
  const known = req.headers['if-none-match'];
  if (typeof known === 'string' && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.slice(2))) {
    return void res.status(304).end();
  }
  res.send(json);
}

export function sendError(res: Response, status: number, message: string): void {
  res.status(status).json({ error: message });
}
