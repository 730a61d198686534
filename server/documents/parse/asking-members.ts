// Who asks, by the member's title in a sentence of the opening that tells of asking questions (issue 20, session 17):
//   "… stellen de raadsleden de heren Robin Smit en Robert Barker, Partij voor de Dieren, de volgende vragen:"
//   "Het raadslid Jeroen Willems vraagt …", "Statenlid Anna de Wit heeft vragen gesteld …"
//   "Mevrouw Bleyie van de Partij voor de Dieren heeft schriftelijk een aantal vragen gesteld …"
// The title (raadslid, Statenlid, fractievoorzitter, the plural, or mevrouw / de heer before a fraction's name) says the
// names are members, wherever the verb stands; the sentence must tell of asking, so a member named in passing is no one.
import { isParty } from './parties';

/** A capitalised word of a name, and the small words of Dutch surnames between them. */
const WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const SMALL = String.raw`(?:van|de|der|den|ter|ten|te|in\s+'t|van\s+'t)`;
/** A first name and a surname ("Robin Smit", "Marie-Christine van der Gronde"). */
const PERSON = String.raw`${WORD}(?:\s+(?:${SMALL}|${WORD}))*\s+${WORD}`;
/** A surname alone, after "mevrouw" or "de heer" ("Bleyie", "van der Gronde"). */
const SURNAME = String.raw`(?:${SMALL}\s+)*${WORD}`;
const TITLE = String.raw`(?:(?:[Hh]et\s+)?(?:[Gg]emeente)?[Rr]aadslid|[Ss]tatenlid|[Ff]ractievoorzitter|[Ff]ractielid|[Cc]ommissielid|[Dd]e\s+(?:gemeente)?raadsleden|[Dd]e\s+[Ss]tatenleden)`;
const HONORIFIC = String.raw`(?:de\s+heren|de\s+heer|mevrouw|mevr\.|mw\.|dhr\.|de\s+dames)`;
const NAMES = String.raw`${PERSON}(?:\s*,\s*${PERSON})*(?:\s+en\s+${PERSON})?`;

/** "raadsleden de heren A en B, Party,": the title, the names and a party after a comma; not "de fractie van fractievoorzitter X". */
const TITLED = new RegExp(
  String.raw`(?<!\bfractie\s+van\s+)\b${TITLE}\s+(?:${HONORIFIC}\s+)?(${NAMES})(?:\s*,\s*([^,:;]{2,40}?)\s*,)?`,
  'u',
);
/** "Mevrouw Bleyie van de Partij voor de Dieren heeft …": an honorific, a surname and the fraction's party. */
const HONOURED = new RegExp(
  String.raw`(?:^|(?<=[.!?]\s))(?:[Mm]evrouw|[Mm]evr\.|[Mm]w\.|[Dd]e\s+heer|[Dd]hr\.)\s+(${SURNAME}|${PERSON})\s+(?:van|namens)\s+(?:de\s+|het\s+)?(\p{L}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?)\s+(?:heeft|hebben|stelt|stelde|vraagt|vroeg)\b`,
  'u',
);
const QUESTIONS_WORD = /\b(?:vervolg)?vragen\b/giu;
/** A verb of putting questions after "vragen" ("vragen … gesteld") and one before it ("stelt … vragen"). */
const PUT_AFTER = /\b(?:stel(?:t|len|de|den)?|gesteld|ingediend|dien(?:t|de|den)|gericht|voorgelegd)\b/iu;
const PUT_BEFORE = /\b(?:stel(?:t|len|de|den)|dien(?:t|de|den))\b/iu;
/**
 * The sentence tells of asking questions: "vragen" with a verb of putting them after or before it, or "vraagt" /
 * "wil weten". Read from the first and the last "vragen" once each, so a long pasted line takes time in proportion to
 * its length (a pattern "vragen.*verb" read on to the line's end from every "vragen").
 */
function tellsOfAsking(s: string): boolean {
  if (/\b(?:vraagt|vroeg|wil(?:len)?\s+weten)\b/iu.test(s)) return true;
  let first = -1;
  let last = -1;
  for (const m of s.matchAll(QUESTIONS_WORD)) {
    if (first < 0) first = m.index;
    last = m.index;
  }
  return first >= 0 && (PUT_AFTER.test(s.slice(first)) || PUT_BEFORE.test(s.slice(0, last)));
}

const splitNames = (names: string) => names.split(/\s*,\s*|\s+en\s+/).map((n) => n.trim());

/**
 * The members who ask, and their party when the sentence names one the lexicon knows, from the first sentence of the
 * opening that names members by their title and tells of asking; null when none does.
 */
export function membersAsking(text: string): { names: string[]; party?: string } | null {
  const sentences = text.split(/\n+/).flatMap((p) => p.replace(/\s+/g, ' ').split(/(?<=[.!?:])\s+(?=\p{Lu})/u));
  for (const s of sentences) {
    if (!tellsOfAsking(s)) continue;
    const titled = TITLED.exec(s);
    if (titled) {
      const party = titled[2] && isParty(titled[2]) ? titled[2] : undefined;
      return { names: splitNames(titled[1]), ...(party ? { party } : {}) };
    }
    const honoured = HONOURED.exec(s);
    if (honoured) {
      const party = isParty(honoured[2]) ? honoured[2] : undefined;
      return { names: [honoured[1]], ...(party ? { party } : {}) };
    }
  }
  return null;
}
