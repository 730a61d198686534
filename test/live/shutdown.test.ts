// The running server (server/main.ts) with readers' event streams open still stops cleanly on
// SIGTERM: the streams are ended (the browsers reconnect elsewhere) and the process exits with 0,
// not by the forced exit (code 1) that waits for connections that never end by themselves.
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';
import { openEventStream } from '../helpers/event-stream';
import { killAllServers, startServer } from '../helpers/server-process';

describe('live updates: SIGTERM with open event streams', function () {
  this.timeout(90_000);
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await killAllServers();
    await database.drop();
  });

  it('ends the streams and exits cleanly', async () => {
    const article = await buildArticle(database.db);
    const server = await startServer(database.url);
    const stream = await openEventStream(`${server.baseUrl}/artikel/${article.id}/live`);
    const voorpagina = await openEventStream(`${server.baseUrl}/voorpagina/live`);
    assert.equal(stream.status, 200, server.output());
    assert.equal(voorpagina.status, 200);
    server.stop('SIGTERM');
    await Promise.all([stream.ended, voorpagina.ended]);
    assert.deepEqual(await server.exited, { code: 0, signal: null }, server.output());
  });
});
