// The article editor's "Dossiers": the form puts an article in dossiers, a new one before its first
// save (before, only the dossier's own page could). The choice is checked with the form and stored in the
// save's transaction; a form sent back keeps the boxes as ticked. articles/ knows nothing of this:
// app.ts gives the part to the editor, and the middleware leaves the choices in res.locals.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import type { EditorPart } from '../articles/admin-save';
import type { FieldErrors } from '../shared/validation';
import { dossierIdsOfArticle, listDossiersForBeheer, setArticleDossiers } from './queries';

/** The hidden field that says the form carries the dossier choice (no ticked box sends nothing). */
const CHOICE_FIELD = 'dossiers_gekozen';
const FIELD = 'dossier';

/** A dossier on the editor's form: ticked or not. */
export interface DossierChoice {
  id: number;
  title: string;
  checked: boolean;
}

/** The dossier ids a form ticked, or null when the form carries no choice; NaN for anything not an id. */
function chosenIds(req: Request): number[] | null {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (body[CHOICE_FIELD] !== 'ja') return null;
  const raw = body[FIELD];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values.map((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN));
}

export function dossiersEditorPart(deps: Deps): EditorPart {
  return {
    check: async (req): Promise<FieldErrors> => {
      const ids = chosenIds(req);
      if (!ids?.length) return {};
      const known = new Set((await listDossiersForBeheer(deps.db)).map((d) => d.dossier.id));
      return ids.every((id) => known.has(id)) ? {} : { dossier: 'Kies alleen dossiers uit de lijst; een ervan bestaat niet (meer).' };
    },
    store: (req) => async (trx, article) => {
      const ids = chosenIds(req);
      if (ids) await setArticleDossiers(trx, article.id, ids, deps.clock());
    },
  };
}

/**
 * The editor's form, new or existing, and the same form sent back: every dossier, ticked as the form
 * chose, or, when it is opened, as the article is now.
 */
export function dossierChoiceLocals(deps: Deps): Router {
  const router = Router();
  router.use('/beheer/artikelen', async (req: Request, res: Response, next) => {
    if (!res.locals.can?.('articles') || (req.method !== 'GET' && req.method !== 'POST')) return next();
    // The editor's pages: /nieuw, /:id, the new article's save (/) and the form "Document importeren" fills in.
    const editor = /^\/(?:nieuw|importeren|\d{1,9})?$/.exec(req.path);
    // GET /beheer/artikelen is the list; POST /beheer/artikelen/nieuw is no route; GET /importeren is the import's own page.
    if (
      !editor ||
      (req.method === 'GET' && (req.path === '/' || req.path === '/importeren')) ||
      (req.method === 'POST' && req.path === '/nieuw')
    )
      return next();
    const id = /^\/\d/.test(req.path) ? Number(req.path.slice(1)) : null;
    const chosen = req.method === 'POST' ? chosenIds(req) : null;
    const ticked = new Set(chosen ?? (id === null ? [] : await dossierIdsOfArticle(deps.db, id)));
    res.locals.dossierChoices = (await listDossiersForBeheer(deps.db)).map(({ dossier }) => ({
      id: dossier.id,
      title: dossier.title,
      checked: ticked.has(dossier.id),
    }));
    next();
  });
  return router;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The article editor's "Dossiers" boxes (views/dossiers/choice.ejs). */
      dossierChoices?: DossierChoice[];
    }
  }
}
