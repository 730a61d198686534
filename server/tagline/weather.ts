// The outside temperature from a public weather feed (Buienradar's JSON feed by default):
// fetched with a short timeout, checked, and anything unexpected is "no temperature". It never
// throws: a feed that hangs, fails or changes its format only leaves the temperature out.

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
export type WeatherProblem = 'not-configured' | 'no-answer' | 'no-reading';

export interface TemperatureReading {
  celsius: number | null;
  /** Set exactly when celsius is null. */
  problem: WeatherProblem | null;
}

/** Whether the settings name a feed and a station to ask at all. */
export function weatherConfigured(url: string, stationId: number): boolean {
  return /^https?:\/\//.test(url) && stationId > 0;
}

export async function fetchTemperatureReading(url: string, stationId: number, timeoutMs = FEED_TIMEOUT_MS): Promise<TemperatureReading> {
  if (!weatherConfigured(url, stationId)) return { celsius: null, problem: 'not-configured' };
  let text: string;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) return { celsius: null, problem: 'no-answer' };
    text = await res.text();
  } catch {
    return { celsius: null, problem: 'no-answer' };
  }
  let celsius: number | null = null;
  try {
    celsius = text.length > MAX_FEED_BYTES ? null : temperatureFromFeed(JSON.parse(text), stationId);
  } catch {
    celsius = null;
  }
  return celsius === null ? { celsius, problem: 'no-reading' } : { celsius, problem: null };
}
