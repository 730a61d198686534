// HTTP errors with a Dutch message for the reader, and the handlers that render them.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly hint?: string,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Deze pagina bestaat niet (meer).'): HttpError => new HttpError(404, what);
export const forbidden = (what = 'Je hebt geen toegang tot deze pagina.'): HttpError => new HttpError(403, what);
export const badRequest = (what: string): HttpError => new HttpError(400, what);

const TITLES: Record<number, string> = {
  400: 'Ongeldig verzoek',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Niet toegestaan',
  409: 'Conflict',
  410: 'Verdwenen',
  413: 'Te groot',
  422: 'Controleer je invoer',
  429: 'Even geduld',
  503: 'Tijdelijk niet beschikbaar',
};

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(notFound());

interface ErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  expose?: boolean;
}

function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.status;
  const e = err as ErrorLike;
  const status = e?.status ?? e?.statusCode;
  // body-parser errors (too large, malformed) carry a 4xx status and expose=true.
  if (typeof status === 'number' && status >= 400 && status < 500) return status;
  if (isDatabaseUnavailable(err)) return 503;
  return 500;
}

/** Connection failures and a closed pool: the site should say "try again later", not crash. */
function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as ErrorLike & { message?: string };
  const code = e?.code ?? '';
  const message = e?.message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_MISUSE'].includes(code) ||
    /Knex: Timeout acquiring a connection|Unable to acquire a connection|pool is (probably )?(full|destroyed)|Database is closed|SQLITE_MISUSE/i.test(
      message,
    )
  );
}

function messageOf(err: unknown, status: number): string {
  if (err instanceof HttpError) return err.message;
  if ((err as ErrorLike)?.code === 'EBADCSRFTOKEN') return (err as Error).message;
  if (status === 413) return 'Wat je verstuurde is te groot. Maak je tekst korter en probeer het opnieuw.';
  if (status === 503) return 'De weblog kan de database nu niet bereiken. Probeer het over een paar minuten opnieuw.';
  if (status === 400) return 'Dit verzoek kunnen we niet lezen. Laad de pagina opnieuw en probeer het nog eens.';
  if (status === 404) return 'Deze pagina bestaat niet (meer).';
  if (status === 403) return 'Je hebt geen toegang tot deze pagina.';
  if (status < 500) return 'Dit verzoek kunnen we niet verwerken.';
  return 'Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het misgaan, laat het de redactie weten.';
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = statusOf(err);
    if (status >= 500) logger.error({ err, method: req.method, path: req.path }, 'request failed');
    if (res.headersSent) return void res.end();
    const message = messageOf(err, status);
    const hint = err instanceof HttpError ? err.hint : undefined;
    res.status(status);
    if (status === 503) res.set('Retry-After', '60');
    if (req.accepts(['html', 'json']) === 'json') return void res.json({ error: message });
    res.render('errors/error', { title: TITLES[status] ?? 'Fout', status, message, hint }, (renderErr, html) => {
      // The error page itself may fail (for example when the database is gone): fall back to plain text.
      if (renderErr) return void res.type('text/plain; charset=utf-8').send(message);
      res.send(html);
    });
  };
}
