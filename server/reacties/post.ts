// Posting a reactie: where it goes in the thread, whether it is published at once, stored with the counters.
import type { Db } from '../db/knex';
import type { Article } from '../articles/queries';
import { getSettings } from '../settings/settings';
import { depthOf, emailKey, findReactie, hasApprovedReactie, insertReactie, type ReactieStatus } from './queries';
import { MAX_THREAD_DEPTH } from './thread';
import type { ValidReactie } from './validation';

export interface PostContext {
  ip: string | null;
  userAgent: string | null;
  /** Held reacties this reader posted before: they may reply to those too. */
  ownReactieIds: number[];
  now: Date;
}

export type PostOutcome =
  | { ok: true; id: number; status: ReactieStatus }
  | { ok: false; reason: 'parent-missing' };

/**
 * Where a reply hangs: under the reactie it answers, unless that one is already at the deepest
 * level; then beside it, under the same parent, so the thread never grows deeper than the limit.
 */
async function resolveParent(db: Db, article: Article, parentId: number | null, ownIds: number[]): Promise<number | null | 'missing'> {
  if (parentId === null) return null;
  const parent = await findReactie(db, parentId);
  const visibleToPoster = parent && (parent.status === 'approved' || (parent.status === 'pending' && ownIds.includes(parent.id)));
  if (!parent || parent.articleId !== article.id || !visibleToPoster) return 'missing';
  const depth = await depthOf(db, parent, MAX_THREAD_DEPTH);
  return depth >= MAX_THREAD_DEPTH ? parent.parentId : parent.id;
}

async function initialStatus(db: Db, email: string): Promise<ReactieStatus> {
  const settings = await getSettings(db);
  if (settings.moderationPolicy === 'all') return 'pending';
  return (await hasApprovedReactie(db, emailKey(email))) ? 'approved' : 'pending';
}

export async function postReactie(db: Db, article: Article, input: ValidReactie, ctx: PostContext): Promise<PostOutcome> {
  const parentId = await resolveParent(db, article, input.parentId, ctx.ownReactieIds);
  if (parentId === 'missing') return { ok: false, reason: 'parent-missing' };
  const status = await initialStatus(db, input.authorEmail);
  const id = await db.transaction((trx) =>
    insertReactie(
      trx,
      {
        articleId: article.id,
        parentId,
        authorName: input.authorName,
        authorEmail: input.authorEmail,
        authorUrl: input.authorUrl,
        body: input.body,
        status,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      },
      ctx.now,
    ),
  );
  return { ok: true, id, status };
}
