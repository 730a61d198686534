// A browser-like HTTP client for servers in other processes: it keeps its cookies itself, so the
// same cookie can be shown to any server (as a browser does behind a load balancer), and follows
// no redirects, so a test sees every 303.
import { hiddenInput } from './http';
import { TEST_PASSWORD } from './builders';

export interface Page {
  status: number;
  text: string;
  location: string | null;
}

/** What a client sends and gets back; fetch by default, another transport to choose the source address (nginx.ts). */
export interface Sent {
  method: string;
  headers: Record<string, string>;
  body?: URLSearchParams;
}
export interface Received {
  status: number;
  text: string;
  location: string | null;
  setCookies: string[];
}
export type Transport = (url: string, sent: Sent) => Promise<Received>;

const fetchTransport: Transport = async (url, sent) => {
  const res = await fetch(url, { ...sent, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  return { status: res.status, text: await res.text(), location: res.headers.get('location'), setCookies: res.headers.getSetCookie() };
};

export class CookieClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly transport: Transport = fetchTransport) {}

  /** "name=value; …", as the client would send it now. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Replaces the cookies with a header saved earlier (to show an old session again). */
  useCookieHeader(header: string): void {
    this.cookies.clear();
    for (const pair of header.split('; ').filter(Boolean)) {
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  get(url: string): Promise<Page> {
    return this.send(url, { method: 'GET' });
  }

  post(url: string, form: Record<string, string>): Promise<Page> {
    return this.send(url, { method: 'POST', body: new URLSearchParams(form) });
  }

  /** Logs in on the server at baseUrl; returns the session's CSRF token from the dashboard. */
  async login(baseUrl: string, email: string): Promise<string> {
    const form = await this.get(`${baseUrl}/beheer/inloggen`);
    const res = await this.post(`${baseUrl}/beheer/inloggen`, {
      _token: hiddenInput(form.text, '_token'),
      email,
      wachtwoord: TEST_PASSWORD,
      terug: '/beheer',
    });
    if (res.status !== 303) throw new Error(`login answered ${res.status}`);
    const dashboard = await this.get(`${baseUrl}/beheer`);
    if (dashboard.status !== 200) throw new Error(`/beheer answered ${dashboard.status} after login`);
    return hiddenInput(dashboard.text, '_csrf');
  }

  private async send(url: string, init: { method: string; body?: URLSearchParams }): Promise<Page> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await this.transport(url, { ...init, headers });
    for (const line of res.setCookies) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, text: res.text, location: res.location };
  }
}

/** One GET as an anonymous reader: no cookie at all. */
export async function anonymousGet(url: string): Promise<Page> {
  const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

/** Runs task(0) … task(count - 1), at most `concurrency` at a time, as that many browsers would. */
export async function runConcurrently<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
