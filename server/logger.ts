// Structured logs that never contain cookies, passwords, session ids or e-mail addresses.
import pino, { type Logger } from 'pino';

const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.author_email',
  '*.authorEmail',
  '*.sid',
  '*.cookie',
  '*.sess',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[verborgen]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** 203.0.113.77 → 203.0.113.0; 2001:db8:1:2:… → 2001:db8:1::; enough for abuse patterns, not for a person. */
export function truncateIp(ip: string | undefined): string | undefined {
  if (!ip) return ip;
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.0`;
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}::`;
  return ip;
}
