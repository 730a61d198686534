// A letterhead whose labels stand apart from their values (a two-column or table letterhead flattened by a
// copy or a PDF): a row of labels over a row of values ("Datum  Kenmerk  Onderwerp" / "5 maart 2015  2015.08141
// Herinrichting …"), or the labels each on a line followed by the values each on a line in the same order.
// The label sequence is aligned with the value sequence by the kind of value each label takes (a date for
// datum, a reference holding a digit for kenmerk, a person's name, a telephone number, free text); a field is
// reported only when every alignment that fits gives it the same value: a missing field beats a wrong one.
import { EXACT_DATE } from './dates';
import { findDate, plausible } from './values';
import { conceptOf, kindOf, LETTERHEAD, type Concept } from './labels';
import type { Line } from './lines';

export interface RowField {
  concept: Concept;
  value: string;
  /** The label line (or lines) and the value line (or lines). */
  lines: number[];
}

/** Words too common to be a label in a row of labels ("Van", "Voor", "Aan" open a sentence as well). */
const NO_ROW_LABEL = new Set([
  'van',
  'voor',
  'tegen',
  'aan',
  'motie',
  'titel',
  'contact',
  'stemmen',
  'wethouder',
  'fractie',
  'partij',
  'raadslid',
]);
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.){1,4}|van|de|der|den|ter|ten|te|la|le|du|'t)$/u;

/** A value of a label's kind, or not. `words` is one cell, or a span of the value row's words. */
function fits(concept: Concept, label: string, words: string[]): boolean {
  const v = words.join(' ');
  if (concept === LETTERHEAD) {
    if (/telefoon|^tel|doorkies|fax/i.test(label)) return words.every((w) => /^[\d()+-]+$/.test(w)) && (v.match(/\d/g) ?? []).length >= 9;
    if (/mail/i.test(label)) return words.length === 1 && /@/.test(v);
    if (/www|website|internet/i.test(label)) return words.length === 1 && /\.\p{L}{2,}/u.test(v);
    return true;
  }
  if (concept === 'kenmerk' || concept === 'uw_referentie')
    // A reference: a first part with a digit, then only parts with a digit or a code in capitals ("2008-09200/8/A.23, CW").
    return (
      words.length <= 4 &&
      /\d/.test(words[0]) &&
      !EXACT_DATE.test(v) &&
      words.slice(1).every((w) => /\d/.test(w) || /^[A-Z]{1,4},?$/.test(w)) &&
      plausible(concept, v)
    );
  if (concept === 'behandeld_door' || concept === 'inlichtingen_bij' || concept === 'portefeuillehouder')
    return (
      words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && /^\p{Lu}\p{Ll}/u.test(words[words.length - 1]) && plausible(concept, v)
    );
  if (concept === 'bijlagen') return words.length === 1 && /^(?:\d{1,2}|-|geen)$/i.test(v);
  if (concept === 'agendapunt') return words.length === 1 && /\d/.test(v);
  const kind = kindOf(concept);
  if (kind === 'date') return EXACT_DATE.test(v) && findDate(v) !== null;
  if (kind === 'number') return words.length === 1 && /^\d+$/.test(v);
  return plausible(concept, v);
}

/** "Datum Briefnummer Zaaknummer Behandeld door" → its labels, when the whole line is known labels (two at least). */
function labelRow(text: string): string[] | null {
  const cells = text.split('\t').map((c) => c.trim());
  const out: string[] = [];
  for (const cell of cells) {
    // A row of colons under the labels may have been joined to them (a hard-wrapped text).
    const words = cell.split(/\s+/).filter((w) => w && w !== ':');
    for (let at = 0; at < words.length;) {
      let n = Math.min(4, words.length - at);
      for (; n >= 1; n--) {
        const label = words.slice(at, at + n).join(' ');
        if (!/^\p{Lu}/u.test(label) || NO_ROW_LABEL.has(label.toLowerCase().replace(/:$/, ''))) continue;
        if (conceptOf(label) !== undefined) break;
      }
      if (n < 1) return null;
      out.push(words.slice(at, at + n).join(' '));
      at += n;
    }
  }
  return out.length >= 2 ? out : null;
}

const MAX_READINGS = 24;

/**
 * Every way to give the labels consecutive parts of the units, each of its label's kind: one unit each when the
 * units are cells or lines (`single`), a span of words otherwise. The labels at the end may stay empty when
 * `trailingEmpty` (the values ran out); every unit is used. Null when there are too many readings to be sure of any.
 */
function readings(labels: string[], units: string[][], single: boolean, trailingEmpty: boolean): string[][] | null {
  const out: string[][] = [];
  const walk = (li: number, at: number, acc: string[]): boolean => {
    if (at === units.length) {
      if (li === labels.length || trailingEmpty) out.push([...acc, ...labels.slice(li).map(() => '')]);
      return out.length <= MAX_READINGS;
    }
    if (li === labels.length) return true;
    const concept = conceptOf(labels[li])!;
    for (let end = at + 1; end <= (single ? at + 1 : units.length); end++) {
      const words = units.slice(at, end).flat();
      if (fits(concept, labels[li], words) && !walk(li + 1, end, [...acc, words.join(' ')])) return false;
    }
    return true;
  };
  return walk(0, 0, []) ? out : null;
}

/** The fields all readings agree on: the first label of each concept, letterhead left out. */
function agreed(labels: string[], all: string[][], lines: number[]): RowField[] {
  const out: RowField[] = [];
  const seen = new Set<Concept>();
  labels.forEach((label, i) => {
    const concept = conceptOf(label)!;
    if (seen.has(concept)) return;
    seen.add(concept);
    const values = new Set(all.map((r) => r[i]));
    if (concept !== LETTERHEAD && values.size === 1 && all[0][i]) out.push({ concept, value: all[0][i], lines });
  });
  return out;
}

const FREE_TEXT = new Set<Concept>(['onderwerp', 'aan', 'afzender']);
const isColonsOnly = (t: string) => /^[\s:]+$/.test(t) && t.includes(':');
const aloneLabel = (t: string) => {
  const label = t.replace(/\s*:$/, '').trim();
  return (
    label.split(/\s+/).length <= 4 && /^\p{Lu}/u.test(label) && !NO_ROW_LABEL.has(label.toLowerCase()) && conceptOf(label) !== undefined
  );
};

/**
 * Rows of labels over rows of values within the first `zone` lines with text. Returns the fields read and the
 * lines they take (labels and values), so the other header readers leave those lines alone.
 */
export function labelRows(lines: Line[], zone: number): { fields: RowField[]; lines: Set<number> } {
  const fields: RowField[] = [];
  const used = new Set<number>();
  const text = (i: number) => lines[i]?.text.trim() ?? '';
  for (let i = 0, seen = 0; i < lines.length && seen < zone; i++) {
    if (!text(i)) continue;
    seen++;
    // A row of labels on one line, the values on the next line that is not another header's.
    const row = labelRow(lines[i].text);
    if (row) {
      let j = i + 1;
      for (let k = 0; j < lines.length && k < 4; j++) {
        const t = text(j);
        if (!t) continue;
        if (!(isColonsOnly(t) || aloneLabel(t) || /^:\s*\S/.test(t))) break;
        k++;
      }
      const value = lines[j]?.text.trim() ?? '';
      if (!value || labelRow(value) || value.split(/\s+/).length > 30) continue;
      const cells = value.split('\t').map((c) => c.trim().split(/\s+/));
      const single = cells.length >= 2;
      const all = readings(row, single ? cells : cells.flat().map((w) => [w]), single, true);
      if (all?.length) {
        const got = agreed(row, all, [i, j]);
        if (got.length) {
          fields.push(...got);
          used.add(i).add(j);
          i = j;
        }
      }
      continue;
    }
    // The labels each on a line, then as many values each on a line.
    const labels: number[] = [];
    for (let j = i; j < lines.length && aloneLabel(text(j)) && !/\t/.test(lines[j].text); j++) labels.push(j);
    if (labels.length < 2) continue;
    let j = labels[labels.length - 1] + 1;
    while (j < lines.length && !text(j)) j++;
    const values: number[] = [];
    for (; j < lines.length && text(j) && !aloneLabel(text(j)) && values.length <= labels.length; j++) values.push(j);
    if (values.length !== labels.length) continue;
    const names = labels.map((k) => text(k).replace(/\s*:$/, ''));
    const all = readings(
      names,
      values.map((k) => text(k).split(/\s+/)),
      true,
      false,
    );
    const got = all?.length ? agreed(names, all, [...labels, ...values]) : [];
    // As many values as labels that do not fit them in order: the last label, a title or a name, does not read
    // all the lines under it as its value either ("Onderwerp" over a date, a reference and a title).
    if (!got.length && !FREE_TEXT.has(conceptOf(names[names.length - 1])!)) continue;
    fields.push(...got);
    [...labels, ...values].forEach((k) => used.add(k));
    i = values[values.length - 1];
  }
  return { fields, lines: used };
}
