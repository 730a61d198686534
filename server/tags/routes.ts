// Tag pages (/tags/:slug), the tags of an article for its page, and the "Tags" section of the
// article editor. articles/ renders those pages and may not know about tags: the middleware here
// runs before its routes and leaves what to show in res.locals (as dossiers/ and attachments/ do).
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, currentUser, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore, publicCache } from '../http/cache';
import { setCanonicalQuery } from '../http/canonical';
import { articlePageLocals } from '../http/deferred-locals';
import { notFound } from '../http/errors';
import { charLength, field, parseId, type FieldErrors } from '../shared/validation';
import { ARTICLE_KINDS, articlePath, countRevision, findArticleById, isPublic } from '../articles/queries';
import type { EditorPart, KeepRevision } from '../articles/admin-save';
import { articleAtPermalink } from '../articles/permalink';
import { TAG_LIMITS, findTagBySlug, parseTagNames, publicArticlesOfTag, setArticleTags, tagPath, tagsOfArticle } from './queries';

const ARTICLES_PER_PAGE = 10;

/** The editor's "Tags" section: the names as one line, and an error when a save was refused. */
export interface TagSection {
  articleId: number;
  text: string;
  error: string | null;
}

function checkTagNames(names: string[]): string | null {
  if (names.length > TAG_LIMITS.perArticle) return `Geef een artikel hoogstens ${TAG_LIMITS.perArticle} tags.`;
  const long = names.find((n) => charLength(n) > TAG_LIMITS.name);
  return long ? `Een tag is hoogstens ${TAG_LIMITS.name} tekens: "${[...long].slice(0, 30).join('')}…" is te lang.` : null;
}

export function tagRoutes(deps: Deps): Router {
  const router = Router();

  router.get('/tags/:slug', publicCache, async (req, res) => {
    const tag = await findTagBySlug(deps.db, String(req.params.slug));
    if (!tag) throw notFound('Deze tag bestaat niet (meer).');
    const page = parseId(typeof req.query.pagina === 'string' ? req.query.pagina : '1');
    if (page === null) throw notFound('Deze pagina bestaat niet.');
    const { articles, total } = await publicArticlesOfTag(deps.db, tag.id, deps.clock(), page, ARTICLES_PER_PAGE);
    const pages = Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE));
    if (page > pages) throw notFound('Deze pagina bestaat niet.');
    setCanonicalQuery(res, { pagina: page });
    res.render('tags/tag', {
      title: page > 1 ? `Tag: ${tag.name}, pagina ${page}` : `Tag: ${tag.name}`,
      tag,
      path: tagPath(tag),
      total,
      items: articles.map((a) => ({ article: a, path: articlePath(a), kindLabel: ARTICLE_KINDS[a.kind] ?? a.kind })),
      page,
      pages,
    });
  });

  return router;
}

/** For an article's page (and the page sent back with a reactie form error): res.locals.tags. */
export function articleTags(deps: Deps): Router {
  const load = async (req: Request, res: Response) => {
    const article = await articleAtPermalink(deps.db, req, res);
    if (article && isPublic(article, deps.clock()))
      res.locals.tags = (await tagsOfArticle(deps.db, article.id)).map((t) => ({ name: t.name, path: tagPath(t) }));
  };
  const lookUp = articlePageLocals(load);
  const router = Router();
  router.get('/:year/:month/:slug', lookUp);
  router.post('/:year/:month/:slug/reacties', lookUp);
  return router;
}

/** The typed tags of a form that carries them (the new article's), or null. */
const typedTags = (req: Request): string | null => {
  const value = (req.body as Record<string, unknown> | undefined)?.tags;
  return typeof value === 'string' ? value : null;
};

/** The new article's "Tags" field: checked with the form, set in the save's transaction (before its first revision). */
export function tagsEditorPart(): EditorPart {
  return {
    check: (req): Promise<FieldErrors> => {
      const typed = typedTags(req);
      const error = typed === null ? null : checkTagNames(parseTagNames(typed));
      const errors: FieldErrors = error ? { tags: error } : {};
      return Promise.resolve(errors);
    },
    store: (req) => async (trx, article) => {
      const typed = typedTags(req);
      if (typed !== null) await setArticleTags(trx, article.id, parseTagNames(typed));
    },
  };
}

/** The editor's section (GET and POST of /beheer/artikelen/:id), and saving it: a save of the article, which keeps a revision. */
export function tagEditorRoutes(deps: Deps, hooks: { keepRevision?: KeepRevision } = {}): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  router.use('/beheer/artikelen/:id', async (req: Request, res: Response, next) => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'POST') || !res.locals.can?.('articles')) return next();
    const id = parseId(String(req.params.id));
    if (id !== null) {
      const text = (await tagsOfArticle(deps.db, id)).map((t) => t.name).join(', ');
      res.locals.tagSection = { articleId: id, text, error: null } satisfies TagSection;
    }
    next();
  });

  // The new article's form (and the same form sent back): its "Tags" field as typed.
  router.use('/beheer/artikelen', (req: Request, res: Response, next) => {
    // The new article's form: /nieuw, its save (/), and the form "Document importeren" fills in.
    const isNew =
      (req.method === 'GET' && req.path === '/nieuw') || (req.method === 'POST' && (req.path === '/' || req.path === '/importeren'));
    if (isNew && res.locals.can?.('articles')) res.locals.newTags = typedTags(req) ?? '';
    next();
  });

  router.post('/beheer/artikelen/:id/tags', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (!article) throw notFound('Dit artikel bestaat niet (meer).');
    const typed = field(req.body, 'tags');
    const names = parseTagNames(typed);
    const error = checkTagNames(names);
    if (error) {
      res.locals.tagSection = { articleId: article.id, text: typed, error } satisfies TagSection;
      return res.status(422).render('tags/editor-page', { title: `Tags: ${article.title}`, bodyClass: 'beheer', article });
    }
    const keep = hooks.keepRevision?.(currentUser(res));
    await deps.db.transaction(async (trx) => {
      await setArticleTags(trx, article.id, names);
      const counted = await countRevision(trx, article.id);
      if (counted && keep) await keep(trx, counted);
      await audit(trx, currentActor(res), 'article.tags', { type: 'article', id: article.id }, names.join(', '));
    });
    req.session.flash = 'Tags opgeslagen.';
    res.redirect(303, `/beheer/artikelen/${article.id}#tags`);
  });

  return router;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** A public article's tags (views/articles/article.ejs). */
      tags?: Array<{ name: string; path: string }>;
      /** The article editor's "Tags" section (views/tags/editor.ejs). */
      tagSection?: TagSection;
      /** The new article's "Tags" field as typed (views/tags/field.ejs). */
      newTags?: string;
    }
  }
}
