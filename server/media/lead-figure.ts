// The article page's own lead image: at the top of the article, at the text's width, with srcset,
// sizes, width, height, alt text, caption and credit. Not when the text already shows the same photo
// (a "[foto N]" line): then it would be there twice. articles/ knows nothing of it: this middleware
// runs before the article route and leaves the figure in res.locals (views/media/lead-figure.ejs).
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { articleAtPermalink } from '../articles/permalink';
import { isPublic } from '../articles/queries';
import { articlePageLocals } from '../http/deferred-locals';
import { leadFigureOf, type LeadFigure } from '../images/figure';
import { findImage } from '../images/queries';

export function leadFigureLocals(deps: Deps): Router {
  const load = async (req: Request, res: Response) => {
    const article = await articleAtPermalink(deps.db, req, res);
    if (!article || article.leadImageId === null || !isPublic(article, deps.clock())) return;
    const image = await findImage(deps.db, article.leadImageId);
    const figure = image && leadFigureOf(article, image);
    if (figure) res.locals.leadFigure = figure;
  };
  const add = articlePageLocals(load);
  const router = Router();
  router.get('/:year/:month/:slug', add);
  router.post('/:year/:month/:slug/reacties', add);
  return router;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** A public article's lead image at the top of its page (views/media/lead-figure.ejs). */
      leadFigure?: LeadFigure;
    }
  }
}
