// Site settings that moderators and admins change at run time, kept in the settings table as JSON:
// read and saved as server/settings/schema.ts describes them.
import { readsOf, type Db } from '../db/knex';
import { DEFAULT_SETTINGS, SETTINGS, buildSettings, isValidValue, valueAt, type Settings, type SettingsChanges } from './schema';

export { DEFAULT_SETTINGS, type Settings, type SettingsChanges };

export type ModerationPolicy = Settings['moderationPolicy'];

const KEYS = SETTINGS.map((s) => s.key);

// What keptSettings answers from memory: per database, for KEEP_MS. Keyed by the client's config,
// which a database and its transactions share.
const KEEP_MS = 2000;
const kept = new WeakMap<object, { at: number; settings: Promise<Settings> }>();
const keyOf = (db: Db): object => db.client.config as object;

/** Settings were saved (after the transaction that saved them, too): the kept copy is gone. */
export function forgetKeptSettings(db: Db): void {
  kept.delete(keyOf(db));
}

/**
 * The settings as read at most KEEP_MS ago, for what every post reads (the spam filter's and the
 * moderation policy): on SQLite each read waits its turn on the one connection. A change saved by
 * this process holds at once (saveSettings drops the copy); one saved by another app server
 * within KEEP_MS.
 */
export function keptSettings(db: Db): Promise<Settings> {
  const now = Date.now();
  const k = kept.get(keyOf(db));
  if (k && now - k.at < KEEP_MS) return k.settings;
  const settings = loadSettings(readsOf(db));
  kept.set(keyOf(db), { at: now, settings });
  // A failed read is not kept: the next post reads again.
  settings.catch(() => forgetKeptSettings(db));
  return settings;
}

/**
 * Every setting. A missing, damaged (not JSON) or out-of-bounds stored value falls back to its
 * default rather than breaking every page; other rows of the table (the demo seed's claim) are not read.
 */
export async function loadSettings(db: Db): Promise<Settings> {
  const rows: Array<{ key: string; value: string }> = await db('settings').whereIn('key', KEYS).select('key', 'value');
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  return buildSettings((setting) => {
    const text = stored.get(setting.key);
    if (text === undefined) return setting.default;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return setting.default;
    }
    return isValidValue(setting, value) ? value : setting.default;
  });
}

/**
 * Saves the settings given (any part of Settings) in one upsert: all or nothing. A value outside
 * its setting's bounds is a programming error (forms check first) and is refused with an exception,
 * since it would silently read back as the default.
 */
export async function saveSettings(db: Db, changes: SettingsChanges): Promise<void> {
  const rows: Array<{ key: string; value: string }> = [];
  for (const setting of SETTINGS) {
    const value = valueAt(changes, setting.key);
    if (value === undefined) continue;
    if (!isValidValue(setting, value)) throw new Error(`setting ${setting.key}: invalid value ${JSON.stringify(value)}`);
    rows.push({ key: setting.key, value: JSON.stringify(value) });
  }
  if (rows.length === 0) return;
  forgetKeptSettings(db);
  await db('settings').insert(rows).onConflict('key').merge(['value']);
  // After the write too: a read that ran while it did kept the old values (inside a transaction,
  // the caller forgets them again after its commit).
  forgetKeptSettings(db);
}

/**
 * Markers: one-time facts kept in the settings table beside the settings (the demo site was seeded).
 * Claiming inserts the marker unless it exists; the insert is a write, so concurrent claimers wait
 * for each other (a row lock on PostgreSQL, the write lock on SQLite) and exactly one gets true.
 */
export async function claimMarker(conn: Db, key: string, value: unknown): Promise<boolean> {
  const claimed = await conn('settings')
    .insert({ key, value: JSON.stringify(value) })
    .onConflict('key')
    .ignore()
    .returning('key');
  return claimed.length > 0;
}

export async function hasMarker(conn: Db, key: string): Promise<boolean> {
  return Boolean(await conn('settings').where({ key }).first('key'));
}
