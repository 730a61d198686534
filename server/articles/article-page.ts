// The data for an article page: the article, its thread and the reactie form.
// Used when a reader opens the page and when a posted reactie comes back with an error.
import type { Request, Response } from 'express';
import type { Deps } from '../deps';
import { ARTICLE_KINDS, articlePath, type Article } from './queries';
import { listThreadReacties } from '../reacties/queries';
import { buildThread } from '../reacties/thread';
import { readRemembered } from '../reacties/remember';
import type { ReactieFormValues } from '../reacties/validation';
import type { FieldErrors } from '../shared/validation';

export interface ReactieFormState {
  values: ReactieFormValues;
  errors: FieldErrors;
  /** A message above the form, for problems that are not one field's. */
  formError?: string;
}

export function reactieFormPurpose(article: Pick<Article, 'id'>): string {
  return `reactie:${article.id}`;
}

export function ownReactieIds(req: Request): number[] {
  return Array.isArray(req.session?.ownReacties) ? req.session.ownReacties.filter((id) => Number.isInteger(id)) : [];
}

function emptyForm(req: Request): ReactieFormState {
  const remembered = readRemembered(req);
  return {
    values: {
      name: remembered?.name ?? '',
      email: remembered?.email ?? '',
      website: remembered?.website ?? '',
      body: '',
      parentId: '',
      remember: remembered !== null,
    },
    errors: {},
  };
}

export async function renderArticlePage(
  deps: Deps,
  req: Request,
  res: Response,
  article: Article,
  opts: {
    form?: ReactieFormState;
    replyTo?: number | null;
    status?: number;
    closedText?: string;
    /** When the resident first got the form: kept through error round-trips, so the fill time counts from then. */
    formIssuedAt?: number;
  } = {},
): Promise<void> {
  const reacties = await listThreadReacties(deps.db, article.id, ownReactieIds(req));
  const thread = buildThread(reacties);
  const form = opts.form ?? emptyForm(req);
  const replyTo = opts.replyTo ?? null;
  // The reply form is only placed under a reactie that is on the page.
  const replyTarget = replyTo !== null && reacties.some((r) => r.id === replyTo) ? replyTo : null;
  if (replyTarget === null && form.values.parentId !== '' && !reacties.some((r) => String(r.id) === form.values.parentId)) {
    form.values.parentId = '';
  }
  if (replyTarget !== null) form.values.parentId = String(replyTarget);
  res.status(opts.status ?? 200).render('articles/article', {
    title: article.title,
    description: article.excerptMarkdown.slice(0, 200) || undefined,
    article,
    kindLabel: ARTICLE_KINDS[article.kind],
    path: articlePath(article),
    thread,
    replyTo: replyTarget,
    replyToName: replyTarget !== null ? reacties.find((r) => r.id === replyTarget)?.authorName : undefined,
    form,
    formToken: deps.formTokens.issue(reactieFormPurpose(article), opts.formIssuedAt ?? deps.clock().getTime()),
    closedText: opts.closedText,
  });
}
