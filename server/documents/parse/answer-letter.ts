// A letter that delivers the answers to written questions ("Hierbij doe ik u de antwoorden toekomen op vragen van het
// lid X", "Hierbij bied ik u de antwoorden aan op de schriftelijke vragen …", "Onderstaand beantwoorden wij de door u
// gestelde vragen") is dated by its own date line: that is the day of the answer, not of the questions (issue 20,
// session 17). The questions' own date ("ingezonden D", "Op D hebt u vragen gesteld") is read elsewhere.
import type { Header } from './headers';
import type { Line } from './lines';
import { findDate } from './values';

/** The sentence by which a letter says it holds the answers. */
const DELIVERS_ANSWERS =
  /\b(?:hierbij\s+(?:doe|zend|stuur|bied)\s+(?:ik|wij|we)\s+u\s+(?:hierbij\s+)?(?:de\s+)?(?:antwoorden|beantwoording)\b|hierbij\s+(?:beantwoord|beantwoorden)\s+(?:ik|wij|we)\b|onderstaand\s+(?:treft\s+u\s+de\s+(?:beantwoording|antwoorden)|beantwoorden\s+wij)\b|(?:ik|wij|we)\s+beantwoorden?\s+(?:hierbij|hieronder)\s+(?:uw|de)\s+(?:schriftelijke\s+)?vragen\b)/iu;

/**
 * The header that dates the letter itself, when its first lines deliver answers: a labelled "Datum", or a date alone or
 * a place and a date on a short line of their own ("31 maart 2011", "Den Haag, 12 mei 2020"), above that sentence. Null
 * otherwise.
 */
export function answerLetterDate(headers: Header[], lines: Line[], limit: number): Header | null {
  const says = lines.slice(0, limit).findIndex((l) => DELIVERS_ANSWERS.test(l.text));
  if (says < 0) return null;
  const dateLine = (i: number) => lines[i].text.trim().split(/\s+/).length <= 6 && findDate(lines[i].text) !== null;
  return (
    headers.find(
      (h) =>
        h.concept === 'datum' &&
        !h.hint &&
        h.lines.length > 0 &&
        h.lines.every((i) => i < says) &&
        (h.strength >= 2 || h.lines.every(dateLine)),
    ) ?? null
  );
}
