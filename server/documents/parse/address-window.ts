// The addressee in a letter's address window: the lines right above a postal address, naming a body or an office
// ("Het College van Burgemeester en Wethouders" / "van de Gemeente X" / "Postbus 150" / "2670 AD NAALDWIJK",
// "de voorzitter van de Tweede Kamer" / "der Staten-Generaal" / "Binnenhof 4" / "2513 AA DEN HAAG"). The sender's own
// letterhead ("Gemeente X" / "Postbus 1992") names an organisation, not a body or an office, and gives nothing here.
import type { Line } from './lines';

/** A postal address's first line: "Postbus 150", a postcode and place, or a street and number above either. */
const POSTBUS = /^postbus\s+\d+\b/i;
const POSTCODE = /^\d{4}\s?[A-Z]{2}\s+\p{L}/u;
const STREET = /^\p{Lu}[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,3}\s+\d+(?:\s?[a-zA-Z]|-\d+)?$/u;
/**
 * A body or an office a letter is addressed to, with its article or "Aan" ("Aan het college van …", "de voorzitter
 * van …"), or the States without one ("Provinciale Staten van X").
 */
const ADDRESSED = new RegExp(
  String.raw`^(?:(?:[Aa]an\s+)?(?:[Dd]e|[Hh]et)\s+(?:[\p{L}-]+\s+){0,2}?(?:[Cc]ollege|[Bb]urgemeester|[Ww]ethouders?|[Mm]inister|[Ss]taatssecretaris|[Vv]oorzitter|[Ll]eden|[Gg]emeenteraad|[Dd]agelijks\s+[Bb]estuur|[Gg]edeputeerden?)|(?:[Aa]an\s+)?(?:[Pp]rovinciale|[Gg]edeputeerde)\s+[Ss]taten)\b`,
  'u',
);
/** A line that goes on with the name above it: "van de Gemeente X", "der Staten-Generaal". */
const GOES_ON = /^(?:van|der|voor|en)\s+\S/;

const clean = (line: Line | undefined) => (line?.text ?? '').replace(/\t/g, ' ').replace(/\s+/g, ' ').trim();

function addressAt(lines: Line[], i: number): boolean {
  const t = clean(lines[i]);
  if (POSTBUS.test(t) || POSTCODE.test(t)) return true;
  const next = clean(lines[i + 1]);
  return STREET.test(t) && (POSTCODE.test(next) || POSTBUS.test(next));
}

/**
 * The addressee named right above the first postal address among the first `zone` lines with text that has one: the
 * lines joined, without "Aan"; null when none names a body or an office.
 */
export function addressWindow(lines: Line[], zone: number): { value: string; lines: number[] } | null {
  for (let i = 0, seen = 0; i < lines.length && seen < zone; i++) {
    if (!clean(lines[i])) continue;
    seen++;
    if (!addressAt(lines, i)) continue;
    // The lines right above the address, without an empty line between: the name and what goes on with it.
    let top = i;
    while (top > 0 && clean(lines[top - 1]) && i - top < 3) top--;
    let first = top;
    while (first < i && !ADDRESSED.test(clean(lines[first]))) first++;
    if (first === i) continue;
    const taken = [first];
    for (let j = first + 1; j < i && GOES_ON.test(clean(lines[j])); j++) taken.push(j);
    const value = taken
      .map((j) => clean(lines[j]))
      .join(' ')
      .replace(/^[Aa]an\s+/, '');
    return { value, lines: taken };
  }
  return null;
}
