// Which articles use a photo (images/), in their text ("[foto 12]") or as lead image, and rendering
// them again when the photo changed: the articles' own queries, on the articles table.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { figureShortcode } from '../images/figure';
import { bumpSiteVersion } from '../reacties/counters';
import { replaceArticleBody, touchArticles } from './queries';

export interface ImageUse {
  id: number;
  title: string;
  inText: boolean;
  asLead: boolean;
}

type Conn = Db | Knex.Transaction;

const inTextLike = (imageId: number) => `%${figureShortcode(imageId)}%`;

/** The articles that show this photo, newest first. */
export async function articlesUsingImage(conn: Conn, imageId: number): Promise<ImageUse[]> {
  const rows: Array<Record<string, unknown>> = await conn('articles')
    .where((w) => w.where({ body_format: 'markdown' }).andWhere('body_markdown', 'like', inTextLike(imageId)))
    .orWhere({ lead_image_id: imageId })
    .orderBy('id', 'desc')
    .select('id', 'title', 'body_format', 'body_markdown', 'lead_image_id');
  return rows.map((r) => ({
    id: Number(r.id),
    title: String(r.title),
    inText: r.body_format === 'markdown' && String(r.body_markdown).includes(figureShortcode(imageId)),
    asLead: Number(r.lead_image_id) === imageId,
  }));
}

/** The text of every article that shows the photo is rendered again; their pages and the voorpagina move on. */
export async function rerenderArticlesShowing(trx: Knex.Transaction, imageId: number): Promise<void> {
  const uses = await articlesUsingImage(trx, imageId);
  for (const use of uses.filter((u) => u.inText)) {
    const row = await trx('articles').where({ id: use.id }).first('body_markdown');
    if (row) await replaceArticleBody(trx, use.id, String(row.body_markdown));
  }
  await touchArticles(
    trx,
    uses.filter((u) => u.asLead && !u.inText).map((u) => u.id),
  );
  if (uses.length) await bumpSiteVersion(trx);
}
