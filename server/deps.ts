// What every feature's router is built from: no globals, so tests build apps side by side.
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/knex';
import type { FormTokens } from './http/form-token';
import type { Metrics } from './http/metrics';

export interface Deps {
  config: Config;
  db: Db;
  logger: Logger;
  formTokens: FormTokens;
  /** The current time; tests move it to publish scheduled articles. */
  clock: () => Date;
  /** What the process counts for /metrics and /gezondheid; an app without one counts in its own. */
  metrics?: Metrics;
}
