// Live updates for readers (issue 25): an event stream per article page and one for the voorpagina,
// and the HTML of the reacties an event names (and of the Uitgelicht block). Without JavaScript none of this is asked for; the
// pages themselves (and their cache) stay as they are.
import { templateOptionsFor } from '../http/partials';
import { Router, type Request, type Response } from 'express';
import { forArticlePages } from '../articles/permalink';
import { featuredOf } from '../reacties/thread/featured';
import { can } from '../accounts/roles';
import type { Deps } from '../deps';
import { badRequest, notFound } from '../http/errors';
import { articlePageLocals } from '../http/deferred-locals';
import { readerAddress } from '../http/reader-address';
import { renderToString } from '../http/page-cache';
import { parseId } from '../shared/validation';
import { keptSettings } from '../settings/settings';
import { withOpenness } from '../articles/closing';
import { articlePath, findArticleById, isPublic } from '../articles/queries';
import { ancestorChain, publicReactiesByIds } from '../reacties/queries';
import { placedReactieIds } from '../reacties/own-cookie';
import { appreciatedBy, pageReader, WAARDERING_FORM_ID } from '../reacties/thread/waardering';
import { buildThread, MAX_THREAD_DEPTH } from '../reacties/thread-tree';
import { renderReactie } from '../reacties/thread/thread-view';
import type { LiveHub, Topic } from './hub';
import { parsePosition, type LogPosition } from './events';

// Reacties per request for their HTML: what one "tonen" asks at most; the page asks again for more.
const MAX_IDS = 50;

/** Where a reconnecting browser was (events.ts): Last-Event-ID, or ?na= when the page's script reconnects itself. */
function lastEventId(req: Request): LogPosition | null {
  return parsePosition(req.get('last-event-id') ?? (typeof req.query.na === 'string' ? req.query.na : ''));
}

async function publicArticle(deps: Deps, idParam: unknown) {
  const id = parseId(idParam);
  const article = id === null ? null : await findArticleById(deps.db, id);
  if (!article || !isPublic(article, deps.clock())) throw notFound('Dit artikel bestaat niet (meer), of is nog niet gepubliceerd.');
  return article;
}

async function stream(hub: LiveHub, req: Request, res: Response, topic: Topic): Promise<void> {
  const address = readerAddress(req.ip ?? '');
  const refused = hub.refusal(address);
  if (refused) {
    res.status(refused.status).set('Retry-After', '60').type('text/plain').send(refused.message);
    return;
  }
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store, no-transform',
    // nginx would otherwise hold the events back in its buffer.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  req.socket.setTimeout(0);
  await hub.open(res, topic, address, lastEventId(req));
}

export function liveRoutes(deps: Deps, hub: LiveHub): Router {
  const router = Router();

  router.get('/artikel/:id/live', async (req, res) => {
    const article = await publicArticle(deps, req.params.id);
    await stream(hub, req, res, { articleId: article.id });
  });

  router.get('/voorpagina/live', async (req, res) => {
    await stream(hub, req, res, 'site');
  });

  return router;
}

/**
 * The HTML a page asks for after an event: after the session (mounted in app.ts below it), so a
 * moderator's page gets its "Uitlichten" forms back in a reactie it replaces. A reader without a
 * cookie has no session to load.
 */
export function liveFragmentRoutes(deps: Deps): Router {
  const router = Router();

  // The reacties an event named, as the page renders them (views/reacties/node.ejs): escaping and
  // sanitising stay in one place. Only what the page itself would show; nothing of a held reactie.
  router.get('/artikel/:id/live/reacties', async (req, res) => {
    const article = await publicArticle(deps, req.params.id);
    const raw = typeof req.query.ids === 'string' ? req.query.ids : '';
    const ids = raw.split(',').map((part) => parseId(part.trim()));
    if (!raw || ids.length > MAX_IDS || ids.some((id) => id === null))
      throw badRequest(`Geef de nummers van hoogstens ${MAX_IDS} reacties, met komma's ertussen.`);
    const wanted = [...new Set(ids as number[])];
    const [reacties, settings] = await Promise.all([publicReactiesByIds(deps.db, article.id, wanted), keptSettings(deps.db)]);
    const parentIds = reacties.map((r) => r.parentId).filter((id): id is number => id !== null);
    const parents = new Map((await publicReactiesByIds(deps.db, article.id, parentIds)).map((p) => [p.id, p]));
    const open = withOpenness(article, settings, deps.clock()).reactiesOpen;
    const secret = deps.config.sessionSecret;
    const placed = new Set(placedReactieIds(req, secret));
    const appreciated = await appreciatedBy(
      deps.db,
      pageReader(req, secret),
      reacties.filter((r) => r.status === 'approved').map((r) => r.id),
    );
    // As on the article page: editors and moderators feature a reactie from there (the session's CSRF token).
    const user = res.locals.user;
    const feature = user && can(user.role, 'featuring') && res.locals.csrfToken ? { csrf: res.locals.csrfToken } : null;
    const out = [];
    for (const r of reacties) {
      const chain = await ancestorChain(deps.db, r.id);
      // Every reactie above it must be shown, as on the page; otherwise it is not there to insert.
      if (chain.slice(1).some((link) => link.status !== 'approved' && !link.placeholder)) continue;
      const [node] = buildThread([{ ...r, parentId: null }]);
      node.depth = Math.min(chain.length, MAX_THREAD_DEPTH);
      const parent = r.parentId === null ? undefined : parents.get(r.parentId);
      const parentName = parent && !parent.removedReason && !parent.withdrawn ? parent.authorName : null;
      const html = renderReactie(node, parentName, {
        path: articlePath(article),
        open,
        replyTo: null,
        replyFormHtml: '',
        waardering: { formId: WAARDERING_FORM_ID, appreciated, placed },
        feature,
        templates: templateOptionsFor(deps.config.env),
      });
      out.push({ id: r.id, antwoordOp: r.parentId, html });
    }
    res.set('Cache-Control', 'no-store').json({ reacties: out });
  });

  // The "Uitgelicht door de redactie" block as the page renders it (views/reacties/featured.ejs): an
  // event says a reactie came in or left it. Empty when nothing is featured.
  router.get('/artikel/:id/live/uitgelicht', async (req, res) => {
    const article = await publicArticle(deps, req.params.id);
    const featured = await featuredOf(deps.db, article.id);
    const html = featured.length ? await renderToString(res, 'reacties/featured', { featured }) : '';
    res.set('Cache-Control', 'no-store').json({ html });
  });

  return router;
}

/**
 * The change log's position for the pages that carry live parts (the voorpagina, an article page),
 * read before the page reads its reacties: the page's stream starts there (?na=), so nothing that
 * commits between the page and its stream is lost. A kept page keeps its position: it holds only as
 * long as its version, which every change to its reacties (or, for the voorpagina, to its counts) moves.
 * After the page cache, so a kept page costs nothing more.
 */
export function livePageLocals(hub: LiveHub): Router {
  const router = Router();
  // A read of the hub's memory, or (no page of this process connected) of the log: one or two statements
  // on PostgreSQL. For a POST (a reactie, answered with a redirect nearly always) read only when the
  // page is rendered after all, and then before anything else of it (http/deferred-locals: beforeReads),
  // so the position still comes before the page's reacties.
  const load = async (_req: Request, res: Response) => {
    res.locals.livePosition = await hub.position();
  };
  router.get('/', async (req, res, next) => {
    await load(req, res);
    next();
  });
  router.use(forArticlePages(articlePageLocals(load, { beforeReads: true })));
  return router;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The change log's position when the page was read (live/events.ts; views/articles/article.ejs, voorpagina.ejs: data-live-na). */
      livePosition?: string;
    }
  }
}
