// A moderator's verdict goes back to Akismet (submit-spam / submit-ham) with exactly the data it saw,
// and into the local spam memory.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/knex';
import { submitFeedback, type AkismetParams } from './akismet';
import { forgetSpammer, rememberSpammer, type Sender } from './memory';

export interface Judged {
  /** For the log only. */
  id: number;
  sender: Sender;
  /** What was sent to Akismet; null when never sent or already purged (after 15 days). */
  akismetPayload: AkismetParams | null;
}

export async function reportSpamVerdict(
  db: Db,
  config: Pick<Config, 'akismet' | 'sessionSecret'>,
  logger: Logger,
  judged: Judged,
  kind: 'spam' | 'ham',
  now: Date,
): Promise<void> {
  if (kind === 'spam') await rememberSpammer(db, config.sessionSecret, judged.sender, now);
  else await forgetSpammer(db, config.sessionSecret, judged.sender);
  if (!config.akismet || !judged.akismetPayload) return;
  const result = await submitFeedback(config.akismet, kind, judged.akismetPayload);
  if (!result.ok) logger.warn({ reactie: judged.id, kind, error: result.error }, 'akismet feedback failed');
}
