// Field checks shared by every form. Messages are Dutch and say what to do.
export type FieldErrors = Record<string, string>;

/** Length as a person counts it: characters (emoji count once), a line break counts once. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value.replace(/\r\n/g, '\n')) n++;
  return n;
}

// NUL, lone surrogates and control characters other than tab and line breaks cannot be stored
// identically on SQLite and PostgreSQL, and no person types them.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenChars(value: string): boolean {
  return FORBIDDEN_CHARS.test(value);
}

/** A form field as a string: arrays (?a=1&a=2) and missing fields become ''. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function checkText(errors: FieldErrors, name: string, value: string, opts: { label: string; required: boolean; max: number }): void {
  if (hasForbiddenChars(value)) {
    errors[name] = `${opts.label} bevat onzichtbare tekens die we niet kunnen opslaan. Typ de tekst opnieuw.`;
  } else if (opts.required && value.trim() === '') {
    errors[name] = `Vul ${opts.label.toLowerCase()} in.`;
  } else if (charLength(value) > opts.max) {
    errors[name] = `${opts.label} mag hoogstens ${opts.max.toLocaleString('nl-NL')} tekens lang zijn; nu zijn het er ${charLength(value).toLocaleString('nl-NL')}.`;
  }
}

// Deliberately plain: one @, no spaces, a dot in the domain. Exotic but valid addresses pass.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function checkEmail(errors: FieldErrors, name: string, value: string, max: number): void {
  checkText(errors, name, value, { label: 'Je e-mailadres', required: true, max });
  if (!errors[name] && !EMAIL.test(value.trim())) {
    errors[name] = 'Dit lijkt geen geldig e-mailadres. Controleer het, bijvoorbeeld naam@voorbeeld.nl.';
  }
}

/**
 * A website as typed: "voorbeeld.nl" becomes "https://voorbeeld.nl"; only http and https are allowed.
 * Returns the address to store, or null when the field was empty.
 */
export function checkWebsite(errors: FieldErrors, name: string, value: string, max: number): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  checkText(errors, name, trimmed, { label: 'Je website', required: false, max });
  if (errors[name]) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    errors[name] = 'Dit is geen geldig webadres. Bijvoorbeeld: https://www.voorbeeld.nl';
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    errors[name] = 'Alleen webadressen die met http:// of https:// beginnen zijn toegestaan.';
    return null;
  }
  if (!url.hostname.includes('.') || /\s/.test(trimmed)) {
    errors[name] = 'Dit is geen geldig webadres. Bijvoorbeeld: https://www.voorbeeld.nl';
    return null;
  }
  return withScheme;
}

/** A positive integer id from a form or URL, or null. */
export function parseId(value: unknown): number | null {
  if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= 2147483647 ? n : null;
}
