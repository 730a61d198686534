// Slugs for permalinks: Dutch accents folded ("café" → "cafe", "één" → "een"), lower case, hyphens,
// "&" read as "en" ("B&W" → "b-en-w"), and a long title cut between two words, never inside one.
const MAX_SLUG_LENGTH = 80;

/** The slug cut to at most `max` characters at a hyphen, so no word is cut off; one word longer than that is cut. */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const end = slug.lastIndexOf('-', max);
  return (end > 0 ? slug.slice(0, end) : slug.slice(0, max)).replace(/-+$/, '');
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ĳ]/g, 'ij')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtWord(slug, MAX_SLUG_LENGTH) || 'artikel';
}

export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug);
}
