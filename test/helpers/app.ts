// Builds the real app on a fresh database, with a clock the test can move.
import type { Express } from 'express';
import pino from 'pino';
import { createApp } from '../../server/app';
import { testConfig, type Config } from '../../server/config';
import type { Deps } from '../../server/deps';
import { FormTokens } from '../../server/http/form-token';
import { stopFileTexts } from '../../server/attachments/file-text';
import { createTestDatabase, type TestDatabase } from './db';
import { saveSpamSettings, type SpamSettings } from '../../server/spam/settings';

export interface TestApp {
  app: Express;
  deps: Deps;
  db: TestDatabase['db'];
  /** Sets the app's clock; undefined returns to real time. */
  setNow(date: Date | undefined): void;
  close(): Promise<void>;
}

// Most tests post many reacties in milliseconds from one address; the spam tests set their own.
export const LENIENT_SPAM_SETTINGS: Partial<SpamSettings> = { minFillSeconds: 0, floodSeconds: 0, perMinutePerIp: 1000 };

export async function createTestApp(
  overrides: Partial<Config> = {},
  spam: Partial<SpamSettings> = LENIENT_SPAM_SETTINGS,
): Promise<TestApp> {
  const database = await createTestDatabase();
  await saveSpamSettings(database.db, spam);
  let fixedNow: Date | undefined;
  const config = testConfig({ databaseUrl: database.url, ...overrides });
  const deps: Deps = {
    config,
    db: database.db,
    logger: pino({ level: 'silent' }),
    formTokens: new FormTokens(config.sessionSecret),
    clock: () => fixedNow ?? new Date(),
  };
  return {
    app: createApp(deps),
    deps,
    db: database.db,
    setNow(date) {
      fixedNow = date;
    },
    // As the app's own shutdown does (maintenance.ts): a PDF still being read in the background must not outlive
    // its database and hold the next test file's reads up behind it in the one queue.
    close: async () => {
      await stopFileTexts();
      await database.drop();
    },
  };
}
