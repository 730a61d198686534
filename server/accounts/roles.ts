// Who may do what in /beheer. Every beheer route names the permission it needs.
// 'chief' (eindredacteur): an editor who reviews and publishes the others' articles (reviews/).
export const ROLES = ['admin', 'chief', 'editor', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

// 'tagline': the line under the weblog's name (/beheer/slogan), which editors write as much as moderators.
// 'search': the abbreviations and synonyms of /zoeken (/beheer/zoeken), kept by editors and moderators.
// 'featuring': "Uitgelicht door de redactie" on a reactie, which editors choose as much as moderators.
// 'reviewing': publishes, schedules or sends back an article "Ter beoordeling" (reviews/); who may
// publish without review is a setting (articles.directPublish, reviews/rules.ts).
export type Permission =
  'articles' | 'pages' | 'moderation' | 'settings' | 'tagline' | 'search' | 'featuring' | 'reviewing' | 'users' | 'audit';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['articles', 'pages', 'moderation', 'settings', 'tagline', 'search', 'featuring', 'reviewing', 'users', 'audit'],
  chief: ['articles', 'pages', 'tagline', 'search', 'featuring', 'reviewing'],
  editor: ['articles', 'pages', 'tagline', 'search', 'featuring'],
  moderator: ['moderation', 'settings', 'tagline', 'search', 'featuring'],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'beheerder',
  chief: 'eindredacteur',
  editor: 'redacteur',
  moderator: 'moderator',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
