// Placeholder: filled in by the feature's own work.
import { Router } from 'express';
import type { Deps } from '../deps';

export function pageAdminRoutes(_deps: Deps): Router {
  return Router();
}
