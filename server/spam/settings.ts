// The spam filter's settings: the spam.* part of the site settings (server/settings/schema.ts
// describes each, with its bounds and default; server/settings/settings.ts reads and saves them).
import type { Db } from '../db/knex';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '../settings/settings';

/**
 * disallowedWords and moderationWords: one word or phrase a line (a match → spam, or held).
 * maxLinks: this many links or more → held. minFillSeconds: posted sooner than this after the form
 * was shown → fastPostAction ('spam': a suspicion, spam when another check agrees; 'hold': only held).
 * floodSeconds and perMinutePerIp: flood and rate limits. discardObviousSpam: Akismet's "discard" is
 * not stored. spamRetentionDays: spam is deleted after this many days.
 */
export type SpamSettings = Settings['spam'];
export type FastPostAction = SpamSettings['fastPostAction'];

export const DEFAULT_SPAM_SETTINGS: SpamSettings = DEFAULT_SETTINGS.spam;

export async function getSpamSettings(db: Db): Promise<SpamSettings> {
  return (await loadSettings(db)).spam;
}

export async function saveSpamSettings(db: Db, changes: Partial<SpamSettings>): Promise<void> {
  await saveSettings(db, { spam: changes });
}

/** "casino\nviagra  \n\n" → ['casino', 'viagra'] */
export function wordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);
}
