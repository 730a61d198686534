// The Dutch words a moderator or admin reads for the codes the code and the database use:
// reactie statuses, spam checks and their outcomes, Akismet verdicts and audit log actions.
// Every lookup falls back to the code itself, so an unknown or newer code shows up as it is instead of breaking a page.
import { ROLE_LABELS } from './accounts/roles';
import type { ReactieStatus } from './reacties/queries';
import type { CheckId, CheckOutcome } from './spam/local-checks';
import type { AkismetVerdict } from './spam/akismet';
import type { ModerationPolicy } from './settings/settings';

const STATUS_LABELS: Readonly<Record<ReactieStatus, string>> = {
  pending: 'wachtend',
  approved: 'goedgekeurd',
  spam: 'spam',
  trash: 'prullenbak',
};

/** What a moderation action can lead to besides a status: the reactie is gone for good. */
const STATUS_OR_DELETED_LABELS: Readonly<Record<ReactieStatus | 'deleted', string>> = {
  ...STATUS_LABELS,
  deleted: 'definitief verwijderd',
};

const CHECK_LABELS: Readonly<Record<CheckId | 'trusted', string>> = {
  honeypot: 'lokveld',
  'fill-time': 'invultijd',
  flood: 'te snel na elkaar',
  rate: 'te veel per minuut',
  duplicate: 'dubbele reactie',
  'disallowed-words': 'verboden woord',
  'moderation-words': 'moderatiewoord',
  'spam-signals': 'spamkenmerken',
  links: 'aantal links',
  'link-pattern': 'spamlink',
  'spam-memory': 'bekende spammer',
  'known-address': 'bekend e-mailadres',
  classifier: 'lerend filter',
  // The same check, as rows stored before it was renamed call it.
  trusted: 'bekend e-mailadres',
};

const OUTCOME_LABELS: Readonly<Record<CheckOutcome, string>> = {
  spam: 'spam',
  hold: 'vasthouden',
  refuse: 'geweigerd',
  trust: 'vertrouwd',
  note: 'opgemerkt',
  suspect: 'verdacht',
};

const AKISMET_LABELS: Readonly<Record<AkismetVerdict, string>> = {
  spam: 'spam',
  ham: 'geen spam',
  discard: 'overduidelijke spam',
  error: 'geen antwoord',
};

/** The error texts our Akismet client itself makes (other texts come from Akismet or the network, and are shown as they are). */
const AKISMET_ERROR_LABELS: Readonly<Record<string, string>> = {
  timeout: 'geen antwoord binnen de wachttijd',
  ECONNREFUSED: 'verbinding geweigerd',
  ECONNRESET: 'verbinding verbroken',
  ENOTFOUND: 'server niet gevonden',
  EAI_AGAIN: 'server niet gevonden',
};

/** Every action passed to audit(); a test checks that none is missing. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'login.success': 'ingelogd',
  'login.failed': 'inloggen mislukt',
  logout: 'uitgelogd',
  'reactie.approve': 'reactie goedgekeurd',
  'reactie.unapprove': 'reactie afgekeurd',
  'reactie.spam': 'reactie als spam gemarkeerd',
  'reactie.not-spam': 'reactie als geen spam gemarkeerd',
  'reactie.trash': 'reactie naar de prullenbak',
  'reactie.restore': 'reactie hersteld',
  'reactie.delete': 'reactie definitief verwijderd',
  'reactie.edit': 'reactie bewerkt',
  'reactie.feature': 'reactie uitgelicht',
  'reactie.unfeature': 'reactie niet meer uitgelicht',
  'reactie.reports-dismissed': 'meldingen van lezers genegeerd',
  'reactie.appeal-granted': 'bezwaar toegekend',
  'reactie.appeal-rejected': 'bezwaar afgewezen',
  'reactie.author-edit': 'reactie gewijzigd door de schrijver',
  'reactie.withdraw': 'reactie ingetrokken door de schrijver',
  'reactie.edit-approve': 'wijziging van de schrijver goedgekeurd',
  'reactie.edit-reject': 'wijziging van de schrijver afgewezen',
  'reactie.recheck': 'reactie opnieuw gecontroleerd',
  'reactie.purge': 'spam automatisch verwijderd',
  'address.hold': 'schrijver altijd vasthouden',
  'address.block': 'schrijver geblokkeerd',
  'address.lift': 'maatregel voor schrijver opgeheven',
  'note.reactie': 'notitie bij reactie',
  'note.writer': 'notitie over schrijver',
  'note.delete': 'notitie verwijderd',
  'article.create': 'artikel aangemaakt',
  'article.update': 'artikel bijgewerkt',
  'article.publish': 'artikel gepubliceerd',
  'article.unpublish': 'artikel offline gehaald',
  'article.tags': 'tags van artikel gewijzigd',
  'article.review-request': 'artikel ter beoordeling aangeboden',
  'article.review-return': 'artikel teruggestuurd met een opmerking',
  'article.review-publish': 'artikel na beoordeling gepubliceerd',
  'article.review-withdraw': 'artikel teruggenomen uit de beoordeling',
  'media.upload': 'foto toegevoegd',
  'media.update': 'foto-tekst gewijzigd',
  'media.replace': 'foto vervangen',
  'media.delete': 'foto verwijderd',
  'media.replace-file': 'bijlage vervangen',
  'page.update': 'pagina bijgewerkt',
  'dossier.create': 'dossier aangemaakt',
  'dossier.update': 'dossier bijgewerkt',
  'dossier.delete': 'dossier verwijderd',
  'dossier.add-article': 'artikel aan dossier toegevoegd',
  'dossier.remove-article': 'artikel uit dossier verwijderd',
  'settings.update': 'instellingen gewijzigd',
  'tagline.update': 'slogan gewijzigd',
  'search.synonyms': 'afkortingen en synoniemen voor zoeken gewijzigd',
  'spam-filter.reset': 'lerend spamfilter teruggezet',
  'privacy.export': 'reacties geëxporteerd (AVG)',
  'privacy.anonymise': 'reacties geanonimiseerd (AVG)',
  'privacy.delete': 'reacties verwijderd (AVG)',
  'user.create': 'account aangemaakt',
  'user.role': 'rol gewijzigd',
  'user.password': 'wachtwoord gezet (geïmporteerd account)',
  'wxr.import': 'WordPress-export geïmporteerd',
};

/** What an audit entry is about: "artikel 3". */
const SUBJECT_LABELS: Readonly<Record<string, string>> = {
  reactie: 'reactie',
  article: 'artikel',
  page: 'pagina',
  dossier: 'dossier',
  image: 'foto',
  user: 'gebruiker',
};

const MODERATION_POLICY_LABELS: Readonly<Record<ModerationPolicy, string>> = {
  trusted: 'bekende e-mailadressen direct publiceren',
  all: 'alles vasthouden',
};

function lookup(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : code;
}

export const statusLabel = (code: string | null | undefined): string => lookup(STATUS_LABELS, code);
export const checkLabel = (code: string | null | undefined): string => lookup(CHECK_LABELS, code);
export const outcomeLabel = (code: string | null | undefined): string => lookup(OUTCOME_LABELS, code);
export const akismetLabel = (code: string | null | undefined): string => lookup(AKISMET_LABELS, code);
const akismetErrorLabel = (text: string | null | undefined): string => lookup(AKISMET_ERROR_LABELS, text);
export const actionLabel = (code: string | null | undefined): string => lookup(AUDIT_ACTION_LABELS, code);
export const subjectLabel = (code: string | null | undefined): string => lookup(SUBJECT_LABELS, code);
const roleLabel = (code: string | null | undefined): string => lookup(ROLE_LABELS, code);

const ARROW = ' → ';
// Tokens as the code writes them: lowercase words with hyphens.
const TOKEN = '[a-z][a-z-]*';
const AKISMET_ARROW = new RegExp(`^Akismet: (${TOKEN})${ARROW}(${TOKEN})$`);
const PLAIN_ARROW = new RegExp(`^(${TOKEN})${ARROW}(${TOKEN})$`);
const ROLE_DETAIL = new RegExp(`^rol (${TOKEN})( \\(opdrachtregel\\))?$`);
const POLICY_DETAIL = new RegExp(`^moderatie: (${TOKEN})$`);

// Actions whose detail is an article title, a page slug or a dossier title: free text, never translated.
const FREE_TEXT_ACTIONS = /^(article|page|dossier|tagline)\./;

/** One side of "from → to": a status (or "deleted") or a role, else the token as it is. */
function arrowToken(token: string): string {
  if (Object.prototype.hasOwnProperty.call(STATUS_OR_DELETED_LABELS, token)) return lookup(STATUS_OR_DELETED_LABELS, token);
  return roleLabel(token);
}

/**
 * The stored detail of an audit entry in Dutch, translated when it is shown so that old rows read Dutch too.
 * Only whole known codes in the fixed shapes the code writes are translated:
 * "pending → approved", "Akismet: ham → approved", "editor → moderator", "rol editor", "moderatie: all".
 * Everything else (titles, counts, slugs) is returned unchanged. Pass the action to leave free-text details alone.
 */
export function auditDetailText(detail: string | null | undefined, action?: string): string {
  if (detail === null || detail === undefined) return '';
  if (action && FREE_TEXT_ACTIONS.test(action)) return detail;
  let m = AKISMET_ARROW.exec(detail);
  if (m) return `Akismet: ${akismetLabel(m[1])}${ARROW}${lookup(STATUS_OR_DELETED_LABELS, m[2])}`;
  m = PLAIN_ARROW.exec(detail);
  if (m) return `${arrowToken(m[1])}${ARROW}${arrowToken(m[2])}`;
  m = ROLE_DETAIL.exec(detail);
  if (m) return `rol ${roleLabel(m[1])}${m[2] ?? ''}`;
  m = POLICY_DETAIL.exec(detail);
  if (m) return `moderatie: ${lookup(MODERATION_POLICY_LABELS, m[1])}`;
  return detail;
}

/** What templates use as `label`: one function per kind of code. */
export const labels = {
  status: statusLabel,
  check: checkLabel,
  outcome: outcomeLabel,
  akismet: akismetLabel,
  akismetError: akismetErrorLabel,
  action: actionLabel,
  subject: subjectLabel,
  role: roleLabel,
  detail: auditDetailText,
} as const;
