// When a news mail is due: pure functions over the time in Amsterdam and the site's settings.
// A digest moment ("slot") is named by its Amsterdam date, YYYY-MM-DD, so that strings compare as
// moments: a subscriber is due when their last slot is older than the one due now.
import { amsterdamParts } from '../shared/format';

export const FREQUENCIES = ['daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const NEWS_KINDS = ['all', 'documents', 'news'] as const;
export type NewsKinds = (typeof NEWS_KINDS)[number];

/** The weekday setting's values (settings/schema.ts, newsmail.weekday) as JavaScript's day numbers. */
const WEEKDAYS: Record<string, number> = {
  zondag: 0,
  maandag: 1,
  dinsdag: 2,
  woensdag: 3,
  donderdag: 4,
  vrijdag: 5,
  zaterdag: 6,
};

export interface Schedule {
  /** The hour in Amsterdam, 0 to 23. */
  hour: number;
  /** maandag … zondag */
  weekday: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

/**
 * The latest digest moment at or before `now`: today at the set hour (or yesterday, before that
 * hour), and for a weekly mail the last set weekday at that hour. Its Amsterdam date.
 */
export function dueSlot(now: Date, frequency: Frequency, schedule: Schedule): string {
  const p = amsterdamParts(now);
  let day = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  if (Number(p.hour) % 24 < schedule.hour) day -= DAY_MS;
  if (frequency === 'weekly') {
    const target = WEEKDAYS[schedule.weekday] ?? 1;
    day -= ((new Date(day).getUTCDay() - target + 7) % 7) * DAY_MS;
  }
  return isoDay(day);
}
