// /beheer/instellingen: the moderation policy, the spam filter's settings and the Akismet key check.
import { Router, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { actorOf, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { verifyKey } from '../spam/akismet';
import { getSpamSettings, saveSpamSettings, type SpamSettings } from '../spam/settings';
import { checkMultiLine, field, type FieldErrors } from '../shared/validation';
import { getSettings, saveSettings, type Settings } from './settings';

type Form = Record<string, string>;

/** The word lists are stored as JSON in a text column: one word or phrase a line, LF line breaks. */
export const SETTINGS_LIMITS = { wordList: 20_000 } as const;

function formFrom(settings: Settings, spam: SpamSettings): Form {
  return {
    moderatie: settings.moderationPolicy,
    verbodenWoorden: spam.disallowedWords,
    moderatieWoorden: spam.moderationWords,
    maxLinks: String(spam.maxLinks),
    minVulTijd: String(spam.minFillSeconds),
    snelActie: spam.fastPostAction,
    floodSeconden: String(spam.floodSeconds),
    perMinuut: String(spam.perMinutePerIp),
    weggooien: spam.discardObviousSpam ? 'ja' : '',
    spamDagen: String(spam.spamRetentionDays),
  };
}

function intField(errors: FieldErrors, name: string, value: string, label: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) errors[name] = `${label}: vul een geheel getal van ${min} tot ${max} in.`;
  return n;
}

export function settingsRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('settings')];

  const render = async (res: Response, status: number, form: Form, errors: FieldErrors, akismet?: Awaited<ReturnType<typeof verifyKey>>) => {
    res.status(status).render('beheer/settings/index', {
      title: 'Instellingen', bodyClass: 'beheer', form, errors, akismetConfigured: deps.config.akismet !== null, akismet,
    });
  };

  router.get('/beheer/instellingen', ...guard, async (_req, res) => {
    const [settings, spam] = await Promise.all([getSettings(deps.db), getSpamSettings(deps.db)]);
    await render(res, 200, formFrom(settings, spam), {});
  });

  router.post('/beheer/instellingen', ...guard, async (req, res) => {
    const keys = ['moderatie', 'verbodenWoorden', 'moderatieWoorden', 'maxLinks', 'minVulTijd', 'snelActie', 'floodSeconden', 'perMinuut', 'weggooien', 'spamDagen'];
    const form: Form = Object.fromEntries(keys.map((k) => [k, field(req.body, k)]));
    const errors: FieldErrors = {};
    if (form.moderatie !== 'trusted' && form.moderatie !== 'all') errors.moderatie = 'Kies een van de twee manieren van modereren.';
    if (form.snelActie !== 'spam' && form.snelActie !== 'hold') errors.snelActie = 'Kies spam of vasthouden.';
    const disallowedWords = checkMultiLine(errors, 'verbodenWoorden', form.verbodenWoorden, { label: 'De lijst verboden woorden', required: false, max: SETTINGS_LIMITS.wordList });
    const moderationWords = checkMultiLine(errors, 'moderatieWoorden', form.moderatieWoorden, { label: 'De lijst moderatiewoorden', required: false, max: SETTINGS_LIMITS.wordList });
    const spam: SpamSettings = {
      disallowedWords,
      moderationWords,
      maxLinks: intField(errors, 'maxLinks', form.maxLinks, 'Aantal links', 1, 100),
      minFillSeconds: intField(errors, 'minVulTijd', form.minVulTijd, 'Minimale invultijd', 0, 600),
      fastPostAction: form.snelActie === 'hold' ? 'hold' : 'spam',
      floodSeconds: intField(errors, 'floodSeconden', form.floodSeconden, 'Wachttijd tussen reacties', 0, 3600),
      perMinutePerIp: intField(errors, 'perMinuut', form.perMinuut, 'Reacties per minuut', 1, 1000),
      discardObviousSpam: form.weggooien === 'ja',
      spamRetentionDays: intField(errors, 'spamDagen', form.spamDagen, 'Bewaartermijn spam', 1, 3650),
    };
    if (Object.keys(errors).length) return render(res, 422, form, errors);
    await saveSettings(deps.db, { moderationPolicy: form.moderatie as Settings['moderationPolicy'] });
    await saveSpamSettings(deps.db, spam);
    await audit(deps.db, actorOf(res.locals.user!), 'settings.update', null, `moderatie: ${form.moderatie}`);
    req.session.flash = 'Instellingen opgeslagen.';
    res.redirect(303, '/beheer/instellingen');
  });

  router.post('/beheer/instellingen/akismet-controleren', ...guard, async (_req, res) => {
    const [settings, spam] = await Promise.all([getSettings(deps.db), getSpamSettings(deps.db)]);
    const result = deps.config.akismet ? await verifyKey(deps.config.akismet, deps.config.baseUrl) : undefined;
    await render(res, 200, formFrom(settings, spam), {}, result);
  });

  return router;
}
