// A WordPress post or page as an article (a page marked as one): status, dates, slug, body, dossiers and its old paths.
import type { Knex } from 'knex';
import { COLUMN_LIMITS } from '../db/limits';
import { createArticle, markAsPage, uniqueSlug, type ArticleStatus } from '../articles/queries';
import { addArticleToDossier } from '../dossiers/queries';
import { addTagsToArticle } from '../tags/queries';
import { slugify } from '../shared/slug';
import { wpDate, wpDateParts } from './dates';
import { addRedirects, rememberImport } from './queries';
import type { ImportReport } from './report';
import { isOverLimit, overLimitReason, type ImportField } from './limits';
import { firstParagraphText, htmlToPlainText, wordpressBodyHtml } from './wp-html';
import { child, childText, type XmlNode } from './wxr-reader';

export interface Author {
  userId: number | null;
  name: string;
}

/** What becomes of a WordPress status: published (perhaps scheduled), a concept, or nothing. */
function articleStatus(wpStatus: string, hasPassword: boolean): { status: ArticleStatus; note?: string } | { skip: string } {
  if (wpStatus === 'trash') return { skip: 'in de prullenbak' };
  if (wpStatus === 'auto-draft' || wpStatus === 'inherit') return { skip: `status "${wpStatus}"` };
  // Never public: a password or "private" has no counterpart here, so the post waits as a concept.
  if (hasPassword) return { status: 'draft', note: 'berichten met een wachtwoord, als concept' };
  if (wpStatus === 'private') return { status: 'draft', note: 'privéberichten, als concept' };
  if (wpStatus === 'publish' || wpStatus === 'future') return { status: 'published' };
  if (wpStatus === 'draft' || wpStatus === 'pending') return { status: 'draft' };
  return { skip: `onbekende status "${wpStatus}"` };
}

function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw.trim());
  } catch {
    return raw.trim();
  }
}

function linkPath(link: string): string | null {
  try {
    const url = new URL(link.trim());
    return url.pathname === '/' ? null : url.pathname;
  } catch {
    return null;
  }
}

/** The paths WordPress answered for this post: its own link and the usual permalink shapes. */
function oldPaths(item: XmlNode, isPage: boolean): string[] {
  const rawSlug = childText(item, 'wp:post_name').trim();
  const paths = [linkPath(childText(item, 'link'))].filter((p): p is string => p !== null);
  if (!rawSlug) return paths;
  paths.push(`/${rawSlug}`);
  const parts = wpDateParts(childText(item, 'wp:post_date'));
  if (!isPage && parts) paths.push(`/${parts.year}/${parts.month}/${parts.day}/${rawSlug}`, `/${parts.year}/${parts.month}/${rawSlug}`);
  return paths;
}

function cut(text: string, max: number): string {
  return [...text].slice(0, max).join('');
}

/** Creates the article for a post or page item; returns its id, or null when the item is skipped. */
export async function importPost(
  trx: Knex.Transaction,
  item: XmlNode,
  ctx: {
    authors: Map<string, Author>;
    dossierOf: (node: XmlNode) => Promise<number | null>;
    tagOf: (node: XmlNode) => Promise<number | null>;
    report: ImportReport;
    now: Date;
  },
): Promise<number | null> {
  const { report } = ctx;
  const kind = childText(item, 'wp:post_type') === 'page' ? 'page' : 'post';
  const decided = articleStatus(childText(item, 'wp:status').trim(), childText(item, 'wp:post_password') !== '');
  if ('skip' in decided) {
    report.skip(kind, decided.skip);
    return null;
  }
  const tooLong = (field: ImportField): null => {
    const plain = htmlToPlainText(childText(item, 'title'));
    const name = [...plain].length > 60 ? `${cut(plain, 59)}…` : plain;
    const link = cut(childText(item, 'link').trim(), 200);
    const reason = overLimitReason(field);
    report.skip(kind, reason);
    const what = `${kind === 'page' ? 'pagina' : 'bericht'} ${cut(childText(item, 'wp:post_id').trim(), 20)}`;
    report.problem('tooLong', `${what}${name ? ` "${name}"` : ''}${link ? ` (${link})` : ''}: ${reason}`);
    return null;
  };
  const titleNode = child(item, 'title');
  const title = htmlToPlainText(titleNode?.text ?? '') || '(zonder titel)';
  if (isOverLimit('title', title, titleNode)) return tooLong('title');
  // A body the reader cut is too long whatever it becomes, and is not converted at all.
  const content = child(item, 'content:encoded');
  const body = content?.cut ? '' : wordpressBodyHtml(content?.text ?? '');
  if (isOverLimit('body', body, content)) return tooLong('body');
  const excerptNode = child(item, 'excerpt:encoded');
  const givenExcerpt = htmlToPlainText(excerptNode?.text ?? '');
  if (isOverLimit('excerpt', givenExcerpt, excerptNode)) return tooLong('excerpt');
  const excerpt = givenExcerpt || firstParagraphText(body);
  if (decided.note) report.note(decided.note);
  const date = wpDate(childText(item, 'wp:post_date_gmt'), childText(item, 'wp:post_date')) ?? ctx.now;
  const slug = await uniqueSlug(trx, slugify(decodeSlug(childText(item, 'wp:post_name')) || title));
  const creator = childText(item, 'dc:creator').trim();
  const author = ctx.authors.get(creator);
  const article = await createArticle(
    trx,
    {
      title,
      slug,
      kind: 'nieuws',
      bodyMarkdown: body,
      bodyFormat: 'html',
      excerptMarkdown: excerpt,
      authorName: cut(author?.name || creator || 'Redactie', COLUMN_LIMITS.articles.author_name),
      status: decided.status,
      publishedAt: date,
      // A page is in no listing, so it is never pinned to the top of one.
      pinned: kind === 'post' && childText(item, 'wp:is_sticky') === '1',
      reactiesOpen: childText(item, 'wp:comment_status') !== 'closed',
    },
    author?.userId ?? null,
    date,
  );
  // A page is a page before its comments come in: their count stays out of the site's total.
  // Its parent may come later in the file: the importer links it at the end (import.ts linkPages).
  if (kind === 'page') await markAsPage(trx, article.id, null);
  await rememberImport(trx, 'post', childText(item, 'wp:post_id').trim(), article.id);
  await addRedirects(trx, article.id, oldPaths(item, kind === 'page'));
  for (const node of item.children.filter((c) => c.name === 'category' && c.attrs.domain === 'category')) {
    const dossierId = await ctx.dossierOf(node);
    if (dossierId !== null) await addArticleToDossier(trx, dossierId, article.id, date);
  }
  const tagIds: number[] = [];
  // WXR 1.0 wrote a tag as domain="tag", later versions as domain="post_tag".
  for (const node of item.children.filter((c) => c.name === 'category' && (c.attrs.domain === 'post_tag' || c.attrs.domain === 'tag'))) {
    const tagId = await ctx.tagOf(node);
    if (tagId !== null && !tagIds.includes(tagId)) tagIds.push(tagId);
  }
  await addTagsToArticle(trx, article.id, tagIds);
  report.add(kind);
  return article.id;
}
