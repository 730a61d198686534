// The reactie form: what a resident typed, checked on the server.
import { checkEmail, checkText, checkWebsite, field, parseId, type FieldErrors } from '../shared/validation';

export const REACTIE_LIMITS = { name: 100, email: 254, website: 200, body: 5000 } as const;

export interface ReactieFormValues {
  name: string;
  email: string;
  website: string;
  body: string;
  parentId: string;
  remember: boolean;
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
  };
}

export function validateReactie(values: ReactieFormValues): { valid?: ValidReactie; errors: FieldErrors } {
  const errors: FieldErrors = {};
  checkText(errors, 'naam', values.name, { label: 'Je naam', required: true, max: REACTIE_LIMITS.name });
  checkEmail(errors, 'email', values.email, REACTIE_LIMITS.email);
  const authorUrl = checkWebsite(errors, 'website', values.website, REACTIE_LIMITS.website);
  checkText(errors, 'reactie', values.body, { label: 'Je reactie', required: true, max: REACTIE_LIMITS.body });
  const parentId = values.parentId === '' ? null : parseId(values.parentId);
  if (values.parentId !== '' && parentId === null) errors.antwoord_op = 'De reactie waarop je antwoordt bestaat niet.';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    valid: { authorName: values.name, authorEmail: values.email.trim(), authorUrl, body: values.body, parentId },
  };
}
