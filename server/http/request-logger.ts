// One log line per request: method, path (never the query string), status, duration, truncated IP;
// and, from the same moment, the request's duration in the metrics under its route pattern.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { truncateIp } from '../logger';
import { NO_ROUTE, type Metrics } from './metrics';

/**
 * The pattern of the route that answered ("/:year/:month/:slug"), or of the folder a middleware
 * served from ("/static"): never the URL itself. A route that passed the request on and did not
 * answer may still be named; it is a pattern all the same.
 */
function routePattern(req: Request): string {
  const path = (req as { route?: { path?: string | string[] | RegExp } }).route?.path;
  if (path !== undefined) return req.baseUrl + (Array.isArray(path) ? path.join(',') : path.toString());
  return req.baseUrl || NO_ROUTE;
}

export function requestLogger(logger: Logger, metrics?: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      metrics?.observeRequest(req.method, routePattern(req), res.statusCode, started);
      logLine(logger, req.method, req.path, res.statusCode, started, req.ip);
    });
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

/**
 * The same line for a request answered in front of Express (the page cache's hit path), marked
 * `cached`; in the metrics under the pattern of the route that kept the page.
 */
export function logOutsideExpress(
  logger: Logger,
  trustedProxies: number,
  metrics?: Metrics,
): (req: IncomingMessage, res: ServerResponse, route: string) => void {
  return (req, res, route) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      metrics?.observeRequest(req.method ?? 'GET', route, res.statusCode, started);
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      logLine(logger, req.method ?? 'GET', q < 0 ? url : url.slice(0, q), res.statusCode, started, clientIp(req, trustedProxies), true);
    });
  };
}
