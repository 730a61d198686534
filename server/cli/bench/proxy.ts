// `npm run bench -- --proxy`: the deployment docs/production.md recommends, measured. nginx from
// Debian with the repository's config (nginx.ts, as the tests run it) in front of two app servers
// (the built server, production mode, TRUST_PROXY=1, one session secret) on one database. The
// reference is the same nginx serving the very bytes Stadslog answered, itself, from files: a second
// server block on its own port with the same TLS set-up, one exact location per page, the gzip bytes
// beside each page for a browser that asks for gzip (gzip_static). The ratio is what proxying to the
// app costs beyond nginx answering alone.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startNginx, type Nginx } from './nginx';
import { freePort, startStadslog, type Server, type ServedPage } from './servers';
import type { Origin } from './timing';

export interface ProxyChain {
  /** Stadslog through nginx. */
  stadslog: Origin;
  /** nginx serving the same bytes itself (after writeReferencePages). */
  reference: Origin;
  servers: Server[];
  nginx: Nginx;
  stop(): Promise<void>;
}

const pageFile = (i: number) => `page-${i}.html`;

/** The reference's server block: one exact location per page path (without its query). */
function referenceBlock(port: number, dir: string, certificate: string, key: string, paths: string[], contentType: string): string {
  const locations = paths
    .map(
      (p, i) =>
        `    location = ${p.split('?')[0]} {\n      types { }\n      default_type "${contentType}";\n      try_files /${pageFile(i)} =404;\n    }\n`,
    )
    .join('');
  return `  server {
    listen 127.0.0.1:${port} ssl http2;
    ssl_certificate ${certificate};
    ssl_certificate_key ${key};
    ssl_protocols TLSv1.2 TLSv1.3;
    server_tokens off;
    root ${dir};
    gzip_static on;
${locations}  }
`;
}

/** nginx and two app servers on `databaseUrl`; the reference answers the pages at `paths` once they are written. */
export async function startProxyChain(databaseUrl: string, paths: string[], work: string): Promise<ProxyChain> {
  const referenceDir = path.join(work, 'nginx-referentie');
  fs.mkdirSync(referenceDir, { recursive: true });
  const [a, b, referencePort] = [await freePort(), await freePort(), await freePort()];
  const nginx = await startNginx([a, b], {
    workers: 'auto',
    extra: (f) => referenceBlock(referencePort, referenceDir, f.certificate, f.key, paths, 'text/html; charset=utf-8'),
  });
  const servers: Server[] = [];
  const stop = async () => {
    for (const s of servers.splice(0)) await s.stop();
    await nginx.stop();
  };
  try {
    const sessionSecret = crypto.randomBytes(32).toString('hex');
    for (const port of [a, b]) servers.push(await startStadslog(databaseUrl, { port, sessionSecret, baseUrl: nginx.baseUrl }));
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    stadslog: { url: nginx.baseUrl, ca: nginx.ca },
    reference: { url: `https://127.0.0.1:${referencePort}`, ca: nginx.ca },
    servers,
    nginx,
    stop,
  };
}

/** The bytes Stadslog served, as files for the reference (nginx reads them at each request). */
export function writeReferencePages(pages: ServedPage[], work: string): void {
  const dir = path.join(work, 'nginx-referentie');
  for (const [i, p] of pages.entries()) {
    if (p.contentType !== 'text/html; charset=utf-8') throw new Error(`${p.path}: onverwacht Content-Type ${p.contentType}.`);
    fs.writeFileSync(path.join(dir, pageFile(i)), p.body);
    if (p.gzip) fs.writeFileSync(path.join(dir, `${pageFile(i)}.gz`), p.gzip);
  }
}
