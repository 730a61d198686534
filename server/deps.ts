// What every feature's router is built from: no globals, so tests build apps side by side.
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/knex';
import type { FormTokens } from './http/form-token';

export interface Deps {
  config: Config;
  db: Db;
  logger: Logger;
  formTokens: FormTokens;
  /** The current time; tests move it to publish scheduled articles. */
  clock: () => Date;
}
