// The Dutch date shapes the recogniser reads, said once: a day, a month in words or digits and a year ("5 maart
// 2015", "5 mrt. 2015", "05-03-2015", "5/3/15", "2015-03-05"), a weekday before it ("donderdag 3 november 2016"),
// "d.d." or "den" before a place's date, and a range after it ("3 en 4 juli", "3 t/m 5 juli") that makes it no date
// of one day. Every date pattern of parse/ is built here from these parts; what a date means is
// `parseDutchDate` (../dates.ts), which every match still goes through.

/** A month's name, whole or abbreviated: "januari", "jan.", "mrt", "sept". */
const MONTH_NAME =
  '(?:jan(?:uari)?|feb(?:ruari)?|maa(?:rt)?|mrt|apr(?:il)?|mei|jun[i]?|jul[i]?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** Any word where the month stands (the date's meaning is checked afterwards). Needs the `u` flag. */
const MONTH_WORD = String.raw`\p{L}+\.?`;

/** A weekday before the date, optional: "donderdag ", "vrijdag ". Needs the `u` flag. */
export const WEEKDAY = String.raw`(?:\p{L}+dag\s+)?`;
/** "d.d." or "den" between a place and its date: "Oostburg, d.d. 31-08-2011". */
export const DATED = String.raw`(?:d\.\s?d\.\s+|den\s+)?`;
/** What follows the first day of a range of days: "3 en 4 juli", "3 t/m 5 juli", "3 tot 5 juli". */
const RANGE_AFTER = String.raw`\s*(?:en|t\/m|tot)\s+\d`;

type Shape = 'words' | 'digits' | 'iso';

interface Options {
  /** The month in words: one of the month's names (`name`, the default), or any word (`word`: needs the `u` flag). */
  month?: 'name' | 'word';
  /** The year may have two or three digits instead of four: in a date in words, in a date in digits. */
  shortYear?: { words?: boolean; digits?: boolean };
  /** An ISO date's month and day: two digits each (default) or one or two (`loose`). */
  looseIso?: boolean;
  /** A weekday may stand before it (needs the `u` flag). */
  weekday?: boolean;
}

/**
 * A date of the given shapes, in the given order (the order decides which alternative a regular expression tries
 * first): `words` "5 maart 2015", `digits` "05-03-2015", "5/3/2015", "5.3.2015", `iso` "2015-03-05". No groups.
 */
function datePattern(shapes: Shape[], o: Options = {}): string {
  const year = (short: boolean | undefined) => (short ? String.raw`\d{2,4}` : String.raw`\d{4}`);
  const month = o.month === 'word' ? MONTH_WORD : MONTH_NAME;
  const alternatives = shapes.map((shape) => {
    if (shape === 'words') return String.raw`\d{1,2}\s+${month}\s+${year(o.shortYear?.words)}`;
    if (shape === 'digits') return String.raw`\d{1,2}[-/.]\d{1,2}[-/.]${year(o.shortYear?.digits)}`;
    return o.looseIso ? String.raw`\d{4}-\d{1,2}-\d{1,2}` : String.raw`\d{4}-\d{2}-\d{2}`;
  });
  return `${o.weekday ? WEEKDAY : ''}(?:${alternatives.join('|')})`;
}

/** A date as a document's header writes it: in words (any word as its month), in digits with a full year, or ISO. */
export const DATE_WORDS = datePattern(['words', 'digits', 'iso'], { month: 'word' });

/** A date of one day as a motie writes it: "3 november 2016", "donderdag 2 juli 2020", "12-12-2023". */
export const ONE_DATE = datePattern(['words', 'digits'], { month: 'word', weekday: true });

/** A whole value that is exactly one date: "5 mrt. 2015", "dinsdag 05-03-15", "2015-03-05". Flags `iu`. */
export const EXACT_DATE = new RegExp(`^${datePattern(['words', 'digits', 'iso'], { weekday: true, shortYear: { digits: true } })}$`, 'iu');

/** A date somewhere in running text, not part of a longer number: "Maastricht, 5 maart 2015". Flags `gi`. */
export const DATE_IN_TEXT = new RegExp(`(?<![\\d-])${datePattern(['iso', 'digits', 'words'], { looseIso: true })}(?![\\d-])`, 'gi');

/** A line that is only a date, as above a title or under it: "vrijdag 7 juni 2019", "7-6-19.". */
export const DATE_LINE_LOOSE = new RegExp(
  `^${datePattern(['words', 'digits'], { month: 'word', weekday: true, shortYear: { words: true, digits: true } })}\\.?$`,
  'iu',
);

/**
 * The meeting that dates a motie: "De raad van de gemeente X, in (openbare) vergadering bijeen op D", "De gemeenteraad
 * van Almelo bijeen op donderdag 3 november 2016", "… vergadering d.d. D", "Voorgesteld tijdens het Wetgevingsoverleg
 * van D". Group 1 is the date; a meeting of two days ("3 en 4 juli") gives none.
 */
export const MEETING = new RegExp(
  String.raw`^(?:(?:de\s+)?(?:gemeente)?raad\b.*?\b(?:vergadering\s+(?:bijeen\s+)?(?:op|d\.?d\.?)|bijeen(?:\s+op|\s+d\.d\.)?)|.*?\bvergadering\s+bijeen(?:\s+op)?|voorgesteld\s*(?:(?:tijdens|in)\s+(?:het|de)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,3}\s+(?:van|op)\s+|op\s+)?)\s*${WEEKDAY}(${DATE_WORDS})(?!${RANGE_AFTER})`,
  'iu',
);
