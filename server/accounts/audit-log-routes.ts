// /beheer/logboek: admins read the audit log.
import { Router } from 'express';
import type { Deps } from '../deps';
import { requirePermission } from './auth';
import { noStore } from '../http/cache';
import { listAudit } from '../audit/audit-log';

// The newest entries are what an admin looks for; older ones stay in the database.
const AUDIT_PAGE_SIZE = 200;

export function auditRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/beheer/logboek', noStore, requirePermission('audit'), async (_req, res) => {
    const entries = await listAudit(deps.db, { limit: AUDIT_PAGE_SIZE });
    res.render('beheer/audit/index', { title: 'Logboek', bodyClass: 'beheer', entries });
  });
  return router;
}
