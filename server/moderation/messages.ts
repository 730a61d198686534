// What a moderator reads after a decision, as a sentence about whose reactie and what happened to
// it ("De reactie van Renée de Wit is goedgekeurd."), never as codes or numbers. The same text goes
// to the page (a flash after the redirect) and to the queue's script (JSON, shown without a reload).
// Pure functions: the routes give them the outcome and the author's name.
import type { ReactieStatus } from '../reacties/queries';
import { MODERATION_REASONS, type ModerationReason } from '../reacties/moderation-log';
import type { ModerationAction } from './actions';

/** The queue's tab a status is listed under, as the moderator reads it. */
const STATUS_TAB_LABELS: Readonly<Record<ReactieStatus, string>> = {
  pending: 'Wachtend',
  approved: 'Goedgekeurd',
  spam: 'Spam',
  trash: 'Prullenbak',
};

/** What happened, after "De reactie van X" (one) and after "3 reacties" (several). */
const DONE: Readonly<Record<ModerationAction, { one: string; many: string }>> = {
  goedkeuren: { one: 'is goedgekeurd', many: 'zijn goedgekeurd' },
  afkeuren: { one: 'is afgekeurd en wacht weer op beoordeling', many: 'zijn afgekeurd en wachten weer op beoordeling' },
  spam: { one: 'is als spam gemarkeerd', many: 'zijn als spam gemarkeerd' },
  'geen-spam': {
    one: 'is als geen spam gemarkeerd en wacht op beoordeling',
    many: 'zijn als geen spam gemarkeerd en wachten op beoordeling',
  },
  prullenbak: { one: 'staat nu in de prullenbak', many: 'staan nu in de prullenbak' },
  herstellen: { one: 'is teruggezet uit de prullenbak', many: 'zijn teruggezet uit de prullenbak' },
  verwijderen: { one: 'is definitief verwijderd', many: 'zijn definitief verwijderd' },
};

/** What did not happen: "De reactie van X is niet goedgekeurd". */
const NOT_DONE: Readonly<Record<ModerationAction, string>> = {
  goedkeuren: 'goedgekeurd',
  afkeuren: 'afgekeurd',
  spam: 'als spam gemarkeerd',
  'geen-spam': 'als geen spam gemarkeerd',
  prullenbak: 'naar de prullenbak verplaatst',
  herstellen: 'teruggezet',
  verwijderen: 'definitief verwijderd',
};

/** "de reactie van Renée de Wit", or "de reactie" for one whose name is gone (anonymised). */
export function reactieOf(authorName: string): string {
  const name = authorName.trim();
  return name ? `de reactie van ${name}` : 'de reactie';
}

/** The same at the start of a sentence: "De reactie van Renée de Wit". */
export function whose(authorName: string): string {
  return `D${reactieOf(authorName).slice(1)}`;
}

function count(n: number): string {
  return n === 1 ? '1 reactie' : `${n.toLocaleString('nl-NL')} reacties`;
}

/** A restored reactie goes back to where it was: on the page, or waiting. */
function restored(to: ReactieStatus | 'deleted'): string {
  return to === 'approved' ? 'is teruggezet en staat weer op de pagina' : 'is teruggezet en wacht op beoordeling';
}

/** After one decision: what happened, or why it could not (the reactie moved on in the meantime). */
export function decisionMessage(
  action: ModerationAction,
  authorName: string,
  outcome: { ok: true; to: ReactieStatus | 'deleted' } | { ok: false; status?: ReactieStatus },
): string {
  if (outcome.ok) return `${whose(authorName)} ${action === 'herstellen' ? restored(outcome.to) : DONE[action].one}.`;
  const where = outcome.status ? `: die staat nu bij ${STATUS_TAB_LABELS[outcome.status]}` : '';
  return `${whose(authorName)} is niet ${NOT_DONE[action]}${where}. Misschien was een andere moderator je voor.`;
}

/** After a decision on a selection: "3 reacties zijn goedgekeurd.", and how many were left alone. */
export function bulkMessage(action: ModerationAction, done: number, skipped: number): string {
  const main =
    done === 0 ? `Er is geen reactie ${NOT_DONE[action]}.` : `${count(done)} ${done === 1 ? DONE[action].one : DONE[action].many}.`;
  if (skipped === 0) return main;
  const left = skipped === 1 ? '1 reactie is overgeslagen' : `${count(skipped)} zijn overgeslagen`;
  return `${main} ${left}: al door een andere moderator behandeld, of niet meer te vinden.`;
}

/** The reason as a moderator and a reader read it: "reden: hoort hier niet". */
function reasonText(reason: ModerationReason): string {
  return `reden: ${MODERATION_REASONS[reason]}`;
}

/** After "Weghalen met reden…": off the page, where it went, and that the public log says why. */
export function removalMessage(action: ModerationAction, authorName: string, reason: ModerationReason, removalLabel?: string): string {
  const where = action === 'spam' ? 'staat nu bij Spam' : action === 'afkeuren' ? 'wacht weer op beoordeling' : 'staat nu in de prullenbak';
  const why = removalLabel ? `reden: ${removalLabel}` : reasonText(reason);
  return `${whose(authorName)} is van de pagina gehaald (${why}) en ${where}. Het openbare moderatielogboek vermeldt de reden.`;
}
