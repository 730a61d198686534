// Placeholder: filled in by the feature's own work.
import { Router } from 'express';
import type { Deps } from '../deps';

export function settingsRoutes(_deps: Deps): Router {
  return Router();
}
