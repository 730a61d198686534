// Settings read once from the environment, validated with Dutch messages.
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../server/config';

describe('config', () => {
  it('uses the embedded SQLite file and seeds demo content by default', () => {
    const c = loadConfig({});
    assert.equal(c.databaseUrl, 'data/stadslog.sqlite');
    assert.equal(c.seedDemo, true);
    assert.equal(c.akismet, null);
  });

  it('never seeds demo content in production, and requires a real session secret there', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }),
      (e: unknown) => e instanceof ConfigError && /SESSION_SECRET/.test(e.message),
    );
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SEED_DEMO: 'true' });
    assert.equal(c.seedDemo, false);
    assert.equal(c.akismet, null);
  });

  it('refuses bad values with a message that says what to do', () => {
    assert.throws(() => loadConfig({ PORT: 'tachtig' }), /PORT moet een geheel getal tussen 0 en 65535 zijn/);
    assert.throws(() => loadConfig({ BASE_URL: 'stadslog.nl' }), /BASE_URL moet met http/);
  });

  it('turns Akismet on with a key, test mode outside production', () => {
    const c = loadConfig({ AKISMET_KEY: 'abc', AKISMET_URL: 'http://127.0.0.1:9' });
    assert.deepEqual(c.akismet, { key: 'abc', baseUrl: 'http://127.0.0.1:9', timeoutMs: 4000, isTest: true });
  });
});
