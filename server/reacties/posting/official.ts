// Official replies: a staff member (logged in through /beheer) reacts "namens de redactie", or for
// another role the site configured (reacties.officialRoles, one a line: "het college" for a
// municipal account). Such a reactie is shown with a badge and never held: it is published at once,
// without the spam checks, since it comes from an account, not from the open form.
import type { Response } from 'express';
import type { Settings } from '../../settings/settings';

export const OFFICIAL_FIELD = 'namens';

export function officialRoles(settings: Pick<Settings, 'reacties'>): string[] {
  return [
    ...new Set(
      settings.reacties.officialRoles
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/** The logged-in staff member of this request, if any (accounts/ loads them for every request). */
export function staffOf(res: Response): { name: string; email: string } | null {
  const user = res.locals.user;
  return user ? { name: user.name || user.email, email: user.email } : null;
}

export const OFFICIAL_REFUSED =
  'Namens een rol reageren kan alleen wie voor de redactie of moderatie is ingelogd, met een rol uit de instellingen. Je tekst staat er nog.';
