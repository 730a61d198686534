// The images table: one row per photo, with the widths its variants were made in (pipeline.ts) and
// what readers see with it. Which articles use a photo is the articles' business (articles/queries.ts).
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { parseJson, toCount, toDate } from '../db/rows';

/** What readers see with a photo. */
export interface ImageText {
  alt: string;
  caption: string;
  credit: string;
}

/** A stored upload's variants: what a new photo or a replacement writes. */
export interface ImageFile {
  sha256: string;
  originalName: string;
  mediaType: string;
  size: number;
  width: number;
  height: number;
  widths: number[];
}

/** A stored photo: its files, what readers see with it, who uploaded it and when. */
export type Image = ImageFile &
  ImageText & {
    id: number;
    uploadedBy: number | null;
    createdAt: Date;
    updatedAt: Date;
  };

type Row = Record<string, unknown>;
type Conn = Db | Knex.Transaction;

function toImage(row: Row): Image {
  const widths = parseJson<number[]>(row.variants);
  return {
    id: Number(row.id),
    sha256: String(row.sha256),
    originalName: String(row.original_name),
    mediaType: String(row.media_type),
    size: Number(row.size),
    width: Number(row.width),
    height: Number(row.height),
    widths: Array.isArray(widths) ? widths.map(Number).filter((w) => Number.isInteger(w) && w > 0) : [Number(row.width)],
    alt: String(row.alt),
    caption: typeof row.caption === 'string' ? row.caption : '',
    credit: typeof row.credit === 'string' ? row.credit : '',
    uploadedBy: row.uploaded_by === null || row.uploaded_by === undefined ? null : Number(row.uploaded_by),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

const fileColumns = (f: ImageFile) => ({
  sha256: f.sha256,
  original_name: f.originalName,
  media_type: f.mediaType,
  size: f.size,
  width: f.width,
  height: f.height,
  variants: JSON.stringify(f.widths),
});

export async function insertImage(conn: Conn, file: ImageFile, text: ImageText, uploadedBy: number | null, now: Date): Promise<number> {
  const [row] = await conn('images')
    .insert({ ...fileColumns(file), ...text, uploaded_by: uploadedBy, created_at: now, updated_at: now })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function findImage(conn: Conn, id: number): Promise<Image | null> {
  const row = await conn('images').where({ id }).first();
  return row ? toImage(row) : null;
}

/** These images by id (the ones that exist). */
export async function imagesByIds(conn: Conn, ids: number[]): Promise<Map<number, Image>> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (!unique.length) return new Map();
  const rows: Row[] = await conn('images').whereIn('id', unique);
  return new Map(rows.map((r) => [Number(r.id), toImage(r)]));
}

export async function updateImageText(conn: Conn, id: number, text: ImageText, now: Date): Promise<void> {
  await conn('images')
    .where({ id })
    .update({ ...text, updated_at: now });
}

/** New bytes for a photo: the same id (so every reference stays), new variants. Returns the folder it left. */
export async function replaceImageFile(trx: Knex.Transaction, id: number, file: ImageFile, now: Date): Promise<string | null> {
  const row = await trx('images').where({ id }).forUpdate().first('sha256');
  if (!row) return null;
  await trx('images')
    .where({ id })
    .update({ ...fileColumns(file), updated_at: now });
  return String(row.sha256);
}

export async function deleteImage(trx: Knex.Transaction, id: number): Promise<string | null> {
  const row = await trx('images').where({ id }).forUpdate().first('sha256');
  if (!row) return null;
  await trx('images').where({ id }).delete();
  return String(row.sha256);
}

/** Whether any photo still has its variants in this folder (the same bytes uploaded twice share it). */
export async function sha256InUse(conn: Conn, sha256: string): Promise<boolean> {
  return toCount(await conn('images').where({ sha256 }).count({ n: '*' }).first()) > 0;
}

/** Photos whose name, alt text or caption contain `search` (all when it is empty). */
function searchImages(db: Db, search: string) {
  const q = db('images');
  if (search) {
    const like = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q.where((w) =>
      w
        .whereRaw("lower(original_name) like ? escape '\\'", [like])
        .orWhereRaw("lower(alt) like ? escape '\\'", [like])
        .orWhereRaw("lower(caption) like ? escape '\\'", [like]),
    );
  }
  return q;
}

/** The photos of the media library, newest first; `search` looks in name, alt text and caption; `offset` for later pages. */
export async function listImages(db: Db, search: string, limit: number, offset = 0): Promise<Image[]> {
  const q = searchImages(db, search).orderBy([
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
  return (await q.limit(limit).offset(offset)).map(toImage);
}

/** How many photos listImages finds for `search`. */
export async function countImages(db: Db, search: string): Promise<number> {
  return toCount(await searchImages(db, search).count({ n: '*' }).first());
}

/** A photo made from these bytes (a WordPress import takes each file once). */
export async function findImageBySha256(conn: Conn, sha256: string): Promise<Image | null> {
  const row = await conn('images').where({ sha256 }).orderBy('id').first();
  return row ? toImage(row) : null;
}
