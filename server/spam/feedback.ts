// A moderator's verdict goes back to Akismet (submit-spam / submit-ham) with exactly the data it saw,
// and into the local spam memory.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/knex';
import type { Reactie } from '../reacties/queries';
import { submitFeedback, type AkismetParams } from './akismet';
import { forgetSpammer, rememberSpammer } from './memory';

export async function reportSpamVerdict(
  db: Db,
  config: Pick<Config, 'akismet' | 'sessionSecret'>,
  logger: Logger,
  reactie: Reactie,
  kind: 'spam' | 'ham',
  now: Date,
): Promise<void> {
  const sender = { ip: reactie.ip, email: reactie.authorEmail, url: reactie.authorUrl };
  if (kind === 'spam') await rememberSpammer(db, config.sessionSecret, sender, now);
  else await forgetSpammer(db, config.sessionSecret, sender);
  if (!config.akismet) return;
  const row = await db('reacties').where({ id: reactie.id }).first('akismet_payload');
  if (!row?.akismet_payload) return; // never sent, or purged after 15 days
  const result = await submitFeedback(config.akismet, kind, JSON.parse(row.akismet_payload) as AkismetParams);
  if (!result.ok) logger.warn({ reactie: reactie.id, kind, error: result.error }, 'akismet feedback failed');
}
