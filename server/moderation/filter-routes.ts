// /beheer/spamfilter: what the learning spam filter learned from this site's moderators, and the
// reset back to the day-one model (for when it learned something wrong, or a new site inherits an old database).
import { Router, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { builtinCounts } from '../spam/classifier/builtin';
import { HOLD_AT, SPAM_AT } from '../spam/classifier/classify';
import { resetSiteModel, siteModelSize } from '../spam/classifier/store';

export function spamFilterRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];

  router.get('/beheer/spamfilter', ...guard, async (_req, res) => {
    const builtin = builtinCounts().docs;
    res.render('beheer/moderation/filter', {
      title: 'Lerend spamfilter',
      bodyClass: 'beheer',
      learned: await siteModelSize(deps.db),
      builtin,
      spamAt: SPAM_AT,
      holdAt: HOLD_AT,
    });
  });

  router.post('/beheer/spamfilter/terugzetten', ...guard, async (req, res) => {
    const before = await siteModelSize(deps.db);
    await resetSiteModel(deps.db);
    await audit(deps.db, currentActor(res), 'spam-filter.reset', null, `${before.spam} spam, ${before.ham} geen spam`);
    req.session.flash = 'Het lerende filter is teruggezet: het kent nu alleen het ingebouwde model van dag één.';
    res.redirect(303, '/beheer/spamfilter');
  });

  return router;
}
