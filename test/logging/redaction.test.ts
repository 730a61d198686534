// Logs never contain cookies, passwords, session ids, e-mail addresses or whole IP addresses.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../server/app';
import { testConfig } from '../../server/config';
import { FormTokens } from '../../server/http/form-token';
import { createLogger, truncateIp } from '../../server/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('debug', stream) };
}

describe('logging', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.drop());

  it('redacts secrets and personal data in logged objects', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        user: { email: 'geheim@example.nl', password: 'hunter2hunter2' },
        req: { headers: { cookie: 'stadslog.sid=abc123' } },
        session: { sid: 'abc123' },
      },
      'test',
    );
    const out = lines.join('');
    for (const secret of ['geheim@example.nl', 'hunter2hunter2', 'abc123']) assert.ok(!out.includes(secret), `log contains ${secret}`);
    assert.match(out, /\[verborgen\]/);
  });

  it('truncates IP addresses', () => {
    assert.equal(truncateIp('203.0.113.77'), '203.0.113.0');
    assert.equal(truncateIp('::ffff:203.0.113.77'), '203.0.113.0');
    assert.equal(truncateIp('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3::');
  });

  it('logs requests without the query string, the commenter or their full IP', async () => {
    const { lines, logger } = capture();
    const config = testConfig({ databaseUrl: database.url, trustProxy: 1 });
    const app = createApp({ config, db: database.db, logger, formTokens: new FormTokens(config.sessionSecret), clock: () => new Date() });
    const article = await buildArticle(database.db);
    const agent = request.agent(app);
    const res = await postReactieForm(agent.set('X-Forwarded-For', '198.51.100.99'), articlePath(article), {
      email: 'log-test@example.nl',
      naam: 'Loggy',
    });
    assert.equal(res.status, 303);
    await agent.get(`/?email=log-test@example.nl`);
    const out = lines.join('');
    assert.match(out, /"path":"\/"/);
    for (const secret of ['log-test@example.nl', '198.51.100.99', 'stadslog.sid', 'Loggy'])
      assert.ok(!out.includes(secret), `log contains ${secret}`);
    assert.match(out, /198\.51\.100\.0/);
  });
});
