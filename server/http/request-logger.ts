// One log line per request: method, path (never the query string), status, duration, truncated IP.
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { truncateIp } from '../logger';

export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms), ip: truncateIp(req.ip) }, 'request');
    });
    next();
  };
}
