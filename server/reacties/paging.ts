// Long discussions are read in pages of whole threads. A top-level reactie gets its page when it is
// posted and keeps it; its replies join it there, however many come. So a page link, and a link to
// one reactie, stays right while the discussion grows: new threads only ever add pages at the end.
// (migrations/20261201000100 packed existing reacties by this rule.)

/**
 * About this many reacties on a page; a page with a long thread holds more. As many as a busy
 * article draws, so nearly every discussion is one page (as on the weblogs people know), while an
 * article with 100.000 reacties is still read, and served, a page at a time.
 */
const REACTIES_PER_PAGE = 500;

/** Reacties that take a place on a page: spam and trash never fill one. */
export const PAGE_FILLING_STATUSES = ['approved', 'pending'] as const;

/**
 * Which pages an article opens on: the newest, and the one before it while the newest holds fewer
 * than half a page, so a discussion that just passed 500 does not open on a page with one reactie.
 */
export function openingPages(last: { page: number; filled: number }): number[] {
  return last.page > 1 && last.filled < REACTIES_PER_PAGE / 2 ? [last.page - 1, last.page] : [last.page];
}

/** The page of a new thread: the last page while it has room, else the next one. */
export function pageForNewThread(last: { page: number; filled: number } | null): number {
  if (!last) return 1;
  return last.filled >= REACTIES_PER_PAGE ? last.page + 1 : last.page;
}

/** pageForNewThread in SQL, over a row of `page` and `filled` (null page: no reacties yet). */
export const PAGE_FOR_NEW_THREAD_SQL = `case when page is null then 1 when filled >= ${REACTIES_PER_PAGE} then page + 1 else page end`;
