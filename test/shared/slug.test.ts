// Slugs from titles: "&" is "en", and a long title is cut between two words, never inside one.
import assert from 'node:assert/strict';
import { isValidSlug, slugify } from '../../server/shared/slug';

describe('slugify', () => {
  it('reads "&" as "en": B&W becomes b-en-w', () => {
    assert.equal(slugify('Brief van B&W over de Markt'), 'brief-van-b-en-w-over-de-markt');
    assert.equal(slugify('Wonen & werken'), 'wonen-en-werken');
  });

  it('cuts a long title at a word boundary within 80 characters', () => {
    const title = 'Raadsinformatiebrief over de voortgang van de regionale samenwerking en de gevolgen voor Maastricht-Heuvelland';
    const slug = slugify(title);
    assert.ok(slug.length <= 80, slug);
    assert.ok(isValidSlug(slug), slug);
    assert.equal(slug, 'raadsinformatiebrief-over-de-voortgang-van-de-regionale-samenwerking-en-de');
    // Every part is a whole word of the title.
    const words = new Set(slugify(title.replace(/-/g, ' ')).split('-'));
    for (const part of slug.split('-')) assert.ok(words.has(part), `"${part}" is a whole word`);
  });

  it('keeps a title of exactly 80 characters whole, and cuts one word longer than 80 where it must', () => {
    const eighty = `${'a'.repeat(39)} ${'b'.repeat(40)}`;
    assert.equal(slugify(eighty), `${'a'.repeat(39)}-${'b'.repeat(40)}`);
    assert.equal(slugify(`${eighty} c`), `${'a'.repeat(39)}-${'b'.repeat(40)}`);
    assert.equal(slugify('x'.repeat(100)), 'x'.repeat(80));
  });

  it('folds accents and falls back to "artikel" for a title without letters', () => {
    assert.equal(slugify('Café één: Ñoño'), 'cafe-een-nono');
    assert.equal(slugify('&'), 'en');
    assert.equal(slugify('!!!'), 'artikel');
  });
});
