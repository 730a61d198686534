// The council document types and their structured fields, as data: the editor, validation, the
// document card, the paste-import and /documenten all read this list. Field keys are snake_case
// Dutch, as the documents themselves name them; they are also the keys of the JSON import output.

export type FieldKind =
  /** A calendar date, stored as YYYY-MM-DD, shown as "29 mei 2012". */
  | 'date'
  /** One line of text. */
  | 'text'
  /** Several lines of text (a motie's dictum), stored in pieces of one row each, shown with its line breaks. */
  | 'multiline'
  /** Several values (parties, names), stored as an array. */
  | 'list'
  /** One of the given options. */
  | 'choice'
  /** A whole number (votes). */
  | 'number'
  /** A web address (http or https), shown as a link named after its host ("iBabs"). */
  | 'url';

export interface DocumentField {
  key: string;
  /** As the card and the editor show it; a type may name a common field its own way ("Van" on a memo). */
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  /** Help under the field in the editor. */
  hint?: string;
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

/** The keys every council document has, whatever its type. */
type CommonKey = 'datum' | 'kenmerk' | 'afzender' | 'aan' | 'onderwerp' | 'bijlagen' | 'bron';

const COMMON_LABELS: Record<CommonKey, string> = {
  datum: 'Datum',
  kenmerk: 'Kenmerk',
  afzender: 'Afzender',
  aan: 'Aan',
  onderwerp: 'Onderwerp',
  bijlagen: 'Bijlagen',
  bron: 'Bron',
};

/**
 * The meeting a document was (or will be) discussed in: the card and the API say it in one
 * sentence ("Besproken in de commissie Maatschappij van 15 januari 2018, agendapunt 4").
 */
export const MEETING_FIELD_KEYS = ['vergadering', 'vergaderdatum', 'agendapunt'] as const;

/**
 * A council type's fields: the common ones first (datum, kenmerk, afzender, aan, onderwerp), then
 * the type's own, then the meeting it was discussed in, bijlagen and bron. `labels` names a common field the way the type's own
 * documents do: a memo's afzender is "Van", a raadsinformatiebrief's kenmerk its "Nummer".
 */
function councilFields(own: DocumentField[], labels: Partial<Record<CommonKey, string>> = {}): DocumentField[] {
  const label = (key: CommonKey) => labels[key] ?? COMMON_LABELS[key];
  return [
    date('datum', label('datum')),
    text('kenmerk', label('kenmerk')),
    text('afzender', label('afzender')),
    text('aan', label('aan')),
    text('onderwerp', label('onderwerp')),
    ...own,
    {
      key: 'vergadering',
      label: 'Vergadering of commissie',
      kind: 'text',
      hint: 'Waar het document besproken is of wordt, bijvoorbeeld: de commissie Maatschappij.',
    },
    { key: 'vergaderdatum', label: 'Datum van de vergadering', kind: 'date', hint: 'Bijvoorbeeld 15-01-2018 of 15 januari 2018.' },
    { key: 'agendapunt', label: 'Agendapunt', kind: 'text', hint: 'Het nummer op de agenda, bijvoorbeeld 4 of 4a.' },
    list('bijlagen', label('bijlagen')),
    {
      key: 'bron',
      label: label('bron'),
      kind: 'url',
      hint: 'Het webadres van het document bij de gemeente, bijvoorbeeld in iBabs of Notubiz (https://…).',
    },
  ];
}

export const DOCUMENT_TYPES: Record<DocumentTypeKey, DocumentType> = {
  nieuws: { key: 'nieuws', label: 'Nieuws', fields: [], hasQuestions: false },
  memo: {
    key: 'memo',
    label: 'Memo',
    hasQuestions: false,
    fields: councilFields([text('portefeuillehouder', 'Portefeuillehouder'), text('inlichtingen_bij', 'Inlichtingen bij')], {
      afzender: 'Van',
    }),
  },
  raadsinformatiebrief: {
    key: 'raadsinformatiebrief',
    label: 'Raadsinformatiebrief',
    hasQuestions: false,
    fields: councilFields([text('portefeuillehouder', 'Portefeuillehouder'), text('inlichtingen_bij', 'Inlichtingen bij')], {
      kenmerk: 'Nummer',
    }),
  },
  'schriftelijke-vragen': {
    key: 'schriftelijke-vragen',
    label: 'Schriftelijke vragen',
    hasQuestions: true,
    fields: councilFields([
      list('partijen', 'Partijen'),
      list('indieners', 'Indieners'),
      date('ingekomen', 'Ingekomen bij de griffie'),
      date('datum_antwoord', 'Datum antwoord'),
    ]),
  },
  brief: {
    key: 'brief',
    label: 'Brief',
    hasQuestions: false,
    fields: councilFields([text('uw_referentie', 'Uw referentie'), text('behandeld_door', 'Behandeld door')], {
      kenmerk: 'Onze referentie',
    }),
  },
  motie: {
    key: 'motie',
    label: 'Motie',
    hasQuestions: false,
    fields: councilFields([
      list('indieners', 'Indieners'),
      list('partijen', 'Partijen'),
      {
        key: 'besluit',
        label: 'Besluit',
        kind: 'multiline',
        hint: 'Wat de motie vraagt of uitspreekt, zoals in de tekst: "verzoekt het college …".',
      },
      { key: 'status', label: 'Status', kind: 'choice', options: MOTIE_STATUSES },
      { key: 'stemmen_voor', label: 'Stemmen voor', kind: 'number' },
      { key: 'stemmen_tegen', label: 'Stemmen tegen', kind: 'number' },
      // The wethouder who carries out an adopted motie, as the council's motie register names them.
      text('portefeuillehouder', 'Portefeuillehouder'),
    ]),
  },
};

/** The field of this type with this key, or undefined. */
export function fieldOf(type: DocumentTypeKey, key: string): DocumentField | undefined {
  return DOCUMENT_TYPES[type].fields.find((f) => f.key === key);
}

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
