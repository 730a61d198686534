// The finished tagline, kept in memory per database (so per site: the app and the maintenance
// timer of one process share it, and tests with their own database each have their own). The
// maintenance job refreshes it; a page only reads it, without waiting for anything.
import type { Config } from '../config';
import type { Db } from '../db/knex';
import { loadSettings, type Settings } from '../settings/settings';
import { ageText, renderTagline, temperatureText } from './template';
import { fetchTemperature } from './weather';

// Buienradar updates every ten minutes; asking more often only adds load on a free service.
const FETCH_INTERVAL_MS = 10 * 60 * 1000;

interface TaglineState {
  /** The text under the name; null until the first refresh (SITE_TAGLINE is shown then). */
  text: string | null;
  /** When the weblog started, from the settings (or its first article). */
  startedAt: Date | null;
  temperature: number | null;
  fetchedAt: number | null;
  /** The feed and station the temperature is of: a changed setting fetches again at once. */
  source: string;
}

const states = new WeakMap<Db, TaglineState>();

function stateOf(db: Db): TaglineState {
  let state = states.get(db);
  if (!state) {
    state = { text: null, startedAt: null, temperature: null, fetchedAt: null, source: '' };
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

/**
 * Recomputes the tagline from the settings; fetches the temperature when the template asks for it,
 * at most every ten minutes. `firstArticleAt` says when the weblog started if the settings do not.
 */
/**
 * The template filled with what is known now (the last temperature fetched, the start date of the
 * last refresh): a preview that never waits on the weather feed.
 */
export async function previewTagline(db: Db, template: string, now: Date): Promise<string> {
  const state = stateOf(db);
  const startedAt = settingsStart(await loadSettings(db)) ?? state.startedAt;
  return renderTagline(template.trim(), {
    temperatuur: template.includes('{temperatuur}') ? temperatureText(state.temperature) : null,
    leeftijd: startedAt ? ageText(startedAt, now) : null,
  });
}

/** A new template shows at once (the next refresh fetches a temperature it newly asks for). */
export async function showTemplateNow(db: Db, template: string, now: Date): Promise<void> {
  stateOf(db).text = await previewTagline(db, template, now);
}

export async function refreshTagline(db: Db, now: Date, firstArticleAt: () => Promise<Date | null>): Promise<string> {
  const state = stateOf(db);
  const settings = await loadSettings(db);
  const { template, feedUrl, stationId } = settings.tagline;
  state.startedAt = settingsStart(settings) ?? (await firstArticleAt());
  const source = `${feedUrl.trim()}#${stationId}`;
  if (!template.includes('{temperatuur}')) {
    state.temperature = null;
  } else if (state.fetchedAt === null || state.source !== source || now.getTime() - state.fetchedAt >= FETCH_INTERVAL_MS) {
    // Marked before the fetch: a slow feed is not asked again by the next round.
    state.fetchedAt = now.getTime();
    state.source = source;
    state.temperature = await fetchTemperature(feedUrl.trim(), stationId);
  }
  state.text = renderTagline(template.trim(), {
    temperatuur: temperatureText(state.temperature),
    leeftijd: state.startedAt ? ageText(state.startedAt, now) : null,
  });
  return state.text;
}
