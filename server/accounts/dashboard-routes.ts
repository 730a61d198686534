// /beheer: the start page of beheer, showing what waits for this user.
import { Router } from 'express';
import type { Deps } from '../deps';
import { noStore } from '../http/cache';
import { toCount } from '../db/rows';
import { requireLogin } from './auth';
import { can } from './roles';

export function dashboardRoutes(deps: Deps): Router {
  const router = Router();
  // Any logged-in role may see the overview; what it shows depends on the role.
  router.get('/beheer', noStore, requireLogin, async (_req, res) => {
    const user = res.locals.user!;
    const pending = can(user.role, 'moderation') ? toCount(await deps.db('reacties').where({ status: 'pending' }).count({ n: '*' }).first()) : null;
    const drafts = can(user.role, 'articles') ? toCount(await deps.db('articles').where({ status: 'draft' }).count({ n: '*' }).first()) : null;
    res.render('beheer/dashboard', { title: 'Beheer', bodyClass: 'beheer', pending, drafts });
  });
  return router;
}
