// The requests the app has not answered yet, also those whose client already went away: closing
// the server stops new connections and waits for open ones, but a request whose socket closed
// early is still being handled, and the database must stay open until its handler has answered
// (it would otherwise meet a closed pool halfway, and log an error for a request nobody sees).
import type http from 'node:http';

// How long a request whose client left may still take to answer before it no longer counts.
// Some answers never call end() once the client is gone (a file piped by express.static or
// sendFile stops with its socket); they must not hold a later shutdown for ever.
const AFTER_CLIENT_LEFT_MS = 2000;

export interface InFlight {
  /** Resolves once every request taken so far has been answered (or its client left a while ago). */
  drained(): Promise<void>;
}

export function trackInFlight(server: http.Server, afterClientLeftMs = AFTER_CLIENT_LEFT_MS): InFlight {
  let open = 0;
  const waiting: Array<() => void> = [];
  // Before the app's own listener: a page from the cache is answered in the same tick.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    open++;
    let answered = false;
    const done = () => {
      if (answered) return;
      answered = true;
      if (--open === 0) for (const resolve of waiting.splice(0)) resolve();
    };
    const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
    res.end = ((...args: unknown[]) => {
      done();
      return end(...args);
    }) as http.ServerResponse['end'];
    res.once('close', () => {
      if (!answered) setTimeout(done, afterClientLeftMs).unref();
    });
  });
  return { drained: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))) };
}
