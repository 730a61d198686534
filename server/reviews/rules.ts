// "Ter beoordeling" as rules: who publishes directly (the setting articles.directPublish), who
// reviews (the permission 'reviewing'), and which status a save may ask for. Pure functions.
import { can, type Role } from '../accounts/roles';
import type { ArticleStatus } from '../articles/queries';

export type DirectPublish = 'chief' | 'all';

/** The roles that put an article on the weblog themselves, per value of the setting. */
const DIRECT_ROLES: Record<DirectPublish, readonly Role[]> = {
  chief: ['admin', 'chief'],
  all: ['admin', 'chief', 'editor'],
};

export function publishesDirectly(role: Role, setting: DirectPublish): boolean {
  return DIRECT_ROLES[setting].includes(role);
}

export function reviews(role: Role): boolean {
  return can(role, 'reviewing');
}

/** The article as it was before the save, as far as the rule needs it. */
export interface Before {
  status: ArticleStatus;
  publishedAt: Date | null;
  public: boolean;
}

const NOT_YOURS_TO_PUBLISH =
  'Je kunt dit artikel niet zelf publiceren of plannen: kies "Ter beoordeling aanbieden". Een eindredacteur of beheerder publiceert het.';

/**
 * Why this save may not have the status asked for, or null. Who publishes directly may choose any
 * status. Who needs review may keep concept or ask for review, and may keep an article a reviewer
 * already published as it is: corrections to a public article go out (with a correction note), but
 * a scheduled one keeps its time, so nothing appears earlier than the reviewer chose.
 */
export function statusRefusal(
  save: { direct: boolean; wanted: ArticleStatus; publishedAt: Date | null; now: Date },
  before?: Before,
): string | null {
  const { direct, wanted, publishedAt, now } = save;
  if (direct || wanted !== 'published') return null;
  if (!before || before.status !== 'published') return NOT_YOURS_TO_PUBLISH;
  if (before.public) return publishedAt === null || publishedAt.getTime() <= now.getTime() ? null : NOT_YOURS_TO_PUBLISH;
  // The form shows the time to the minute.
  const minute = (d: Date) => Math.floor(d.getTime() / 60_000);
  return publishedAt !== null && before.publishedAt !== null && minute(publishedAt) === minute(before.publishedAt)
    ? null
    : NOT_YOURS_TO_PUBLISH;
}
