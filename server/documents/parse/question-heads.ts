// Who asks, to whom and about what, where written questions say it outside a head line (issue 20, session 14):
//   a lead-in to the questions           "Vragen aan het college van B&W:" (anywhere above the list)
//   a sentence with the fraction asking  "… stelt de fractie van X schriftelijke vragen aangaande Z."
//                                        "… hebben B&W vragen ontvangen van de fractie X over Z."
// The subject runs to the end of the sentence; the fraction is a capitalised name.
import { askHead } from './askhead';
import { ABOUT } from './labels';
import { FRACTIE_WORD, isParty, PARTY } from './parties';
import { plausible, refersBack } from './values';

/** "Vragen aan het college van B&W:" (a lead-in line ending in a colon): the addressee; null otherwise. */
export function questionsTo(text: string): string | null {
  const t = text.trim();
  if (!/^(?:\p{L}+\s+)?vragen\s+aan\s.{3,80}:$/iu.test(t)) return null;
  const head = askHead(t);
  return head?.to && !head.who && !head.about ? head.to : null;
}

const NAME = String.raw`\p{Lu}[\p{L}\d!&'’-]*(?:\s+\p{Lu}[\p{L}\d!&'’-]*){0,3}`;
const FRACTION = String.raw`de\s+fractie\s+(?:van\s+)?(?:de\s+|het\s+)?(${NAME})`;
const KINDS = String.raw`(?:(?:de\s+volgende|enkele|een\s+aantal|aanvullende|schriftelijke)\s+)*`;
/** The noun, also as the compound a follow-up is: "vragen", "vervolgvragen". */
const QUESTIONS = String.raw`(?:vervolg)?vragen`;
/** "stelt de fractie van X (schriftelijke) vragen aangaande Z." */
const STELT = new RegExp(
  String.raw`\b(?:stelt|stellen|stelde|stelden)\s+(${FRACTION})\s+${KINDS}${QUESTIONS}\s+${ABOUT}\s+([^.?!]{3,120})\.`,
  'u',
);
/** "De fractie van X heeft (daarom) de volgende vragen": who asks, without a subject. */
const HEEFT = new RegExp(
  String.raw`(?:^|(?<=[.!?:]\s+))((?:[Dd]e\s+)fractie\s+(?:van\s+)?(?:de\s+|het\s+)?(${NAME}))\s+(?:heeft|stelt)\s+(?:daarom\s+|dan\s+ook\s+)?${KINDS}${QUESTIONS}\s*[:.]`,
  'u',
);
/** "… vragen ontvangen van de fractie X over Z." */
const ONTVANGEN = new RegExp(String.raw`\bvragen\s+(?:ontvangen|gekregen)\s+van\s+(${FRACTION})\s+${ABOUT}\s+([^.?!]{3,120})\.`, 'u');

const ONE = String.raw`(?:de\s+|het\s+)?\p{Lu}[\p{L}\d!&'’/-]*(?:\s+(?:voor\s+de\s+|van\s+de\s+)?\p{Lu}[\p{L}\d!&'’/-]*){0,3}`;
/** Parties in a row: "VVD, FNP, SP en GrienLinks", "respectievelijk de SP en de VVD". */
const LIST = String.raw`(?:respectievelijk\s+)?${ONE}(?:\s*,\s*${ONE})*\s+en\s+${ONE}`;
/** "De Statenfracties van VVD, FNP en SP hebben (schriftelijke) vragen gesteld aan X": who asks, as written. */
const FRACTIONS_ASK = new RegExp(
  String.raw`(?<![\p{L}\d])((?:[Dd]e\s+)?(?:[Ss]taten|[Rr]aads)?fracties\s+van\s+(${LIST}))\s+(?:hebben|stellen|stelden)\s+${KINDS}${QUESTIONS}(?:\s+gesteld)?(?:\s+aan\s+([^.;:]{3,120}))?`,
  'u',
);
/** "namens de fracties van (respectievelijk) de SP en de VVD": the parties only. */
const ON_BEHALF_OF = new RegExp(String.raw`\bnamens\s+de\s+(?:staten|raads)?fracties\s+van\s+(${LIST})`, 'iu');
/** "… de volgende schriftelijke vragen tot het college van burgemeester en wethouders gericht". */
const DIRECTED = new RegExp(String.raw`\bvragen\s+(?:tot|aan)\s+([^.;:]{3,100}?)\s+gericht\b`, 'iu');
/** "op de vragen van GroenLinks, CDA en ChristenUnie": parties the lexicon knows, each. */
const QUESTIONS_OF = new RegExp(String.raw`\b(?:de\s+)?vragen\s+van\s+(${LIST})(?=[\s,.:;]|$)`, 'u');

/** The items of a row of parties, without "respectievelijk" and the articles. */
const items = (list: string) =>
  list
    .replace(/^respectievelijk\s+/i, '')
    .split(/\s*,\s*|\s+en\s+/)
    .map((p) => p.replace(/^(?:de|het)\s+/i, '').trim());

/** The body a clause names after "aan"/"tot", read as an addressee of a questions head; null when it is none. */
const addressee = (text: string) => askHead(`Vragen aan ${text.trim()}`)?.to ?? null;

export interface PartiesAsk {
  /** "De Statenfracties van VVD, FNP en SP", as written; only where the fractions are the sentence's subject. */
  afzender?: string;
  parties: string[];
  aan?: string;
}

/**
 * Several fractions that ask, in one sentence of the opening: as its subject ("De Statenfracties van A, B en C hebben
 * vragen gesteld aan X"), on whose behalf ("namens de fracties van respectievelijk de A en de B"), or whose questions
 * are answered ("op de vragen van A, B en C": parties the lexicon knows only). Null when no sentence says so.
 */
export function partiesAsk(text: string): PartiesAsk | null {
  const subject = FRACTIONS_ASK.exec(text);
  if (subject) {
    const to = subject[3] ? addressee(subject[3]) : null;
    return { afzender: subject[1], parties: items(subject[2]), ...(to ? { aan: to } : {}) };
  }
  const behalf = ON_BEHALF_OF.exec(text);
  if (behalf) {
    const directed = DIRECTED.exec(text.slice(behalf.index));
    const to = directed ? addressee(directed[1]) : null;
    return { parties: items(behalf[1]), ...(to ? { aan: to } : {}) };
  }
  const of = QUESTIONS_OF.exec(text);
  const known = of ? items(of[1]) : [];
  return known.length && known.every(isParty) ? { parties: known } : null;
}

export interface FractionAsks {
  /** "de fractie van Lokaal Belang", as written. */
  afzender?: string;
  party: string;
  onderwerp?: string;
}

/**
 * A party the lexicon knows, with its article, as the subject at a sentence's start: "De Partij voor de Dieren stelt
 * daarom vragen over …", "De PVV-fractie heeft de volgende vragen:" (the party); or the fraction that put them, in the
 * passive: "De volgende vragen zijn door de fractie PvdA SWF gesteld." (the sender as written, and its party).
 */
const PARTY_ASKS = new RegExp(
  String.raw`(?:^|(?<=[.!?:]\s+)|(?<=\n))((?:[Dd]e|[Hh]et)\s+(${PARTY})${FRACTIE_WORD})\s+(?:heeft|stelt)\s+(?:daarom\s+|dan\s+ook\s+|hierover\s+)?${KINDS}${QUESTIONS}\b`,
  'u',
);
const PASSIVE = new RegExp(
  String.raw`(?:^|(?<=[.!?:]\s+)|(?<=\n))[Dd]e\s+(?:volgende\s+)?(?:schriftelijke\s+)?vragen\s+zijn\s+door\s+((?:de\s+)?fractie\s+(?:van\s+)?(?:de\s+|het\s+)?(${NAME}))\s+gesteld\b`,
  'u',
);

/** The fraction that asks and about what, from one sentence of the opening paragraphs; null when none says it. */
export function fractionAsks(text: string): FractionAsks | null {
  const m = STELT.exec(text) ?? ONTVANGEN.exec(text);
  if (!m) {
    const heeft = HEEFT.exec(text) ?? PASSIVE.exec(text);
    if (heeft) return { afzender: heeft[1], party: heeft[2] };
    // A party as the subject names who asks, not always the sender: the labels of the corpus differ on it (one of
    // two), so only the party.
    const party = PARTY_ASKS.exec(text);
    return party ? { party: party[2] } : null;
  }
  const subject = m[3].trim();
  return {
    afzender: m[1],
    party: m[2],
    onderwerp: plausible('onderwerp', subject) && !refersBack(subject, text.slice(0, m.index)) ? subject : undefined,
  };
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

/** "… vragen aan het College over het afval in de gemeente.": to whom and about what, in a sentence of the opening. */
const ASKED_ABOUT = new RegExp(String.raw`\bvragen\s+aan\s+((?:het|de)\s+[^.;:?!]{3,80}?)\s+${ABOUT}\s+([^.?!;:]{3,100})\.`, 'u');

/** The addressee and subject of "… vragen aan X over Z." in the opening; null when X is no body or Z no subject. */
export function askedAbout(text: string): { aan: string; onderwerp: string } | null {
  const m = ASKED_ABOUT.exec(text);
  const to = m ? addressee(m[1]) : null;
  return m && to === m[1].trim() && plausible('onderwerp', m[2].trim()) && !refersBack(m[2].trim(), text.slice(0, m.index))
    ? { aan: to, onderwerp: m[2].trim() }
    : null;
}

/** A person's name: capitalised words with the small words of Dutch surnames ("Marie-Christine van der Gronde"). */
const PERSON = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+(?:van|de|der|den|ter|ten|te|in\s+'t|\p{Lu}[\p{L}'’-]+))*\s+\p{Lu}[\p{L}'’-]+`;
/** "Anna de Wit, raadslid D66, wil weten …": a member and her party at the start of a sentence. */
const MEMBER = new RegExp(
  String.raw`(?:^|(?<=[.!?]\s+)|(?<=\n))(${PERSON}),\s+(?:gemeente)?(?:raadslid|statenlid|fractievoorzitter)\s+(?:van\s+(?:de\s+|het\s+)?)?([^,]{2,40}),`,
  'u',
);

/** The member who asks and her party, from the opening; null unless the party is one the lexicon knows. */
export function memberAsks(text: string): { name: string; party: string } | null {
  const m = MEMBER.exec(text);
  return m && isParty(m[2].trim()) ? { name: m[1], party: m[2].trim() } : null;
}

/** Bodies councils name without an article: "GS", "B&W", "Gedeputeerde Staten". */
const BARE_BODY = String.raw`GS|B\s?&\s?W|B\s+en\s+W|Gedeputeerde\s+Staten`;

/**
 * Whom questions are put to, as a sentence says it: a body with its article, or "GS" / "B&W" as councils write them; it
 * ends where a clause or the first numbered question begins ("… vragen aan het college" / "1:Is het college …").
 */
const TO = String.raw`((?:het|de)\s+[^.;:?!,()\n]{2,80}?|${BARE_BODY})(?=\s*[.:;,]|\s+(?:over|inzake|betreffende|naar|met|om|of|in|op|tijdens)\s|\s+\(?\d{1,2}[.:)]|$)`;
/**
 * Sentences that put questions to someone: "… de volgende vragen (gesteld) aan het college:", "… schriftelijk
 * voorgelegd aan het college.", "… vraagt aan GS naar …", "Onze fractie wil het college … de volgende vragen stellen:".
 */
const PUT_TO = [
  new RegExp(String.raw`\bvragen\s+(?:(?:schriftelijk\s+)?(?:gesteld|voorgelegd|gericht|gestuurd)\s+)?aan\s+${TO}`, 'gu'),
  new RegExp(String.raw`\b(?:gesteld|voorgelegd|gericht|gestuurd)\s+aan\s+${TO}`, 'gu'),
  new RegExp(String.raw`\b(?:vraagt|vroeg)\s+aan\s+${TO}`, 'gu'),
  new RegExp(String.raw`\b(?:wil|willen|wilde|wilden)\s+((?:het|de)\s+\p{L}+)\s+[^.?!:]{0,100}?\bvragen\s+stellen\b`, 'gu'),
  // "… ziet aanleiding om aan Gedeputeerde Staten de volgende vragen te stellen", "… om het college enkele vragen te stellen".
  new RegExp(
    String.raw`\bom\s+(?:aan\s+)?((?:het|de)\s+\p{L}+(?:\s+\p{L}+){0,3}?|${BARE_BODY})\s+(?:de\s+volgende\s+|enkele\s+|een\s+aantal\s+|nog\s+)?(?:\p{Ll}+\s+)?vragen\s+te\s+stellen\b`,
    'gu',
  ),
];

/**
 * To whom the opening's sentences put the questions: a body or office (read as an addressee of a questions head), or
 * "GS" / "B&W"; null when none says it or two say different ones.
 */
export function questionsPutTo(text: string): string | null {
  const found = new Set<string>();
  const flat = text.replace(/\s+/g, ' ');
  for (const re of PUT_TO)
    for (const m of flat.matchAll(re)) {
      const to = m[1].trim();
      if (new RegExp(`^(?:${BARE_BODY})$`, 'u').test(to) || addressee(to) === to) found.add(to);
    }
  return found.size === 1 ? [...found][0] : null;
}

/** "Pepijn Baneke van GroenLinks vraagt …", "Raadslid Anna de Wit stelt daarom … vragen": a member who asks. */
const MEMBER_OF = new RegExp(
  String.raw`(?:^|(?<=[.!?]\s+)|(?<=\n))(${PERSON})\s+(?:van|namens)\s+(?:de\s+|het\s+)?([^\s,.]+(?:\s+[^\s,.]+){0,3}?)\s+(?:vraagt|vroeg|stelt|stelde|wil\s+weten|wilde\s+weten)\b`,
  'u',
);
const MEMBER_NAMED = new RegExp(
  String.raw`(?<!\bfractie\s+van\s+)\b(?:[Gg]emeente)?(?:[Rr]aadslid|[Ss]tatenlid|[Ff]ractievoorzitter)\s+(${PERSON})\s+(?:stelt|stelde|vraagt|vroeg)\b[^.?!]{0,80}?\bvragen\b`,
  'u',
);

/** The member who asks, and her party when the sentence names one the lexicon knows; null otherwise. */
export function memberAsking(text: string): { name: string; party?: string } | null {
  const of = MEMBER_OF.exec(text);
  if (of && isParty(of[2])) return { name: of[1], party: of[2] };
  const named = MEMBER_NAMED.exec(text);
  return named ? { name: named[1] } : null;
}
