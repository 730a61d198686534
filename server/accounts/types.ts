// What the accounts feature adds to Express's types: the session of a logged-in user and the
// locals every beheer template may read. (The reacties feature adds its own: reacties/session.ts.)
import 'express-session';
import type { Permission } from './roles';
import type { User } from './users';

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    /** When the user logged in: sessions end after an absolute lifetime, however active. */
    loggedInAt?: number;
    /** A one-time message shown after a redirect. */
    flash?: string;
  }
}

declare global {
  // Express declares its Locals in a namespace; augmenting it is the documented way.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      user?: User;
      /** can('moderation') in templates: what the logged-in user may reach. */
      can?: (permission: Permission) => boolean;
      flash?: string;
    }
  }
}
