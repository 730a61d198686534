// The vocabulary of header labels, as data: every way a document names a field (label variants →
// concept), and the field key each concept fills per document type. Letterhead labels (telefoon,
// retouradres, www) are known too: their lines are letterhead, recognised and left out of the body.
import { DOCUMENT_TYPES, type DocumentTypeKey, type FieldKind } from '../types';

/**
 * The words that put a subject after a title of questions or a sentence that asks ("vragen over Z", "inzake Z",
 * "met betrekking tot Z"): one vocabulary for every reading of a subject.
 */
export const ABOUT = String.raw`(?:over|inzake|betreffende|aangaande|omtrent|m\.b\.t\.|met\s+betrekking\s+tot)`;

/** A field concept; LETTERHEAD for letterhead furniture; 'stemming' is a motie's outcome and votes. */
export type Concept = string;
export const LETTERHEAD = '';

const SYNONYMS: Record<Concept, string[]> = {
  datum: [
    'datum',
    'date',
    'dd',
    'datum brief',
    'verzenddatum',
    'raadsvergadering',
    'datum raadsvergadering',
    'datum vergadering',
    'datum verzending',
  ],
  aan: ['aan', 'geadresseerde', 'ter attentie van', 'tav', 'geadresseerd aan'],
  afzender: ['afzender', 'van', 'namens', 'auteur', 'opsteller', 'steller'],
  onderwerp: ['onderwerp', 'betreft', 'betreffende', 'inzake', 'titel', 'motie', 'motie vreemd aan de orde van de dag', 'titel motie'],
  portefeuillehouder: ['portefeuillehouder', 'portefeuillehouders', 'verantwoordelijk wethouder', 'wethouder'],
  inlichtingen_bij: ['inlichtingen bij', 'inlichtingen', 'informatie bij', 'nadere inlichtingen bij', 'meer informatie bij'],
  kenmerk: [
    'nummer',
    'nr',
    'rib nummer',
    'rib-nummer',
    'ribnummer',
    'raadsinformatiebrief nummer',
    'raadsinformatiebrief nr',
    'volgnummer',
    'registratienummer',
    'registratiekenmerk',
    'ons kenmerk',
    'onze referentie',
    'onze ref',
    'ons nummer',
    'kenmerk',
    'referentie',
    'zaaknummer',
    'motienummer',
    'ingekomen onder nummer',
  ],
  partijen: ['partij', 'partijen', 'fractie', 'fracties', 'politieke partij', 'politieke partijen'],
  indieners: [
    'indiener',
    'indieners',
    'indiener(s)',
    'ingediend door',
    'vragensteller',
    'vragenstellers',
    'raadslid',
    'raadsleden',
    'ondertekenaars',
  ],
  bijlagen: ['bijlage', 'bijlagen', 'bijlages'],
  bron: ['bron', 'vindplaats', 'webadres'],
  agendapunt: ['agendapunt', 'agenda punt', 'agendanummer'],
  ingekomen: [
    'ingekomen',
    'ingekomen op',
    'ingekomen bij de griffie',
    'ingekomen brief griffie',
    'datum ingekomen',
    'ontvangen',
    'ontvangen op',
    'datum ontvangst',
    'ingezonden',
    'indiendatum',
    'datum indiening',
    'ingediend op',
    'ingediend',
    'datum ingediend',
  ],
  datum_antwoord: [
    'antwoord college',
    'datum antwoord',
    'beantwoord',
    'beantwoord op',
    'datum beantwoording',
    'antwoord verzonden',
    'antwoorddatum',
    'beantwoordingsdatum',
    'datum van beantwoording',
  ],
  uw_referentie: ['uw kenmerk', 'uw brief', 'uw brief van', 'uw referentie', 'uw ref', 'uw nummer', 'antwoord op', 'in antwoord op'],
  behandeld_door: ['behandeld door', 'contactpersoon', 'behandelaar', 'contact'],
  status: ['status', 'besluit raad'],
  stemming: ['stemming', 'stemmen', 'uitslag', 'uitslag stemming', 'stemmen voor', 'stemmen tegen', 'voor', 'tegen'],
  [LETTERHEAD]: [
    'telefoon',
    'telefoonnummer',
    'tel',
    'doorkiesnummer',
    'doorkies',
    'e-mail',
    'e-mailadres',
    'email',
    'emailadres',
    'fax',
    'faxnummer',
    'retouradres',
    'bezoekadres',
    'postadres',
    'internet',
    'website',
    'www',
    'afdeling',
    'cluster',
    'kopie aan',
    'cc',
    'pagina',
    'blad',
    'iban',
    'kvk',
    'kvk-nummer',
    'btw-nummer',
    'dossier',
    'onderwerpen',
    'vergadering',
    'woordvoerder',
    'beantwoord door',
    'bron vraag',
    'bron vragen',
    'bron antwoord',
    'bron antwoorden',
  ],
};

const BY_LABEL = new Map<string, Concept>(
  Object.entries(SYNONYMS).flatMap(([concept, labels]) => labels.map((l) => [l, concept] as const)),
);

/** "Bijlage(n)", "RIB-nummer.", "Ons kenmerk" → the label's concept, LETTERHEAD for furniture, undefined when unknown. */
export function conceptOf(label: string): Concept | undefined {
  const key = label
    .toLowerCase()
    .replace(/\(\s*(?:n|s|en)\s*\)/g, '')
    .replace(/[.:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return BY_LABEL.get(key) ?? BY_LABEL.get(key.replace(/-/g, ' ')) ?? (DOCUMENT_NUMBER.test(key) ? 'kenmerk' : undefined);
}

/**
 * A document's number by the genre it names: "Briefnummer", "Ledenbrief nummer", "Raadsvoorstel nr", "Besluitnummer".
 * Only a document's genre before "nummer": a telephone, account or house number is no kenmerk.
 */
const DOCUMENT_NUMBER =
  /^(?:\p{L}*brief|(?:raads)?voorstel|document|besluit|motie|amendement|stuk|vragen|vraag|memo|nota)[ -]?(?:nummer|nr|kenmerk)$/u;

/** The fields a type has, in the order the card shows them. */
export function fieldsOf(type: DocumentTypeKey): Array<{ key: string; kind: FieldKind }> {
  return DOCUMENT_TYPES[type].fields.map((f) => ({ key: f.key, kind: f.kind }));
}

/** The field of this type the concept fills, or null when the type has no such field. */
export function fieldFor(type: DocumentTypeKey, concept: Concept): { key: string; kind: FieldKind } | null {
  if (concept === 'stemming') return type === 'motie' ? { key: 'stemming', kind: 'text' } : null;
  return fieldsOf(type).find((f) => f.key === concept) ?? null;
}

/** The kind a concept's value has whatever the type, to decide what a header's value may be. */
export function kindOf(concept: Concept): FieldKind {
  for (const t of Object.values(DOCUMENT_TYPES)) {
    const f = fieldFor(t.key, concept);
    if (f) return f.kind;
  }
  return 'text';
}

// A motie's own phrases: its dictum opens with one of these verbs ("verzoekt het college", "spreekt
// als haar mening uit") and it closes with "en gaat over tot de orde van de dag".
export const MOTIE_DICTUM = /^(?:verzoekt|draagt|spreekt\s+(?:als\s+(?:haar|zijn)\s+(?:mening\s+)?)?uit|roept|besluit)\b/i;
export const MOTIE_END = /\ben\s+(?:gaat|gaan)\s+(?:\p{L}+\s+)?over\s+tot\s+de\s+orde\s+van\s+de\s+dag\b/iu;

/**
 * What says questions were put, after the day they were put on: "… vragen gesteld", "… vragen aan het college
 * gericht", "… een verzoek om inlichtingen (art. 49) ingediend", "… vragen ontvangen". One grammar for the document's
 * date (headers.ts) and for the page date it overrules (page-date.ts).
 */
export const QUESTIONS_PUT = String.raw`(?:[^.?!]{0,120}?\s)?(?:vragen|verzoek\s+om\s+(?:inlichtingen|informatie))\s+(?:[^.?!]{0,100}?\s)?(?:gericht|gesteld|ingediend|ontvangen)\b`;
/** Where the day is said before it: "op D", "bij (uw) brief van D". */
export const PUT_ON = String.raw`\b(?:op|bij\s+(?:uw\s+)?(?:brief|e-?mail)\s+van)\s+`;

/** The words that say questions follow: "de volgende (schriftelijke) vragen", "willen wij graag van u weten". */
const FOLLOW_WORDS =
  /\b(?:(?:de|onze)\s+volgende\s+(?:\p{L}+\s+)?vragen|(?:willen|wil)\s+(?:we|wij|ik)\s+(?:graag\s+)?(?:van\s+u\s+)?weten)\b/iu;
/**
 * A sentence's end: a question or exclamation mark, or a full stop not before a small letter or a digit (one before
 * them ends an abbreviation: "ex. art. 32 RvO"). Without the flag 'i', under which \p{Ll} is any letter.
 */
const SENTENCE_END = /[?!]|\.(?!\s*[\p{Ll}\d])/gu;

/**
 * A line that says questions follow: "Daarom willen we graag van u weten;", "Wij stellen u de volgende vragen:", "… de
 * volgende schriftelijke vragen gesteld aan het college van B&W:", "… de volgende vragen ex. art. 32 RvO aan u stellen:"
 * (the words in the line's last sentence, which ends in a colon or a semicolon); not "Daarom vragen wij u het
 * volgende:", a request, nor "Wij stelden de volgende vragen. Het college antwoordde:". For the type (detect.ts) and for
 * the date (headers.ts).
 */
export function questionsFollow(line: string): boolean {
  if (!/[:;]$/.test(line)) return false;
  // (The last sentence found once, not from every occurrence of the words on: a long line takes no longer than its length.)
  let last = 0;
  for (const end of line.matchAll(SENTENCE_END)) last = end.index + 1;
  return FOLLOW_WORDS.test(line.slice(last));
}

/**
 * A web page's own links and widgets around a post, alone on a line: never a field, a question, an answer or body
 * text (headers.ts FURNITURE), and never a signer (signatures.ts).
 */
export const SITE_LINK = String.raw`(?:naar boven|scroll naar boven|terug naar boven|back to top|skip to main content|direct naar\b.*|download pdf|print|printen|afdrukken|delen|deel dit (?:artikel|bericht)|share|tweet|like|comments?|facebook|twitter|linkedin|whatsapp|instagram|lees meer|read more|nieuwsoverzicht|bottom of page|top of page)`;
