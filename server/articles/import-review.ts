// The review step of "Document importeren": above the filled-in editor, what was recognised in the
// pasted text, line by line, with a role the editor can correct (rol_<i>, and nummer_<i> for a
// question or an answer). "Opnieuw herkennen met mijn correcties" sends the text back with them;
// documents/parse/overrides.ts applies those that differ from what was recognised.
import type { LineRole, ParsedDocument } from '../documents/parse';
import { needsNumber, OVERRIDE_ROLES, type LineOverride, type OverrideRole } from '../documents/parse/overrides';
import { formatIsoDate } from '../documents/dates';
import { DOCUMENT_TYPES } from '../documents/types';
import type { FieldErrors } from '../shared/validation';

const ROLE_LABELS: Record<string, string> = {
  body: 'Tekst',
  heading: 'Tussenkop',
  question: 'Vraag',
  answer: 'Antwoord',
  letterhead: 'Briefhoofd (weglaten)',
  field: 'Gegeven',
  title: 'Titel',
  signer: 'Ondertekening',
};

/** Pair numbers up to this: more questions than any council document asks. */
const MAX_NUMBER = 200;

/** One line as the editor chose it: a role and, for a question or answer, its number (as typed). */
interface Choice {
  role: string;
  number: string;
}

export interface ReviewLine {
  index: number;
  text: string;
  /** The options of its select: the roles an editor may choose, and the recognised one when it is none of them. */
  options: Array<[string, string]>;
  role: string;
  number: string;
}

export interface Review {
  text: string;
  lines: ReviewLine[];
  fields: Array<{ label: string; value: string }>;
  questions: number;
  answered: number;
  signers: string[];
  /** The lines dropped as letterhead. */
  dropped: number;
  errors: FieldErrors;
  /** How many of the editor's corrections were applied. */
  corrected?: number;
}

const recognised = (l: LineRole): Choice => ({ role: l.role, number: needsNumber(l.role) && l.number ? String(l.number) : '' });

function optionsFor(l: LineRole, typeLabel: (key: string) => string): Array<[string, string]> {
  const own: Array<[string, string]> = (OVERRIDE_ROLES as readonly string[]).includes(l.role)
    ? []
    : [[l.role, l.field ? `${ROLE_LABELS.field}: ${typeLabel(l.field)}` : ROLE_LABELS[l.role]]];
  return [...own, ...OVERRIDE_ROLES.map((r): [string, string] => [r, ROLE_LABELS[r]])];
}

/** The review of a recognised document; `choices` are what the editor sent when it came back with errors. */
export function reviewOf(doc: ParsedDocument, text: string, errors: FieldErrors = {}, choices = new Map<number, Choice>()): Review {
  const fieldDefs = DOCUMENT_TYPES[doc.type].fields;
  const label = (key: string) => fieldDefs.find((f) => f.key === key)?.label ?? key;
  return {
    text,
    lines: doc.lines.flatMap((l, index) => {
      if (l.role === 'blank') return [];
      const c = choices.get(index) ?? recognised(l);
      return [{ index, text: l.text, options: optionsFor(l, label), role: c.role, number: c.number }];
    }),
    fields: Object.entries(doc.fields).map(([key, value]) => ({
      label: label(key),
      value: Array.isArray(value)
        ? value.join(', ')
        : fieldDefs.find((f) => f.key === key)?.kind === 'date'
          ? formatIsoDate(String(value))
          : String(value),
    })),
    questions: doc.questions.length,
    answered: doc.questions.filter((q) => q.answer !== null).length,
    signers: doc.signers,
    dropped: doc.lines.filter((l) => l.role === 'letterhead').length,
    errors,
  };
}

export interface ReadCorrections {
  overrides: Map<number, LineOverride>;
  choices: Map<number, Choice>;
  errors: FieldErrors;
}

/**
 * The corrections in the review form, against the document as recognised without them: a line
 * whose role (or number) the editor changed becomes an override. A line that does not exist, a role
 * not offered for that line, or a number that is not a whole number from 1 is an error, in Dutch.
 */
export function readCorrections(body: Record<string, unknown>, plain: ParsedDocument): ReadCorrections {
  const errors: FieldErrors = {};
  const choices = new Map<number, Choice>();
  const unknown: string[] = [];
  for (const key of Object.keys(body)) {
    const m = /^(rol|nummer)_(.*)$/.exec(key);
    if (!m) continue;
    const index = /^\d{1,6}$/.test(m[2]) ? Number(m[2]) : -1;
    const line = plain.lines[index] as LineRole | undefined;
    if (!line || line.role === 'blank') {
      unknown.push(m[2]);
      continue;
    }
    const value = typeof body[key] === 'string' ? body[key].trim() : '';
    const c = choices.get(index) ?? { role: line.role, number: '' };
    if (m[1] === 'rol') c.role = value;
    else c.number = value;
    choices.set(index, c);
  }
  if (unknown.length)
    errors.correcties = `De correcties noemen een regel die niet in deze tekst staat (${[...new Set(unknown)].slice(0, 5).join(', ')}). Herken de tekst opnieuw en kies de soorten nog eens.`;

  const overrides = new Map<number, LineOverride>();
  for (const [index, c] of [...choices].sort((a, b) => a[0] - b[0])) {
    const line = plain.lines[index];
    const n = index + 1;
    const allowed = (OVERRIDE_ROLES as readonly string[]).includes(c.role) || c.role === line.role;
    if (!allowed) {
      errors[`rol_${index}`] = `Kies bij regel ${n} een soort uit de lijst.`;
      continue;
    }
    const number = /^\d{1,3}$/.test(c.number) ? Number(c.number) : NaN;
    const numberOk = number >= 1 && number <= MAX_NUMBER;
    if (needsNumber(c.role) ? !numberOk : c.number !== '' && !numberOk) {
      errors[`nummer_${index}`] = needsNumber(c.role)
        ? `Vul bij regel ${n} het nummer van de ${c.role === 'question' ? 'vraag' : 'vraag die dit antwoord beantwoordt'} in: een heel getal van 1 tot en met ${MAX_NUMBER}.`
        : `Het nummer bij regel ${n} moet een heel getal van 1 tot en met ${MAX_NUMBER} zijn, of leeg.`;
      continue;
    }
    const was = recognised(line);
    if (c.role === was.role && (!needsNumber(c.role) || String(number) === was.number)) continue;
    if (!(OVERRIDE_ROLES as readonly string[]).includes(c.role)) continue;
    overrides.set(index, { role: c.role as OverrideRole, ...(needsNumber(c.role) ? { number } : {}) });
  }
  return { overrides, choices, errors };
}
