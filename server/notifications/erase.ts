// What privacy/ calls for an AVG erasure and the retention rules: subscriptions and mails of one
// address (in the queue and in the outbox folder), and the old ones of everybody.
import type { Deps } from '../deps';
import type { Db } from '../db/knex';
import { forgetHits } from '../http/rate-limit-store';
import { mailboxKey } from '../shared/email';
import { eraseOutboxMailsOf, purgeRowlessOutbox } from './outbox';
import { eraseMailsOf, purgeOldMails } from './queue';
import { CONFIRMATION_LIMIT } from './subscribe';
import { eraseSubscriptions, purgeUnconfirmed } from './subscriptions';

/** A confirmation link works seven days; an unconfirmed subscription is of no use after that. */
export const UNCONFIRMED_RETENTION_DAYS = 7;
/** Long enough to answer "did my mail go out?", short enough to keep little. */
export const MAIL_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Everything the mail feature keeps of one address: its subscriptions, every mail to it or quoting
 * it (queued or sent; their files in the outbox folder too) and its confirmation-mail window.
 */
export async function eraseMailData(deps: Pick<Deps, 'db' | 'config'>, email: string): Promise<void> {
  await eraseSubscriptions(deps.db, email);
  const mailIds = await eraseMailsOf(deps.db, email);
  await forgetHits(deps.db, deps.config.sessionSecret, CONFIRMATION_LIMIT.prefix, mailboxKey(email));
  await eraseOutboxMailsOf(deps.db, deps.config.mail.outboxDir, email, mailIds);
}

/** The retention job: old mails and their outbox files, and unconfirmed subscriptions whose link expired. */
export async function purgeMailData(db: Db, outboxDir: string, now: Date): Promise<number> {
  const subs = await purgeUnconfirmed(db, new Date(now.getTime() - UNCONFIRMED_RETENTION_DAYS * DAY_MS));
  const mails = await purgeOldMails(db, new Date(now.getTime() - MAIL_RETENTION_DAYS * DAY_MS));
  return subs + mails + (await purgeRowlessOutbox(db, outboxDir));
}
