// /beheer/slogan: the line under the weblog's name, for editors as well as moderators (the
// 'tagline' permission): the rest of the settings page is moderation policy and stays theirs.
// A preview shows the line as readers will see it, with the temperature and age known now.
import { Router, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { SETTINGS } from '../settings/schema';
import { loadSettings, saveSettings } from '../settings/settings';
import { checkLine, field, type FieldErrors } from '../shared/validation';
import { previewTagline, showTemplateNow } from './state';

const TEMPLATE_SETTING = SETTINGS.find((s) => s.key === 'tagline.template')!;
// One line under the name: a long template is a mistake, not a tagline.
const TAGLINE_MAX = 300;

export function taglineRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('tagline')];

  const render = (res: Response, status: number, template: string, errors: FieldErrors, preview: string | null) =>
    res.status(status).render('beheer/tagline/form', {
      title: 'Slogan',
      bodyClass: 'beheer',
      template,
      errors,
      preview,
      fallback: deps.config.siteTagline,
      help: TEMPLATE_SETTING.help,
      max: TAGLINE_MAX,
    });

  router.get('/beheer/slogan', ...guard, async (_req, res) => {
    const { template } = (await loadSettings(deps.db)).tagline;
    render(res, 200, template, {}, await previewTagline(deps.db, template, deps.clock()));
  });

  router.post('/beheer/slogan', ...guard, async (req, res) => {
    const typed = field(req.body, 'sjabloon');
    const errors: FieldErrors = {};
    const template = checkLine(errors, 'sjabloon', typed, { label: 'De slogan', required: false, max: TAGLINE_MAX });
    if (Object.keys(errors).length) return render(res, 422, typed, errors, null);
    const preview = await previewTagline(deps.db, template, deps.clock());
    if (field(req.body, 'actie') === 'voorbeeld') return render(res, 200, typed, {}, preview);
    await deps.db.transaction(async (trx) => {
      await saveSettings(trx, { tagline: { template } });
      await audit(trx, currentActor(res), 'tagline.update', null, template);
    });
    // Readers see it now, not at the next maintenance round (the page cache follows the tagline).
    await showTemplateNow(deps.db, template, deps.clock());
    req.session.flash = 'Slogan opgeslagen.';
    res.redirect(303, '/beheer/slogan');
  });

  return router;
}
