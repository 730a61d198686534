// Spam settings moderators change at run time, kept in the settings table under "spam.*" keys.
import type { Db } from '../db/knex';

export type FastPostAction = 'spam' | 'hold';

export interface SpamSettings {
  /** One word or phrase per line; a match in name, e-mail, website, text, IP or browser → spam. */
  disallowedWords: string;
  /** One word or phrase per line; a match → held for moderation. */
  moderationWords: string;
  /** This many links or more in a reactie → held. */
  maxLinks: number;
  /**
   * Posted sooner than this after the form was shown → fastPostAction: 'spam' makes it a suspicion
   * (held alone, spam when another check agrees), 'hold' only ever holds it.
   */
  minFillSeconds: number;
  fastPostAction: FastPostAction;
  /** Seconds the same IP or e-mail address must wait between two reacties. */
  floodSeconds: number;
  /** Reacties one IP address may post per minute. */
  perMinutePerIp: number;
  /** Akismet's "discard" (blatant spam) is not stored at all. */
  discardObviousSpam: boolean;
  /** Spam is deleted after this many days. */
  spamRetentionDays: number;
}

export const DEFAULT_SPAM_SETTINGS: SpamSettings = {
  disallowedWords: '',
  moderationWords: '',
  maxLinks: 2,
  // Nobody reads an article, types a name, address and a thought in under three seconds; bots do.
  minFillSeconds: 3,
  fastPostAction: 'spam',
  floodSeconds: 15,
  perMinutePerIp: 5,
  discardObviousSpam: true,
  spamRetentionDays: 30,
};

const PREFIX = 'spam.';

function intIn(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

export async function getSpamSettings(db: Db): Promise<SpamSettings> {
  const rows: Array<{ key: string; value: string }> = await db('settings').where('key', 'like', `${PREFIX}%`).select('key', 'value');
  const s: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      s[row.key.slice(PREFIX.length)] = JSON.parse(row.value);
    } catch {
      // A damaged value falls back to its default.
    }
  }
  const d = DEFAULT_SPAM_SETTINGS;
  return {
    disallowedWords: typeof s.disallowedWords === 'string' ? s.disallowedWords : d.disallowedWords,
    moderationWords: typeof s.moderationWords === 'string' ? s.moderationWords : d.moderationWords,
    maxLinks: intIn(s.maxLinks, d.maxLinks, 1, 100),
    minFillSeconds: intIn(s.minFillSeconds, d.minFillSeconds, 0, 600),
    fastPostAction: s.fastPostAction === 'hold' ? 'hold' : s.fastPostAction === 'spam' ? 'spam' : d.fastPostAction,
    floodSeconds: intIn(s.floodSeconds, d.floodSeconds, 0, 3600),
    perMinutePerIp: intIn(s.perMinutePerIp, d.perMinutePerIp, 1, 1000),
    discardObviousSpam: typeof s.discardObviousSpam === 'boolean' ? s.discardObviousSpam : d.discardObviousSpam,
    spamRetentionDays: intIn(s.spamRetentionDays, d.spamRetentionDays, 1, 3650),
  };
}

export async function saveSpamSettings(db: Db, changes: Partial<SpamSettings>): Promise<void> {
  await db.transaction(async (trx) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      await trx('settings').insert({ key: PREFIX + key, value: JSON.stringify(value) }).onConflict('key').merge(['value']);
    }
  });
}

/** "casino\nviagra  \n\n" → ['casino', 'viagra'] */
export function wordList(text: string): string[] {
  return text.split(/\r?\n/).map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0);
}
