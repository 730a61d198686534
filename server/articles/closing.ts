// Reacties close by themselves some days after an article is published: the site's setting
// (reacties.closeAfterDays, 0 = never), or the article's own number of days. An editor's
// "Reacties open" switch still closes them at any time. Whether reacties are open is asked at the
// moment of the request (time passes without writes); a kept page of an article, and the
// voorpagina, hold only until a close moment they show (article-page.ts, routes.ts), and a changed
// setting moves every article's version and the site's.
import type { Knex } from 'knex';
import { bumpSiteVersion } from '../reacties/counters';
import type { Settings } from '../settings/settings';
import type { Article } from './queries';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When reacties close by themselves; null when they never do. */
function autoCloseAt(article: Pick<Article, 'publishedAt' | 'reactiesCloseAfterDays'>, siteDays: number): Date | null {
  const days = article.reactiesCloseAfterDays ?? siteDays;
  if (!days || !article.publishedAt) return null;
  return new Date(article.publishedAt.getTime() + days * DAY_MS);
}

export interface Openness {
  open: boolean;
  /** Set when reacties closed by themselves: since when ("Reageren is gesloten sinds …"). */
  closedSince: Date | null;
  /** Set while open and closing by themselves later: a kept page holds until then. */
  closesAt: Date | null;
}

export function reactiesOpenness(
  article: Pick<Article, 'reactiesOpen' | 'publishedAt' | 'reactiesCloseAfterDays'>,
  siteDays: number,
  now: Date,
): Openness {
  const at = autoCloseAt(article, siteDays);
  if (!article.reactiesOpen) return { open: false, closedSince: null, closesAt: null };
  if (at && at.getTime() <= now.getTime()) return { open: false, closedSince: at, closesAt: null };
  return { open: true, closedSince: null, closesAt: at };
}

/** The article as its page and the reactie form see it: reactiesOpen is false once closed by time. */
export function withOpenness<A extends Article>(article: A, settings: Pick<Settings, 'reacties'>, now: Date): A & { openness: Openness } {
  const openness = reactiesOpenness(article, settings.reacties.closeAfterDays, now);
  return { ...article, reactiesOpen: openness.open, openness };
}

/**
 * A new close-after setting changes what article pages show, and the voorpagina's "reageren
 * gesloten": their kept copies are out of date.
 */
export async function afterSettingsSave(trx: Knex.Transaction, before: Settings, after: Settings): Promise<void> {
  if (before.reacties.closeAfterDays === after.reacties.closeAfterDays) return;
  await trx('articles').update({ version: trx.raw('version + 1') });
  await bumpSiteVersion(trx);
}
