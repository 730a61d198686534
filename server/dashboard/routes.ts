// /beheer: the start page of beheer, showing what waits for this user.
import { Router } from 'express';
import type { Deps } from '../deps';
import { noStore } from '../http/cache';
import { currentUser, requireLogin } from '../accounts/auth';
import { can } from '../accounts/roles';
import { countDrafts, countInReview } from '../articles/queries';
import { countPending } from '../reacties/queries';
import { countSubscribers } from '../newsmail/subscribers';

export function dashboardRoutes(deps: Deps): Router {
  const router = Router();
  // Any logged-in role may see the overview; what it shows depends on the role.
  router.get('/beheer', noStore, requireLogin, async (_req, res) => {
    const user = currentUser(res);
    const pending = can(user.role, 'moderation') ? await countPending(deps.db) : null;
    const drafts = can(user.role, 'articles') ? await countDrafts(deps.db) : null;
    const newsmail = await countSubscribers(deps.db);
    const inReview = can(user.role, 'articles') ? await countInReview(deps.db) : null;
    res.render('beheer/dashboard', { title: 'Beheer', bodyClass: 'beheer', pending, drafts, newsmail, inReview });
  });
  return router;
}
