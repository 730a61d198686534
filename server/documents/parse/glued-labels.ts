// A register's record whose labels are glued to their values, as an iBabs list copies ("Datum11/7/2019",
// "TitelMotie IV …", "RaadsledenElze Woudstra (D66)", "PortefeuillehouderArmand van de Laar"): a known label written
// with a capital, directly followed by a capital or a digit. Only where three lines or more of the text's head have this
// shape is it a record; its labels are then set apart ("Datum: 11/7/2019") for the header grammar to read.
import { conceptOf, LETTERHEAD } from './labels';
import type { Line } from './lines';
import { isParty } from './parties';

/** The label glued to the start of a line, when a known label is followed at once by a capital or a digit. */
function gluedLabel(text: string): { label: string; value: string } | null {
  const m = /^(\p{Lu}\p{Ll}+(?:\(\p{Ll}{1,2}\))?)(?=[\p{Lu}\d])(.+)$/u.exec(text.trim());
  if (!m) return null;
  // The longest known label at the start: "Datum" in "Datum11/7/2019", "Raadsleden" in "RaadsledenElze …".
  for (let n = m[1].length; n >= 4; n--) {
    const label = text.trim().slice(0, n);
    const concept = conceptOf(label);
    if (concept !== undefined && concept !== LETTERHEAD && /^[\p{Lu}\d]/u.test(text.trim().slice(n)))
      return { label, value: text.trim().slice(n) };
  }
  return null;
}

/**
 * A label the vocabulary does not know, glued the same way ("TypeSchriftelijk ex art. 45 RvO"): one capitalised word
 * run into a capitalised value that goes on. Only read between two known glued labels of a record, and never a
 * party's name written with a capital inside ("GroenLinks Den Haag", "GemeenteBelangen Westland").
 */
function unknownGluedLabel(text: string): { label: string; value: string } | null {
  const t = text.trim();
  const m = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,}\s.+)$/u.exec(t);
  if (!m || isParty(t.split(/\s+/)[0]) || isParty(t)) return null;
  return { label: m[1], value: m[2] };
}

/** The lines with a record's glued labels set apart; the lines unchanged when the text holds no such record. */
export function unglueLabels(lines: Line[]): Line[] {
  const head = lines.slice(0, 40);
  const glued: Array<{ label: string; value: string } | null> = head.map((l) => gluedLabel(l.text));
  if (glued.filter(Boolean).length < 3) return lines;
  // A record's line with a label of its own between two known ones is a label line too, not the value above going on.
  const known = glued.slice();
  const nearest = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < head.length; j += step) if (head[j].text.trim()) return j;
    return -1;
  };
  head.forEach((l, i) => {
    const [before, after] = [nearest(i, -1), nearest(i, 1)];
    if (!known[i] && before >= 0 && after >= 0 && known[before] && known[after]) glued[i] = unknownGluedLabel(l.text);
  });
  return lines.map((l, i) => {
    const g = i < glued.length ? glued[i] : null;
    return g ? { ...l, text: `${g.label}: ${g.value}`, md: `${g.label}: ${g.value}` } : l;
  });
}
