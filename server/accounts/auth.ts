// Loads the logged-in user and guards beheer routes by permission.
import type { RequestHandler, Response } from 'express';
import type { Db } from '../db/knex';
import { forbidden, HttpError } from '../http/errors';
import './types';
import { can, type Permission } from './roles';
import { findUserById, type User } from './users';
import type { Actor } from '../audit/audit-log';

// However active, a beheer session ends after this long: a stolen cookie does not live forever.
export const ABSOLUTE_SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function loadUser(db: Db): RequestHandler {
  return async (req, res, next) => {
    const userId = req.session?.userId;
    if (!userId) return next();
    if (!req.session.loggedInAt || Date.now() - req.session.loggedInAt > ABSOLUTE_SESSION_LIFETIME_MS) {
      return req.session.destroy(() => next());
    }
    const user = await findUserById(db, userId);
    if (user) {
      res.locals.user = user;
      res.locals.can = (permission: Permission) => can(user.role, permission);
    }
    next();
  };
}

/** Not logged in: to the login page, coming back here afterwards. */
export const requireLogin: RequestHandler = (req, res, next) => {
  if (res.locals.user) return next();
  const back = req.method === 'GET' ? `?terug=${encodeURIComponent(req.originalUrl)}` : '';
  res.redirect(302, `/beheer/inloggen${back}`);
};

/** Not logged in: to the login page. Logged in without the permission: 403. */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user;
    if (!user) return requireLogin(req, res, next);
    if (!can(user.role, permission)) return next(forbidden('Je account heeft geen toegang tot dit deel van het beheer.'));
    next();
  };
}

/**
 * The logged-in user, for handlers behind requireLogin or requirePermission (which redirect or
 * refuse when there is none): typed, so handlers need no `res.locals.user!`.
 */
export function currentUser(res: Response): User {
  const user = res.locals.user;
  if (!user) throw new HttpError(401, 'Je bent niet (meer) ingelogd. Log opnieuw in.');
  return user;
}

/** Who did it, for the audit log. */
export function currentActor(res: Response): Actor {
  return actorOf(currentUser(res));
}

export function actorOf(user: User): Actor {
  return { id: user.id, email: user.email };
}

/**
 * A message set before a redirect (req.session.flash) is shown once, on the next page. A request of
 * the queue's script (Accept: application/json) shows no page, so it leaves the message for the page.
 */
export const showFlash: RequestHandler = (req, res, next) => {
  if (req.session?.flash && req.get('accept') !== 'application/json') {
    res.locals.flash = req.session.flash;
    delete req.session.flash;
  }
  next();
};
