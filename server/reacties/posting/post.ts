// Posting a reactie: where it goes in the thread, the spam verdict, and storing it with the counters.
import crypto from 'node:crypto';
import type { Deps } from '../../deps';
import { readsOf } from '../../db/knex';
import { isUniqueViolation } from '../../db/rows';
import { emailKey } from '../../shared/email';
import { keptSettings } from '../../settings/settings';
import { addressKeyOf } from '../../addresses/key';
import { judgeReactie, type Candidate } from '../../spam/pipeline';
import { storedVerdict } from '../../spam/verdict-columns';
import { initialStatus } from '../initial-status';
import { policyHold } from '../held-because';
import {
  ancestorChain,
  findBySubmissionKey,
  findStatus,
  repeatAndRule,
  storeReactie,
  type ChainLink,
  type ReactieStatus,
} from '../queries';
import { senderHistory } from '../spam/spam-queries';
import { MAX_THREAD_DEPTH } from '../thread-tree';
import type { ValidReactie } from './validation';

/** What a reactie is posted under: an article, as far as the reacties feature needs to know it. */
export interface ReactieTarget {
  id: number;
  reactiesOpen: boolean;
  /** Sent to Akismet: a reactie on a long-unchanged page is more often spam. */
  updatedAt: Date;
}

export interface PostContext {
  ip: string | null;
  userAgent: string | null;
  referrer: string | null;
  /** The form's token: with the text and address it makes a double click post once. */
  formToken: string;
  /** When the form was shown (its signed stamp), or null when the stamp had expired. */
  renderedAt: number | null;
  honeypot: string;
  permalink: string;
  /** Held reacties this reader posted before: they may reply to those too. */
  ownReactieIds: number[];
  /**
   * Every reactie this browser placed, as its signed own-reacties cookie says (own-cookie.ts): a post
   * that repeats one of these is led back to it; one that repeats anyone else's is a duplicate.
   */
  placedHere: readonly number[];
  /** An official reply from a logged-in staff member (official.ts): published at once, never held. */
  officialAs?: string | null;
  now: Date;
}

export type PostOutcome =
  | {
      ok: true;
      id: number;
      status: ReactieStatus;
      /** The page it went on and its creation time, when this post stored it (not when it led to an earlier one). */
      page?: number;
      createdAt?: Date;
    }
  | { ok: false; reason: 'parent-missing' | 'flood' | 'rate' | 'duplicate' | 'discarded' | 'refused'; waitSeconds?: number };

/**
 * Where a reply hangs: under the reactie it answers, unless that one is already at the deepest
 * level; then beside it, under the same parent, so the thread never grows deeper than the limit.
 * A reply is only taken where its author will see it: every reactie above it must be shown to
 * them (approved, or their own that waits), or the reply would be stored and never appear.
 */
async function resolveParent(
  deps: Deps,
  article: ReactieTarget,
  parentId: number | null,
  ownIds: number[],
): Promise<number | null | 'missing'> {
  if (parentId === null) return null;
  const chain = await ancestorChain(deps.db, parentId);
  const shownToPoster = (link: ChainLink) => link.status === 'approved' || (link.status !== 'trash' && ownIds.includes(link.id));
  // Above the reactie answered, a removed one's placeholder keeps the thread shown; it cannot be answered itself.
  const keepsThread = (link: ChainLink, i: number) => shownToPoster(link) || (i > 0 && link.placeholder);
  const top = chain[chain.length - 1];
  if (chain.length === 0 || top.parentId !== null || chain[0].articleId !== article.id || !chain.every(keepsThread)) return 'missing';
  return chain.length >= MAX_THREAD_DEPTH ? chain[0].parentId : chain[0].id;
}

/**
 * A post that repeats a stored reactie (a second click, a reload after a slow network) leads back to
 * it, with its edit token and, when held, a look at it, only in the browser that placed it. Anyone
 * else who sends the same address and text (the public text of a reactie, an official reply) is
 * refused as a duplicate: knowing someone's e-mail address gives no right to their reactie.
 */
function leadBack(found: { id: number; status: ReactieStatus }, ctx: PostContext): PostOutcome {
  return ctx.placedHere.includes(found.id) ? { ok: true, ...found } : { ok: false, reason: 'duplicate' };
}

function submissionKey(token: string, email: string, body: string): string {
  return crypto
    .createHash('sha256')
    .update(`${token}\n${emailKey(email)}\n${body}`)
    .digest('hex');
}

/** The row of a reactie as the resident sent it, before its status is decided. */
function newReactie(article: ReactieTarget, input: ValidReactie, parentId: number | null, ctx: PostContext, key: string) {
  const { authorName, authorEmail, authorUrl, body } = input;
  return {
    articleId: article.id,
    parentId,
    authorName,
    authorEmail,
    authorUrl,
    body,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    submissionKey: key,
  };
}

/** An official reply skips the spam checks: it comes from a staff account, not from the open form. */
async function postOfficial(
  deps: Deps,
  article: ReactieTarget,
  input: ValidReactie,
  parentId: number | null,
  ctx: PostContext,
  key: string,
): Promise<PostOutcome> {
  const row = { ...newReactie(article, input, parentId, ctx, key), status: 'approved' as const, officialAs: ctx.officialAs };
  const { id, page } = await storeReactie(deps.db, row, ctx.now);
  return { ok: true, id, status: 'approved', page, createdAt: ctx.now };
}

export async function postReactie(deps: Deps, article: ReactieTarget, input: ValidReactie, ctx: PostContext): Promise<PostOutcome> {
  const key = submissionKey(ctx.formToken, input.authorEmail, input.body);
  // A second click on "Plaats reactie" leads to the reactie the first click made. The form token is
  // no proof of who sent it (a shared cache gives one page to many readers): the browser's cookie is.
  // With it, in the same statement, the moderator's rule for the person behind the address (addresses/).
  const { repeated, rule } = await repeatAndRule(
    readsOf(deps.db),
    key,
    addressKeyOf(deps.config.sessionSecret, input.authorEmail),
    ctx.now,
  );
  if (repeated) return leadBack(repeated, ctx);

  const parentId = await resolveParent(deps, article, input.parentId, ctx.ownReactieIds);
  if (parentId === 'missing') return { ok: false, reason: 'parent-missing' };

  if (ctx.officialAs) return postOfficial(deps, article, input, parentId, ctx, key);

  // A moderator's rule for the person behind the address: blocked is refused, held always waits.
  if (rule?.rule === 'block') return { ok: false, reason: 'refused' };

  const candidate: Candidate = {
    ...input,
    articleId: article.id,
    parentId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    honeypot: ctx.honeypot,
    renderedAt: ctx.renderedAt,
    referrer: ctx.referrer,
    permalink: ctx.permalink,
    articleModifiedAt: article.updatedAt,
    now: ctx.now,
  };
  const settings = await keptSettings(deps.db);
  const spamSettings = settings.spam;
  // The sender's facts and what the address wrote before (for the policy's reasons below): one statement.
  const history = senderHistory(deps.db, { address: true });
  const verdict = await judgeReactie(deps.db, history, deps.config, candidate, spamSettings);
  if (verdict.kind === 'refuse' && verdict.reason === 'duplicate' && verdict.existingId !== undefined) {
    // Sent again after a slow network or a reload: lead the resident to the reactie they already
    // placed, unless a moderator removed it (then saying so is the honest answer).
    const existing = await findStatus(deps.db, verdict.existingId);
    if (existing && existing.status !== 'trash') return leadBack(existing, ctx);
  }
  if (verdict.kind === 'refuse') {
    // The second of two clicks, arriving just after the first was stored, meets the flood limit: lead it to the first.
    const first = verdict.reason === 'flood' ? await findBySubmissionKey(deps.db, key) : null;
    return first ? leadBack(first, ctx) : { ok: false, reason: verdict.reason, waitSeconds: verdict.waitSeconds };
  }
  if (verdict.kind === 'discard') return { ok: false, reason: 'discarded' };

  const knownAddress = verdict.hits.some((h) => h.check === 'known-address');
  const addressHeld = rule?.rule === 'hold';
  const status = initialStatus(verdict.outcome, settings.moderationPolicy, knownAddress, addressHeld);
  // Kept with the reactie: what the address had written before changes once moderators decide on it.
  const heldBecause = await policyHold(
    deps.db,
    status,
    settings.moderationPolicy,
    knownAddress,
    input.authorEmail,
    addressHeld,
    history.address(),
  );
  try {
    const row = { ...newReactie(article, input, parentId, ctx, key), status, verdict: storedVerdict(verdict, ctx.now), heldBecause };
    const { id, page } = await storeReactie(deps.db, row, ctx.now);
    return { ok: true, id, status, page, createdAt: ctx.now };
  } catch (err) {
    // Two clicks at the very same moment: the second insert meets the first one's key.
    if (isUniqueViolation(err)) {
      const first = await findBySubmissionKey(deps.db, key);
      if (first) return leadBack(first, ctx);
    }
    throw err;
  }
}
