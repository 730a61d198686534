// Who asks, to whom and about what, where written questions say it outside a head line (issue 20, session 14):
//   a lead-in to the questions           "Vragen aan het college van B&W:" (anywhere above the list)
//   a sentence with the fraction asking  "… stelt de fractie van X schriftelijke vragen aangaande Z."
//                                        "… hebben B&W vragen ontvangen van de fractie X over Z."
// The subject runs to the end of the sentence; the fraction is a capitalised name.
import { askHead } from './askhead';
import { plausible } from './values';

/** "Vragen aan het college van B&W:" (a lead-in line ending in a colon): the addressee; null otherwise. */
export function questionsTo(text: string): string | null {
  const t = text.trim();
  if (!/^(?:\p{L}+\s+)?vragen\s+aan\s.{3,80}:$/iu.test(t)) return null;
  const head = askHead(t);
  return head?.to && !head.who && !head.about ? head.to : null;
}

const NAME = String.raw`\p{Lu}[\p{L}\d!&'’-]*(?:\s+\p{Lu}[\p{L}\d!&'’-]*){0,3}`;
const FRACTION = String.raw`de\s+fractie\s+(?:van\s+)?(?:de\s+|het\s+)?(${NAME})`;
const ABOUT = String.raw`(?:over|aangaande|inzake|betreffende)`;
const KINDS = String.raw`(?:(?:de\s+volgende|enkele|een\s+aantal|aanvullende|schriftelijke)\s+)*`;
/** "stelt de fractie van X (schriftelijke) vragen aangaande Z." */
const STELT = new RegExp(
  String.raw`\b(?:stelt|stellen|stelde|stelden)\s+(${FRACTION})\s+${KINDS}vragen\s+${ABOUT}\s+([^.?!]{3,120})\.`,
  'u',
);
/** "… vragen ontvangen van de fractie X over Z." */
const ONTVANGEN = new RegExp(String.raw`\bvragen\s+(?:ontvangen|gekregen)\s+van\s+(${FRACTION})\s+${ABOUT}\s+([^.?!]{3,120})\.`, 'u');

export interface FractionAsks {
  /** "de fractie van Lokaal Belang", as written. */
  afzender: string;
  party: string;
  onderwerp?: string;
}

/** The fraction that asks and about what, from one sentence of the opening paragraphs; null when none says it. */
export function fractionAsks(text: string): FractionAsks | null {
  const m = STELT.exec(text) ?? ONTVANGEN.exec(text);
  if (!m) return null;
  const subject = m[3].trim();
  return { afzender: m[1], party: m[2], onderwerp: plausible('onderwerp', subject) ? subject : undefined };
}

/** A function before a party's name: "raadslid", "gemeenteraadslid", "Statenlid", "fractievoorzitter". */
const FUNCTION = /^(?:(?:gemeente)?raadslid|statenlid|fractievoorzitter|fractielid|commissielid)\s+(?:van\s+(?:de\s+|het\s+)?)?/i;

/**
 * A signer's party as written under the name, without what is no part of the name: brackets around it, the function
 * before it and the acronym after it ("(gemeenteraadslid Nieuwe Stadspartij (NSP))" → "Nieuwe Stadspartij").
 */
export function signerParty(text: string): string {
  let t = text.trim();
  const outer = /^\((.*)\)$/.exec(t);
  if (outer) t = outer[1].trim();
  return t
    .replace(FUNCTION, '')
    .replace(/\s*\([\p{Lu}\d&-]{2,8}\)$/u, '')
    .replace(/[,.]$/, '')
    .trim();
}

/** "raadslid Stadsbelang" in a list of indieners: the party a function names, not a person; null otherwise. */
export function functionParty(item: string): string | null {
  const t = item.trim();
  if (!FUNCTION.test(t)) return null;
  const party = t.replace(FUNCTION, '').trim();
  return /^\p{Lu}[\p{L}\d!&'’-]*(?:\s+\p{Lu}[\p{L}\d!&'’-]*){0,3}$/u.test(party) ? party : null;
}
