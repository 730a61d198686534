// The outside temperature from a public weather feed (Buienradar's JSON feed by default):
// fetched with a short timeout, checked, and anything unexpected is "no temperature". It never
// throws: a feed that hangs, fails or changes its format only leaves the temperature out. The feed's
// address is a setting, so it is fetched as every outgoing request of ours is (http/guarded-fetch.ts):
// public addresses only, also after a redirect, so the setting cannot reach the server itself or the
// network behind it.
import { guardedGet, type GuardedGetOptions } from '../http/guarded-fetch';

// A page never waits on this, but the refresh job should not hang on a stalled feed either.
const FEED_TIMEOUT_MS = 3000;
// Buienradar's feed is some 50 kB; a feed that sends far more is not the feed we know.
const MAX_FEED_BYTES = 2 * 1024 * 1024;

interface Measurement {
  stationid?: unknown;
  temperature?: unknown;
}

/** The temperature of one station in Buienradar's format ({ actual: { stationmeasurements: [...] } }), or null. */
export function temperatureFromFeed(feed: unknown, stationId: number): number | null {
  const list = (feed as { actual?: { stationmeasurements?: unknown } } | null)?.actual?.stationmeasurements;
  if (!Array.isArray(list)) return null;
  const station = (list as Measurement[]).find((m) => m && Number(m.stationid) === stationId);
  const t = station?.temperature;
  const value = typeof t === 'number' ? t : typeof t === 'string' && t.trim() !== '' ? Number(t) : NaN;
  // Outside what Dutch weather does: a broken sensor or a changed unit, not a temperature.
  return Number.isFinite(value) && value > -50 && value < 60 ? value : null;
}

/**
 * Why there is no temperature, for the editor: no feed or station set, the feed did not answer
 * (a network error, a timeout, an HTTP error), or it answered without a temperature for the station.
 */
export type WeatherProblem = 'not-configured' | 'not-public' | 'no-answer' | 'no-reading';

/** Tests only: what a test may set of the guard (a fake feed on 127.0.0.1); never a setting. */
export type FeedFetchOptions = Pick<GuardedGetOptions, 'loopbackPortsForTests' | 'resolve'>;

export interface TemperatureReading {
  celsius: number | null;
  /** Set exactly when celsius is null. */
  problem: WeatherProblem | null;
}

/** Whether the settings name a feed and a station to ask at all. */
export function weatherConfigured(url: string, stationId: number): boolean {
  return /^https?:\/\//.test(url) && stationId > 0;
}

/** The body of a 200 answer as text, or null when it is longer than the feed we know or ends in an error. */
async function readCapped(body: AsyncIterable<Buffer>, max: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > max) return null;
      chunks.push(chunk);
    }
  } catch {
    return null;
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function fetchTemperatureReading(
  url: string,
  stationId: number,
  options: FeedFetchOptions = {},
  timeoutMs = FEED_TIMEOUT_MS,
): Promise<TemperatureReading> {
  if (!weatherConfigured(url, stationId)) return { celsius: null, problem: 'not-configured' };
  const signal = AbortSignal.timeout(timeoutMs);
  const res = await guardedGet(url, { ...options, allowed: () => true, signal });
  if (!res.ok) return { celsius: null, problem: res.why === 'address' ? 'not-public' : 'no-answer' };
  const text = await readCapped(res.body as AsyncIterable<Buffer>, MAX_FEED_BYTES);
  res.body.destroy();
  if (text === null) return { celsius: null, problem: signal.aborted ? 'no-answer' : 'no-reading' };
  let celsius: number | null = null;
  try {
    celsius = temperatureFromFeed(JSON.parse(text), stationId);
  } catch {
    celsius = null;
  }
  return celsius === null ? { celsius, problem: 'no-reading' } : { celsius, problem: null };
}
