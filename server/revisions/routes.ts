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
import { renderEditor, type KeepRevision } from '../articles/admin-save';
import { readArticleForm } from '../articles/admin-form';
import { articleOfRequest } from '../articles/admin-routes';
import { findArticleById, saveArticle, type Article, type ArticleInput } from '../articles/queries';
import { hasDocumentSource } from '../documents/queries';
import { formatDateTime } from '../shared/format';
import { draftFields, draftList, draftValue, dropDraft, findDraft, saveDraft } from './drafts';
import { setArticleTags } from '../tags/queries';
import { compareContent, type RevisionContent } from './content';
import { findRevision, keepRevision, keepStartingPoint, listRevisions } from './queries';

/**
 * Keeps a revision of each save, by the editor who saves (the article editor and the tags). A save
 * from the editor (`fromEditor`) also removes that editor's autosaved draft: what it held is stored.
 */
export function revisionKeeper(deps: Deps, opts: { fromEditor?: boolean } = {}): KeepRevision {
  return (user) => {
    const keep = keepRevision({ id: user.id, name: user.name }, deps.clock);
    if (!opts.fromEditor) return keep;
    return async (trx, article) => {
      await keep(trx, article);
      await dropDraft(trx, user.id, article.id);
      // The first save of a new article: its draft was kept as "new".
      if (article.revision === 1) await dropDraft(trx, user.id, null);
    };
  };
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

  const load = (req: Request) => articleOfRequest(deps.db, req);

  const number = (value: unknown): number | null => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null);

  /**
   * Opening an article in the editor (or a new one): a copy of it is kept first when it has none (from
   * before the history began), and the editor's autosaved draft is offered back, or, with
   * ?concept=terug, put back in the form.
   */
  router.get('/beheer/artikelen/:id', ...guard, async (req, res, next) => {
    const isNew = req.params.id === 'nieuw';
    const id = isNew ? null : parseId(String(req.params.id));
    if (!isNew && id === null) return next();
    const article = id === null ? null : await findArticleById(deps.db, id);
    if (!isNew && !article) return next();
    if (article) await keepStartingPoint(deps.db, article);
    const user = currentUser(res);
    const draft = await findDraft(deps.db, user.id, id);
    if (!draft) return next();
    if (req.query.concept !== 'terug') {
      res.locals.draftOffer = { savedAt: draft.savedAt, articleId: id };
      return next();
    }
    // A new article's tags as typed (server/tags/routes.ts shows them in its form).
    if (!article && typeof draft.form.tags === 'string') res.locals.newTags = draft.form.tags;
    // The dossiers as the draft ticked them (dossiers/editor-part.ts ticked them as the article is now).
    if (draftValue(draft.form, 'dossiers_gekozen') === 'ja' && res.locals.dossierChoices) {
      const ticked = new Set(draftList(draft.form, 'dossier'));
      res.locals.dossierChoices = res.locals.dossierChoices.map((d) => ({ ...d, checked: ticked.has(String(d.id)) }));
    }
    renderEditor(deps, res, 200, {
      article: article ?? undefined,
      values: readArticleForm(draft.form),
      errors: {},
      canRecognise: article ? await hasDocumentSource(deps.db, article.id) : false,
      notice: `Je automatisch bewaarde tekst van ${formatDateTime(draft.savedAt)} staat weer in het formulier. Sla het artikel op om hem te bewaren.`,
    });
  });

  // The editor's page sends what is typed every few seconds (public/js/site.js); 204, nothing to show.
  router.post('/beheer/concepten', ...guard, async (req, res) => {
    const articleId = field(req.body, 'artikel') === '' ? null : parseId(field(req.body, 'artikel'));
    if (articleId === null && field(req.body, 'artikel') !== '') throw notFound('Dit artikel bestaat niet (meer).');
    if (articleId !== null && !(await findArticleById(deps.db, articleId))) throw notFound('Dit artikel bestaat niet (meer).');
    await saveDraft(deps.db, currentUser(res).id, articleId, draftFields(req.body), deps.clock());
    res.status(204).end();
  });

  router.post('/beheer/concepten/weggooien', ...guard, async (req, res) => {
    const articleId = field(req.body, 'artikel') === '' ? null : parseId(field(req.body, 'artikel'));
    await dropDraft(deps.db, currentUser(res).id, articleId);
    req.session.flash = 'De automatisch bewaarde tekst is weggegooid.';
    res.redirect(303, articleId === null ? '/beheer/artikelen/nieuw' : `/beheer/artikelen/${articleId}`);
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

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The editor's autosaved draft of this article, offered back (views/beheer/articles/form.ejs). */
      draftOffer?: { savedAt: Date; articleId: number | null };
    }
  }
}
