// /beheer/gebruikers: admins create accounts and change roles.
import { Router, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { COLUMN_LIMITS } from '../db/limits';
import { checkEmail, checkLine, field, parseId, type FieldErrors } from '../shared/validation';
import { currentActor, currentUser, requirePermission } from './auth';
import { generatePassword } from './passwords';
import { isRole, ROLE_LABELS, ROLES } from './roles';
import { changeRole, createUser, findUserByEmail, findUserById, listUsers, normalizeEmail } from './users';

/** The account form: an address is stored lower-cased (normalizeEmail), so that form must fit the column. */
export const USER_LIMITS = { email: COLUMN_LIMITS.users.email, name: COLUMN_LIMITS.users.name } as const;

export function userAdminRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('users')];

  const renderList = async (
    res: Response,
    status: number,
    form: { values: { email: string; name: string; role: string }; errors: FieldErrors },
    created?: { email: string; password: string },
  ) => {
    const users = await listUsers(deps.db);
    res.status(status).render('beheer/users/index', {
      title: 'Gebruikers',
      bodyClass: 'beheer',
      users,
      roles: ROLES,
      roleLabels: ROLE_LABELS,
      form,
      created,
      limits: USER_LIMITS,
    });
  };

  router.get('/beheer/gebruikers', ...guard, async (_req, res) => {
    await renderList(res, 200, { values: { email: '', name: '', role: 'editor' }, errors: {} });
  });

  router.post('/beheer/gebruikers', ...guard, async (req, res) => {
    const values = { email: field(req.body, 'email').trim(), name: field(req.body, 'naam'), role: field(req.body, 'rol') };
    const errors: FieldErrors = {};
    const email = checkEmail(errors, 'email', values.email, USER_LIMITS.email, { of: normalizeEmail, max: COLUMN_LIMITS.users.email });
    const name = checkLine(errors, 'naam', values.name, { label: 'De naam', required: true, max: USER_LIMITS.name });
    if (!isRole(values.role)) errors.rol = 'Kies een rol.';
    if (!errors.email && (await findUserByEmail(deps.db, email))) errors.email = 'Er is al een account met dit e-mailadres.';
    if (Object.keys(errors).length || !isRole(values.role)) return renderList(res, 422, { values, errors });
    const password = generatePassword();
    const user = await createUser(deps.db, { email, name, role: values.role, password });
    await audit(deps.db, currentActor(res), 'user.create', { type: 'user', id: user.id }, `rol ${user.role}`);
    await renderList(res, 201, { values: { email: '', name: '', role: 'editor' }, errors: {} }, { email: normalizeEmail(email), password });
  });

  router.post('/beheer/gebruikers/:id/rol', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const user = id === null ? null : await findUserById(deps.db, id);
    if (!user) throw notFound('Deze gebruiker bestaat niet.');
    const role = field(req.body, 'rol');
    if (!isRole(role))
      return renderList(res, 422, { values: { email: '', name: '', role: 'editor' }, errors: { rol: 'Kies een geldige rol.' } });
    if (user.id === currentUser(res).id && role !== 'admin') {
      // Otherwise the last admin could lock everyone out of user management.
      return renderList(res, 422, {
        values: { email: '', name: '', role: 'editor' },
        errors: { rol: 'Je kunt je eigen beheerdersrol niet afnemen.' },
      });
    }
    await changeRole(deps.db, user.id, role);
    await audit(deps.db, currentActor(res), 'user.role', { type: 'user', id: user.id }, `${user.role} → ${role}`);
    req.session.flash = `De rol van ${user.name} is nu ${ROLE_LABELS[role]}.`;
    res.redirect(303, '/beheer/gebruikers');
  });

  return router;
}
