// npm run import:wxr: a WordPress export into this weblog, in one transaction. The file is read as
// a stream and each record is stored as it arrives; when the file turns out broken halfway (bad XML,
// cut off, not WXR) the transaction is rolled back and the database is as it was.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { COLUMN_LIMITS } from '../db/limits';
import { createAccountWithoutPassword, findUserByEmail } from '../accounts/users';
import { isPage, markAsPage, touchArticles } from '../articles/queries';
import { createDossier, uniqueDossierSlug } from '../dossiers/queries';
import { findOrCreateTag } from '../tags/queries';
import { slugify } from '../shared/slug';
import { importComments, type PingbackMode } from './comments';
import { importPost, type Author } from './posts';
import { addRedirects, importedId, rememberImport } from './queries';
import { ALREADY, ImportReport } from './report';
import { child, childrenNamed, childText, readWxr, type XmlNode } from './wxr-reader';
import { htmlToPlainText } from './wp-html';
import { importAttachmentFile, rewriteUploadLinks } from './attachments';
import { isOverLimit, overLimitReason, READ_TEXT_LIMITS } from './limits';
import { uploadsPathOf, type UploadSources } from './upload-files';

export interface ImportOptions {
  pingbacks: PingbackMode;
  ipRetentionDays: number;
  now: Date;
  /** Reads and checks everything, then rolls back: the report of what a real run would do. */
  dryRun?: boolean;
  /**
   * Take the attachments' files over (from a local uploads folder and/or their URLs) into this
   * folder. Files are fetched only from `sources.fetch.hosts` and the old site's own hosts (the
   * export's link, wp:base_site_url and wp:base_blog_url), never from an internal address.
   */
  uploads?: { sources: UploadSources; uploadDir: string };
  /** Hears each attachment file as it is handled: the count so far, the total, and why one failed. */
  onAttachment?: (done: number, total: number, failure?: string) => void;
}

class DryRunDone extends Error {}

const TOO_BIG = 'te groot om in te lezen';
const DUPLICATE_ID = 'wp:post_id al eerder in dit bestand';
const TOO_MANY_COMMENTS = 'meer reacties bij één bericht dan het importeren in één keer inleest';

function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// WordPress's default category: every post without one is in it, so it says nothing as a dossier.
const DEFAULT_CATEGORIES = new Set(['uncategorized', 'geen-categorie', 'ongecategoriseerd']);

function cut(text: string, max: number): string {
  return [...text].slice(0, max).join('');
}

/** An old attachment page waiting for its post (attachments may come before the post they belong to). */
interface PendingAttachment {
  wpId: string;
  parentWpId: string;
  paths: string[];
  url: string;
  title: string;
  /** Its _wp_attached_file: where the file lies in wp-content/uploads ("2008/06/foto.jpg"), whatever its URL. */
  attachedFile: string;
}

/** The value of one of an item's custom fields (wp:postmeta), '' when it has none. */
function metaValue(item: XmlNode, key: string): string {
  const meta = childrenNamed(item, 'wp:postmeta').find((m) => childText(m, 'wp:meta_key').trim() === key);
  return meta ? childText(meta, 'wp:meta_value').trim() : '';
}

// WordPress's own item types that belong to its theme, editor or menus, not to the weblog's content.
const SITE_ITEM_TYPES = new Set([
  'wp_block',
  'wp_template',
  'wp_template_part',
  'wp_navigation',
  'wp_global_styles',
  'wp_font_family',
  'wp_font_face',
  'custom_css',
  'customize_changeset',
  'oembed_cache',
  'user_request',
  'revision',
]);

/** Why an item that is no post, page or attachment is not taken over: a menu, a piece of the theme, a custom post type. */
function otherItemReason(type: string): string {
  if (type === '') return 'soort "onbekend"';
  const name = cut(type, 40);
  if (type === 'nav_menu_item') return 'menu-onderdeel (nav_menu_item)';
  if (SITE_ITEM_TYPES.has(type)) return `onderdeel van thema of editor ("${name}")`;
  return `eigen berichtsoort "${name}" (custom post type)`;
}

/** What WordPress's taxonomies become here: categories dossiers, tags tags; the rest has no counterpart. */
const TAXONOMY_NAMES: Record<string, string> = { nav_menu: 'menu', post_format: 'berichtformaat', link_category: 'linkcategorie' };

class Importer {
  readonly report = new ImportReport();
  private readonly authors = new Map<string, Author>();
  private readonly dossiers = new Map<string, number | null>();
  private readonly tags = new Map<string, number | null>();
  private readonly attachments: PendingAttachment[] = [];
  /** The old site's own hosts, from the export's channel: attachment files may be fetched from them. */
  private readonly siteHosts = new Set<string>();
  /** Pages brought in by this run with their wp:post_parent: linked to it once the whole file is read. */
  private readonly pages: Array<{ articleId: number; parentWpId: string }> = [];
  /** The wp:post_id of every post and page item read so far in this file. */
  private readonly seenPostIds = new Set<string>();

  constructor(
    private readonly trx: Knex.Transaction,
    private readonly options: ImportOptions,
  ) {}

  async author(node: XmlNode): Promise<void> {
    const login = childText(node, 'wp:author_login').trim();
    const name = cut(htmlToPlainText(childText(node, 'wp:author_display_name')) || login, COLUMN_LIMITS.users.name);
    if (!login) return this.report.skip('author', 'zonder inlognaam');
    const earlier = await importedId(this.trx, 'author', login);
    this.authors.set(login, { userId: earlier, name });
    if (earlier !== null) return this.report.skip('author', ALREADY);
    const given = childText(node, 'wp:author_email').trim().toLowerCase();
    // Without an address the account gets one that can never receive mail (.invalid, RFC 2606).
    const email = given && given.length <= COLUMN_LIMITS.users.email ? given : `${slugify(login)}@wordpress.invalid`;
    const existing = await findUserByEmail(this.trx, email);
    const userId = existing ? existing.id : await createAccountWithoutPassword(this.trx, { email, name, role: 'editor' });
    if (existing) this.report.note('auteurs met een bestaand account, daaraan gekoppeld');
    await rememberImport(this.trx, 'author', login, userId);
    this.authors.set(login, { userId, name });
    this.report.add('author');
  }

  site(url: string): void {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') this.siteHosts.add(parsed.host);
    } catch {
      // not an address: no host to fetch from
    }
  }

  /** A category as a dossier, from the channel's list or (undeclared) from an item; null for the default one. */
  async dossierOf(nicename: string, title: string, description: XmlNode | undefined): Promise<number | null> {
    const key = cut(nicename.trim(), 100);
    if (!key) return null;
    const known = this.dossiers.get(key);
    if (known !== undefined) return known;
    let id: number | null = null;
    if (DEFAULT_CATEGORIES.has(key)) this.report.skip('category', 'de standaardcategorie van WordPress');
    else if ((id = await importedId(this.trx, 'category', key)) !== null) this.report.skip('category', ALREADY);
    else {
      const slug = await uniqueDossierSlug(this.trx, slugify(decodeSlug(key)));
      const titleText = cut(htmlToPlainText(title) || key, COLUMN_LIMITS.dossiers.title);
      const now = this.options.now;
      // A description longer than the dossier form takes is left out; the dossier itself comes in.
      let intro = description?.cut ? '' : htmlToPlainText(description?.text ?? '');
      if (isOverLimit('categoryDescription', intro, description)) {
        this.report.note(`categorieën met een ${overLimitReason('categoryDescription')}, zonder beschrijving overgenomen`);
        intro = '';
      }
      id = (await createDossier(this.trx, { title: titleText, slug, introMarkdown: intro, participants: '' }, now)).id;
      await rememberImport(this.trx, 'category', key, id);
      this.report.add('category');
    }
    this.dossiers.set(key, id);
    return id;
  }

  /**
   * A tag, from the channel's list or (undeclared) from an item: a tag here with the same slug
   * (one an editor made, or an earlier import's) is the same tag. Null without a slug or name.
   */
  async tagOf(nicename: string, name: string): Promise<number | null> {
    const key = cut(nicename.trim() || slugify(htmlToPlainText(name)), 100);
    if (!key) return null;
    const known = this.tags.get(key);
    if (known !== undefined) return known;
    let id = await importedId(this.trx, 'tag', key);
    if (id !== null) this.report.skip('tag', ALREADY);
    else {
      const tag = await findOrCreateTag(this.trx, htmlToPlainText(name) || decodeSlug(key), decodeSlug(key));
      id = tag.id;
      await rememberImport(this.trx, 'tag', key, id);
      this.report.add('tag');
    }
    this.tags.set(key, id);
    return id;
  }

  /** A <wp:term> of the channel: a category or tag declared on its own, any other taxonomy named as skipped. */
  async term(node: XmlNode): Promise<void> {
    const taxonomy = childText(node, 'wp:term_taxonomy').trim();
    const slug = childText(node, 'wp:term_slug');
    const name = childText(node, 'wp:term_name');
    if (taxonomy === 'category') await this.dossierOf(slug, name, child(node, 'wp:term_description'));
    else if (taxonomy === 'post_tag') await this.tagOf(slug, name);
    else this.report.skip('term', `${TAXONOMY_NAMES[taxonomy] ?? 'taxonomie'} "${cut(taxonomy, 40) || 'onbekend'}"`);
  }

  async item(node: XmlNode): Promise<void> {
    const type = childText(node, 'wp:post_type').trim();
    const wpId = childText(node, 'wp:post_id').trim();
    if (type === 'attachment') return this.attachment(node);
    if (type !== 'post' && type !== 'page') return this.report.skip('other', otherItemReason(type));
    const kind = type === 'page' ? 'page' : 'post';
    if (!/^\d+$/.test(wpId)) return this.report.skip(kind, 'zonder geldig wp:post_id');
    // WordPress's importer takes the first item with a post_id and passes over any later one with
    // the same id, comments and all: so here, named in the report (it is no earlier import).
    if (this.seenPostIds.has(wpId)) {
      this.report.skip(kind, DUPLICATE_ID);
      this.report.problem(
        'duplicate',
        `${kind === 'page' ? 'pagina' : 'bericht'} ${wpId} "${cut(htmlToPlainText(childText(node, 'title')), 60)}"`,
      );
      for (let i = 0; i < childrenNamed(node, 'wp:comment').length; i++)
        this.report.skip('comment', 'bij een bericht dat niet is overgenomen');
      return;
    }
    if (childText(node, 'wp:status').trim() !== 'auto-draft') this.seenPostIds.add(wpId);
    const label = `${kind === 'page' ? 'pagina' : 'bericht'} ${wpId}`;
    // Children the reader had no room for (wxr-reader.ts RECORD_BUDGET): comments are named and
    // skipped; without any other part (meta fields aside) the item itself may be incomplete.
    const dropped = [...(node.dropped ?? [])];
    const droppedComments = dropped.find(([name]) => name === 'wp:comment')?.[1] ?? 0;
    if (dropped.some(([name]) => name !== 'wp:comment' && name !== 'wp:postmeta')) {
      this.report.skip(kind, TOO_BIG);
      this.report.problem('tooLong', `${label}: ${TOO_BIG}`);
      for (let i = 0; i < childrenNamed(node, 'wp:comment').length + droppedComments; i++)
        this.report.skip('comment', 'bij een bericht dat niet is overgenomen');
      return;
    }
    if (droppedComments) {
      for (let i = 0; i < droppedComments; i++) this.report.skip('comment', TOO_MANY_COMMENTS);
      this.report.problem('tooLong', `${label}: ${droppedComments.toLocaleString('nl-NL')} reacties niet ingelezen (${TOO_MANY_COMMENTS})`);
    }
    let articleId = await importedId(this.trx, 'post', wpId);
    if (articleId !== null) this.report.skip(kind, ALREADY);
    else {
      articleId = await importPost(this.trx, node, {
        authors: this.authors,
        dossierOf: (c) => this.dossierOf(c.attrs.nicename ?? '', c.text, undefined),
        tagOf: (c) => this.tagOf(c.attrs.nicename ?? '', c.text),
        report: this.report,
        now: this.options.now,
      });
      const parentWpId = childText(node, 'wp:post_parent').trim();
      if (articleId !== null && kind === 'page' && /^[1-9]\d*$/.test(parentWpId) && parentWpId !== wpId)
        this.pages.push({ articleId, parentWpId });
    }
    const comments = childrenNamed(node, 'wp:comment');
    if (articleId === null) {
      for (let i = 0; i < comments.length + droppedComments; i++) this.report.skip('comment', 'bij een bericht dat niet is overgenomen');
      return;
    }
    // New comments on a post imported before still come in (a newer export of the same site).
    await importComments(this.trx, articleId, comments, this.options, this.report, label);
  }

  private attachment(node: XmlNode): void {
    const parentWpId = childText(node, 'wp:post_parent').trim();
    const paths: string[] = [`/?attachment_id=${childText(node, 'wp:post_id').trim()}`];
    try {
      const link = new URL(childText(node, 'link').trim());
      if (link.pathname !== '/') paths.push(link.pathname);
    } catch {
      // no usable link: only the ?attachment_id= form
    }
    // Its page leads to its post; the file itself comes over only with --uploads or --fetch-uploads.
    if (!parentWpId || parentWpId === '0') return this.report.skip('attachment', 'bij geen bericht');
    const url = childText(node, 'wp:attachment_url').trim();
    const title = cut(htmlToPlainText(childText(node, 'title')), COLUMN_LIMITS.article_attachments.title);
    const attachedFile = metaValue(node, '_wp_attached_file');
    this.attachments.push({ wpId: childText(node, 'wp:post_id').trim(), parentWpId, paths, url, title, attachedFile });
  }

  async finish(): Promise<void> {
    await this.linkPages();
    await this.linkAttachments();
  }

  /** Each new page under its parent page, when that came in (now or before) as a page. */
  private async linkPages(): Promise<void> {
    for (const page of this.pages) {
      const parentId = await importedId(this.trx, 'post', page.parentWpId);
      if (parentId === null || !(await isPage(this.trx, parentId))) {
        this.report.note("pagina's zonder hun bovenliggende pagina (die is niet overgenomen)");
        continue;
      }
      await markAsPage(this.trx, page.articleId, parentId);
      await touchArticles(this.trx, [parentId]);
    }
  }

  private async linkAttachments(): Promise<void> {
    const { uploads, onAttachment } = this.options;
    const hosts = new Set<string>();
    // Hosts of attachment URLs outside /wp-content/uploads/ (WordPress.com's SITE.files.wordpress.com/2008/06/x.jpg).
    const flatHosts = new Set<string>();
    let done = 0;
    const total = this.attachments.length;
    for (const a of this.attachments) {
      const articleId = await importedId(this.trx, 'post', a.parentWpId);
      if (articleId === null) {
        this.report.skip('attachment', 'bij een bericht dat niet is overgenomen');
        onAttachment?.(++done, total);
        continue;
      }
      await addRedirects(this.trx, articleId, a.paths);
      if (!uploads) {
        this.report.add('attachment');
        continue;
      }
      try {
        const host = new URL(a.url).host.toLowerCase();
        hosts.add(host);
        if (!uploadsPathOf(a.url)) flatHosts.add(host);
      } catch {
        // no usable URL: the file fails below with its reason
      }
      if (!/^\d+$/.test(a.wpId)) this.fail(a, 'zonder geldig wp:post_id', ++done, total);
      else if ((await importedId(this.trx, 'attachment', a.wpId)) !== null) {
        this.report.skip('attachment', ALREADY);
        onAttachment?.(++done, total);
      } else {
        const stored = await importAttachmentFile(this.trx, a, articleId, {
          uploadDir: uploads.uploadDir,
          sources: this.withSiteHosts(uploads.sources),
          now: this.options.now,
          dryRun: this.options.dryRun === true,
        });
        if (stored.ok) {
          this.report.add('attachment');
          onAttachment?.(++done, total);
        } else this.fail(a, stored.reason, ++done, total);
      }
    }
    if (!uploads && this.attachments.length)
      this.report.note('bijlagen: het bestand zelf is niet overgenomen (zie --uploads), de bijlagepagina leidt naar het bericht');
    if (uploads) {
      const changed = await rewriteUploadLinks(this.trx, hosts, flatHosts);
      for (let i = 0; i < changed; i++) this.report.note('artikelen met links naar de nieuwe bijlagen');
    }
  }

  /** The sources with the old site's own hosts added to those files may be fetched from. */
  private withSiteHosts(sources: UploadSources): UploadSources {
    const { fetch } = sources;
    return fetch ? { ...sources, fetch: { ...fetch, hosts: [...fetch.hosts, ...this.siteHosts] } } : sources;
  }

  /** One file that did not come over: counted by kind of reason, and named with its reason. */
  private fail(a: PendingAttachment, reason: string, done: number, total: number): void {
    const kind = reason.replace(/ \(.*$|:.*$/, '');
    this.report.skip('attachment', `bestand ${kind}`);
    const message = `${a.url || `bijlage ${a.wpId}`} (bij bericht ${a.parentWpId}): ${reason}`;
    this.report.problem('file', message);
    this.options.onAttachment?.(done, total, message);
  }
}

/** Imports the export read from `chunks`; throws WxrError (and changes nothing) when the file is not usable. */
export async function importWxr(
  db: Db,
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: ImportOptions,
  onBytes?: (n: number) => void,
): Promise<ImportReport> {
  let report: ImportReport | undefined;
  try {
    await db.transaction(async (trx) => {
      const importer = new Importer(trx, options);
      report = importer.report;
      for await (const record of readWxr(chunks, { onBytes, textLimits: READ_TEXT_LIMITS })) {
        if (record.type === 'site') importer.site(record.url);
        else if (record.type === 'author') await importer.author(record.node);
        else if (record.type === 'category')
          await importer.dossierOf(
            childText(record.node, 'wp:category_nicename'),
            childText(record.node, 'wp:cat_name'),
            child(record.node, 'wp:category_description'),
          );
        else if (record.type === 'tag') await importer.tagOf(childText(record.node, 'wp:tag_slug'), childText(record.node, 'wp:tag_name'));
        else if (record.type === 'term') await importer.term(record.node);
        else if (record.type === 'item') await importer.item(record.node);
      }
      await importer.finish();
      if (options.dryRun) throw new DryRunDone();
    });
  } catch (err) {
    if (!(err instanceof DryRunDone)) throw err;
  }
  return report!;
}
