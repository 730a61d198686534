// An update without downtime: behind nginx (deploy/nginx/stadslog.conf), with twenty readers and
// residents at work, app server A is asked to stop (SIGTERM: it drains and exits), a new A starts
// on its port, then B the same way. Not one request may fail, and every reactie the site
// acknowledged must be stored once, with exact counters.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { LENIENT_SPAM_SETTINGS } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput } from '../helpers/http';
import { CookieClient } from '../helpers/cookie-client';
import { freePort, killAllServers, startServer, type ServerProcess } from '../helpers/server-process';
import { proxyRequest, proxyTransport, startProxy, stopAllProxies, type Proxy } from '../helpers/nginx';
import { countOn, totalOn } from '../helpers/voorpagina';
import { saveSpamSettings } from '../../server/spam/settings';
import { articlePath, type Article } from '../../server/articles/queries';
import { countVisibleReacties } from '../../server/reacties/counters';

const CONCURRENCY = 20;
const METRICS_TOKEN = 'rolling-restart-metrics-token-0123456789';
// An address with an approved reactie: its reacties are published at once and move the counters.
const TRUSTED = 'vaste.schrijver@example.nl';

interface Failure {
  what: string;
  outcome: string;
}

describe('a rolling restart of both app servers behind nginx, under load', function () {
  // Four server starts, two of them under load: 105 s on SQLite and 205 s on PostgreSQL at a load average of 18.
  this.timeout(480_000);
  let database: TestDatabase;
  let uploads: string;
  let proxy: Proxy;
  let ports: number[];
  let env: Record<string, string>;
  let articles: Article[];

  before(async () => {
    database = await createTestDatabase();
    await saveSpamSettings(database.db, LENIENT_SPAM_SETTINGS);
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-rolling-'));
    articles = [await buildArticle(database.db), await buildArticle(database.db)];
    await buildReactie(database.db, articles[0], { authorEmail: TRUSTED });
    ports = [await freePort(), await freePort()];
    proxy = await startProxy(ports);
    env = { NODE_ENV: 'production', TRUST_PROXY: '1', BASE_URL: proxy.baseUrl, UPLOAD_DIR: uploads, METRICS_TOKEN };
  });
  after(async () => {
    await stopAllProxies();
    await killAllServers();
    await database?.drop();
    if (uploads) fs.rmSync(uploads, { recursive: true, force: true });
  });

  it('loses no request and no reactie while A and then B are replaced', async () => {
    const servers = await Promise.all(ports.map((port) => startServer(database.url, env, { port })));
    const failures: Failure[] = [];
    const acknowledged: string[] = [];
    let done = 0;
    let running = true;
    const prefix = `Rollend ${Date.now().toString(36)}`;

    // A resident (an address of their own) reads the voorpagina and an article, and posts the article's form.
    const resident = async (worker: number) => {
      const from = `127.0.1.${worker + 1}`;
      const client = new CookieClient(proxyTransport(proxy, from));
      const record = (what: string, outcome: string, expected: number | null) => {
        done++;
        if (expected === null || outcome !== String(expected)) failures.push({ what: `${from} ${what}`, outcome });
      };
      for (let round = 0; running; round++) {
        const article = articles[(worker + round) % articles.length];
        const url = `${proxy.baseUrl}${articlePath(article)}`;
        try {
          const home = await proxyRequest(proxy, '/', { from });
          record('GET /', String(home.status), 200);
          const page = await client.get(url);
          record(`GET ${articlePath(article)}`, String(page.status), 200);
          if (page.status !== 200) continue;
          const text = `${prefix} ${worker}-${round}`;
          const posted = await client.post(`${url}/reacties`, {
            _token: hiddenInput(page.text, '_token'),
            naam: `Bewoner ${worker}`,
            email: worker % 2 ? TRUSTED : `bewoner-${worker}@example.nl`,
            website: '',
            reactie: text,
            antwoord_op: '',
          });
          record(`POST ${articlePath(article)}/reacties`, String(posted.status), 303);
          if (posted.status === 303) acknowledged.push(text);
        } catch (err) {
          record('request', (err as Error).message, null);
        }
      }
    };
    const load = Array.from({ length: CONCURRENCY }, (_, worker) => resident(worker));
    const until = async (count: number) => {
      const target = done + count;
      while (done < target) await new Promise((r) => setTimeout(r, 20));
    };

    await until(60);
    const replaced: ServerProcess[] = [];
    for (const [i, old] of servers.entries()) {
      old.stop('SIGTERM');
      assert.deepEqual(await old.exited, { code: 0, signal: null }, `server ${i + 1} drained and exited:\n${old.output()}`);
      // The new version on the same port; the next server only goes when this one answers.
      replaced.push(await startServer(database.url, env, { port: ports[i] }));
      await until(60);
    }
    running = false;
    await Promise.all(load);

    assert.deepEqual(failures, [], `${failures.length} of ${done} requests failed\n${proxy.errorLog().slice(-3000)}`);
    assert.ok(acknowledged.length > 20, `${acknowledged.length} reacties acknowledged`);
    // Both new servers took their share of the load after their start.
    for (const server of replaced) {
      const metrics = await (await fetch(`${server.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      assert.match(
        metrics,
        /^stadslog_http_request_duration_seconds_count\{method="POST",route="\/:year\/:month\/:slug\/reacties",status_class="3xx"\} [1-9]/m,
      );
    }

    // Every acknowledged reactie once, and nothing stored that was not acknowledged.
    const stored: Array<{ body: string }> = await database.db('reacties').where('body', 'like', `${prefix}%`).select('body');
    assert.deepEqual(stored.map((r) => r.body).sort(), [...acknowledged].sort());
    // The counters on the voorpagina, as either server shows it, equal a count from scratch.
    const visible = await Promise.all(articles.map((article) => countVisibleReacties(database.db, article.id)));
    assert.ok(visible[0] + visible[1] > 1 + acknowledged.length / 4, 'the trusted address’s reacties were published');
    for (let i = 0; i < 4; i++) {
      const home = (await proxyRequest(proxy, '/')).body.toString('utf8');
      articles.forEach((article, j) => assert.equal(countOn(home, article), visible[j]));
      assert.equal(totalOn(home), visible[0] + visible[1]);
    }
  });
});
