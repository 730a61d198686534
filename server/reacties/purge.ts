// Spam does not stay forever, and neither does what was sent to Akismet about a reactie.
import type { Db } from '../db/knex';
import { SYSTEM_ACTOR, audit } from '../audit/audit-log';
import { getSpamSettings } from '../spam/settings';
import { deleteReactie, lockReactie } from './queries';
import { forgetAkismetPayloadsBefore, listSpamChangedBefore } from './spam-queries';

// Akismet feedback (submit-spam/ham) needs the original data only while moderators still act on it.
const AKISMET_PAYLOAD_RETENTION_DAYS = 15;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeOldSpam(db: Db, now: Date): Promise<number> {
  const { spamRetentionDays } = await getSpamSettings(db);
  const cutoff = new Date(now.getTime() - spamRetentionDays * DAY_MS);
  let purged = 0;
  for (const id of await listSpamChangedBefore(db, cutoff)) {
    // One by one: replies move up and the counters stay right, as for a moderator's delete.
    // Decided on a copy read under the lock: a moderator may have rescued it since the list was read.
    const deleted = await db.transaction(async (trx) => {
      const reactie = await lockReactie(trx, id);
      if (!reactie || reactie.status !== 'spam' || reactie.statusChangedAt >= cutoff) return false;
      await deleteReactie(trx, reactie);
      return true;
    });
    if (deleted) purged++;
  }
  if (purged)
    await audit(
      db,
      SYSTEM_ACTOR,
      'reactie.purge',
      null,
      `${purged} ${purged === 1 ? 'spamreactie' : 'spamreacties'} ouder dan ${spamRetentionDays} dagen`,
    );
  return purged;
}

export async function purgeAkismetPayloads(db: Db, now: Date): Promise<number> {
  return forgetAkismetPayloadsBefore(db, new Date(now.getTime() - AKISMET_PAYLOAD_RETENTION_DAYS * DAY_MS));
}
