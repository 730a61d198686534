// The editors' limits, applied to what an import brings in. A post, page or comment longer than an
// editor or a resident could have typed is not taken over: cutting it would publish something its
// author never wrote (half a sentence, half a table), and keeping it would make every page, feed
// and search that shows it slow for everyone. The report names each one with the reason.
// The numbers are the forms' own (ARTICLE_LIMITS, REACTIE_LIMITS, DOSSIER_LIMITS), never copies.
import { ARTICLE_LIMITS } from '../articles/admin-form';
import { DOSSIER_LIMITS } from '../dossiers/form';
import { REACTIE_LIMITS } from '../reacties/posting/validation';
import { charLength } from '../shared/validation';
import type { XmlNode } from './wxr-reader';

/** What is measured, as the report names it, and the limit of the field it becomes. */
export const IMPORT_LIMITS = {
  title: { label: 'titel', max: ARTICLE_LIMITS.title },
  body: { label: 'tekst', max: ARTICLE_LIMITS.body },
  excerpt: { label: 'samenvatting', max: ARTICLE_LIMITS.excerpt },
  comment: { label: 'tekst', max: REACTIE_LIMITS.body },
  categoryDescription: { label: 'beschrijving', max: DOSSIER_LIMITS.intro },
} as const;
export type ImportField = keyof typeof IMPORT_LIMITS;

// WordPress's HTML shrinks and grows on its way in (block comments go, paragraphs and entities
// change), so the reader keeps more of the raw text than the limit of what it becomes: enough to
// measure any value that could fit, and no more (wxr-reader.ts throws the rest away as it reads).
const RAW_FACTOR = 5;

/** Characters the reader keeps of these elements' raw text (every other element: its default). */
export const READ_TEXT_LIMITS: Readonly<Record<string, number>> = {
  'content:encoded': IMPORT_LIMITS.body.max * RAW_FACTOR,
  'excerpt:encoded': IMPORT_LIMITS.excerpt.max * RAW_FACTOR,
  'wp:comment_content': IMPORT_LIMITS.comment.max * RAW_FACTOR,
  'wp:category_description': IMPORT_LIMITS.categoryDescription.max * RAW_FACTOR,
};

/** "tekst langer dan 200.000 tekens" */
export function overLimitReason(field: ImportField): string {
  const { label, max } = IMPORT_LIMITS[field];
  return `${label} langer dan ${max.toLocaleString('nl-NL')} tekens`;
}

/**
 * Whether a field is over its limit: `value` is what would be stored (after conversion), `raw` the
 * element it came from, which the reader may have cut (then it is over whatever it would become).
 */
export function isOverLimit(field: ImportField, value: string, raw: XmlNode | undefined): boolean {
  return raw?.cut === true || charLength(value) > IMPORT_LIMITS[field].max;
}
