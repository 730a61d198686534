// A resident's own reactie, for a short while after posting: /reactie/:id/bewerken shows the text
// to change or withdraw (reacties/editing/edit.ts has the rules). Every refusal is a Dutch page with the
// status it is (403 not yours, 410 too late or gone, 422 a wrong text) and the typed text kept.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { limiter } from '../http/rate-limit';
import { noStore } from '../http/cache';
import { field, parseId, type FieldErrors } from '../shared/validation';
import { editableReactie, editOwnReactie, withdrawOwnReactie, EDIT_MESSAGES } from '../reacties/editing/edit';
import { threadPageOf } from '../reacties/queries';
import { checkReactieBody, REACTIE_LIMITS } from '../reacties/posting/validation';
import { articlePath, findArticleById, isPublic, type Article } from './queries';

const FORGED = 'Dit formulier was verlopen of ongeldig. Open je reactie opnieuw met "Bewerken of intrekken" onder de reactie.';

/** What the error summary says happened: a sent change or withdrawal was not done, or the page cannot be used. */
const ERROR_TITLES = {
  open: 'Je kunt deze reactie hier niet bewerken',
  edit: 'Je wijziging is niet opgeslagen',
  withdraw: 'Je reactie is niet ingetrokken',
} as const;

function editPurpose(id: number): string {
  return `bewerk:${id}`;
}

interface EditPage {
  status: number;
  /** What the resident did: opened the page, sent a change, or asked to withdraw. */
  doing: keyof typeof ERROR_TITLES;
  article: Article | null;
  id: number | null;
  body: string;
  endsAt?: Date | null;
  message?: string;
  fieldError?: string;
  canEdit: boolean;
  pendingNotice?: boolean;
}

export function reactieEditRoutes(deps: Deps): Router {
  const router = Router();

  function render(res: Response, page: EditPage): void {
    res.status(page.status).render('reacties/edit', {
      title: 'Je reactie bewerken',
      // The article is named wherever it is known, also on a refusal; never "de weblog" instead.
      articleTitle: page.article?.title ?? null,
      articlePath: page.article ? articlePath(page.article) : null,
      errorTitle: page.status === 404 && page.doing === 'open' ? 'Reactie niet gevonden' : ERROR_TITLES[page.doing],
      reactie: page.id,
      endsAt: page.canEdit ? (page.endsAt ?? null) : null,
      body: page.body,
      formToken: page.id === null ? '' : deps.formTokens.issue(editPurpose(page.id), deps.clock().getTime()),
      error: page.message ? { status: page.status, message: page.message } : null,
      fieldError: page.fieldError,
      pendingNotice: page.pendingNotice ?? false,
      canEdit: page.canEdit,
      limits: REACTIE_LIMITS,
    });
  }

  /** The reactie and its public article, or the refusal page already sent (with the typed text). */
  async function load(req: Request, res: Response, doing: EditPage['doing'], typed: string) {
    const id = parseId(String(req.params.id));
    const now = deps.clock();
    const check = id === null ? null : await editableReactie(deps, req, id, now);
    const articleId = check?.ok ? check.reactie.articleId : check?.articleId;
    const found = articleId === undefined ? null : await findArticleById(deps.db, articleId);
    const article = found && isPublic(found, now) ? found : null;
    if (!check || (check.ok && !article)) {
      render(res, { status: 404, doing, article: null, id, body: typed, message: EDIT_MESSAGES.missing, canEdit: false });
      return null;
    }
    if (!check.ok) {
      // Not the author's own (or no longer editable): show only what they typed, never the reactie's text.
      render(res, { status: check.status, doing, article, id, body: typed, message: check.message, canEdit: false });
      return null;
    }
    return { ...check, article: article!, now };
  }

  // Counts changes that were stored: the edit form sent back with an error does not use it up.
  const perIp = limiter({ db: deps.db, secret: deps.config.sessionSecret }, 'reactie-edit-ip', deps.config.rateLimits.reactiesPerIp, {
    onlySuccesses: true,
    onLimit: (req, res, minutes) =>
      render(res, {
        status: 429,
        doing: req.path.endsWith('/intrekken') ? 'withdraw' : 'edit',
        article: null,
        id: parseId(String(req.params.id)),
        body: field(req.body, 'reactie'),
        message: `Er komen nu te veel wijzigingen van jouw internetadres. Wacht ${minutes === 1 ? 'een minuut' : `${minutes} minuten`} en probeer het dan opnieuw; je tekst staat er nog.`,
        canEdit: false,
      }),
  });

  router.get('/reactie/:id/bewerken', noStore, async (req, res) => {
    const found = await load(req, res, 'open', '');
    if (!found) return;
    const { reactie, article, endsAt, pendingBody } = found;
    render(res, {
      status: 200,
      doing: 'open',
      article,
      id: reactie.id,
      body: pendingBody ?? reactie.body,
      endsAt,
      canEdit: true,
      pendingNotice: pendingBody !== null,
    });
  });

  router.post('/reactie/:id/bewerken', noStore, perIp, async (req, res) => {
    const typed = field(req.body, 'reactie');
    const id = parseId(String(req.params.id));
    if (id === null || !deps.formTokens.check(editPurpose(id), field(req.body, '_token'), deps.clock().getTime()).ok)
      return render(res, { status: 403, doing: 'edit', article: null, id, body: typed, message: FORGED, canEdit: false });
    const found = await load(req, res, 'edit', typed);
    if (!found) return;
    const { reactie, article, endsAt, now } = found;
    const errors: FieldErrors = {};
    const body = checkReactieBody(errors, typed, 'Je reactie');
    if (errors.reactie)
      return render(res, { status: 422, doing: 'edit', article, id, body: typed, endsAt, fieldError: errors.reactie, canEdit: true });
    const path = articlePath(article);
    const outcome = await editOwnReactie(
      deps,
      reactie,
      body,
      { permalink: `${deps.config.baseUrl}${path}`, updatedAt: article.updatedAt },
      now,
    );
    if (outcome === 'gone')
      return render(res, { status: 410, doing: 'edit', article, id, body: typed, message: EDIT_MESSAGES.gone, canEdit: false });
    if (outcome === 'held')
      return render(res, { status: 200, doing: 'edit', article, id, body, endsAt, canEdit: true, pendingNotice: true });
    res.redirect(303, `${path}?reacties=${await threadPageOf(deps.db, id)}#reactie-${id}`);
  });

  router.post('/reactie/:id/intrekken', noStore, perIp, async (req, res) => {
    const id = parseId(String(req.params.id));
    if (id === null || !deps.formTokens.check(editPurpose(id), field(req.body, '_token'), deps.clock().getTime()).ok)
      return render(res, { status: 403, doing: 'withdraw', article: null, id, body: '', message: FORGED, canEdit: false });
    const found = await load(req, res, 'withdraw', '');
    if (!found) return;
    const { reactie, article, now } = found;
    if (!(await withdrawOwnReactie(deps, reactie, now)))
      return render(res, { status: 410, doing: 'withdraw', article, id, body: '', message: EDIT_MESSAGES.gone, canEdit: false });
    // The article says it was withdrawn, to this browser only (reacties/thread/section.ts checks its token).
    res.redirect(303, `${articlePath(article)}?ingetrokken=${id}#ingetrokken`);
  });

  return router;
}
