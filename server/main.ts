// Start-up: config, database and migrations, demo content in development, listen, graceful shutdown.
import { loadConfig, ConfigError } from './config';
import { createDb, isPostgresUrl } from './db/knex';
import { connectionProblem } from './db/connection-problem';
import { migrateLatest } from './db/migrate';
import { createServer, liveHubOf } from './app';
import { createLogger } from './logger';
import { FormTokens } from './http/form-token';
import { trackInFlight } from './http/in-flight';
import { Metrics } from './http/metrics';
import { startMaintenance } from './maintenance';
import { seedDemoContent } from './demo/demo-content';

// How long open connections get to finish when the process is asked to stop.
const SHUTDOWN_GRACE_MS = 10 * 1000;
// After the last answer: long enough for the queries an answer sets off when it is sent.
const AFTER_ANSWERS_MS = 100;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = createDb(config.databaseUrl);
  const applied = await migrateLatest(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  const demo = config.seedDemo ? await seedDemoContent(db, new Date()) : null;

  // The process's own metrics too (memory, event loop, garbage collection): only here, once per process.
  const metrics = new Metrics({ processMetrics: true });
  const deps = { config, db, logger, formTokens: new FormTokens(config.sessionSecret), clock: () => new Date(), metrics };
  const live = liveHubOf(deps);
  const server = createServer(deps, live);
  const inFlight = trackInFlight(server);
  const stopMaintenance = startMaintenance(config, db, logger, metrics);

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const where = isPostgresUrl(config.databaseUrl) ? 'PostgreSQL' : `SQLite (${config.databaseUrl})`;
  const lines = [``, `  ${config.siteName} draait op ${config.baseUrl}  (database: ${where})`];
  if (demo) {
    lines.push(`  Demo-inhoud geplaatst. Inloggen op ${config.baseUrl}/beheer met:`);
    for (const account of demo.accounts) lines.push(`    ${account.role.padEnd(10)} ${account.email}  wachtwoord: ${account.password}`);
  } else if (config.seedDemo) {
    lines.push(`  Beheer: ${config.baseUrl}/beheer (demo-accounts: zie README)`);
  }
  lines.push(`  Stoppen: Ctrl+C`, ``);
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const maintenanceDone = stopMaintenance();
    // Open event streams never end by themselves: ended here, the browsers reconnect to another server.
    const liveDone = live.close();
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      // A job still running, or a request whose client went away, gets to finish: closing the pool
      // under it would fail its next query. Then what their answers set off (a rate-limit count
      // given back after an error) gets its moment before the pool closes.
      void Promise.all([maintenanceDone, liveDone, inFlight.drained()])
        .then(() => new Promise((resolve) => setTimeout(resolve, AFTER_ANSWERS_MS)))
        .then(() => db.destroy())
        .finally(() => process.exit(0));
    });
    // close() ends the connections that are idle now. One busy with a request becomes idle when its
    // answer is sent, and a keep-alive client would then hold it (and the exit) for keepAliveTimeout.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 50).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`Configuratiefout: ${err.message}`);
  } else if (connectionProblem(err)) {
    console.error(`Stadslog kon niet starten: de database is niet te bereiken: ${connectionProblem(err)}`);
  } else {
    console.error('Stadslog kon niet starten:', err);
  }
  process.exit(1);
});
