// The tagline under the weblog's name, from a template the editors set:
//   "Buiten is het {temperatuur} graden, binnen zit al {leeftijd}"
// A part whose value is unknown is left out cleanly: a part is either [between brackets] or one
// piece of the sentence between ", ". Without a temperature the line above reads
// "Binnen zit al 15 jaar". Pure functions: the request path only reads the finished text.

export const PLACEHOLDERS = ['temperatuur', 'leeftijd'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TaglineValues = Record<Placeholder, string | null>;

const PLACEHOLDER = /\{(\w+)\}/g;

function known(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function missing(part: string, values: TaglineValues): boolean {
  return [...part.matchAll(PLACEHOLDER)].some(([, name]) => known(name) && values[name] === null);
}

function fill(part: string, values: TaglineValues): string {
  return part.replace(PLACEHOLDER, (whole, name: string) => (known(name) ? (values[name] ?? '') : whole));
}

export function renderTagline(template: string, values: TaglineValues): string {
  const bracketed = template.replace(/\[([^\]]*)\]/g, (_, inner: string) => (missing(inner, values) ? '' : inner));
  const pieces = bracketed.split(/,\s+/);
  const kept = pieces.filter((piece) => !missing(piece, values));
  let text = fill(kept.join(', '), values)
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '');
  // The sentence lost its beginning: it starts with a capital again.
  if (kept[0] !== pieces[0]) text = text.charAt(0).toLocaleUpperCase('nl-NL') + text.slice(1);
  return text;
}

/** "15 jaar", or "7 maanden" in the first year; null before the start. */
export function ageText(start: Date, now: Date): string | null {
  const months =
    (now.getUTCFullYear() - start.getUTCFullYear()) * 12 +
    (now.getUTCMonth() - start.getUTCMonth()) -
    (now.getUTCDate() < start.getUTCDate() ? 1 : 0);
  if (months < 0) return null;
  if (months >= 12) return `${Math.floor(months / 12)} jaar`;
  return months === 1 ? '1 maand' : `${months} maanden`;
}

/** A temperature as the tagline says it: whole degrees, Dutch minus sign and all. */
export function temperatureText(celsius: number | null): string | null {
  return celsius === null ? null : Math.round(celsius).toLocaleString('nl-NL');
}
