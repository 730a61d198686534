// The reactie form: what a resident typed, checked on the server.
// Every value is normalised first (line breaks; a name and text also composed, NFC, and without
// invisible characters at the ends) and checked as it will be stored, in the unit the database
// counts. A name or text of only invisible characters is empty. The moderator's edit form
// (validateReactieEdit) and the author's own edit (checkReactieBody) use the same checks.
import { COLUMN_LIMITS } from '../../db/limits';
import {
  checkEmail,
  checkLine,
  checkMultiLine,
  checkWebsite,
  field,
  parseId,
  tidyText,
  type FieldErrors,
  type FormResult,
} from '../../shared/validation';
import { emailKey } from '../../shared/email';

export const REACTIE_LIMITS = {
  name: COLUMN_LIMITS.reacties.author_name,
  email: COLUMN_LIMITS.reacties.author_email,
  /** The lower-cased address (emailKey), which can be longer than the address as typed. */
  emailKey: COLUMN_LIMITS.reacties.author_email_key,
  website: COLUMN_LIMITS.reacties.author_url,
  body: 5000, // a text column; the form's own maximum
} as const;

export interface ReactieFormValues {
  name: string;
  email: string;
  website: string;
  body: string;
  parentId: string;
  remember: boolean;
  /** "Stuur mij een e-mail als iemand op mijn reactie reageert" (notifications/ sends it, after confirming). */
  notifyReplies?: boolean;
  /** "… bij nieuwe reacties op dit artikel". */
  notifyArticle?: boolean;
}

export interface ValidReactie {
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  parentId: number | null;
}

export function readReactieForm(body: unknown): ReactieFormValues {
  return {
    name: field(body, 'naam'),
    email: field(body, 'email'),
    website: field(body, 'website'),
    body: field(body, 'reactie'),
    parentId: field(body, 'antwoord_op'),
    remember: field(body, 'onthoud') === 'ja',
    notifyReplies: field(body, 'meld_antwoorden') === 'ja',
    notifyArticle: field(body, 'meld_artikel') === 'ja',
  };
}

type EditableFields = Pick<ValidReactie, 'authorName' | 'authorUrl' | 'body'>;

/** A reactie's text (field `reactie`): normalised, checked, and returned as it must be stored. */
export function checkReactieBody(errors: FieldErrors, typed: string, label: string): string {
  return checkMultiLine(errors, 'reactie', tidyText(typed), { label, required: true, max: REACTIE_LIMITS.body });
}

/** Name, website and text: normalised, checked, and returned as they must be stored. */
function checkEditableFields(
  errors: FieldErrors,
  values: { name: string; website: string; body: string },
  labels: { name: string; body: string },
): EditableFields {
  return {
    authorName: checkLine(errors, 'naam', tidyText(values.name), { label: labels.name, required: true, max: REACTIE_LIMITS.name }),
    authorUrl: checkWebsite(errors, 'website', values.website, REACTIE_LIMITS.website),
    body: checkReactieBody(errors, values.body, labels.body),
  };
}

function validateReactie(values: ReactieFormValues): { valid?: ValidReactie; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const authorEmail = checkEmail(errors, 'email', values.email, REACTIE_LIMITS.email, { of: emailKey, max: REACTIE_LIMITS.emailKey });
  const fields = checkEditableFields(errors, values, { name: 'Je naam', body: 'Je reactie' });
  const parentId = values.parentId === '' ? null : parseId(values.parentId);
  if (values.parentId !== '' && parentId === null) errors.antwoord_op = 'De reactie waarop je antwoordt bestaat niet.';
  if (Object.keys(errors).length) return { errors };
  return { errors, valid: { ...fields, authorEmail, parentId } };
}

/** The public form as posted: the reactie to store, or the errors with everything typed. */
export function parseReactieForm(body: unknown): FormResult<ValidReactie, ReactieFormValues> {
  const input = readReactieForm(body);
  const { valid, errors } = validateReactie(input);
  return valid ? { ok: true, value: valid, input } : { ok: false, errors, input };
}

/** The moderator's edit form (name, website, text): the same checks as the public form. */
export function validateReactieEdit(values: { name: string; website: string; body: string }): {
  valid?: EditableFields;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const fields = checkEditableFields(errors, values, { name: 'De naam', body: 'De reactie' });
  if (Object.keys(errors).length) return { errors };
  return { errors, valid: fields };
}
