// Field checks shared by every form. Messages are Dutch and say what to do.
//
// One rule: validate exactly what will be stored. A form first normalises what was typed (line
// breaks, see normalizeLine and normalizeText), then checks that value, and the route stores the value
// the check returned — never the raw input. Lengths are counted as PostgreSQL counts varchar(n): in
// code points. Column sizes live in server/db/limits.ts.
export type FieldErrors = Record<string, string>;

/** What parsing a form gives: the values to store, or the errors with what was typed (never lost). */
export type FormResult<T, Input> = { ok: true; value: T; input: Input } | { ok: false; errors: FieldErrors; input: Input };

/**
 * Length as the database counts it: Unicode code points. An emoji or 𝌆 is one, a CR LF pair two —
 * so count a normalised value (normalizeLine, normalizeText), which has no CR LF pairs left.
 */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** The first `max` characters (code points): never half an emoji. */
export function firstChars(value: string, max: number): string {
  return charLength(value) <= max ? value : Array.from(value).slice(0, max).join('');
}

// Line breaks (CR, LF, NEL, the Unicode line and paragraph separators) and tabs.
const LINE_BREAKS_AND_TABS = /[\r\n\t\u0085\u2028\u2029]+/g;

/**
 * A single-line field (a name, an e-mail address, a website, a title, a slug): line breaks and tabs
 * mean nothing there, so each run of them becomes one space, and the ends are trimmed.
 */
export function normalizeLine(value: string): string {
  return value.replace(LINE_BREAKS_AND_TABS, ' ').trim();
}

/** A multi-line field (a reactie, an article, a word list): CR LF and a lone CR become LF, as stored. */
function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

// NUL, lone surrogates and control characters other than tab and line breaks cannot be stored
// identically on SQLite and PostgreSQL, and no person types them.
const FORBIDDEN_CHARS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenChars(value: string): boolean {
  return FORBIDDEN_CHARS.test(value);
}

/** The value without those characters: for a record of what was sent (a failed login), never for a form. */
export function withoutForbiddenChars(value: string): string {
  return value.replace(new RegExp(FORBIDDEN_CHARS.source, 'g'), '');
}

/** A form field as a string: arrays (?a=1&a=2) and missing fields become ''. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

interface TextOptions {
  label: string;
  required: boolean;
  max: number;
}

/** Checks a value that is already normalised, as it will be stored. */
function checkText(errors: FieldErrors, name: string, value: string, opts: TextOptions): void {
  if (hasForbiddenChars(value)) {
    errors[name] = `${opts.label} bevat onzichtbare tekens die we niet kunnen opslaan. Typ de tekst opnieuw.`;
  } else if (opts.required && value.trim() === '') {
    errors[name] = `Vul ${opts.label.toLowerCase()} in.`;
  } else if (charLength(value) > opts.max) {
    errors[name] =
      `${opts.label} mag hoogstens ${opts.max.toLocaleString('nl-NL')} tekens lang zijn; nu zijn het er ${charLength(value).toLocaleString('nl-NL')}.`;
  }
}

/** A single-line field: normalised (normalizeLine), checked, and returned as it must be stored. */
export function checkLine(errors: FieldErrors, name: string, value: string, opts: TextOptions): string {
  const line = normalizeLine(value);
  checkText(errors, name, line, opts);
  return line;
}

/** A multi-line field: normalised (normalizeText), checked, and returned as it must be stored. */
export function checkMultiLine(errors: FieldErrors, name: string, value: string, opts: TextOptions): string {
  const text = normalizeText(value);
  checkText(errors, name, text, opts);
  return text;
}

// Deliberately plain: one @, no spaces, a dot in the domain. Exotic but valid addresses pass.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** How an address is stored or looked up besides as typed: lower-cased ("İ" then grows to two characters). */
export interface EmailKey {
  of: (email: string) => string;
  max: number;
}

/**
 * An e-mail address: normalised (normalizeLine), checked, and returned as it must be stored. Every
 * address is also stored or looked up lower-cased (the reacties' author_email_key, the accounts'
 * email), so that form is checked too; by default with toLowerCase and the same maximum.
 */
export function checkEmail(
  errors: FieldErrors,
  name: string,
  value: string,
  max: number,
  key: EmailKey = { of: (email) => email.toLowerCase(), max },
): string {
  const email = normalizeLine(value);
  checkText(errors, name, email, { label: 'Je e-mailadres', required: true, max });
  if (!errors[name] && !EMAIL.test(email)) {
    errors[name] = 'Dit lijkt geen geldig e-mailadres. Controleer het, bijvoorbeeld naam@voorbeeld.nl.';
  }
  const keyLength = errors[name] ? 0 : charLength(key.of(email));
  if (keyLength > key.max) {
    errors[name] =
      `Dit e-mailadres is te lang. In kleine letters telt het ${keyLength.toLocaleString('nl-NL')} tekens (een letter als İ wordt er twee); er passen er hoogstens ${key.max.toLocaleString('nl-NL')}.`;
  }
  return email;
}

/**
 * A website as typed: "voorbeeld.nl" becomes "https://voorbeeld.nl"; only http and https are allowed.
 * Returns the address to store (checked at that length, https:// included), or null when the field was empty.
 * `label` names the field in the messages ("Je website" on the reactie form).
 */
export function checkWebsite(errors: FieldErrors, name: string, value: string, max: number, label = 'Je website'): string | null {
  const trimmed = normalizeLine(value);
  if (trimmed === '') return null;
  checkText(errors, name, trimmed, { label, required: false, max });
  if (errors[name]) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (charLength(withScheme) > max) {
    errors[name] =
      `${label} mag hoogstens ${max.toLocaleString('nl-NL')} tekens lang zijn; met https:// ervoor zijn het er ${charLength(withScheme).toLocaleString('nl-NL')}.`;
    return null;
  }
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
