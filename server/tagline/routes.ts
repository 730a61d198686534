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
import { showTemplateNow, taglineNow, type TaglineNow } from './state';

const TEMPLATE_SETTING = SETTINGS.find((s) => s.key === 'tagline.template')!;
// One line under the name: a long template is a mistake, not a tagline.
const TAGLINE_MAX = 300;

/** The field's help with what the placeholders give now, as the site shows them ("nu 21 jaar"). */
function helpNow(current: TaglineNow): string {
  const age = current.age ? `nu ${current.age}` : 'nu nog niets: de weblog is nog niet begonnen';
  const temperature = current.temperature !== null ? `nu ${current.temperature} graden` : `nu geen: ${current.temperatureMissing}`;
  return `${TEMPLATE_SETTING.help} Op dit moment geeft {leeftijd}: ${age}; {temperatuur}: ${temperature}.`;
}

/** firstArticleAt: when the weblog started if the settings do not say (articles/ knows; app.ts passes it). */
export function taglineRoutes(deps: Deps, firstArticleAt: () => Promise<Date | null>): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('tagline')];

  const render = async (res: Response, status: number, template: string, errors: FieldErrors, withPreview: boolean) => {
    const current = await taglineNow(deps.db, template, deps.clock(), firstArticleAt);
    res.status(status).render('beheer/tagline/form', {
      title: 'Slogan',
      bodyClass: 'beheer',
      template,
      errors,
      preview: withPreview ? current.preview : null,
      // Said beside the preview when the template asks for a temperature there is none of.
      temperatureMissing: template.includes('{temperatuur}') ? current.temperatureMissing : null,
      fallback: deps.config.siteTagline,
      help: helpNow(current),
      max: TAGLINE_MAX,
    });
  };

  router.get('/beheer/slogan', ...guard, async (_req, res) => {
    const { template } = (await loadSettings(deps.db)).tagline;
    await render(res, 200, template, {}, true);
  });

  router.post('/beheer/slogan', ...guard, async (req, res) => {
    const typed = field(req.body, 'sjabloon');
    const errors: FieldErrors = {};
    const template = checkLine(errors, 'sjabloon', typed, { label: 'De slogan', required: false, max: TAGLINE_MAX });
    if (Object.keys(errors).length) return render(res, 422, typed, errors, false);
    if (field(req.body, 'actie') === 'voorbeeld') return render(res, 200, typed, {}, true);
    await deps.db.transaction(async (trx) => {
      await saveSettings(trx, { tagline: { template } });
      await audit(trx, currentActor(res), 'tagline.update', null, template);
    });
    // Readers see it now, not at the next maintenance round (the page cache follows the tagline).
    await showTemplateNow(deps.db, template, deps.clock(), firstArticleAt);
    req.session.flash = 'Slogan opgeslagen.';
    res.redirect(303, '/beheer/slogan');
  });

  return router;
}
