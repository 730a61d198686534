// Site settings that moderators and admins change at run time (kept in the settings table).
import type { Db } from '../db/knex';

export type ModerationPolicy = 'trusted' | 'all';

export interface Settings {
  /** trusted: an address with an earlier approved reactie is published at once, others held. all: hold everything. */
  moderationPolicy: ModerationPolicy;
}

export const DEFAULT_SETTINGS: Settings = {
  moderationPolicy: 'trusted',
};

export async function getSettings(db: Db): Promise<Settings> {
  const rows: Array<{ key: string; value: string }> = await db('settings').select('key', 'value');
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A hand-edited bad value falls back to the default rather than breaking every page.
    }
  }
  const policy = stored.moderationPolicy === 'all' ? 'all' : DEFAULT_SETTINGS.moderationPolicy;
  return { moderationPolicy: policy };
}

export async function saveSettings(db: Db, changes: Partial<Settings>): Promise<void> {
  await db.transaction(async (trx) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      await trx('settings').insert({ key, value: JSON.stringify(value) }).onConflict('key').merge(['value']);
    }
  });
}
