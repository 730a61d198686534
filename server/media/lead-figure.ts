// The article page's own lead image: at the top of the article, at the text's width, with srcset,
// sizes, width, height, alt text, caption and credit. Not when the text already shows the same photo
// (a "[foto N]" line): then it would be there twice. articles/ knows nothing of it: this middleware
// runs before the article route and leaves the figure in res.locals (views/media/lead-figure.ejs).
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { articleAtPermalink } from '../articles/permalink';
import { isPublic, type Article } from '../articles/queries';
import { articlePageLocals } from '../http/deferred-locals';
import { ARTICLE_SIZES, figureIds, pictureView, urlKey, type PictureView } from '../images/figure';
import { findImage } from '../images/queries';

/** What views/media/lead-figure.ejs shows. */
interface LeadFigure {
  picture: PictureView;
  caption: string;
  credit: string;
}

/** Whether the article's text shows this photo itself: its line in Markdown, its variants in an imported HTML text. */
function textShowsPhoto(article: Pick<Article, 'bodyMarkdown' | 'bodyFormat'>, image: { id: number; sha256: string }): boolean {
  if (article.bodyFormat === 'markdown') return figureIds(article.bodyMarkdown).includes(image.id);
  return article.bodyMarkdown.includes(`/beelden/${image.id}/${urlKey(image.sha256)}-`);
}

export function leadFigureLocals(deps: Deps): Router {
  const load = async (req: Request, res: Response) => {
    const article = await articleAtPermalink(deps.db, req, res);
    if (!article || article.leadImageId === null || !isPublic(article, deps.clock())) return;
    const image = await findImage(deps.db, article.leadImageId);
    if (!image || textShowsPhoto(article, image)) return;
    // At the top of the page, in view at once: not lazy.
    res.locals.leadFigure = { picture: pictureView(image, ARTICLE_SIZES, false), caption: image.caption, credit: image.credit };
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
