// The council document types and their structured fields, as data: the editor, validation, the
// document card, the paste-import and /documenten all read this list. Field keys are snake_case
// Dutch, as the documents themselves name them; they are also the keys of the JSON import output.

export type FieldKind =
  /** A calendar date, stored as YYYY-MM-DD, shown as "29 mei 2012". */
  | 'date'
  /** One line of text. */
  | 'text'
  /** Several values (parties, names), stored as an array. */
  | 'list'
  /** One of the given options. */
  | 'choice'
  /** A whole number (votes). */
  | 'number';

export interface DocumentField {
  key: string;
  /** As the card and the editor show it. */
  label: string;
  kind: FieldKind;
  options?: readonly string[];
}

export interface DocumentType {
  key: DocumentTypeKey;
  /** The badge and the filter: "Schriftelijke vragen". */
  label: string;
  fields: readonly DocumentField[];
  /** Numbered questions with the college's answers (schriftelijke vragen). */
  hasQuestions: boolean;
}

export const DOCUMENT_TYPE_KEYS = ['nieuws', 'memo', 'raadsinformatiebrief', 'schriftelijke-vragen', 'brief', 'motie'] as const;
export type DocumentTypeKey = (typeof DOCUMENT_TYPE_KEYS)[number];

const date = (key: string, label: string): DocumentField => ({ key, label, kind: 'date' });
const text = (key: string, label: string): DocumentField => ({ key, label, kind: 'text' });
const list = (key: string, label: string): DocumentField => ({ key, label, kind: 'list' });

export const MOTIE_STATUSES = ['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden'] as const;

export const DOCUMENT_TYPES: Record<DocumentTypeKey, DocumentType> = {
  nieuws: { key: 'nieuws', label: 'Nieuws', fields: [], hasQuestions: false },
  memo: {
    key: 'memo',
    label: 'Memo',
    hasQuestions: false,
    fields: [
      date('datum', 'Datum'),
      text('aan', 'Aan'),
      text('van', 'Van'),
      text('onderwerp', 'Onderwerp'),
      text('portefeuillehouder', 'Portefeuillehouder'),
      text('inlichtingen_bij', 'Inlichtingen bij'),
    ],
  },
  raadsinformatiebrief: {
    key: 'raadsinformatiebrief',
    label: 'Raadsinformatiebrief',
    hasQuestions: false,
    fields: [
      text('nummer', 'Nummer'),
      date('datum', 'Datum'),
      text('onderwerp', 'Onderwerp'),
      text('portefeuillehouder', 'Portefeuillehouder'),
    ],
  },
  'schriftelijke-vragen': {
    key: 'schriftelijke-vragen',
    label: 'Schriftelijke vragen',
    hasQuestions: true,
    fields: [
      text('onderwerp', 'Onderwerp'),
      date('datum', 'Datum'),
      list('partijen', 'Partijen'),
      list('indieners', 'Indieners'),
      list('bijlagen', 'Bijlagen'),
      date('ingekomen', 'Ingekomen bij de griffie'),
      date('datum_antwoord', 'Datum antwoord'),
    ],
  },
  brief: {
    key: 'brief',
    label: 'Brief',
    hasQuestions: false,
    fields: [
      text('afzender', 'Afzender'),
      text('aan', 'Aan'),
      text('onderwerp', 'Onderwerp'),
      date('datum', 'Datum'),
      text('onze_referentie', 'Onze referentie'),
      text('uw_referentie', 'Uw referentie'),
      list('bijlagen', 'Bijlagen'),
      text('behandeld_door', 'Behandeld door'),
    ],
  },
  motie: {
    key: 'motie',
    label: 'Motie',
    hasQuestions: false,
    fields: [
      text('onderwerp', 'Onderwerp'),
      date('datum', 'Datum'),
      list('indieners', 'Indieners'),
      list('partijen', 'Partijen'),
      { key: 'status', label: 'Status', kind: 'choice', options: MOTIE_STATUSES },
      { key: 'stemmen_voor', label: 'Stemmen voor', kind: 'number' },
      { key: 'stemmen_tegen', label: 'Stemmen tegen', kind: 'number' },
    ],
  },
};

export function isDocumentType(value: unknown): value is DocumentTypeKey {
  return typeof value === 'string' && (DOCUMENT_TYPE_KEYS as readonly string[]).includes(value);
}

/** A document's field values: a string, a list of strings, or a number (votes); absent when empty. */
export type FieldValue = string | string[] | number;
export type DocumentFields = Record<string, FieldValue>;

export interface QuestionAnswer {
  /** The position, 1..n. */
  number: number;
  /** The text's own label where it differs from the position ("5a", "A1", "2 en 3"). */
  label?: string;
  question: string;
  /** Null while the college has not answered. */
  answer: string | null;
}
