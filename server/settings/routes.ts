// /beheer/instellingen: the settings of server/settings/schema.ts. The Akismet key check on the
// same page belongs to the spam feature (spam/akismet-routes.ts), which renders this page with it.
import { Router, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, currentUser, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import type { FieldErrors } from '../shared/validation';
import { SETTINGS_FORM_GROUPS, formFromSettings, parseSettingsForm, type SettingsForm } from './form';
import type { Knex } from 'knex';
import { forgetKeptSettings, loadSettings, saveSettings, type Settings } from './settings';

export { SETTINGS_LIMITS } from './schema';

export const settingsGuard: RequestHandler[] = [noStore, requirePermission('settings')];

/** The result of an Akismet key check, shown under the form. */
export interface AkismetCheck {
  valid: boolean;
  alertCode?: string;
  alertMsg?: string;
  error?: string;
}

export function renderSettingsPage(
  deps: Deps,
  res: Response,
  page: { status: number; form: SettingsForm; errors: FieldErrors; akismet?: AkismetCheck },
): void {
  const { status, form, errors, akismet } = page;
  res.status(status).render('beheer/settings/index', {
    title: 'Instellingen',
    bodyClass: 'beheer',
    groups: SETTINGS_FORM_GROUPS,
    isAdmin: currentUser(res).role === 'admin',
    form,
    errors,
    akismetConfigured: deps.config.akismet !== null,
    akismet,
  });
}

export async function currentSettingsForm(deps: Deps): Promise<SettingsForm> {
  return formFromSettings(await loadSettings(deps.db));
}

/**
 * Called in the saving transaction with the settings before and after: features above this one
 * react to a change (articles/ moves the version of the pages a new close-after setting changes).
 */
export type AfterSettingsSave = (trx: Knex.Transaction, before: Settings, after: Settings) => Promise<void>;

export function settingsRoutes(deps: Deps, afterSave?: AfterSettingsSave): Router {
  const router = Router();

  router.get('/beheer/instellingen', ...settingsGuard, async (_req, res) => {
    renderSettingsPage(deps, res, { status: 200, form: await currentSettingsForm(deps), errors: {} });
  });

  router.post('/beheer/instellingen', ...settingsGuard, async (req, res) => {
    // A setting only an admin changes keeps its stored value when someone else saves the form.
    const parsed = parseSettingsForm(req.body, currentUser(res).role === 'admin' ? undefined : await loadSettings(deps.db));
    if (!parsed.ok) return renderSettingsPage(deps, res, { status: 422, form: parsed.input, errors: parsed.errors });
    await deps.db.transaction(async (trx) => {
      const before = afterSave ? await loadSettings(trx) : null;
      await saveSettings(trx, parsed.value);
      if (afterSave && before) await afterSave(trx, before, await loadSettings(trx));
      await audit(trx, currentActor(res), 'settings.update', null, `moderatie: ${parsed.value.moderationPolicy}`);
    });
    forgetKeptSettings(deps.db);
    req.session.flash = 'Instellingen opgeslagen.';
    res.redirect(303, '/beheer/instellingen');
  });

  return router;
}
