// npm run export:wxr: the weblog as a WordPress export (WXR 1.2) that WordPress's own importer
// reads, so nobody is locked in. Written piece by piece: one article and its reacties at a time.
// E-mail addresses only when asked for (withEmails); IP addresses and browsers never leave.
import type { Db } from '../db/knex';
import { findUserById } from '../accounts/users';
import { articlePath, isPublic, listArticlesForBeheer, type Article } from '../articles/queries';
import { dossiersOfArticle, listDossiersForBeheer } from '../dossiers/queries';
import { listAllReactiesOfArticle, type Reactie, type ReactieStatus } from '../reacties/queries';
import { listAllTags, tagsOfArticle } from '../tags/queries';
import { amsterdamParts } from '../shared/format';
import { escapeHtml } from '../shared/html';
import { slugify } from '../shared/slug';

export interface ExportOptions {
  withEmails: boolean;
  baseUrl: string;
  now: Date;
}

const PAGE = 200;
const APPROVED: Record<ReactieStatus, string> = { approved: '1', pending: '0', spam: 'spam', trash: 'trash' };

// Characters XML 1.0 does not allow at all, even escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function text(value: string): string {
  return escapeHtml(value.replace(NOT_XML, ''));
}

/** A CDATA section; a "]]>" inside is split over two sections, the way WordPress itself does it. */
function cdata(value: string): string {
  return `<![CDATA[${value.replace(NOT_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function gmt(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function local(date: Date): string {
  const p = amsterdamParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${String(date.getUTCSeconds()).padStart(2, '0')}`;
}

function wpStatus(article: Article, now: Date): string {
  // WordPress's own "Wachtend op beoordeling".
  if (article.status === 'review') return 'pending';
  if (article.status !== 'published') return 'draft';
  return isPublic(article, now) ? 'publish' : 'future';
}

/** A reactie's plain text as the HTML WordPress keeps for a comment: escaped, its line breaks kept. */
function commentHtml(body: string): string {
  return escapeHtml(body);
}

function comment(r: Reactie, withEmails: boolean): string {
  const pingback = /^\[(Pingback|Trackback)\] /.exec(r.body);
  return `
		<wp:comment>
			<wp:comment_id>${r.id}</wp:comment_id>
			<wp:comment_author>${cdata(r.authorName)}</wp:comment_author>
			<wp:comment_author_email>${cdata(withEmails ? r.authorEmail : '')}</wp:comment_author_email>
			<wp:comment_author_url>${text(r.authorUrl ?? '')}</wp:comment_author_url>
			<wp:comment_author_IP></wp:comment_author_IP>
			<wp:comment_date>${cdata(local(r.createdAt))}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(gmt(r.createdAt))}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(commentHtml(pingback ? r.body.slice(pingback[0].length) : r.body))}</wp:comment_content>
			<wp:comment_approved>${cdata(APPROVED[r.status])}</wp:comment_approved>
			<wp:comment_type>${cdata(pingback ? pingback[1].toLowerCase() : 'comment')}</wp:comment_type>
			<wp:comment_parent>${r.parentId ?? 0}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>`;
}

/** Writes the export through `write` (which waits when the file cannot keep up); returns what it wrote. */
export async function exportWxr(
  db: Db,
  write: (chunk: string) => Promise<void>,
  options: ExportOptions,
  onArticle?: (done: number, total: number) => void,
): Promise<{ articles: number; reacties: number; dossiers: number; tags: number; authors: number }> {
  const base = options.baseUrl.replace(/\/+$/, '');
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<!-- Een export van Stadslog in het WordPress-formaat (WXR 1.2). -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Stadslog</title>
	<link>${text(base)}</link>
	<description></description>
	<pubDate>${options.now.toUTCString()}</pubDate>
	<language>nl-NL</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${text(base)}</wp:base_site_url>
	<wp:base_blog_url>${text(base)}</wp:base_blog_url>
`);
  // Authors first (WordPress's importer maps them before the posts): one per name shown on articles.
  const authors = new Map<string, { login: string; email: string }>();
  const first = await listArticlesForBeheer(db, 1, 1);
  const total = first.total;
  const pages = Math.ceil(total / PAGE);
  for (let page = 1; page <= pages; page++)
    for (const a of (await listArticlesForBeheer(db, page, PAGE)).articles) {
      if (authors.has(a.authorName)) continue;
      const user = a.authorId === null ? null : await findUserById(db, a.authorId);
      const login = `${slugify(a.authorName)}-${authors.size + 1}`;
      authors.set(a.authorName, { login, email: options.withEmails && user && !user.email.endsWith('.invalid') ? user.email : '' });
      await write(
        `\t<wp:author><wp:author_id>${authors.size}</wp:author_id><wp:author_login>${cdata(login)}</wp:author_login><wp:author_email>${cdata(authors.get(a.authorName)!.email)}</wp:author_email><wp:author_display_name>${cdata(a.authorName)}</wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>\n`,
      );
    }
  const dossiers = await listDossiersForBeheer(db);
  for (const { dossier } of dossiers)
    await write(
      `\t<wp:category><wp:term_id>${dossier.id}</wp:term_id><wp:category_nicename>${cdata(dossier.slug)}</wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name>${cdata(dossier.title)}</wp:cat_name><wp:category_description>${cdata(dossier.introMarkdown)}</wp:category_description></wp:category>\n`,
    );
  // Tags as WordPress's own: term ids after the dossiers' (categories and tags share wp_terms there).
  const tags = await listAllTags(db);
  const lastDossierId = dossiers.reduce((max, { dossier }) => Math.max(max, dossier.id), 0);
  for (const tag of tags)
    await write(
      `\t<wp:tag><wp:term_id>${lastDossierId + tag.id}</wp:term_id><wp:tag_slug>${cdata(tag.slug)}</wp:tag_slug><wp:tag_name>${cdata(tag.name)}</wp:tag_name></wp:tag>\n`,
    );

  let done = 0;
  let reacties = 0;
  for (let page = 1; page <= pages; page++)
    for (const a of (await listArticlesForBeheer(db, page, PAGE)).articles) {
      const date = a.publishedAt ?? a.createdAt;
      const categories = (await dossiersOfArticle(db, a.id))
        .map((d) => `\n\t\t<category domain="category" nicename="${text(d.slug)}">${cdata(d.title)}</category>`)
        .join('');
      const postTags = (await tagsOfArticle(db, a.id))
        .map((t) => `\n\t\t<category domain="post_tag" nicename="${text(t.slug)}">${cdata(t.name)}</category>`)
        .join('');
      const thread = await listAllReactiesOfArticle(db, a.id);
      reacties += thread.length;
      await write(`
	<item>
		<title>${cdata(a.title)}</title>
		<link>${text(base + articlePath(a))}</link>
		<pubDate>${date.toUTCString()}</pubDate>
		<dc:creator>${cdata(authors.get(a.authorName)?.login ?? '')}</dc:creator>
		<guid isPermaLink="false">${text(`${base}/?p=${a.id}`)}</guid>
		<description></description>
		<content:encoded>${cdata(a.bodyHtml)}</content:encoded>
		<excerpt:encoded>${cdata(a.excerptMarkdown)}</excerpt:encoded>
		<wp:post_id>${a.id}</wp:post_id>
		<wp:post_date>${cdata(local(date))}</wp:post_date>
		<wp:post_date_gmt>${cdata(gmt(date))}</wp:post_date_gmt>
		<wp:comment_status>${cdata(a.reactiesOpen ? 'open' : 'closed')}</wp:comment_status>
		<wp:ping_status><![CDATA[closed]]></wp:ping_status>
		<wp:post_name>${cdata(a.slug)}</wp:post_name>
		<wp:status>${cdata(wpStatus(a, options.now))}</wp:status>
		<wp:post_parent>${a.isPage && a.pageParentId !== null ? a.pageParentId : 0}</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata(a.isPage ? 'page' : 'post')}</wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<wp:is_sticky>${a.pinned ? 1 : 0}</wp:is_sticky>${categories}${postTags}${thread.map((r) => comment(r, options.withEmails)).join('')}
	</item>
`);
      done++;
      onArticle?.(done, total);
    }
  await write('</channel>\n</rss>\n');
  return { articles: done, reacties, dossiers: dossiers.length, tags: tags.length, authors: authors.size };
}
