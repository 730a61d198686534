// The image pipeline: an uploaded JPEG, PNG or WebP becomes a few widths as WebP with a JPEG
// fallback, plus one 1200-wide JPEG for sharing (og:image). sharp (libvips) decodes the upload once,
// turns it upright by its EXIF orientation and shrinks it to the largest width; the smaller widths
// are made from that. Nothing of the upload's metadata (EXIF, GPS, XMP, comments) is written into a
// variant: sharp writes none unless asked. Never upscaled: a photo narrower than a width is kept at
// its own width. The upload itself is not kept (it may carry GPS data); the largest variant is the
// photo from then on, and replacing a photo means uploading a new one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type OutputInfo } from 'sharp';

/** The widths made for articles, smallest first (and the photo's own width when it is narrower). */
const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** The width of the JPEG shown when an article is shared (og:image). */
export const SHARE_WIDTH = 1200;
/** More than a 50-megapixel camera makes is refused before decoding (a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;

/** What the pipeline made. */
export interface ImageVariants {
  /** Of the largest variant. */
  width: number;
  height: number;
  /** The widths made, smallest first; each as <width>.webp and <width>.jpg. */
  widths: number[];
  /** Of the share JPEG (share.jpg). */
  shareWidth: number;
  shareHeight: number;
}

export type VariantFormat = 'webp' | 'jpg';

export class ImageError extends Error {}

/** The file name of a variant in an image's folder: "960.webp", "share.jpg". */
export function variantFile(width: number | 'share', format: VariantFormat): string {
  return `${width}.${format}`;
}

/** The widths to make for a photo this wide. */
export function widthsFor(width: number): number[] {
  const largest = Math.min(width, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]);
  return [...new Set([...IMAGE_WIDTHS.filter((w) => w < largest), largest])];
}

const heightAt = (width: number, full: { width: number; height: number }) => Math.max(1, Math.round((full.height * width) / full.width));

/**
 * Makes the variants of an image (a file path or its bytes) in `outDir` (made, must not exist).
 * Throws ImageError when the bytes are no image sharp can read.
 */
export async function makeVariants(input: string | Buffer, outDir: string): Promise<ImageVariants> {
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .toColourspace('srgb')
      .resize({ width: IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1], withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new ImageError(err instanceof Error ? err.message : String(err));
  }
  const { data, info } = decoded;
  const full = { width: info.width, height: info.height };
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const at = (width: number) => {
    const image = sharp(data, raw);
    return width === full.width ? image : image.resize({ width, height: heightAt(width, full) });
  };
  await fs.promises.mkdir(outDir, { recursive: false, mode: 0o755 });
  const widths = widthsFor(full.width);
  const jobs: Array<Promise<unknown>> = [];
  for (const width of widths) {
    jobs.push(
      at(width)
        .webp({ quality: 76, effort: 4 })
        .toFile(path.join(outDir, variantFile(width, 'webp'))),
    );
    // A JPEG has no transparency: a transparent PNG is put on white.
    jobs.push(
      at(width)
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 80, progressive: true })
        .toFile(path.join(outDir, variantFile(width, 'jpg'))),
    );
  }
  const shareWidth = Math.min(SHARE_WIDTH, full.width);
  jobs.push(
    at(shareWidth)
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, progressive: true })
      .toFile(path.join(outDir, variantFile('share', 'jpg'))),
  );
  await Promise.all(jobs);
  return { ...full, widths, shareWidth, shareHeight: heightAt(shareWidth, full) };
}

/** The folder of an image's variants: <upload dir>/beelden/<sha256>. */
export function variantsDir(uploadDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(uploadDir, 'beelden', sha256);
}

/**
 * Makes the variants of an upload into their folder, through a temporary folder beside it (a
 * half-made set never has the real name). The same bytes uploaded again reuse the folder made before.
 */
export async function storeVariants(input: string | Buffer, uploadDir: string, sha256: string): Promise<ImageVariants> {
  const final = variantsDir(uploadDir, sha256);
  await fs.promises.mkdir(path.dirname(final), { recursive: true, mode: 0o755 });
  const tmp = path.join(path.dirname(final), `.tmp-${crypto.randomUUID()}`);
  try {
    const made = await makeVariants(input, tmp);
    if (fs.existsSync(final)) await fs.promises.rm(tmp, { recursive: true, force: true });
    else await fs.promises.rename(tmp, final);
    return made;
  } catch (err) {
    await fs.promises.rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** Removes an image's variants (when no images row names its folder any more). */
export async function removeVariants(uploadDir: string, sha256: string): Promise<void> {
  await fs.promises.rm(variantsDir(uploadDir, sha256), { recursive: true, force: true });
}
