// Which reason a moderator takes a reactie off the page with: one of the removal reasons of the
// settings (settings/removal-reasons.ts: its category, public text and whether the author is mailed),
// or "een andere reden" with a category and note of their own (decision.ts). Pure.
import type { RemovalReason } from '../settings/removal-reasons';
import { field, type FieldErrors } from '../shared/validation';
import type { ModerationAction, PublicDecision } from './actions';
import { readDecision, type DecisionForm } from './decision';

/** The form field of the removal reason: its number in the settings' list (1 to 9), or "anders". */
export const REMOVAL_FIELD = 'weghaalreden';

export interface RemovalForm extends DecisionForm {
  choice: string;
}

export type RemovalChoice =
  | { values: RemovalForm; valid: PublicDecision & { removal: RemovalReason | null }; errors: FieldErrors }
  | { values: RemovalForm; valid: null; errors: FieldErrors };

export function readRemovalChoice(body: unknown, reasons: readonly RemovalReason[]): RemovalChoice {
  const choice = field(body, REMOVAL_FIELD).trim();
  // "anders", or a form without the field (the reason and note alone): the moderator's own category.
  if (choice === '' || choice === 'anders') {
    const d = readDecision(body, { required: true });
    const values = { ...d.values, choice };
    return d.valid ? { values, valid: { ...d.valid, removal: null }, errors: d.errors } : { values, valid: null, errors: d.errors };
  }
  const d = readDecision(body, { required: false });
  const values = { ...d.values, choice };
  const n = /^\d{1,2}$/.test(choice) ? Number(choice) : 0;
  const removal = n >= 1 && n <= reasons.length ? reasons[n - 1] : null;
  const errors: FieldErrors = { ...d.errors };
  if (!removal) errors[REMOVAL_FIELD] = 'Kies een van de redenen uit de lijst.';
  if (!removal || !d.valid) return { values, valid: null, errors };
  return {
    values,
    valid: { reason: removal.category, note: d.valid.note ?? removal.publicText, mailAuthor: removal.mailAuthor, removal },
    errors,
  };
}

/** A removal without a chosen action (the queue's keys): spam for a spam reason, else the prullenbak. */
export function actionForRemoval(removal: RemovalReason | null): ModerationAction {
  return removal?.category === 'spam' ? 'spam' : 'prullenbak';
}
