// How sure the recogniser is of each field it reports, by the kind of evidence it was read from, and the
// checks between fields that drop a value when two of them cannot both be true. Pure: fields and their
// evidence in, the fields to drop out. A missing field is better than a wrong one.
import type { DocumentFields } from '../types';

/** Where a field's value was read: the stronger the evidence, the higher its confidence. */
export type Evidence =
  | 'label' // a labelled line in the header ("Onderwerp: …", "DATUM" / "5 maart 2015")
  | 'label-list' // names or parties from a labelled list
  | 'letterhead' // the organisation at the top of a letterhead
  | 'prose' // a header in running text ("Vragen van het lid X (P) aan …", "Den Haag, 21 februari 2022")
  | 'label-deep' // a block of labelled lines deep in the text
  | 'signature' // the signature block
  | 'title' // the document's title line
  | 'mention' // a mention in the opening paragraphs ("GroenLinks is verbolgen …")
  | 'derived'; // from another field (the answers' date from the college's letter's date)

const CONFIDENCE: Record<Evidence, number> = {
  label: 0.95,
  'label-list': 0.9,
  letterhead: 0.9,
  prose: 0.85,
  'label-deep': 0.7,
  signature: 0.7,
  title: 0.6,
  mention: 0.5,
  derived: 0.5,
};

const confidenceOf = (evidence: Record<string, Evidence>, key: string) => CONFIDENCE[evidence[key]] ?? 0.5;
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
  const weaker = (a: string, b: string, both: boolean) => {
    const ca = confidenceOf(evidence, a);
    const cb = confidenceOf(evidence, b);
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
