// A Server-Sent Events client for tests: opens the stream, keeps every event, and waits for the
// one a test expects (failing after a generous while: a missing event is a fault, not slowness).
import http from 'node:http';
import https from 'node:https';

export interface StreamEvent {
  id: string | null;
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  /** Everything the server wrote, as text (privacy tests read it whole). */
  raw(): string;
  events: StreamEvent[];
  /** The first event (from the start) that matches, waiting for it if need be. */
  next(match: (e: StreamEvent) => boolean, what: string): Promise<StreamEvent>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

const WAIT_MS = 15_000;

/** Over TLS (a proxy in front): the proxy's certificate authority and the reader's own loopback address. */
interface TlsOptions {
  ca: Buffer;
  from?: string;
}

export function openEventStream(url: string, headers: Record<string, string> = {}, tls?: TlsOptions): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const options = { headers: { Accept: 'text/event-stream', ...headers } };
    const get = (onResponse: (res: http.IncomingMessage) => void) =>
      tls
        ? https.get(url, { ...options, ca: tls.ca, localAddress: tls.from, agent: false }, onResponse)
        : http.get(url, options, onResponse);
    const req = get((res) => {
      res.setEncoding('utf8');
      let raw = '';
      let buffer = '';
      const events: StreamEvent[] = [];
      const waiters: Array<() => void> = [];
      let endedResolve: () => void = () => undefined;
      const ended = new Promise<void>((r) => (endedResolve = r));
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event: StreamEvent = { id: null, event: 'message', data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              event.data = line.slice(6);
              hasData = true;
            }
          }
          if (hasData) events.push(event);
        }
        for (const w of waiters.splice(0)) w();
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      const stream: EventStream = {
        status: res.statusCode ?? 0,
        raw: () => raw,
        events,
        ended,
        next(match, what) {
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`no ${what} on the event stream; it had: ${raw}`)), WAIT_MS);
            const look = () => {
              const found = events.find(match);
              if (found) {
                clearTimeout(timer);
                ok(found);
              } else waiters.push(look);
            };
            look();
          });
        },
        close: () => req.destroy(),
      };
      // Open once the server wrote its first line (the stream is registered then), or answered otherwise.
      if (res.statusCode !== 200) resolve(stream);
      else res.once('data', () => resolve(stream));
    });
    req.on('error', reject);
  });
}

/** The JSON of an event's data. */
export function dataOf<T = Record<string, unknown>>(e: StreamEvent): T {
  return JSON.parse(e.data) as T;
}
