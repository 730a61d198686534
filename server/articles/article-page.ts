// An article page: the article with its reacties section. Rendered when a reader opens the page,
// and when a posted reactie comes back with an error (the section then carries the form's state).
import type { Request, Response } from 'express';
import type { Deps } from '../deps';
import { reactieSection, type SectionOptions } from '../reacties/section';
import { ARTICLE_KINDS, articlePath, type Article } from './queries';

export async function renderArticlePage(
  deps: Deps,
  req: Request,
  res: Response,
  article: Article,
  opts: SectionOptions = {},
): Promise<void> {
  const section = await reactieSection(deps, req, article, opts);
  res.status(opts.status ?? 200).render('articles/article', {
    title: article.title,
    description: article.excerptMarkdown.slice(0, 200) || undefined,
    article,
    kindLabel: ARTICLE_KINDS[article.kind],
    path: articlePath(article),
    ...section,
  });
}
