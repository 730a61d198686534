// A web page's own date: a date alone at its top, a byline's ("Door X op 8 februari 2017", "Geplaatst op …") or a news
// dateline ("Den Haag, 21 juni 2007 - …", "De Lier 27.03.2021 – …"). It is the document's date only when the page
// states one such date (a site's date over a different dateline leaves it unknown), and never when the text says the
// questions were put on another day ("Op 25 januari hebben B&W vragen ontvangen …", also without a year).
import { parseDutchDate } from '../dates';
import { DATE_WORDS, WEEKDAY } from './dates';
import { PUT_ON, QUESTIONS_PUT } from './labels';

/** A date alone on its line: "vrijdag 7 juni 2019". */
export const DATE_ALONE = new RegExp(String.raw`^${WEEKDAY}(${DATE_WORDS})\.?$`, 'iu');
/**
 * A line stamped with a date: "Voorgesteld tijdens … van D", "Vastgesteld D", "Door X op D", "Geplaatst op D", a site's
 * "Publicatiedatum: D".
 */
export const STAMPED = new RegExp(
  String.raw`^(?:voorgesteld(?:\s+(?:tijdens|in|bij)\s+(?:het|de)\s+[\p{L}' -]{2,60}?\s+(?:van|op))?|vastgesteld|verzonden|ingediend|gepubliceerd|door\s+.{0,40}?\s+op|geplaatst\s+op|publicatiedatum\s*:)\s+(?:op\s+)?${WEEKDAY}(${DATE_WORDS})\.?$`,
  'iu',
);
/**
 * A news item's dateline: a place, its date and a dash before the first sentence ("Westland 15.07.2023 – …"); not a
 * sentence that opens with a preposition and a date ("Op 12 mei 2021 – tijdens de raadsvergadering – …").
 */
export const DATELINE = new RegExp(
  String.raw`^(?!(?:Op|Sinds|Vanaf|Per|Tot|Na|Voor|Vóór|In|Om|Rond|Tussen|Van|Eind|Begin|Medio)\s)\p{Lu}[\p{L}' -]{1,30}?,?\s+(${DATE_WORDS})\s+[–-]\s`,
  'u',
);
/** The day questions were put or received, said in a sentence, with or without its year: "Op 25 januari hebben B&W vragen ontvangen". */
const PUT_ON_DAY = new RegExp(String.raw`${PUT_ON}(\d{1,2}\s+\p{L}+)(?:\s+\d{4})?,?\s+${QUESTIONS_PUT}`, 'iu');

/** "25 januari" → "01-25"; null when it is no day of a month. */
const dayOfYear = (text: string) => parseDutchDate(`${text} 2000`)?.slice(5) ?? null;

/**
 * Whether a page's date may be the document's: `dates` are the page's own dates (lone dates, bylines, datelines) in
 * its head, `opening` the text of its first paragraphs.
 */
export function pageDateCheck(dates: string[], opening: string): (iso: string) => boolean {
  const days = new Set(dates.map((d) => parseDutchDate(d)).filter(Boolean));
  const put = PUT_ON_DAY.exec(opening);
  const putDay = put ? dayOfYear(put[1]) : null;
  return (iso) => days.size <= 1 && (!days.size || days.has(iso)) && (putDay === null || iso.slice(5) === putDay);
}
