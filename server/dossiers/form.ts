// The dossier form: what an editor typed, checked, and turned into a DossierInput.
import { COLUMN_LIMITS } from '../db/limits';
import { isValidSlug, slugify } from '../shared/slug';
import { checkLine, checkMultiLine, field, normalizeLine, type FieldErrors, type FormResult } from '../shared/validation';
import type { Dossier, DossierInput } from './queries';

// Title and slug are single lines, intro and participants keep their line breaks (as LF); each is
// checked as it will be stored, in the unit the database counts (server/db/limits.ts).
export const DOSSIER_LIMITS = {
  title: COLUMN_LIMITS.dossiers.title,
  slug: 80, // isValidSlug's maximum; the column (120) leaves room for "-2", "-3", …
  intro: 50_000, // text columns: the form's own maxima
  participants: 5_000,
} as const;

export interface DossierFormValues {
  title: string;
  slug: string;
  intro: string;
  participants: string;
}

export const EMPTY_DOSSIER_FORM: DossierFormValues = { title: '', slug: '', intro: '', participants: '' };

export function dossierToForm(d: Dossier): DossierFormValues {
  return { title: d.title, slug: d.slug, intro: d.introMarkdown, participants: d.participants.join('\n') };
}

function readDossierForm(body: unknown): DossierFormValues {
  return {
    title: field(body, 'titel'),
    slug: field(body, 'slug').trim(),
    intro: field(body, 'inleiding'),
    participants: field(body, 'deelnemers'),
  };
}

/** The checked input; `slugGiven` is false when the slug is still to be made from the title. */
export type ParsedDossier = FormResult<DossierInput & { slugGiven: boolean }, DossierFormValues>;

export function parseDossierForm(body: unknown): ParsedDossier {
  const input = readDossierForm(body);
  const errors: FieldErrors = {};
  const title = checkLine(errors, 'titel', input.title, { label: 'De titel', required: true, max: DOSSIER_LIMITS.title });
  const introMarkdown = checkMultiLine(errors, 'inleiding', input.intro, {
    label: 'De inleiding',
    required: false,
    max: DOSSIER_LIMITS.intro,
  });
  // One per line, as stored: each line trimmed, empty lines left out.
  const lines = input.participants
    .split(/\r\n?|\n/)
    .map((line) => normalizeLine(line))
    .filter(Boolean);
  const participants = checkMultiLine(errors, 'deelnemers', lines.join('\n'), {
    label: 'Wie doen mee',
    required: false,
    max: DOSSIER_LIMITS.participants,
  });
  const slug = normalizeLine(input.slug);
  const slugGiven = slug !== '';
  if (slugGiven && (!isValidSlug(slug) || slug.length > DOSSIER_LIMITS.slug)) {
    errors.slug = `Een slug bestaat uit kleine letters, cijfers en streepjes, hoogstens ${DOSSIER_LIMITS.slug} tekens, bijvoorbeeld "herinrichting-markt".`;
  }
  if (Object.keys(errors).length) return { ok: false, errors, input };
  return { ok: true, input, value: { title, slug: slugGiven ? slug : dossierSlugFrom(title), slugGiven, introMarkdown, participants } };
}

/** The slug made from a title; slugify's fallback for a title without letters is "artikel", here "dossier". */
function dossierSlugFrom(title: string): string {
  const slug = slugify(title);
  return slug === 'artikel' && !/artikel/i.test(title) ? 'dossier' : slug;
}
