// The vocabulary of header labels: every way a document names a field, mapped to the field key of
// types.ts. Labels that are letterhead furniture (telefoon, e-mail) are known too, so a letterhead
// block ends there, but they fill no field and their lines stay in the body.
import { DOCUMENT_TYPES, type DocumentTypeKey, type FieldKind } from '../types';

/** 'stemming' is a line with the outcome and the votes of a motie; it fills status and stemmen_*. */
export type Concept = string;

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
    'vergadering',
  ],
  aan: ['aan', 'geadresseerde', 'ter attentie van', 'tav'],
  van: ['van'],
  afzender: ['afzender'],
  onderwerp: ['onderwerp', 'betreft', 'betreffende', 'inzake', 'titel', 'motie', 'motie vreemd aan de orde van de dag', 'titel motie'],
  portefeuillehouder: ['portefeuillehouder', 'portefeuillehouders', 'verantwoordelijk wethouder', 'wethouder'],
  inlichtingen_bij: ['inlichtingen bij', 'inlichtingen', 'informatie bij', 'nadere inlichtingen bij', 'meer informatie bij'],
  nummer: [
    'nummer',
    'nr',
    'rib nummer',
    'rib-nummer',
    'ribnummer',
    'raadsinformatiebrief nummer',
    'raadsinformatiebrief nr',
    'volgnummer',
    'registratienummer',
  ],
  partijen: ['partij', 'partijen', 'fractie', 'fracties', 'politieke partij', 'politieke partijen'],
  indieners: ['indiener', 'indieners', 'ingediend door', 'vragensteller', 'vragenstellers', 'raadslid', 'raadsleden', 'ondertekenaars'],
  bijlagen: ['bijlage', 'bijlagen', 'bijlages'],
  bron: ['bron', 'vindplaats', 'webadres'],
  agendapunt: ['agendapunt', 'agenda punt', 'agendanummer'],
  ingekomen: ['ingekomen', 'ingekomen op', 'ingekomen bij de griffie', 'datum ingekomen', 'ontvangen', 'ontvangen op', 'datum ontvangst'],
  datum_antwoord: ['antwoord college', 'datum antwoord', 'beantwoord', 'beantwoord op', 'datum beantwoording', 'antwoord verzonden'],
  kenmerk: ['ons kenmerk', 'onze referentie', 'onze ref', 'ons nummer', 'kenmerk', 'referentie', 'zaaknummer'],
  uw_referentie: ['uw kenmerk', 'uw brief', 'uw brief van', 'uw referentie', 'uw ref', 'uw nummer'],
  behandeld_door: ['behandeld door', 'contactpersoon', 'behandelaar', 'contact'],
  status: ['status', 'besluit', 'besluit raad'],
  stemming: ['stemming', 'stemmen', 'uitslag', 'uitslag stemming', 'stemmen voor', 'stemmen tegen', 'voor', 'tegen'],
  '': [
    'telefoon',
    'telefoonnummer',
    'doorkiesnummer',
    'doorkies',
    'e-mail',
    'email',
    'fax',
    'bezoekadres',
    'postadres',
    'internet',
    'website',
    'afdeling',
    'cluster',
    'kopie aan',
    'cc',
    'pagina',
    'blad',
    'iban',
  ],
};

const BY_LABEL = new Map<string, Concept>(
  Object.entries(SYNONYMS).flatMap(([concept, labels]) => labels.map((l) => [l, concept] as const)),
);

/** "Bijlage(n)", "RIB-nummer.", "Ons kenmerk" → the label's concept, '' for letterhead furniture, undefined when unknown. */
export function conceptOf(label: string): Concept | undefined {
  const key = label
    .toLowerCase()
    .replace(/\(\s*(?:n|s|en)\s*\)/g, '')
    .replace(/[.:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return BY_LABEL.get(key) ?? BY_LABEL.get(key.replace(/-/g, ' '));
}

/** The field a concept fills in every type: "Van" is the afzender, a "Nummer" the kenmerk. */
const FIELD_OF: Record<Concept, string> = { van: 'afzender', nummer: 'kenmerk' };
/** Where a type reads a concept its own way: the organisation at the top of a letter is its afzender. */
const RENAME: Partial<Record<DocumentTypeKey, Record<Concept, string>>> = {
  brief: { gemeente: 'afzender' },
  motie: { stemming: 'stemming' },
};

/** The field of this type the concept fills, or null when the type has no such field. */
export function fieldFor(type: DocumentTypeKey, concept: Concept): { key: string; kind: FieldKind } | null {
  const key = RENAME[type]?.[concept] ?? FIELD_OF[concept] ?? concept;
  if (key === 'stemming') return type === 'motie' ? { key, kind: 'text' } : null;
  const field = DOCUMENT_TYPES[type].fields.find((f) => f.key === key);
  return field ? { key, kind: field.kind } : null;
}

/** The kind a concept's value has whatever the type, to decide what a header's value may be. */
export function kindOf(concept: Concept): FieldKind {
  for (const t of Object.values(DOCUMENT_TYPES)) {
    const f = fieldFor(t.key, concept);
    if (f) return f.kind;
  }
  return 'text';
}
