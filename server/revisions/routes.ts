// /beheer/artikelen/:id/versies: the revisions of an article, any two compared word by word, and
// one restored. Restoring is a save like any other: it is counted, keeps a revision of its own,
// is refused when the article was saved since the page was opened, and goes into the audit log.
import { Router, type Request, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { currentActor, currentUser, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { field, parseId } from '../shared/validation';
import type { KeepRevision } from '../articles/admin-save';
import { findArticleById, saveArticle, type Article, type ArticleInput } from '../articles/queries';
import { setArticleTags } from '../tags/queries';
import { compareContent, type RevisionContent } from './content';
import { findRevision, keepRevision, keepStartingPoint, listRevisions } from './queries';

/** Keeps a revision of each save, by the editor who saves (for the article editor and the tags). */
export function revisionKeeper(deps: Deps): KeepRevision {
  return (user) => keepRevision({ id: user.id, name: user.name }, deps.clock);
}

/** The article as it is, with the text, type, document and summary of the copy. */
function restoredInput(article: Article, c: RevisionContent): ArticleInput {
  return {
    title: c.title,
    slug: article.slug,
    kind: c.kind,
    bodyMarkdown: c.body,
    bodyFormat: c.bodyFormat,
    excerptMarkdown: c.excerpt,
    authorName: article.authorName,
    status: article.status,
    publishedAt: article.publishedAt,
    pinned: article.pinned,
    reactiesOpen: article.reactiesOpen,
    reactiesCloseAfterDays: article.reactiesCloseAfterDays,
    document: { fields: c.fields, questions: c.questions },
  };
}

export function revisionRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('articles')];

  async function load(req: Request): Promise<Article> {
    const id = parseId(String(req.params.id));
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (!article) throw notFound('Dit artikel bestaat niet (meer).');
    return article;
  }

  const number = (value: unknown): number | null => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null);

  // Opening an article in the editor keeps a copy of it first when it has none (from before the history began).
  router.get('/beheer/artikelen/:id', ...guard, async (req, _res, next) => {
    const id = parseId(String(req.params.id));
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (article) await keepStartingPoint(deps.db, article);
    next();
  });

  router.get('/beheer/artikelen/:id/versies', ...guard, async (req, res) => {
    const article = await load(req);
    await keepStartingPoint(deps.db, article);
    const revisions = await listRevisions(deps.db, article.id);
    res.render('beheer/revisions/list', {
      title: `Versies: ${article.title}`,
      bodyClass: 'beheer',
      article,
      revisions,
      from: revisions[1]?.number ?? revisions[0]?.number ?? null,
      to: revisions[0]?.number ?? null,
    });
  });

  router.get('/beheer/artikelen/:id/versies/vergelijken', ...guard, async (req, res) => {
    const article = await load(req);
    const from = number(req.query.van);
    const to = number(req.query.naar);
    const [a, b] = await Promise.all([
      from === null ? null : findRevision(deps.db, article.id, from),
      to === null ? null : findRevision(deps.db, article.id, to),
    ]);
    if (!a || !b) throw notFound('Een van deze versies bestaat niet (meer). Kies twee versies uit de lijst.');
    res.render('beheer/revisions/compare', {
      title: `Versie ${a.number} en ${b.number}: ${article.title}`,
      bodyClass: 'beheer',
      article,
      a,
      b,
      sections: compareContent(a.content, b.content),
    });
  });

  router.post('/beheer/artikelen/:id/versies/:number/terugzetten', ...guard, async (req, res) => {
    const article = await load(req);
    const wanted = number(req.params.number);
    const revision = wanted === null ? null : await findRevision(deps.db, article.id, wanted);
    if (!revision) throw notFound('Deze versie bestaat niet (meer). Kies een versie uit de lijst.');
    const user = currentUser(res);
    const keep = keepRevision({ id: user.id, name: user.name }, deps.clock, () => `Teruggezet naar versie ${revision.number}`);
    const result = await saveArticle(deps.db, article.id, restoredInput(article, revision.content), deps.clock(), {
      openedAt: number(field(req.body, 'versie')) ?? undefined,
      inSave: async (trx, saved) => {
        await setArticleTags(trx, saved.id, revision.content.tags);
        await keep(trx, saved);
        await audit(
          trx,
          currentActor(res),
          'article.restore',
          { type: 'article', id: saved.id },
          `versie ${revision.number}: ${saved.title}`.slice(0, 200),
        );
      },
    });
    if (!result) throw notFound('Dit artikel bestaat niet (meer).');
    if (!result.ok) {
      const revisions = await listRevisions(deps.db, article.id);
      return res.status(409).render('beheer/revisions/list', {
        title: `Versies: ${article.title}`,
        bodyClass: 'beheer',
        article: result.current,
        revisions,
        from: revision.number,
        to: result.current.revision,
        conflict:
          'Niet teruggezet: iemand anders heeft dit artikel opgeslagen nadat je deze pagina opende. Hieronder staat de lijst zoals die nu is; vergelijk de nieuwste versie en kies opnieuw.',
      });
    }
    req.session.flash = `Versie ${revision.number} is teruggezet. Dat is opgeslagen als versie ${result.article.revision}.`;
    res.redirect(303, `/beheer/artikelen/${article.id}/versies`);
  });

  return router;
}
