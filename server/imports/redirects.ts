// Old WordPress addresses of imported articles answer with a 301 to the article's permalink here:
// /2015/05/27/slug/, /2015/05/slug/, /slug/, an attachment's page, and /?p=ID, /?page_id=ID,
// /?attachment_id=ID. Only for articles readers may see; anything else goes on to a 404.
// A category's page (/category/slug/, /category/parent/slug/) leads to its dossier and a tag's
// (/tag/slug/) to its tag page, also on a site that never imported (the same slug).
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { articlePath, findArticleById, isPublic } from '../articles/queries';
import { findDossierById, findDossierBySlug } from '../dossiers/queries';
import { findTagById, findTagBySlug, tagPath } from '../tags/queries';
import { slugify } from '../shared/slug';
import { importedId, redirectTarget, uploadTarget, type ImportKind } from './queries';
import { findAttachment } from '../attachments/queries';
import { attachmentView } from '../attachments/format';

async function redirectTo(deps: Deps, res: Response, next: NextFunction, articleId: number | null): Promise<void> {
  const article = articleId === null ? null : await findArticleById(deps.db, articleId);
  if (!article || !isPublic(article, deps.clock())) return next();
  res.redirect(301, articlePath(article));
}

const FILE_PATH = /^\/[^?#]+\.[a-z0-9]{2,5}$/i;

/** An old file address leads to the attachment it became, when its article is public. */
async function uploadRedirect(deps: Deps, res: Response, next: NextFunction, rel: string): Promise<void> {
  const id = rel ? await uploadTarget(deps.db, rel) : null;
  const attachment = id === null ? null : await findAttachment(deps.db, id);
  const article = attachment && (await findArticleById(deps.db, attachment.articleId));
  if (!attachment || !article || !isPublic(article, deps.clock())) return next();
  res.redirect(301, attachmentView(attachment).url);
}

function queryId(req: Request, name: string): string | null {
  const v = req.query[name];
  return typeof v === 'string' && /^\d{1,18}$/.test(v) ? v : null;
}

/** /?p=ID and friends: mounted before the page cache, which would otherwise answer with the voorpagina. */
export function wordpressQueryRedirects(deps: Deps): Router {
  const router = Router();
  router.get('/', async (req, res, next) => {
    const post = queryId(req, 'p') ?? queryId(req, 'page_id');
    const attachment = queryId(req, 'attachment_id');
    if (post) return redirectTo(deps, res, next, await importedId(deps.db, 'post', post));
    if (attachment) return redirectTo(deps, res, next, await redirectTarget(deps.db, `/?attachment_id=${attachment}`));
    next();
  });
  return router;
}

/** The forms a WordPress slug in a URL may have been stored in: as the export had it (percent-encoded), or decoded. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape: only the raw form
  }
}

function slugForms(segment: string): string[] {
  return [...new Set([segment, segment.toLowerCase(), encodeURIComponent(decoded(segment)).toLowerCase(), decoded(segment)])];
}

async function importedTerm(deps: Deps, kind: ImportKind, segment: string): Promise<number | null> {
  for (const form of slugForms(segment)) {
    const id = await importedId(deps.db, kind, form);
    if (id !== null) return id;
  }
  return null;
}

/** The last slug of /category/a/b/ or the slug of /tag/a/ (WordPress adds /page/2/ and /feed/ after it). */
function termSegment(path: string[] | string, last: boolean): string | null {
  const parts = (Array.isArray(path) ? path : [path]).filter(Boolean);
  const end = parts.findIndex((p) => p === 'page' || p === 'feed');
  const kept = end === -1 ? parts : parts.slice(0, end);
  return (last ? kept[kept.length - 1] : kept[0]) ?? null;
}

/** Every other old path: mounted after all routes, just before the 404. */
export function wordpressRedirects(deps: Deps): Router {
  const router = Router();
  router.get('/category/{*path}', async (req, res, next) => {
    const segment = termSegment((req.params as { path?: string[] }).path ?? [], true);
    if (!segment) return next();
    const id = await importedTerm(deps, 'category', segment);
    const dossier = id !== null ? await findDossierById(deps.db, id) : await findDossierBySlug(deps.db, slugify(decoded(segment)));
    if (!dossier) return next();
    res.redirect(301, `/dossiers/${dossier.slug}`);
  });
  // A file of the uploads folder (or a resized copy WordPress made of an image) that came over.
  router.get('/wp-content/uploads/{*path}', async (req, res, next) =>
    uploadRedirect(deps, res, next, ((req.params as { path?: string[] }).path ?? []).join('/')),
  );
  router.get('/tag/{*path}', async (req, res, next) => {
    const segment = termSegment((req.params as { path?: string[] }).path ?? [], false);
    if (!segment) return next();
    const id = await importedTerm(deps, 'tag', segment);
    const tag = id !== null ? await findTagById(deps.db, id) : await findTagBySlug(deps.db, slugify(decoded(segment)));
    if (!tag) return next();
    res.redirect(301, tagPath(tag));
  });
  router.get('/{*path}', async (req, res, next) => {
    const articleId = await redirectTarget(deps.db, req.path);
    // A file whose address was outside the uploads folder (WordPress.com: /2008/06/foto.jpg).
    if (articleId === null && FILE_PATH.test(req.path)) return uploadRedirect(deps, res, next, decoded(req.path.slice(1)));
    return redirectTo(deps, res, next, articleId);
  });
  return router;
}
