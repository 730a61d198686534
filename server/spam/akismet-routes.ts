// "Controleer de sleutel" on the settings page: asks Akismet whether the configured key works.
import { Router } from 'express';
import type { Deps } from '../deps';
import { currentSettingsForm, renderSettingsPage, settingsGuard } from '../settings/routes';
import { verifyKey } from './akismet';

export function akismetRoutes(deps: Deps): Router {
  const router = Router();
  router.post('/beheer/instellingen/akismet-controleren', ...settingsGuard, async (_req, res) => {
    const akismet = deps.config.akismet ? await verifyKey(deps.config.akismet, deps.config.baseUrl) : undefined;
    renderSettingsPage(deps, res, { status: 200, form: await currentSettingsForm(deps), errors: {}, akismet });
  });
  return router;
}
