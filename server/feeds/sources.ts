// What each feed holds, built from public rows only: articles (published and due) and visible
// reacties (approved, under approved parents) on them. Never an e-mail address, IP or user agent:
// the reacties query reads only the public columns.
import type { Deps } from '../deps';
import { latestPublicArticles, type ArticleSelection } from '../articles/listing-queries';
import { ARTICLE_KINDS, articlePath, documentsOf, isPublic, listArticlesByIds, type Article } from '../articles/queries';
import { latestVisibleReacties } from '../reacties/feed-queries';
import { cardEntries, meetingOf } from '../documents/card';
import { isoDateIn } from '../documents/dates';
import type { PublicReactie } from '../reacties/queries';
import { listPublicLog, logEntrySummary } from '../reacties/moderation-log';
import { escapeHtml } from '../shared/html';
import { shareImage } from '../images/figure';
import { imagesByIds } from '../images/queries';
import {
  absoluteLinks,
  answersAddedHtml,
  leadImageHtml,
  correctionHtml,
  documentCardHtml,
  documentSummaryHtml,
  plainTextHtml,
  questionsHtml,
} from './html';
import type { Feed, FeedItem } from './format';

// As many as WordPress sends by default, twice over: enough for a reader that polls once a day.
export const FEED_ITEMS = 20;

export interface FeedHead {
  title: string;
  description: string;
  /** Site-relative path of the page the feed follows, and of the feed (RSS; Atom adds /atom). */
  pagePath: string;
  feedPath: string;
}

function head(deps: Deps, h: FeedHead): Omit<Feed, 'items'> {
  const base = deps.config.baseUrl;
  return {
    title: h.title,
    description: h.description,
    pageUrl: `${base}${h.pagePath}`,
    rssUrl: `${base}${h.feedPath}`,
    atomUrl: `${base}${h.feedPath}/atom`,
  };
}

function latest(...dates: Array<Date | null>): Date | null {
  const times = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

async function articleItems(deps: Deps, articles: Article[]): Promise<FeedItem[]> {
  const base = deps.config.baseUrl;
  const documents = await documentsOf(
    deps.db,
    articles.filter((a) => a.kind !== 'nieuws'),
  );
  const today = isoDateIn(deps.clock());
  const leads = await imagesByIds(
    deps.db,
    articles.map((a) => a.leadImageId).filter((id): id is number => id !== null),
  );
  return articles.map((a) => {
    const url = `${base}${articlePath(a)}`;
    const answers = a.answersAddedAt ? answersAddedHtml(url, a.answersAddedAt) : '';
    const doc = documents.get(a.id);
    const questions = doc?.questions ?? [];
    // A council document's card: its date, sender, kenmerk and parties first, as on its page.
    const entries = doc ? cardEntries(a.kind, doc.fields) : [];
    const card = doc ? documentCardHtml(entries, meetingOf(doc.fields, today)) : '';
    // A correction note goes first, in the summary and the content alike: a reader of the feed saw the earlier version.
    const correction = a.correctionNote ? correctionHtml(a.correctionNote, a.correctedAt) : '';
    const lead = a.leadImageId === null ? undefined : leads.get(a.leadImageId);
    const share = lead && shareImage(lead);
    const image = share && { url: `${base}${share.path}`, width: share.width, height: share.height, alt: share.alt };
    return {
      url,
      title: a.title,
      author: a.authorName,
      published: a.publishedAt!,
      // The answers arriving is the change a reader of written questions waits for.
      updated: latest(a.answersAddedAt, a.textUpdatedAt, a.correctedAt) ?? a.publishedAt!,
      category: a.kind === 'nieuws' ? undefined : ARTICLE_KINDS[a.kind],
      summaryHtml: correction + documentSummaryHtml(entries) + absoluteLinks(a.excerptHtml, base) + answers,
      contentHtml:
        correction +
        (image ? leadImageHtml(image) : '') +
        answers +
        card +
        absoluteLinks(a.bodyHtml, base) +
        (questions.length ? `\n${questionsHtml(questions)}` : ''),
      ...(image ? { image } : {}),
    };
  });
}

export async function articlesFeed(deps: Deps, selection: ArticleSelection, h: FeedHead): Promise<Feed> {
  const articles = await latestPublicArticles(deps.db, deps.clock(), selection, FEED_ITEMS);
  return { ...head(deps, h), items: await articleItems(deps, articles) };
}

export async function articleListFeed(deps: Deps, articles: Article[], h: FeedHead): Promise<Feed> {
  const now = deps.clock();
  return {
    ...head(deps, h),
    items: await articleItems(
      deps,
      articles.filter((a) => isPublic(a, now)),
    ),
  };
}

function reactieItem(base: string, r: PublicReactie, article: Article): FeedItem {
  return {
    url: `${base}${articlePath(article)}#reactie-${r.id}`,
    title: `Reactie van ${r.authorName} op “${article.title}”`,
    author: r.authorName,
    published: r.createdAt,
    updated: r.createdAt,
    summaryHtml: plainTextHtml(r.body),
  };
}

/** The newest visible reacties of the whole weblog, or of one article. */
export async function reactiesFeed(deps: Deps, article: Article | null, h: FeedHead): Promise<Feed> {
  const now = deps.clock();
  const { reacties } = await latestVisibleReacties(deps.db, now, article?.id ?? null, FEED_ITEMS);
  const articles = article ? [article] : await listArticlesByIds(deps.db, [...new Set(reacties.map((r) => r.articleId))]);
  const byId = new Map(articles.filter((a) => isPublic(a, now)).map((a) => [a.id, a]));
  const items = reacties.flatMap((r) => {
    const a = byId.get(r.articleId);
    return a ? [reactieItem(deps.config.baseUrl, r, a)] : [];
  });
  return { ...head(deps, h), items };
}

/** The public moderation log: each decision with its article, reason and public note; no person. */
export async function moderationLogFeed(deps: Deps, h: FeedHead): Promise<Feed> {
  const base = deps.config.baseUrl;
  const entries = await listPublicLog(deps.db, deps.clock(), FEED_ITEMS, null);
  return {
    ...head(deps, h),
    items: entries.map((e) => {
      const articleUrl = `${base}${articlePath({ slug: e.articleSlug, publishedAt: e.articlePublishedAt, createdAt: e.articleCreatedAt })}`;
      const note = e.publicNote ? `<p>Toelichting van de moderatie: ${escapeHtml(e.publicNote)}</p>` : '';
      return {
        url: `${base}/moderatie#besluit-${e.id}`,
        title: `${logEntrySummary(e)} (bij “${e.articleTitle}”)`,
        author: 'Moderatie',
        published: e.createdAt,
        updated: e.createdAt,
        summaryHtml: `<p>${escapeHtml(logEntrySummary(e))}, bij <a href="${escapeHtml(articleUrl)}">${escapeHtml(e.articleTitle)}</a>.</p>${note}`,
      };
    }),
  };
}
