// Spam does not stay forever, and neither does what was sent to Akismet about a reactie.
import type { Db } from '../../db/knex';
import { SYSTEM_ACTOR, audit } from '../../audit/audit-log';
import { getSpamSettings } from '../../spam/settings';
import { deleteReactie, lockReactie } from '../queries';
import { forgetAkismetPayloadsBefore, listSpamChangedBefore } from './spam-queries';

// Akismet feedback (submit-spam/ham) needs the original data only while moderators still act on it.
const AKISMET_PAYLOAD_RETENTION_DAYS = 15;
const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_BATCH = 200;

export async function purgeOldSpam(db: Db, now: Date): Promise<number> {
  const { spamRetentionDays } = await getSpamSettings(db);
  const cutoff = new Date(now.getTime() - spamRetentionDays * DAY_MS);
  let purged = 0;
  for (let afterId = 0; ;) {
    const ids = await listSpamChangedBefore(db, cutoff, afterId, PURGE_BATCH);
    if (!ids.length) break;
    afterId = ids[ids.length - 1];
    // One transaction a batch: a site that moved in with years of spam is purged in minutes, not
    // hours, and residents posting meanwhile wait at most one batch for the write lock.
    purged += await db.transaction(async (trx) => {
      let deleted = 0;
      for (const id of ids) {
        // Replies move up and the counters stay right, as for a moderator's delete. Decided on a
        // copy read under the lock: a moderator may have rescued it since the list was read.
        const reactie = await lockReactie(trx, id);
        if (!reactie || reactie.status !== 'spam' || reactie.statusChangedAt >= cutoff) continue;
        await deleteReactie(trx, reactie);
        deleted++;
      }
      return deleted;
    });
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
