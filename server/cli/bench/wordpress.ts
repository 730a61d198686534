// Stock WordPress in the same run (issue 9: the 500-reactie article at least 100× WordPress). The
// peer is set up outside this project (../shared/peers/wordpress: Debian's WordPress 6.1 with the
// same kind of post, 500 threaded comments); the bench measures it when it answers, the same way
// as the pages, with a longer run and timeout: one page takes WordPress a second or more, so a
// 10-second run with autocannon's 10-second timeout would count little but errors.
import net from 'node:net';
import { loadPage, timeToFirstByte, type LoadOptions, type Measured } from './load';

/** Where ../shared/peers/wordpress/setup.sh puts its post. */
export const DEFAULT_WORDPRESS_URL = 'http://127.0.0.1:8081/2024/03/01/waarom-de-fiets-de-stad-veroverde/';
// An answer may take this long before it counts as an error: 32 connections queue for 5 PHP workers.
const TIMEOUT_S = 60;
const MIN_DURATION_S = 30;

export interface WordPressRun {
  url: string;
  bytes: number;
  comments: number;
  run: Measured;
  /** Time to first byte, one request at a time, median of 5. */
  ttfb: number;
}

function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 80) });
    socket.setTimeout(1000);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * The post's page, checked (200, its comments) and measured; null when nothing listens there
 * (the peer is not set up or not started: `bash ../shared/peers/wordpress/run.sh` starts it).
 */
export async function measureWordPress(url: string, load: LoadOptions): Promise<WordPressRun | null> {
  if (!(await listening(url))) return null;
  const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_S * 1000) });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`WordPress op ${url} gaf HTTP ${res.status}.`);
  const comments = html.match(/id="comment-\d+"/g)?.length ?? 0;
  // The single requests warm PHP's opcache. No load warm-up: PHP goes on with the requests it has
  // queued after their connections are gone, and those would fill the measured run.
  const address = new URL(url);
  const ttfb = await timeToFirstByte({ url: address.origin }, `${address.pathname}${address.search}`, 5);
  const run = await loadPage(url, { ...load, warmup: 0, duration: Math.max(load.duration, MIN_DURATION_S) }, TIMEOUT_S);
  return { url, bytes: Buffer.byteLength(html), comments, run, ttfb };
}
