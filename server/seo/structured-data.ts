// schema.org structured data for an article page: a NewsArticle with its comment count, as JSON-LD.
// The JSON goes into <script type="application/ld+json">, which a browser never runs (so the strict
// CSP does not apply to it), but an HTML parser still ends the element at "</script": every "<"
// (and ">", "&", and the JavaScript line separators) is written as a \u escape, which JSON reads the same.
import type { Article } from '../articles/queries';

export interface StructuredArticle {
  article: Pick<Article, 'title' | 'authorName' | 'publishedAt' | 'updatedAt' | 'answersAddedAt' | 'textUpdatedAt' | 'reactieCount'>;
  url: string;
  description: string;
  section: string | null;
  siteName: string;
  siteUrl: string;
  /** The site image: the publisher's logo, and the article's image when it has no lead image. */
  imageUrl: string;
  /** The article's lead image (its share JPEG), when it has one. */
  leadImageUrl?: string;
}

function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** When the article last changed for a reader: its publication, or the college's answers arriving. */
/** When a reader would say it changed: answers added, or its title or text corrected ("Bijgewerkt op"), else published. */
export function modifiedAt(article: StructuredArticle['article']): Date {
  const published = article.publishedAt!;
  const times = [published, article.answersAddedAt, article.textUpdatedAt].filter((d): d is Date => d !== null);
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

export function newsArticleJsonLd(s: StructuredArticle): string {
  const { article } = s;
  return jsonForScript({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': s.url },
    url: s.url,
    // Search engines show at most 110 characters of a headline.
    headline: article.title.length > 110 ? `${article.title.slice(0, 109)}…` : article.title,
    description: s.description || undefined,
    image: [s.leadImageUrl ?? s.imageUrl],
    datePublished: article.publishedAt!.toISOString(),
    dateModified: modifiedAt(article).toISOString(),
    inLanguage: 'nl-NL',
    articleSection: s.section ?? undefined,
    author: { '@type': 'Person', name: article.authorName },
    publisher: { '@type': 'Organization', name: s.siteName, url: s.siteUrl, logo: { '@type': 'ImageObject', url: s.imageUrl } },
    commentCount: article.reactieCount,
    interactionStatistic: {
      '@type': 'InteractionCounter',
      interactionType: 'https://schema.org/CommentAction',
      userInteractionCount: article.reactieCount,
    },
  });
}
