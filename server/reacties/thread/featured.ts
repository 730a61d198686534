// "Uitgelicht door de redactie": an editor or moderator features a reactie. A featured reactie is
// shown above its article's discussion, the newest featured one beside its article on the voorpagina,
// marked in the API, and the decision is in the public moderation log (without who: that is in the
// audit log). Only an approved reactie can be featured, and only a shown (approved) one is shown as
// featured. Featuring takes the article's lock (its page's version moves) and moves the site version
// (the voorpagina shows it), so kept pages show it at once.
import type { Db } from '../../db/knex';
import { bumpSiteVersion } from '../counters';
import { addLogEntry } from '../moderation-log';
import { lockReactie, PUBLIC_COLUMNS, toPublicReactie, type PublicReactie } from '../queries';

export type FeatureOutcome = 'featured' | 'unfeatured' | 'unchanged' | 'gone';

/** Features a reactie (on) or stops featuring it; 'gone' when it is not (or no longer) approved. */
export async function setFeatured(db: Db, reactieId: number, on: boolean, now: Date): Promise<FeatureOutcome> {
  return db.transaction(async (trx) => {
    const reactie = await lockReactie(trx, reactieId);
    if (!reactie || reactie.status !== 'approved') return 'gone';
    const row = await trx('reacties').where({ id: reactie.id }).first('featured_at');
    const featured = row?.featured_at !== null && row?.featured_at !== undefined;
    if (featured === on) return 'unchanged';
    await trx('reacties')
      .where({ id: reactie.id })
      .update({ featured_at: on ? now : null });
    await addLogEntry(
      trx,
      { reactieId: reactie.id, articleId: reactie.articleId, action: on ? 'uitgelicht' : 'niet-meer-uitgelicht', reason: 'anders' },
      now,
    );
    await bumpSiteVersion(trx);
    return on ? 'featured' : 'unfeatured';
  });
}

/** The featured reacties of an article that are shown, newest featured first. */
export async function featuredOf(db: Db, articleId: number): Promise<PublicReactie[]> {
  const rows = await shownFeatured(db).where({ article_id: articleId });
  return rows.map(toPublicReactie);
}

/** Featured reacties that are shown (approved, not withdrawn), newest featured first. */
function shownFeatured(db: Db) {
  return db('reacties')
    .where({ status: 'approved' })
    .whereNotNull('featured_at')
    .whereNull('withdrawn_at')
    .orderBy([
      { column: 'featured_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .select(PUBLIC_COLUMNS);
}

/** Per article, the newest featured reactie that is shown (for the voorpagina). */
export async function newestFeaturedOf(db: Db, articleIds: number[]): Promise<Map<number, PublicReactie>> {
  const out = new Map<number, PublicReactie>();
  if (!articleIds.length) return out;
  const rows = await shownFeatured(db).whereIn('article_id', articleIds);
  for (const row of rows) {
    const r = toPublicReactie(row);
    if (!out.has(r.articleId)) out.set(r.articleId, r);
  }
  return out;
}
