// The background side of reply e-mails, run by maintenance.ts: announce reacties approved since
// the last run to who asked for them, tell moderators that reacties wait, and send the queue.
// Safe in several app processes: the cursor and the digest moment move with a conditional update,
// and a mail's dedupe key queues it once.
import type { Knex } from 'knex';
import type { Deps } from '../deps';
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';
import { listUsers } from '../accounts/users';
import { findArticleById, isPublic } from '../articles/queries';
import { ancestorChain, findReactie } from '../reacties/queries';
import { listApprovedSince, pendingSince, type ApprovalCursor, type ApprovedReactie } from '../reacties/mail-queries';
import { loadSettings } from '../settings/settings';
import { emailKey } from '../shared/email';
import { signedQuery } from './links';
import { moderatorDigestMail, reactieMail, type MailSite } from './messages';
import { enqueueMail, type OutgoingMail } from './queue';
import { confirmedArticleSubscriptions, confirmedReplySubscription } from './subscriptions';

const BATCH = 100;
// A reactie approved in a transaction that commits a moment later must not fall behind the cursor.
const SETTLE_MS = 2000;

async function readState(db: Db, name: string): Promise<ApprovalCursor | null> {
  const row = await db('mail_state').where({ name }).first<{ at: unknown; last_id: number } | undefined>();
  return row ? { at: toDate(row.at), lastId: row.last_id } : null;
}

/** Moves a state from `from` to `to`, only if no other process moved it first. */
async function moveState(conn: Db | Knex.Transaction, name: string, from: ApprovalCursor, to: ApprovalCursor): Promise<boolean> {
  const n = await conn('mail_state').where({ name, at: from.at, last_id: from.lastId }).update({ at: to.at, last_id: to.lastId });
  return n === 1;
}

function unsubscribeUrl(deps: Pick<Deps, 'config'>, subscriptionId: number): string {
  return `${deps.config.baseUrl}/meldingen/afmelden?${signedQuery(deps.config.sessionSecret, 'unsubscribe', [subscriptionId], 0)}`;
}

/** The mails one newly visible reactie brings: to the author it answers, and to the article's followers. */
async function mailsFor(deps: Pick<Deps, 'config' | 'db'>, r: ApprovedReactie, now: Date): Promise<OutgoingMail[]> {
  const article = await findArticleById(deps.db, r.articleId);
  if (!article || !isPublic(article, now)) return [];
  // A reply is only visible under a visible thread: every reactie above it approved (or a removed one's placeholder).
  const chain = await ancestorChain(deps.db, r.id);
  if (!chain.every((link) => link.status === 'approved' || link.placeholder)) return [];
  const site: MailSite = { name: deps.config.siteName, baseUrl: deps.config.baseUrl };
  const author = emailKey(r.authorEmail);
  const mailed = new Set<string>([author]); // never to the author about their own words, never twice
  const out: OutgoingMail[] = [];
  const add = (sub: Parameters<typeof reactieMail>[1]) => {
    if (mailed.has(emailKey(sub.email))) return;
    mailed.add(emailKey(sub.email));
    out.push(reactieMail(site, sub, r, article.title, unsubscribeUrl(deps, sub.id)));
  };
  if (r.parentId !== null) {
    const parent = await findReactie(deps.db, r.parentId);
    const sub = parent ? await confirmedReplySubscription(deps.db, parent.id) : null;
    if (sub) add(sub);
  }
  for (const sub of await confirmedArticleSubscriptions(deps.db, r.articleId)) add(sub);
  return out;
}

/** Queues the mails for reacties approved since the last run; returns how many mails. */
export async function announceApproved(deps: Pick<Deps, 'config' | 'db'>, now: Date): Promise<number> {
  const cursor = await readState(deps.db, 'approved');
  if (!cursor) return 0;
  const approved = await listApprovedSince(deps.db, cursor, new Date(now.getTime() - SETTLE_MS), BATCH);
  if (approved.length === 0) return 0;
  const mails: OutgoingMail[] = [];
  for (const r of approved) mails.push(...(await mailsFor(deps, r, now)));
  const last = approved[approved.length - 1];
  return deps.db.transaction(async (trx) => {
    if (!(await moveState(trx, 'approved', cursor, { at: last.statusChangedAt, lastId: last.id }))) return 0;
    let queued = 0;
    for (const mail of mails) if (await enqueueMail(trx, mail, now)) queued++;
    return queued;
  });
}

/** What else waits for the moderators: reacties readers reported, held edits of authors, open bezwaren. */
export interface ModerationWork {
  reports: number;
  heldEdits: number;
  appeals: number;
}

/** The moderation feature answers it (moderation/meldingen/work.ts): the counts, and how many of them came in after `since`. */
export type OpenWorkSince = (since: Date) => Promise<ModerationWork & { newer: number }>;

const NO_WORK: OpenWorkSince = () => Promise.resolve({ reports: 0, heldEdits: 0, appeals: 0, newer: 0 });

/**
 * One mail to every moderator and admin when something new waits (a held reactie, a report, a held
 * edit, a bezwaar), at most once per the set minutes, with the count of each.
 */
export async function mailModerators(deps: Pick<Deps, 'config' | 'db'>, now: Date, openWork: OpenWorkSince = NO_WORK): Promise<number> {
  const minutes = (await loadSettings(deps.db)).mail.moderatorDigestMinutes;
  const last = await readState(deps.db, 'moderator-digest');
  if (minutes === 0 || !last || now.getTime() - last.at.getTime() < minutes * 60 * 1000) return 0;
  const { waiting, newer } = await pendingSince(deps.db, last.at);
  const work = await openWork(last.at);
  if (newer + work.newer === 0) return 0;
  const moderators = (await listUsers(deps.db)).filter((u) => u.role === 'moderator' || u.role === 'admin');
  const site: MailSite = { name: deps.config.siteName, baseUrl: deps.config.baseUrl };
  return deps.db.transaction(async (trx) => {
    if (!(await moveState(trx, 'moderator-digest', last, { at: now, lastId: 0 }))) return 0;
    for (const m of moderators) await enqueueMail(trx, moderatorDigestMail(site, m.email, { waiting, ...work }, now), now);
    return moderators.length;
  });
}
