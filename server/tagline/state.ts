// The finished tagline, kept in memory per database (so per site: the app and the maintenance
// timer of one process share it, and tests with their own database each have their own). The
// maintenance job refreshes it; a page only reads it, without waiting for anything.
import type { Config } from '../config';
import type { Db } from '../db/knex';
import { loadSettings, type Settings } from '../settings/settings';
import { formatTime } from '../shared/format';
import { ageText, renderTagline, temperatureText } from './template';
import { fetchTemperatureReading, weatherConfigured, type FeedFetchOptions, type WeatherProblem } from './weather';

// Buienradar updates every ten minutes; asking more often only adds load on a free service.
const FETCH_INTERVAL_MS = 10 * 60 * 1000;

interface TaglineState {
  /** The text under the name; null until the first refresh (SITE_TAGLINE is shown then). */
  text: string | null;
  /** When the weblog started, from the settings (or its first article). */
  startedAt: Date | null;
  temperature: number | null;
  /** Why the last fetch brought no temperature (null after a good one). */
  problem: WeatherProblem | null;
  fetchedAt: number | null;
  /** The feed and station the temperature is of: a changed setting fetches again at once. */
  source: string;
}

const states = new WeakMap<Db, TaglineState>();

function stateOf(db: Db): TaglineState {
  let state = states.get(db);
  if (!state) {
    state = { text: null, startedAt: null, temperature: null, problem: null, fetchedAt: null, source: '' };
    states.set(db, state);
  }
  return state;
}

/** What the layout shows under the weblog's name: read without any await. */
export function currentTagline(db: Db, config: Pick<Config, 'siteTagline'>): string {
  const text = stateOf(db).text;
  return text === null || text === '' ? config.siteTagline : text;
}

/**
 * For the page cache's version strings: kept pages show the tagline (and the start date), so a
 * new temperature or age must make a new copy. Empty until the first refresh.
 */
export function taglineVersion(db: Db): string {
  const s = stateOf(db);
  return `${s.text ?? ''}|${s.startedAt?.getTime() ?? ''}`;
}

/** The weblog's start date as the settings give it; null when not set (0). */
export function settingsStart(settings: Settings): Date | null {
  const { startYear, startMonth } = settings.tagline;
  return startYear > 0 ? new Date(Date.UTC(startYear, startMonth - 1, 1)) : null;
}

/** What the editor's Slogan page shows: the line as readers will see it, and the values behind it now. */
export interface TaglineNow {
  preview: string;
  /** {leeftijd} now ("21 jaar"), from the same start date as the site; null before the weblog started. */
  age: string | null;
  /** {temperatuur} now ("7"), the last one fetched from the feed the settings name; null when there is none. */
  temperature: string | null;
  /** Why there is no temperature, in Dutch ("de weerfeed antwoordde niet …"); null when there is one. */
  temperatureMissing: string | null;
}

function missingText(problem: WeatherProblem | 'not-fetched', station: number, at: number | null): string {
  switch (problem) {
    case 'not-configured':
      return station > 0
        ? 'er is geen weerfeed ingesteld (Instellingen, adres van de weerfeed)'
        : 'er is geen weerstation ingesteld (Instellingen, weerstation 0)';
    case 'not-public':
      return 'het adres van de weerfeed is geen openbaar internetadres (het wijst naar deze server of een intern netwerk); kies een openbare weerfeed';
    case 'no-answer':
      return `de weerfeed antwoordde niet${at === null ? '' : ` bij de laatste poging, om ${formatTime(new Date(at))}`}; over hooguit tien minuten vragen we het opnieuw`;
    case 'no-reading':
      return `de weerfeed gaf geen bruikbare temperatuur voor weerstation ${station}; klopt het nummer van het station?`;
    case 'not-fetched':
      return 'de temperatuur is nog niet opgehaald; dat gebeurt binnen tien minuten na het opslaan';
  }
}

/**
 * The template filled with what is known now (the last temperature fetched from the feed the settings
 * name; the start date as the site reads it: the settings, else the first article), with the values
 * and why a temperature is missing: a preview that never waits on the weather feed.
 */
export async function taglineNow(db: Db, template: string, now: Date, firstArticleAt: () => Promise<Date | null>): Promise<TaglineNow> {
  const state = stateOf(db);
  const settings = await loadSettings(db);
  const { feedUrl, stationId } = settings.tagline;
  const startedAt = settingsStart(settings) ?? (await firstArticleAt());
  const age = startedAt ? ageText(startedAt, now) : null;
  const current = state.fetchedAt !== null && state.source === `${feedUrl.trim()}#${stationId}`;
  const temperature = current ? temperatureText(state.temperature) : null;
  let temperatureMissing: string | null = null;
  if (temperature === null) {
    const problem = !weatherConfigured(feedUrl.trim(), stationId)
      ? 'not-configured'
      : current
        ? (state.problem ?? 'no-reading')
        : 'not-fetched';
    temperatureMissing = missingText(problem, stationId, state.fetchedAt);
  }
  const preview = renderTagline(template.trim(), {
    temperatuur: template.includes('{temperatuur}') ? temperature : null,
    leeftijd: age,
  });
  return { preview, age, temperature, temperatureMissing };
}

/** A new template shows at once (the next refresh fetches a temperature it newly asks for). */
export async function showTemplateNow(db: Db, template: string, now: Date, firstArticleAt: () => Promise<Date | null>): Promise<void> {
  stateOf(db).text = (await taglineNow(db, template, now, firstArticleAt)).preview;
}

/**
 * Recomputes the tagline from the settings; fetches the temperature when the template asks for it,
 * at most every ten minutes. `firstArticleAt` says when the weblog started if the settings do not;
 * `feedOptions` is for tests only (a fake feed on 127.0.0.1).
 */
export async function refreshTagline(
  db: Db,
  now: Date,
  firstArticleAt: () => Promise<Date | null>,
  feedOptions: FeedFetchOptions = {},
): Promise<string> {
  const state = stateOf(db);
  const settings = await loadSettings(db);
  const { template, feedUrl, stationId } = settings.tagline;
  state.startedAt = settingsStart(settings) ?? (await firstArticleAt());
  const source = `${feedUrl.trim()}#${stationId}`;
  if (!template.includes('{temperatuur}')) {
    // Not asked for: nothing is known, and a template that asks again fetches at once.
    state.temperature = null;
    state.problem = null;
    state.fetchedAt = null;
  } else if (state.fetchedAt === null || state.source !== source || now.getTime() - state.fetchedAt >= FETCH_INTERVAL_MS) {
    // Marked before the fetch: a slow feed is not asked again by the next round.
    state.fetchedAt = now.getTime();
    state.source = source;
    const reading = await fetchTemperatureReading(feedUrl.trim(), stationId, feedOptions);
    state.temperature = reading.celsius;
    state.problem = reading.problem;
  }
  state.text = renderTagline(template.trim(), {
    temperatuur: temperatureText(state.temperature),
    leeftijd: state.startedAt ? ageText(state.startedAt, now) : null,
  });
  return state.text;
}
