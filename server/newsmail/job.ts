// The scheduled side of the news mail, run by maintenance.ts every minute: at the set hour (daily)
// or on the set weekday at that hour (weekly), one mail per confirmed subscriber with the articles
// published since their last mail; none when there are none. Safe with several app processes: a
// subscriber's digest moment is claimed with one conditional update (subscribers.ts claimSlot) in
// the transaction that queues the mail, and the mail's dedupe key queues it once.
import type { Deps } from '../deps';
import { listPublishedBetween, type ArticleKind } from '../articles/queries';
import { enqueueMail } from '../notifications/queue';
import { loadSettings } from '../settings/settings';
import { manageUrls } from './links';
import { digestMail } from './messages';
import { dueSlot, FREQUENCIES, type NewsKinds } from './schedule';
import { claimSlot, listDue } from './subscribers';

const BATCH = 200;
/** At most this many articles in one mail; the rest is on the voorpagina. */
const MAX_ARTICLES = 30;
// An article saved in a transaction that commits a moment later must not fall behind a subscriber's start.
const SETTLE_MS = 2000;

const NEWS: readonly ArticleKind[] = ['nieuws'];
const KIND_FILTER: Record<NewsKinds, { kinds?: readonly ArticleKind[]; notKinds?: readonly ArticleKind[] }> = {
  all: {},
  news: { kinds: NEWS },
  documents: { notKinds: NEWS },
};

/** Queues the news mails due at `now`; returns how many were queued. */
export async function sendNewsDigests(deps: Pick<Deps, 'config' | 'db'>, now: Date): Promise<number> {
  const schedule = (await loadSettings(deps.db)).newsmail;
  const until = new Date(now.getTime() - SETTLE_MS);
  const site = { name: deps.config.siteName, baseUrl: deps.config.baseUrl };
  let queued = 0;
  for (const frequency of FREQUENCIES) {
    const slot = dueSlot(now, frequency, schedule);
    for (;;) {
      const due = await listDue(deps.db, frequency, slot, BATCH);
      for (const sub of due) {
        const since = sub.articlesAfter ?? sub.confirmedAt ?? until;
        const found = await listPublishedBetween(deps.db, since, until, { ...KIND_FILTER[sub.kinds], limit: MAX_ARTICLES + 1 });
        const articles = found.slice(0, MAX_ARTICLES);
        // The next mail starts after the last article in this one (or now, when it holds them all).
        const next = found.length > MAX_ARTICLES ? articles[articles.length - 1].publishedAt! : until;
        const links = manageUrls(deps, sub.id);
        const mail =
          articles.length === 0
            ? null
            : digestMail(site, {
                to: sub.email,
                frequency,
                articles,
                more: found.length > MAX_ARTICLES,
                since,
                manageUrl: links.manage,
                unsubscribeUrl: links.unsubscribe,
                dedupeKey: `news:${sub.id}:${slot}`,
              });
        await deps.db.transaction(async (trx) => {
          if (!(await claimSlot(trx, sub, slot, next))) return;
          if (mail && (await enqueueMail(trx, mail, now))) queued++;
        });
      }
      if (due.length < BATCH) break;
    }
  }
  return queued;
}
