// Reading a moderator's public reason and note from a form, with Dutch messages for what is wrong.
import { isModerationReason, MODERATION_REASONS, PUBLIC_NOTE_MAX, type ModerationReason } from '../reacties/moderation-log';
import { field, type FieldErrors } from '../shared/validation';

const REASON_OPTIONS = Object.entries(MODERATION_REASONS).map(([value, label]) => [value, label[0].toUpperCase() + label.slice(1)]);

export interface DecisionForm {
  reason: string;
  note: string;
}

/** The view locals of views/partials/moderation-reason.ejs. */
export function reasonLocals(values: DecisionForm, errors: FieldErrors) {
  return { reasons: REASON_OPTIONS, reason: values.reason, note: values.note, errors, noteMax: PUBLIC_NOTE_MAX };
}

export function readDecision(
  body: unknown,
  opts: { required: boolean },
): { values: DecisionForm; valid: { reason?: ModerationReason; note: string | null } | null; errors: FieldErrors } {
  const values = { reason: field(body, 'reden'), note: field(body, 'toelichting').replace(/\r\n?/g, '\n').trim() };
  const errors: FieldErrors = {};
  if (values.reason === '' && opts.required) errors.reden = 'Kies een reden: die komt in het openbare moderatielogboek.';
  else if (values.reason !== '' && !isModerationReason(values.reason)) errors.reden = 'Kies een van de redenen uit de lijst.';
  if ([...values.note].length > PUBLIC_NOTE_MAX)
    errors.toelichting = `Maak de toelichting korter: hoogstens ${PUBLIC_NOTE_MAX} tekens (nu ${[...values.note].length}).`;
  if (Object.keys(errors).length) return { values, valid: null, errors };
  return {
    values,
    valid: { reason: isModerationReason(values.reason) ? values.reason : undefined, note: values.note || null },
    errors,
  };
}
