// /beheer/zoeken: the abbreviations and synonyms /zoeken applies (the setting searchSynonyms), for
// editors as well as moderators (the 'search' permission), with what the search index holds now. A
// text that does not parse is refused with the line that is wrong, and kept as typed.
import { Router, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { SETTINGS } from '../settings/schema';
import { loadSettings, saveSettings } from '../settings/settings';
import { parseSynonyms } from '../settings/synonyms';
import { checkMultiLine, field, type FieldErrors } from '../shared/validation';
import { indexCounts } from './indexer';

const SYNONYMS_SETTING = SETTINGS.find((s) => s.key === 'searchSynonyms')!;
const SYNONYMS_MAX = SYNONYMS_SETTING.kind === 'text' ? SYNONYMS_SETTING.max : 20_000;

export function synonymsRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('search')];

  const render = async (res: Response, status: number, synonyms: string, errors: FieldErrors) => {
    res.status(status).render('beheer/search/synonyms', {
      title: 'Zoeken',
      bodyClass: 'beheer',
      synonyms,
      errors,
      help: SYNONYMS_SETTING.help,
      max: SYNONYMS_MAX,
      index: await indexCounts(deps.db),
    });
  };

  router.get('/beheer/zoeken', ...guard, async (_req, res) => {
    await render(res, 200, (await loadSettings(deps.db)).searchSynonyms, {});
  });

  router.post('/beheer/zoeken', ...guard, async (req, res) => {
    const typed = field(req.body, 'synoniemen');
    const errors: FieldErrors = {};
    const text = checkMultiLine(errors, 'synoniemen', typed, { label: 'De afkortingen en synoniemen', required: false, max: SYNONYMS_MAX });
    const parsed = parseSynonyms(text);
    if (!errors.synoniemen && !parsed.ok) errors.synoniemen = `De afkortingen en synoniemen: ${parsed.error}`;
    if (Object.keys(errors).length) return render(res, 422, typed, errors);
    await deps.db.transaction(async (trx) => {
      await saveSettings(trx, { searchSynonyms: text });
      await audit(trx, currentActor(res), 'search.synonyms', null, `${parsed.ok ? parsed.groups.length : 0} groepen`);
    });
    req.session.flash = 'Afkortingen en synoniemen opgeslagen. Zoeken gebruikt ze meteen.';
    res.redirect(303, '/beheer/zoeken');
  });

  return router;
}
