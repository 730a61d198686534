// How sure the recogniser is of each field it reports, by the kind of evidence it was read from, and the
// checks between fields that drop a value when two of them cannot both be true. Pure: fields and their
// evidence in, the fields to drop out. A missing field is better than a wrong one.
import type { DocumentFields } from '../types';

/** Where a field's value was read: the stronger the evidence, the higher its confidence. */
export type Evidence =
  | 'label' // a labelled line in the header ("Onderwerp: …", "DATUM" / "5 maart 2015")
  | 'label-list' // names or parties from a labelled list
  | 'letterhead' // the organisation at the top of a letterhead
  // the same, when the letterhead's own address is in the place it names ("Gemeente Maastricht" / "6201 BZ
  // MAASTRICHT"): not in the fresh-error table (no older release told it apart), so it has the share of all fields
  | 'letterhead-address'
  // a PDF's running page header's organisation ("ZAAKNUMMER PAGINA gemeente X" / "10309255 1/4") and an office
  // holder named under a letterhead's organisation ("wethouder G. Slegers"): kinds of evidence first seen in round
  // twelve (session 14), not in the fresh-error table, so they have the share of all fields until a later round's
  // fresh documents measure them
  | 'running-header'
  | 'letterhead-office'
  | 'prose' // a header in running text ("Vragen van het lid X (P) aan …", "Den Haag, 21 februari 2022")
  | 'label-deep' // a block of labelled lines deep in the text
  | 'signature' // the signature block
  | 'title' // the document's title line
  // a motie's title by its own shape ("Motie: X", "Motie X (CDA D66)", "Titel motie: X", "Motie X (verworpen)",
  // parse/motie-head.ts): the grammar came after the releases of the fresh-error table (session 13), which measured
  // only a bare line above the first paragraph ('title'); so it has the share of all fields until a later round's
  // fresh documents measure it (round thirteen's dev moties: 2 of 2 right)
  | 'motie-title'
  | 'mention' // a mention in the opening paragraphs ("GroenLinks is verbolgen …")
  | 'derived'; // from another field (the answers' date from the college's letter's date)

/**
 * Fresh-error calibration: how often a field read from each kind of evidence was wrong on documents its parser had
 * never seen, as [reported, wrong]. Measured in session 13 by running the releases of sessions 9, 10 and 11
 * (RELEASES: 8a7f59b, 879e956, f4029d8) on the dev documents of the corpus rounds that came after each (rounds
 * eight to ten: 96, 68 and 36 documents) and scoring them against today's labels; the same value of a document read
 * by several releases counts once (275 reported fields, 30 wrong, 10.9 %). Dev documents only: the holdout was
 * never looked at. The older releases did not report their evidence; it was recorded by the same assignments as
 * parse.ts makes now (a header of strength 2 is a label, 1.5 letterhead, else prose).
 */
export const FRESH: Record<string, [number, number]> = {
  'aan/label': [2, 0],
  'aan/prose': [24, 2],
  'afzender/letterhead': [3, 3],
  'afzender/prose': [20, 0],
  'afzender/signature': [5, 1],
  'datum/derived': [1, 0],
  'datum/label': [2, 0],
  'datum/prose': [42, 2],
  'datum_antwoord/prose': [13, 0],
  'indieners/prose': [21, 0],
  'indieners/signature': [23, 4],
  'ingekomen/label': [1, 1],
  'ingekomen/prose': [14, 0],
  'kenmerk/prose': [23, 0],
  'onderwerp/label': [7, 1],
  'onderwerp/prose': [28, 4],
  'onderwerp/title': [15, 9],
  'partijen/label-list': [1, 1],
  'partijen/mention': [5, 1],
  'partijen/prose': [21, 0],
  'partijen/signature': [3, 1],
  'status/label': [1, 0],
};

/** Weight of the prior (in documents) when a (field, evidence) pair has few observations: its evidence's rate, then all. */
const PRIOR = 4;

/** A calibration table: per "field/evidence", [reported, wrong]. */
export type Calibration = Record<string, [number, number]>;

/**
 * The share of fields of this kind and evidence that were right in a calibration table, smoothed towards the share
 * of its evidence (and that towards all fields) when seen only a few times. A field without recorded evidence gets
 * the share of all fields. `npm run documents:cv` fits the same function on part of the corpus and tests it on the rest.
 */
export function calibrated(table: Calibration): (key: string, evidence: Evidence | undefined) => number {
  let n = 0;
  let wrong = 0;
  const byEvidence = new Map<string, [number, number]>();
  for (const [key, [r, w]] of Object.entries(table)) {
    const ev = key.split('/')[1];
    const [er, ew] = byEvidence.get(ev) ?? [0, 0];
    byEvidence.set(ev, [er + r, ew + w]);
    n += r;
    wrong += w;
  }
  const all = n ? (n - wrong) / n : 1;
  return (key, evidence) => {
    if (!evidence) return all;
    const [en, ew] = byEvidence.get(evidence) ?? [0, 0];
    const prior = (en - ew + PRIOR * all) / (en + PRIOR);
    const [fn, fw] = table[`${key}/${evidence}`] ?? [0, 0];
    return (fn - fw + PRIOR * prior) / (fn + PRIOR);
  };
}

/** The share of fields of this kind and evidence that were right on fresh documents (the table FRESH). */
export const confidenceOf = calibrated(FRESH);

/**
 * Below this confidence a field is not reported. Measured on the calibration data (fields found of 374 stated /
 * wrong of reported), the same data the table is from: 0 gives 245 / 30 of 275 (10.9 %); 0.5 gives 239 / 18 of 257
 * (7.0 %: the title line as onderwerp and the letterhead's organisation as afzender go), 0.8 gives 237 / 15 of 252,
 * 0.9 gives 179 / 4 of 183 (2.2 %). No threshold reaches 2 % without losing half the fields: the wrong values are
 * spread over kinds of evidence that are mostly right. On dev, 0.5 costs 13 fields found (the title lines, all right
 * there) and one seed's letterhead sender, so this threshold stays below every pair measured: a field under it is
 * dropped, one between it and SUGGEST_BELOW (below) is offered to the editor instead of filled in.
 */
export const THRESHOLD = 0.25;

/**
 * Below this confidence a field is not filled in but offered to the editor as a suggestion (the lead's choice of
 * session 14: fewer wrong values filled in, at the cost of fields the editor takes over with one click). At 0.5 the
 * title line as onderwerp (fresh: 6 right of 15) and the letterhead's organisation as afzender (0 of 3) are offered,
 * not filled in; on the calibration data wrong 30/275 → 18/257 (10.9 % → 7.0 %), found 245 → 239 of 374.
 */
export const SUGGEST_BELOW = 0.5;

/** The reported fields whose evidence makes them more likely wrong than right. */
export function unsure(fields: DocumentFields, evidence: Record<string, Evidence>, threshold = THRESHOLD): string[] {
  return Object.keys(fields).filter((key) => evidence[key] !== undefined && confidenceOf(key, evidence[key]) < threshold);
}

const same = (a: unknown, b: unknown) =>
  typeof a === 'string' &&
  typeof b === 'string' &&
  a.toLowerCase().replace(/\W+/g, ' ').trim() === b.toLowerCase().replace(/\W+/g, ' ').trim();

/**
 * The fields that contradict another and are the less sure of the two: questions answered before they were sent in
 * (datum_antwoord before ingekomen), a sender who is also the addressee. With equal evidence both go.
 */
export function contradictions(fields: DocumentFields, evidence: Record<string, Evidence>): string[] {
  const drop = new Set<string>();
  // A value derived from another field is never surer than the field it contradicts.
  const sureness = (key: string) => (evidence[key] === 'derived' ? 0 : confidenceOf(key, evidence[key]));
  const weaker = (a: string, b: string, both: boolean) => {
    // Read from the same kind of evidence, neither is the surer: the calibration rates kinds, not these two values.
    const ca = evidence[a] === evidence[b] ? 0 : sureness(a);
    const cb = evidence[a] === evidence[b] ? 0 : sureness(b);
    if (ca < cb) drop.add(a);
    else if (cb < ca) drop.add(b);
    else {
      drop.add(a);
      if (both) drop.add(b);
    }
  };
  const { ingekomen, datum_antwoord: answered, afzender, aan } = fields;
  if (typeof ingekomen === 'string' && typeof answered === 'string' && answered < ingekomen) weaker('datum_antwoord', 'ingekomen', false);
  if (same(afzender, aan)) weaker('afzender', 'aan', true);
  return [...drop];
}
