// How a photo appears in an article: a <figure> with a <picture> (WebP, and JPEG for the rest),
// srcset and sizes, width and height (no layout shift), lazy loading, and its caption and credit.
// The markup is made here, from the images row, and passes the article sanitizer's figure policy
// (shared/markdown.ts), which allows exactly this and nothing more.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { escapeHtml } from '../shared/html';
import type { FigureOf } from '../shared/markdown';
import { SHARE_WIDTH, variantFile, type VariantFormat } from './pipeline';
import { imagesByIds, type Image } from './queries';

/** The column of an article's text: 44rem minus the page's padding; a phone's full width. */
export const ARTICLE_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/** The part of the sha256 in a variant's URL: new bytes (a replacement) make new URLs. */
export const urlKey = (sha256: string): string => sha256.slice(0, 12);

/** The public URL of one variant: /beelden/12/3f9a0c1b2d4e-960.webp. */
export function variantUrl(image: Pick<Image, 'id' | 'sha256'>, width: number | 'share', format: VariantFormat): string {
  return `/beelden/${image.id}/${urlKey(image.sha256)}-${variantFile(width, format)}`;
}

const srcset = (image: Image, format: VariantFormat) => image.widths.map((w) => `${variantUrl(image, w, format)} ${w}w`).join(', ');

/** The width of the JPEG a browser without srcset gets: the middle one. */
const fallbackWidth = (image: Image) => image.widths[Math.min(1, image.widths.length - 1)];

/** The <picture> of a photo, at `sizes`; `lazy`: loaded when it is nearly in view. */
export function pictureHtml(image: Image, sizes: string, { lazy = true }: { lazy?: boolean } = {}): string {
  const e = escapeHtml;
  return (
    `<picture><source type="image/webp" srcset="${e(srcset(image, 'webp'))}" sizes="${e(sizes)}">` +
    `<img src="${e(variantUrl(image, fallbackWidth(image), 'jpg'))}" srcset="${e(srcset(image, 'jpg'))}" sizes="${e(sizes)}" ` +
    `width="${image.width}" height="${image.height}" alt="${e(image.alt)}"${lazy ? ' loading="lazy"' : ''} decoding="async"></picture>`
  );
}

/** A photo in an article's text. */
function figureHtml(image: Image): string {
  const caption = image.caption ? escapeHtml(image.caption) : '';
  const credit = image.credit ? `<span>Foto: ${escapeHtml(image.credit)}</span>` : '';
  const figcaption = caption || credit ? `<figcaption>${[caption, credit].filter(Boolean).join(' ')}</figcaption>` : '';
  return `<figure>${pictureHtml(image, ARTICLE_SIZES)}${figcaption}</figure>`;
}

/** The share JPEG (og:image): its URL path and size. */
export function shareImage(image: Image): { path: string; width: number; height: number; alt: string } {
  const width = Math.min(SHARE_WIDTH, image.width);
  return {
    path: variantUrl(image, 'share', 'jpg'),
    width,
    height: Math.max(1, Math.round((image.height * width) / image.width)),
    alt: image.alt,
  };
}

/** What views/media/picture.ejs shows of a photo (a lead image): escaped there, never raw HTML. */
export interface PictureView {
  webpSrcset: string;
  jpgSrcset: string;
  src: string;
  sizes: string;
  width: number;
  height: number;
  alt: string;
  lazy: boolean;
}

export function pictureView(image: Image, sizes: string, lazy: boolean): PictureView {
  return {
    webpSrcset: srcset(image, 'webp'),
    jpgSrcset: srcset(image, 'jpg'),
    src: variantUrl(image, fallbackWidth(image), 'jpg'),
    sizes,
    width: image.width,
    height: image.height,
    alt: image.alt,
    lazy,
  };
}

/** What views/media/lead-figure.ejs shows: an article's lead image at the top of its page. */
export interface LeadFigure {
  picture: PictureView;
  caption: string;
  credit: string;
}

/** Whether an article's text shows this photo itself: its line in Markdown, its variants in an imported HTML text. */
function textShowsPhoto(text: { bodyMarkdown: string; bodyFormat: string }, image: Pick<Image, 'id' | 'sha256'>): boolean {
  if (text.bodyFormat === 'markdown') return figureIds(text.bodyMarkdown).includes(image.id);
  return text.bodyMarkdown.includes(`/beelden/${image.id}/${urlKey(image.sha256)}-`);
}

/**
 * An article's lead image on its page (the article page and the editor's preview alike): at the text's width, with
 * srcset, sizes, width, height, alt text, caption and credit; at the top, in view at once, so not lazy. None when the
 * text already shows the same photo: it would be there twice.
 */
export function leadFigureOf(text: { bodyMarkdown: string; bodyFormat: string }, image: Image): LeadFigure | null {
  if (textShowsPhoto(text, image)) return null;
  return { picture: pictureView(image, ARTICLE_SIZES, false), caption: image.caption, credit: image.credit };
}

/** The line an editor puts in the text where a photo goes. */
export const figureShortcode = (id: number): string => `[foto ${id}]`;

const SHORTCODE = /^\[foto (\d{1,9})\]$/gm;

/** The photos an article's text shows, in order (no repeats). */
export function figureIds(markdown: string): number[] {
  return [...new Set([...markdown.matchAll(SHORTCODE)].map((m) => Number(m[1])))];
}

/** The markup of the photos a text names, read once for one rendering (shared/markdown.ts FigureOf). */
export async function figureSource(conn: Db | Knex.Transaction, markdown: string): Promise<FigureOf> {
  const images = await imagesByIds(conn, figureIds(markdown));
  return (id) => {
    const image = images.get(id);
    return image ? figureHtml(image) : null;
  };
}

/**
 * The text with a photo's line put in at `at` (a character offset; the end when null), on a line of
 * its own with a blank line around it, as public/js/site.js does at the cursor.
 */
export function insertFigureLine(text: string, line: string, at: number | null = null): string {
  const value = text.replace(/\r\n?/g, '\n');
  const cut = at === null ? value.length : Math.max(0, Math.min(at, value.length));
  const before = value.slice(0, cut);
  const after = value.slice(cut);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return before + lead + line + trail + after;
}
