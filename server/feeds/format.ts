// One feed, written as RSS 2.0 or as Atom 1.0. The routes build a Feed from public rows only; this
// file knows nothing about the database and only writes what it is given, every URL absolute.
import { el, xmlDocument, type Node } from '../shared/xml';

export type FeedFormat = 'rss' | 'atom';

export interface FeedItem {
  /** Absolute permalink; also the item's guid / id. */
  url: string;
  title: string;
  author: string;
  published: Date;
  /** When it last changed in a way a reader cares about (Atom <updated>). */
  updated: Date;
  /** Short HTML summary. */
  summaryHtml: string;
  /** The full HTML content, when there is more than the summary. */
  contentHtml?: string;
  category?: string;
  /** The article's lead image (absolute URL of a JPEG): a Media RSS element in RSS; the content shows it in both. */
  image?: { url: string; width: number; height: number; alt: string };
}

export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  pageUrl: string;
  /** Absolute URLs of the feed itself in both formats. */
  rssUrl: string;
  atomUrl: string;
  items: FeedItem[];
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** The newest change in the feed (for Last-Modified and <updated>), or null when it is empty. */
export function feedUpdated(feed: Feed): Date | null {
  const times = feed.items.map((i) => Math.max(i.updated.getTime(), i.published.getTime()));
  return times.length ? new Date(Math.max(...times)) : null;
}

export function writeFeed(feed: Feed, format: FeedFormat, generator: string): string {
  return format === 'rss' ? rss(feed, generator) : atom(feed, generator);
}

function rss(feed: Feed, generator: string): string {
  const updated = feedUpdated(feed);
  const item = (i: FeedItem): Node =>
    el('item', {}, [
      el('title', {}, i.title),
      el('link', {}, i.url),
      el('guid', { isPermaLink: 'true' }, i.url),
      el('pubDate', {}, i.published.toUTCString()),
      el('dc:creator', {}, i.author),
      i.category ? el('category', {}, i.category) : null,
      el('description', {}, i.summaryHtml),
      i.contentHtml ? el('content:encoded', {}, i.contentHtml) : null,
      i.image
        ? el(
            'media:content',
            { url: i.image.url, type: 'image/jpeg', medium: 'image', width: String(i.image.width), height: String(i.image.height) },
            [el('media:description', { type: 'plain' }, i.image.alt)],
          )
        : null,
    ]);
  return xmlDocument(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:media': 'http://search.yahoo.com/mrss/',
      },
      [
        el('channel', {}, [
          el('title', {}, feed.title),
          el('link', {}, feed.pageUrl),
          el('description', {}, feed.description),
          el('language', {}, 'nl-NL'),
          updated ? el('lastBuildDate', {}, updated.toUTCString()) : null,
          el('atom:link', { href: feed.rssUrl, rel: 'self', type: 'application/rss+xml' }),
          el('generator', {}, generator),
          ...feed.items.map(item),
        ]),
      ],
    ),
  );
}

function atom(feed: Feed, generator: string): string {
  // An empty feed still needs an <updated>: the epoch says "nothing yet" without inventing a date.
  const updated = feedUpdated(feed) ?? new Date(0);
  const entry = (i: FeedItem): Node =>
    el('entry', {}, [
      el('id', {}, i.url),
      el('title', {}, i.title),
      el('link', { rel: 'alternate', type: 'text/html', href: i.url }),
      el('published', {}, i.published.toISOString()),
      el('updated', {}, new Date(Math.max(i.updated.getTime(), i.published.getTime())).toISOString()),
      el('author', {}, [el('name', {}, i.author)]),
      i.category ? el('category', { term: i.category }) : null,
      el('summary', { type: 'html' }, i.summaryHtml),
      i.contentHtml ? el('content', { type: 'html' }, i.contentHtml) : null,
    ]);
  return xmlDocument(
    el('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'nl-NL' }, [
      el('id', {}, feed.atomUrl),
      el('title', {}, feed.title),
      el('subtitle', {}, feed.description),
      el('link', { rel: 'self', type: 'application/atom+xml', href: feed.atomUrl }),
      el('link', { rel: 'alternate', type: 'text/html', href: feed.pageUrl }),
      el('updated', {}, updated.toISOString()),
      el('generator', {}, generator),
      ...feed.items.map(entry),
    ]),
  );
}
