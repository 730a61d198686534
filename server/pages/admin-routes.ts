// /beheer/paginas/:slug: editors edit "Over deze weblog" and the privacy page.
import { Router, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { renderMarkdown } from '../shared/markdown';
import { COLUMN_LIMITS } from '../db/limits';
import { checkLine, checkMultiLine, field, type FieldErrors } from '../shared/validation';
import { getPage, isPageSlug, savePage, type Page, type PageSlug } from './queries';

/** The page form: the title fits its column (server/db/limits.ts); the text is a text column. */
export const PAGE_LIMITS = { title: COLUMN_LIMITS.pages.title, body: 200_000 } as const;

export function pageAdminRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('pages')];

  const render = (
    res: Response,
    status: number,
    page: Page,
    values: { title: string; body: string },
    errors: FieldErrors,
    previewHtml: string | null = null,
  ) =>
    res.status(status).render('beheer/pages/form', {
      title: `Pagina: ${page.title}`,
      bodyClass: 'beheer',
      page,
      slug: page.slug,
      values,
      errors,
      previewHtml,
      limits: PAGE_LIMITS,
    });

  const slugOf = (value: unknown): PageSlug => {
    const slug = String(value);
    if (!isPageSlug(slug)) throw notFound('Deze pagina bestaat niet.');
    return slug;
  };

  router.get('/beheer/paginas/:slug', ...guard, async (req, res) => {
    const page = await getPage(deps.db, slugOf(req.params.slug));
    render(res, 200, page, { title: page.title, body: page.bodyMarkdown }, {});
  });

  router.post('/beheer/paginas/:slug', ...guard, async (req, res) => {
    const page = await getPage(deps.db, slugOf(req.params.slug));
    const values = { title: field(req.body, 'titel'), body: field(req.body, 'tekst') };
    if (field(req.body, 'actie') === 'voorbeeld') return render(res, 200, page, values, {}, renderMarkdown(values.body));
    const errors: FieldErrors = {};
    const title = checkLine(errors, 'titel', values.title, { label: 'De titel', required: true, max: PAGE_LIMITS.title });
    const bodyMarkdown = checkMultiLine(errors, 'tekst', values.body, { label: 'De tekst', required: true, max: PAGE_LIMITS.body });
    if (Object.keys(errors).length) return render(res, 422, page, values, errors);
    await savePage(deps.db, page.slug, { title, bodyMarkdown }, deps.clock());
    await audit(deps.db, currentActor(res), 'page.update', null, page.slug);
    req.session.flash = 'Pagina opgeslagen.';
    res.redirect(303, `/beheer/paginas/${page.slug}`);
  });

  return router;
}
