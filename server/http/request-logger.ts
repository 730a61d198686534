// One log line per request: method, path (never the query string), status, duration, truncated IP.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { truncateIp } from '../logger';

export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => logLine(logger, req.method, req.path, res.statusCode, started, req.ip));
    next();
  };
}

function logLine(
  logger: Logger,
  method: string,
  path: string,
  status: number,
  started: bigint,
  ip: string | undefined,
  cached?: true,
): void {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  logger.info({ method, path, status, ms: Math.round(ms), ip: truncateIp(ip), cached }, 'request');
}

/**
 * The client's address as Express gives it with `trust proxy` set to a number of proxies: the
 * address that many hops back along X-Forwarded-For (the socket's own with none).
 */
function clientIp(req: IncomingMessage, trustedProxies: number): string | undefined {
  const socketIp = req.socket.remoteAddress;
  if (trustedProxies === 0) return socketIp;
  const header = req.headers['x-forwarded-for'];
  const forwarded = typeof header === 'string' ? header.split(',').map((a) => a.trim()) : [];
  const chain = [socketIp, ...forwarded.reverse()];
  return chain[Math.min(trustedProxies, chain.length - 1)];
}

/** The same line for a request answered in front of Express (the page cache's hit path), marked `cached`. */
export function logOutsideExpress(logger: Logger, trustedProxies: number): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      logLine(logger, req.method ?? 'GET', q < 0 ? url : url.slice(0, q), res.statusCode, started, clientIp(req, trustedProxies), true);
    });
  };
}
