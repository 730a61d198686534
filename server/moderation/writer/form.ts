// The moderator's forms about the person behind an address: a rule ("altijd vasthouden" or
// "blokkeren", an optional last day and reason) and a note. Pure: what was typed in, the valid
// value or Dutch messages per field, with what was typed kept.
import { amsterdamParts, formatDate, fromLocalInputValue } from '../../shared/format';
import { checkMultiLine, field, type FieldErrors, type FormResult } from '../../shared/validation';
import { isAddressRuleKind, RULE_DEFAULT_DAYS, RULE_MAX_DAYS, RULE_REASON_MAX, type AddressRuleKind } from '../../addresses/rules';
import { NOTE_MAX } from '../../addresses/notes';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RuleInput {
  rule: string;
  until: string;
  reason: string;
}

export interface ValidRule {
  rule: AddressRuleKind;
  /** The moment the rule ends: the start of the day after the chosen last day, in Amsterdam. */
  endsAt: Date;
  reason: string | null;
}

/** "2027-01-31" for a date input, the day a moment falls on in Amsterdam. */
export function dateInputValue(date: Date): string {
  const p = amsterdamParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The start (00:00 in Amsterdam) of the day after "YYYY-MM-DD"; null when it is no date. */
function endOfDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // 2027-02-30 is no date: the calendar would make it 2 March.
  if (day.getUTCFullYear() !== Number(m[1]) || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) return null;
  const next = new Date(day.getTime() + DAY_MS).toISOString().slice(0, 10);
  return fromLocalInputValue(`${next}T00:00`);
}

export function readRuleForm(body: unknown): RuleInput {
  return { rule: field(body, 'regel'), until: field(body, 'tot').trim(), reason: field(body, 'reden') };
}

export function parseRuleForm(input: RuleInput, now: Date): FormResult<ValidRule, RuleInput> {
  const errors: FieldErrors = {};
  if (!isAddressRuleKind(input.rule)) errors.regel = 'Kies "Altijd vasthouden" of "Blokkeren".';
  let endsAt: Date | null = new Date(now.getTime() + RULE_DEFAULT_DAYS * DAY_MS);
  if (input.until !== '') {
    endsAt = endOfDay(input.until);
    const latest = new Date(now.getTime() + RULE_MAX_DAYS * DAY_MS);
    if (!endsAt) errors.tot = 'Vul de laatste dag in als datum, bijvoorbeeld 2027-01-31.';
    else if (endsAt.getTime() <= now.getTime()) errors.tot = 'Kies een laatste dag vanaf vandaag.';
    else if (endsAt.getTime() > latest.getTime()) errors.tot = `Kies een laatste dag tot uiterlijk ${formatDate(latest)}.`;
  }
  const reason = checkMultiLine(errors, 'reden', input.reason, { label: 'De reden', required: false, max: RULE_REASON_MAX });
  if (Object.keys(errors).length || !endsAt || !isAddressRuleKind(input.rule)) return { ok: false, errors, input };
  return { ok: true, value: { rule: input.rule, endsAt, reason: reason === '' ? null : reason }, input };
}

/** A note's text, required, at most NOTE_MAX characters. */
export function parseNote(body: unknown): { text: string; error: string | null } {
  const errors: FieldErrors = {};
  const text = checkMultiLine(errors, 'notitie', field(body, 'notitie'), { label: 'De notitie', required: true, max: NOTE_MAX });
  return { text: errors.notitie ? field(body, 'notitie') : text, error: errors.notitie ?? null };
}
