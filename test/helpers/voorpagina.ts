// What the voorpagina shows of the reacties: an article's count and the running total, as a reader reads them.
import assert from 'node:assert/strict';
import { articlePath, type Article } from '../../server/articles/queries';

/** The reactie count a voorpagina shows for an article: "Nog geen reacties", "1 reactie", "1.234 reacties". */
export function countOn(html: string, article: Article): number {
  const m = new RegExp(`href="${articlePath(article)}#reacties" class="reactie-count">([^<]*)<`).exec(html);
  assert.ok(m, `the voorpagina lists ${articlePath(article)}`);
  return /^\s*Nog geen/.test(m[1]) ? 0 : Number(m[1].replace(/\D/g, ''));
}

/** "Er zijn inmiddels al 1.234 reacties": the running total of every visible reactie. */
export function totalOn(html: string): number {
  const m = /class="reactie-total">([\d.]+)</.exec(html);
  assert.ok(m, 'the voorpagina shows the running total');
  return Number(m[1].replace(/\./g, ''));
}
