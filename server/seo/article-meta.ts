// An article page's head: its canonical permalink, OpenGraph article tags and NewsArticle JSON-LD,
// added to res.locals.meta just before the article route renders (the page itself stays with
// articles/). Only for a public article: a draft's title never reaches a 404 page's head.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { articlePageLocals } from '../http/deferred-locals';
import { articleAtPermalink } from '../articles/permalink';
import { ARTICLE_KINDS, articlePath, isPublic } from '../articles/queries';
import { newsArticleJsonLd, modifiedAt } from './structured-data';
import { SITE_IMAGE_PATH } from './meta';
import { shareImage } from '../images/figure';
import { findImage } from '../images/queries';

// Link previews cut descriptions at about this length.
const DESCRIPTION_MAX = 200;

/** Plain text from our sanitized HTML: tags dropped, the entities markdown-it writes decoded. */
function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|nbsp|apos);/gi, (_m, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', apos: "'" };
      if (e[0] !== '#') return named[e.toLowerCase()];
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

export function articleMeta(deps: Deps): Router {
  const base = deps.config.baseUrl;
  const fill = async (req: Request, res: Response) => {
    const article = await articleAtPermalink(deps.db, req, res);
    if (!article || !isPublic(article, deps.clock()) || !res.locals.meta) return;
    const url = `${base}${articlePath(article)}`;
    const description = shorten(htmlToText(article.excerptHtml), DESCRIPTION_MAX);
    const section = article.kind === 'nieuws' ? null : ARTICLE_KINDS[article.kind];
    res.locals.meta.canonical = url;
    // The lead image, as its 1200-wide JPEG, when the article has one.
    const lead = article.leadImageId === null ? null : await findImage(deps.db, article.leadImageId);
    if (lead) {
      const share = shareImage(lead);
      Object.assign(res.locals.meta, {
        image: `${base}${share.path}`,
        imageWidth: share.width,
        imageHeight: share.height,
        imageAlt: share.alt,
      });
    }
    res.locals.meta.article = {
      description,
      section,
      publishedTime: article.publishedAt!.toISOString(),
      modifiedTime: modifiedAt(article).toISOString(),
      jsonLdForScript: newsArticleJsonLd({
        article,
        url,
        description,
        section,
        siteName: deps.config.siteName,
        siteUrl: `${base}/`,
        imageUrl: `${base}${SITE_IMAGE_PATH}`,
        ...(lead ? { leadImageUrl: res.locals.meta.image } : {}),
      }),
    };
  };
  const add = articlePageLocals(fill);
  const router = Router();
  router.get('/:year/:month/:slug', add);
  router.post('/:year/:month/:slug/reacties', add);
  return router;
}
