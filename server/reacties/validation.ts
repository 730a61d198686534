// The reactie form: what a resident typed, checked on the server.
// Every value is normalised first (line breaks) and checked as it will be stored, in the unit the
// database counts; the moderator's edit form uses the same checks (validateReactieEdit).
import { COLUMN_LIMITS } from '../db/limits';
import {
  checkEmail,
  checkLine,
  checkMultiLine,
  checkWebsite,
  field,
  parseId,
  type FieldErrors,
  type FormResult,
} from '../shared/validation';
import { emailKey } from '../shared/email';

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

/** Name, website and text: normalised, checked, and returned as they must be stored. */
function checkEditableFields(
  errors: FieldErrors,
  values: { name: string; website: string; body: string },
  labels: { name: string; body: string },
): EditableFields {
  return {
    authorName: checkLine(errors, 'naam', values.name, { label: labels.name, required: true, max: REACTIE_LIMITS.name }),
    authorUrl: checkWebsite(errors, 'website', values.website, REACTIE_LIMITS.website),
    body: checkMultiLine(errors, 'reactie', values.body, { label: labels.body, required: true, max: REACTIE_LIMITS.body }),
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
