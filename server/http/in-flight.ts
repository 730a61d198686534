// The requests the app has not answered yet, also those whose client already went away: closing
// the server stops new connections and waits for open ones, but a request whose socket closed
// early is still being handled, and the database must stay open until its handler has answered
// (it would otherwise meet a closed pool halfway, and log an error for a request nobody sees).
import type http from 'node:http';

export interface InFlight {
  /** Resolves once every request taken so far has been answered (res.end was called). */
  drained(): Promise<void>;
}

export function trackInFlight(server: http.Server): InFlight {
  let open = 0;
  const waiting: Array<() => void> = [];
  // Before the app's own listener: a page from the cache is answered in the same tick.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    open++;
    const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
    let answered = false;
    res.end = ((...args: unknown[]) => {
      if (!answered) {
        answered = true;
        if (--open === 0) for (const resolve of waiting.splice(0)) resolve();
      }
      return end(...args);
    }) as http.ServerResponse['end'];
  });
  return { drained: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))) };
}
