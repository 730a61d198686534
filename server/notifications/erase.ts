// What privacy/ calls for an AVG erasure and the retention rules: subscriptions and mails of one
// address, and the old ones of everybody.
import type { Db } from '../db/knex';
import { eraseMailsOf, purgeOldMails } from './queue';
import { eraseSubscriptions, purgeUnconfirmed } from './subscriptions';

/** A confirmation link works seven days; an unconfirmed subscription is of no use after that. */
export const UNCONFIRMED_RETENTION_DAYS = 7;
/** Long enough to answer "did my mail go out?", short enough to keep little. */
export const MAIL_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function eraseMailData(db: Db, email: string): Promise<void> {
  await eraseSubscriptions(db, email);
  await eraseMailsOf(db, email);
}

export async function purgeMailData(db: Db, now: Date): Promise<number> {
  const subs = await purgeUnconfirmed(db, new Date(now.getTime() - UNCONFIRMED_RETENTION_DAYS * DAY_MS));
  return subs + (await purgeOldMails(db, new Date(now.getTime() - MAIL_RETENTION_DAYS * DAY_MS)));
}
