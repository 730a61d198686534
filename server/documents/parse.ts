// Paste-import: a council document pasted from a PDF, a web page or an e-mail becomes its type, its
// fields, its numbered questions with answers, its signers and a Markdown body. The steps live in
// parse/: the line model (lines.ts), the header grammar (headers.ts) over a label vocabulary
// (labels.ts), the type by the header's evidence (detect.ts), signature blocks (signatures.ts),
// numbering (numbering.ts), question/answer alignment (questions.ts) and the body (body.ts).
// Every input line gets a role (`lines`), so the editor can see what became of it; nothing the text
// says is lost: what is no field, question, answer or letterhead stays in the body.
import { contradictions, SUGGEST_BELOW, unsure, type Evidence } from './parse/confidence';
import { answerLetterDate } from './parse/answer-letter';
import { DATE_LINE_LOOSE } from './parse/dates';
import { COLLEGE_SIGNS } from './parse/college-sender';
import { detectType } from './parse/detect';
import { HEADER_ZONE, scanHeaders, type Header } from './parse/headers';
import { FRACTION_OF, fractionParty, isParty, nationalBranch, partiesActing, spelledOut } from './parse/parties';
import { functionParty, signerParty } from './parse/question-heads';
import { fieldFor, fieldsOf, MOTIE_DICTUM, MOTIE_END } from './parse/labels';
import { joinLines, sourceLines, type Line } from './parse/lines';
import { wrappedLines } from './parse/wrap';
import { unglueLabels } from './parse/glued-labels';
import { autoNumbered, numbered } from './parse/numbering';
import { listSectionLines } from './parse/list-sections';
import { headSaysAnswered } from './parse/asking';
import { buildBody, isHeadingLine, type Role } from './parse/body';
import { withoutGluedFootnote } from './parse/footnotes';
import { reportedOutcome } from './parse/moties';
import { applyMotieHead, motieHead, motieTitleSubject } from './parse/motie-head';
import { applyOverrides, type LineOverrides } from './parse/overrides';
import { questionsAndAnswers, type FoundQuestion } from './parse/questions';
import {
  dashedNameAndParty,
  looksLikeName,
  MEMBER_FUNCTION,
  namedWithParty,
  partiesOf,
  partyOfFunction,
  signatures,
} from './parse/signatures';
import {
  findDate,
  membersAndParties,
  nameAndParty,
  plausible,
  OUTCOME_WORD,
  readStatus,
  readVotes,
  splitItems,
  splitNames,
  unquote,
} from './parse/values';
import { DOCUMENT_TYPES, MOTIE_STATUSES, type DocumentFields, type DocumentTypeKey, type QuestionAnswer } from './types';

export interface LineRole {
  text: string;
  role: Role;
  /** The field the line filled. */
  field?: string;
  /** The question (position) the line belongs to. */
  number?: number;
}

export interface ParsedDocument {
  type: DocumentTypeKey;
  fields: DocumentFields;
  questions: QuestionAnswer[];
  body: string;
  /** Who signed, as written. */
  signers: string[];
  /** What the editor must check before publishing, in Dutch. */
  warnings: string[];
  /** One entry per input line, in order: what became of it. */
  lines: LineRole[];
  /** Per reported field, the kind of evidence it was read from (parse/confidence.ts). */
  evidence: Record<string, Evidence>;
  /**
   * Values read from evidence too often wrong on fresh documents to fill the field with (parse/confidence.ts,
   * SUGGEST_BELOW): not in `fields`, offered to the editor next to the empty field.
   */
  suggestions: Suggestion[];
}

/** A field's value the recogniser does not fill in, but offers: its key, value, evidence and the input line it is on. */
export interface Suggestion {
  key: string;
  value: DocumentFields[string];
  evidence: Evidence;
  /** The input line it was read from, when one line states it. */
  line?: number;
}

const NAME_LISTS = new Set(['partijen', 'indieners']);

/** A party rather than a person: an acronym, a name with capitals inside, a party word. */
const looksLikeParty = (s: string) =>
  isParty(s) ||
  ((/^[\p{Lu}\d]{2,}(?![\p{Ll}])|^\p{Lu}\p{Ll}*\p{Lu}/u.test(s) ||
    /\b(?:partij|lijst|belang|links|sterk|lokaal|leefbaar|unie|fractie|groep)\b/i.test(s)) &&
    !looksLikeName(s));

/** The same party: the same name, or an acronym of the other's capitals ("GBW", "GemeenteBelang Westland"). */
function sameParty(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\d]/gu, '');
  if (norm(a) === norm(b)) return true;
  const capitals = (s: string) => (s.match(/\p{Lu}/gu) ?? []).join('');
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return /^[\p{Lu}\d]{2,6}$/u.test(short) && capitals(long) === short && /\s|\p{Ll}\p{Lu}/u.test(long);
}

interface Assigned {
  fields: DocumentFields;
  /** The line roles the headers give. */
  roles: Map<number, { role: Role; field?: string }>;
  /** The header each field was read from. */
  from: Map<string, Header>;
}

function convert(kind: string, key: string, raw: string, extra: { parties: string[] }): string | string[] | number | null {
  // A date with a clock time ("07-03-2021 - 21:44") is a web page's or system's stamp, not the document's date.
  if (kind === 'date') return key === 'datum' && /\b\d{1,2}:\d{2}\b/.test(raw) ? null : findDate(raw);
  if (kind === 'number') {
    const m = /\d+/.exec(raw);
    return m ? Number(m[0]) : null;
  }
  if (kind === 'choice') return readStatus(raw);
  if (kind === 'url') return /^https?:\/\/[^\s/]+\.\S+$/i.test(raw.trim()) && raw.length <= 500 ? raw.trim() : null;
  if (kind === 'list') {
    if (!NAME_LISTS.has(key)) return splitItems(raw);
    const items = raw
      .split('\n')
      .flatMap((l) => (/\(/.test(l) ? membersAndParties(l).names.map((n, k, all) => (all.length === 1 ? l : n)) : splitNames(l)));
    if (key === 'indieners')
      for (const l of raw.split('\n'))
        if (/\(/.test(l) && membersAndParties(l).names.length > 1) extra.parties.push(...membersAndParties(l).parties);
    if (key === 'partijen') return items.map((i) => i.trim()).filter(Boolean);
    const names: string[] = [];
    for (const item of items) {
      // "Indiener: Jan Smit, raadslid Stadsbelang": the function names the party, no second person.
      const named = functionParty(item);
      if (named) {
        extra.parties.push(named);
        continue;
      }
      // "Ingediend door: Fracties van de PvdA/GL, CDA en SGP": a list of fractions names parties, no persons.
      const fraction = FRACTION_OF.test(item.trim()) ? item.trim().replace(FRACTION_OF, '') : null;
      if (fraction && looksLikeParty(fraction)) {
        extra.parties.push(fraction);
        continue;
      }
      const { name, party } = dashedNameAndParty(item) ?? nameAndParty(item);
      if (party) extra.parties.push(party);
      if (looksLikeParty(name)) extra.parties.push(name);
      else names.push(name.replace(/^(?:dhr|mevr|mw)\.?\s+/i, ''));
    }
    return names;
  }
  return unquote(joinLines(raw.split('\n')));
}

const OUTCOME_AFTER_DASH = new RegExp(String.raw`\s+[–—-]\s+${OUTCOME_WORD}[.!]?$`, 'i');
/** A motie's subject with its outcome after a dash ("Motie: X – afgewezen"): the subject is X (the outcome is read apart). */
function withoutOutcome<T>(type: DocumentTypeKey, key: string, value: T): T {
  if (type !== 'motie' || key !== 'onderwerp' || typeof value !== 'string') return value;
  return value.replace(OUTCOME_AFTER_DASH, '') as T;
}

function assignHeaders(type: DocumentTypeKey, headers: Header[], extra: { parties: string[] }): Assigned {
  const fields: DocumentFields = {};
  const roles = new Map<number, { role: Role; field?: string }>();
  const strengthOf = new Map<string, number>();
  const from = new Map<string, Header>();
  const ordered = headers.map((h, i) => ({ h, i })).sort((a, b) => b.h.strength - a.h.strength || a.i - b.i);
  for (const { h } of ordered) {
    // A hint (a mention, a lone label in the text) is no field; a lone label that repeats a field's value is a
    // page's header again (page 2 of a PDF), and goes with the letterhead.
    if (h.hint && (h.strength < 2 || !h.value)) continue;
    if (h.questionsOnly && type !== 'schriftelijke-vragen') continue;
    const mark = (role: Role, field?: string) => {
      if (!h.keep) for (const i of h.lines) if (!roles.has(i)) roles.set(i, { role, field });
    };
    if (h.concept === 'stemming') {
      if (type !== 'motie') continue;
      const votes = readVotes(h.labelLine);
      const status = readStatus(h.labelLine);
      if (votes.voor !== undefined) fields.stemmen_voor ??= votes.voor;
      if (votes.tegen !== undefined) fields.stemmen_tegen ??= votes.tegen;
      if (status) fields.status ??= status;
      if (votes.voor !== undefined || votes.tegen !== undefined || status) mark('field', 'status');
      continue;
    }
    const field = fieldFor(type, h.concept);
    if (!field) {
      // A label this type has no field for: letterhead when labelled, text otherwise.
      if (h.strength >= 2 && !h.value) mark('letterhead');
      continue;
    }
    if (!h.value) {
      if (h.strength >= 2) mark('field', field.key); // an empty label stays empty
      continue;
    }
    const value = withoutOutcome(type, field.key, convert(field.kind, field.key, h.value, h.hint ? { parties: [] } : extra));
    if (h.hint) {
      if (value !== null && JSON.stringify(fields[field.key]) === JSON.stringify(value)) mark('letterhead', field.key);
      continue;
    }
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0) || !plausible(field.key, value)) continue;
    if (fields[field.key] === undefined) {
      fields[field.key] = value;
      strengthOf.set(field.key, h.strength);
      from.set(field.key, h);
      mark('field', field.key);
    } else if (JSON.stringify(fields[field.key]) === JSON.stringify(value) || h.strength < (strengthOf.get(field.key) ?? 0)) {
      // The same header again (a page header on page 2), or a weaker statement of it: furniture.
      mark(h.strength >= 2 ? 'letterhead' : 'field', field.key);
    }
  }
  return { fields, roles, from };
}

/** A line that states a motie's outcome or its votes, at its start. */
const OUTCOME_LINE = new RegExp(
  String.raw`^(?:(?:de\s+)?motie\s+(?:is\s+|werd\s+|wordt\s+)?)?(?:${MOTIE_STATUSES.join('|')}|\d{1,3}\s+(?:stemmen\s+)?(?:voor|tegen)|(?:stemmen\s+)?(?:voor|tegen)\s*:?\s*\d)\b`,
  'i',
);

// The dictum's last line ends with the motie's closing phrase, which is left out of besluit.
const ORDER_OF_THE_DAY = new RegExp(`,?\\s*${MOTIE_END.source}.*$`, 'iu');

/**
 * A motie's dictum: from the line that starts with its verb ("verzoekt het college …", "draagt het college op …",
 * "spreekt uit …") up to "en gaat over tot de orde van de dag", or up to the signers, a field, a "Toelichting"
 * or two empty lines when the text has no such closing. The lines stay in the body as well.
 */
function dictumOf(lines: Line[], roles: Role[]): string | null {
  const start = lines.findIndex((l, i) => roles[i] === 'body' && MOTIE_DICTUM.test(l.text.replace(/\t/g, ' ').trim()));
  if (start < 0) return null;
  const taken: string[] = [];
  let blanks = 0;
  for (let i = start; i < lines.length; i++) {
    const t = lines[i].text.replace(/\t/g, ' ').trim();
    if (!t) {
      if (++blanks >= 2 && taken.length > 1) break;
      continue;
    }
    if ((roles[i] !== 'body' && roles[i] !== 'blank') || /^toelichting\b/i.test(t)) break;
    blanks = 0;
    const end = ORDER_OF_THE_DAY.test(t);
    const kept = t.replace(ORDER_OF_THE_DAY, '').trim();
    if (kept) taken.push(lines[i].bullet ? `- ${kept}` : kept);
    if (end) break;
  }
  const value = taken.join('\n').replace(/[,;]$/, '');
  return value.length > 0 ? value : null;
}

const ANSWERING = /^(?:(?:het\s+)?college|burgemeester|de\s+minister|de\s+staatssecretaris|minister|staatssecretaris)\b/i;

const RANK: Role[] = ['question', 'answer', 'field', 'signer', 'heading', 'title', 'body', 'letterhead', 'blank'];

/** One entry per input line: a line a flattened text was cut into gives its input line the weightiest role. */
function explain(text: string, lines: Line[], roles: Role[], fieldOf: Map<number, string>, numberOf: Map<number, number>): LineRole[] {
  const input = sourceLines(text);
  const out: LineRole[] = input.map((raw) => ({ text: raw, role: 'blank' }));
  lines.forEach((l, i) => {
    // A line joined from a hard-wrapped text gives its role to every input line it spans.
    for (let s = l.source; s <= (l.lastSource ?? l.source); s++) {
      const entry = out[s];
      if (!entry || RANK.indexOf(roles[i]) >= RANK.indexOf(entry.role)) continue;
      entry.role = roles[i];
      const field = fieldOf.get(i);
      const number = numberOf.get(i);
      if (field) entry.field = field;
      if (number !== undefined) entry.number = number;
    }
  });
  return out;
}

/** A line that dates the title: a date alone ("vrijdag 7 juni 2019") or "door X op 7 juni …". */
const TITLE_DATE = { test: (t: string) => DATE_LINE_LOOSE.test(t) || /^door\s.{0,40}\bop\s+\d/iu.test(t) };
const FORMULA = /^(?:geachte?|beste|aan)\s|^(?:de\s+(?:gemeente)?raad|ondergetekenden?)\b.{0,60}[,:]$/iu;
/** A title that names only the genre: "Motie", "Schriftelijke vragen", "Kamervraag 2021Z03234", "Nr. 44 BRIEF VAN …". */
const GENRE_ONLY =
  /^(?:\d[\d\s]*\s+)?(?:nr\.?\s*\d+\s+)?(?:(?:gewijzigde\s+)?(?:motie|amendement)\s+van\s+(?:het\s+lid|de\s+leden)\b.*|(?:open\s+)?brief\s+aan\b.*|(?:gewijzigde\s+)?motie|amendement|memo|raadsinformatiebrief|brief(?:\s+van\b.*)?|(?:schriftelijke\s+|kamer|raads)?vra(?:ag|gen)|lijst\s+van\s+vragen(?:\s+en\s+antwoorden)?)(?:\s+(?:nr\.?\s*)?[\w./-]*\d[\w./-]*)?$/iu;
/** A line of running text: long enough, or a sentence, and written in lower case mostly (no title in capitals). */
const isProse = (t: string) => {
  const words = t.split(/\s+/);
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lower * 5 >= words.length * 2 && (words.length >= 12 || (words.length >= 7 && /[.!?]["'”’»)]*$/.test(t)));
};

/**
 * The document's title as its onderwerp when no header states one: the line just above the first paragraph of
 * text (past empty lines, a date, a salutation and a motie's formula lines), when it is short, no sentence,
 * no question and more than the genre's name. A quoted name after the genre ("Motie ‘Man en paard noemen’") is it.
 */
/** A line that goes on the sentence above it: lower case, and no date ("vrijdag 7 juni 2019"). */
const continuesInLowerCase = (next: string) => /^\p{Ll}/u.test(next) && !TITLE_DATE.test(next);

function titleSubject(lines: Line[], roles: Role[]): { value: string; line: number } | null {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < HEADER_ZONE + 6; i++) {
    const t = lines[i].text.replace(/\t/g, ' ').trim();
    if (!t) continue;
    seen++;
    if (roles[i] !== 'body' || !isProse(t) || FORMULA.test(t)) continue;
    for (let j = i - 1; j >= 0; j--) {
      const c = lines[j].text.replace(/\t/g, ' ').trim();
      if (!c || TITLE_DATE.test(c) || FORMULA.test(c)) continue;
      if ((roles[j] !== 'body' && roles[j] !== 'title') || lines[j].bullet) return null;
      const quoted = /^(?:motie|amendement)\b.{0,40}?\s[‘'“"]([^’'”"]{3,150})[’'”"]\.?$/iu.exec(c);
      if (quoted) return { value: quoted[1].trim(), line: j };
      const words = c.split(/\s+/).length;
      const wordsOfThree = (c.match(/\p{L}{3,}/gu) ?? []).length;
      if (
        words > 20 ||
        wordsOfThree < 2 ||
        /\d{6,}|\(\s*(?:ontvangen|ingezonden)\b|\b\d{1,2}\s+\p{L}+\s+\d{4}\b/u.test(c) ||
        // A question or an exclamation ("Bewoners bedankt!") is a headline, not a subject.
        /[:,;?!]$/.test(c) ||
        !/^[\p{Lu}\d‘'“"]/u.test(c) ||
        GENRE_ONLY.test(c) ||
        // "Voorburgs Dagblad | Open brief aan …": a browser's title bar (the site's name and the page's), no subject.
        /\s[|·]\s/.test(c) ||
        numbered(c) ||
        // The first line of a hard-wrapped paragraph: the next line goes on in lower case without a break.
        continuesInLowerCase(lines[j + 1]?.text.trim() ?? '')
      )
        return null;
      // "Motie evaluatie van Kop tot Staart": the genre's name is no part of the subject.
      return { value: unquote(c.replace(/\.$/, '').replace(/^(?:motie|amendement)\s+(?!van\b)/i, '')), line: j };
    }
    return null;
  }
  return null;
}

/** The half-paired warning: the editor checks the answers before publishing. */
function countWarning(questions: QuestionAnswer[]): string | null {
  const answered = questions.filter((q) => q.answer !== null).length;
  if (answered >= questions.length) return null;
  return `${questions.length} ${questions.length === 1 ? 'vraag' : 'vragen'} gevonden, maar ${answered} ${answered === 1 ? 'antwoord' : 'antwoorden'}: controleer de antwoorden voordat je publiceert.`;
}

/**
 * Recognises a document's text. `overrides` are the editor's corrections from the review step
 * (parse/overrides.ts): they replace the recognised role of those input lines.
 */
export function parseDocument(text: string, overrides?: LineOverrides): ParsedDocument {
  const lines = unglueLabels(wrappedLines(text, (source) => !!overrides?.has(source)));
  autoNumbered(lines);
  const { headers, furniture } = scanHeaders(lines);
  const type = detectType(lines, headers);
  const has = (key: string) => fieldsOf(type).some((f) => f.key === key);
  const extra = { parties: [] as string[] };
  const { fields, roles: headerRoles, from } = assignHeaders(type, headers, extra);
  const evidence = new Map<string, Evidence>();
  for (const [key, h] of from)
    evidence.set(
      key,
      h.strength >= 2
        ? h.deep
          ? 'label-deep'
          : 'label'
        : h.strength === 1.5
          ? (h.source ?? (h.ownAddress ? 'letterhead-address' : 'letterhead'))
          : 'prose',
    );
  // "Titel: Motie IV Donker waar het kan": a register's labelled title in a motie's shape gives its subject.
  // "Onderwerp: Motie voorkomen van X": the genre's name is no part of the subject (as in a title line).
  if (type === 'motie' && typeof fields.onderwerp === 'string')
    fields.onderwerp = motieTitleSubject(fields.onderwerp) ?? fields.onderwerp.replace(/^(?:motie|amendement)\s+(?!van\b)(?=\S)/i, '');
  // "Datum: 11/7/2019" in a record that also names the day as "07-11-2019": the month was written first (a system's
  // American date); read as the text confirms it, never guessed.
  const dated = from.get('datum');
  const american = dated ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(dated.value.trim()) : null;
  if (american && Number(american[1]) <= 12 && Number(american[2]) <= 12 && american[1] !== american[2]) {
    const [month, day, year] = [american[1].padStart(2, '0'), american[2].padStart(2, '0'), american[3]];
    if (new RegExp(String.raw`(?<!\d)0?${Number(day)}-0?${Number(month)}-${year}(?!\d)`).test(text))
      fields.datum = `${year}-${month}-${day}`;
  }
  // "Hierbij doe ik u de antwoorden toekomen op vragen van …": the letter's own date is the day of the answer; when that
  // date was taken for the document's, the questions are not dated by it.
  if (type === 'schriftelijke-vragen' && fields.datum_antwoord === undefined) {
    const own = answerLetterDate(headers, lines, HEADER_ZONE + 10);
    const day = own ? findDate(own.value) : null;
    if (own && day) {
      fields.datum_antwoord = day;
      evidence.set('datum_antwoord', own.strength >= 2 ? 'label' : 'prose');
      if (from.get('datum') === own) {
        delete fields.datum;
        evidence.delete('datum');
      }
      for (const i of own.lines) headerRoles.set(i, { role: 'field', field: 'datum_antwoord' });
    }
  }
  const roles: Role[] = lines.map((l) => (l.text.trim() || l.separator ? 'body' : 'blank'));
  const fieldOf = new Map<number, string>();
  const numberOf = new Map<number, number>();
  for (const i of furniture) roles[i] = 'letterhead';
  for (const [i, r] of headerRoles) {
    roles[i] = r.role;
    if (r.field) fieldOf.set(i, r.field);
  }
  const taken = () => new Set(roles.flatMap((r, i) => (r !== 'body' && r !== 'blank' ? [i] : [])));

  // Signers.
  // A short line standing alone between question N and N + 1 is a heading of the list, not a signature.
  let signed = type === 'nieuws' ? { signers: [], lines: new Set<number>(), senders: [] } : signatures(lines, taken(), 0);
  const sections = [...listSectionLines(lines)].filter((i) => signed.lines.has(i));
  if (sections.length) {
    signed = signatures(lines, new Set([...taken(), ...sections]), 0);
    for (const i of sections) roles[i] = 'heading';
  }
  for (const i of signed.lines) roles[i] = 'signer';
  if (type === 'schriftelijke-vragen' || type === 'motie') {
    const askers = signed.signers.filter((s) => type === 'motie' || !s.func || MEMBER_FUNCTION.test(s.func));
    if (askers.length && has('indieners')) {
      fields.indieners = askers.map((s) => s.name.replace(/^(?:dhr|mevr|mw)\.?\s+/i, ''));
      evidence.set('indieners', 'signature');
    }
    const signedParties = askers.flatMap((s) =>
      s.party ? partiesOf(signerParty(s.party)).map((p) => nationalBranch(p) ?? p) : partyOfFunction(s.func),
    );
    if (has('partijen') && fields.partijen === undefined) {
      const parties = extra.parties.length ? extra.parties : signedParties;
      // A mention in the text ("de fractie van GemeenteBelang Westland") only confirms a party the header or the
      // signature names, and then gives its name in full ("GBW" → "GemeenteBelang Westland").
      const mentioned = headers.filter((h) => h.hint && h.concept === 'partijen').map((h) => h.value);
      const written = parties.map((p) => mentioned.find((m) => sameParty(p, m)) ?? p);
      if (written.length) {
        fields.partijen = [...new Set(written)];
        evidence.set('partijen', extra.parties.length ? 'label-list' : 'signature');
      }
    }
  }
  // "GroenLinks is zeer verbolgen …", "De PvdA deelt de zorgen …": the one party (or the one group of parties side by
  // side) the opening paragraphs have acting is who asks or moves (parties of the lexicon only).
  if (has('partijen') && fields.partijen === undefined && (type === 'schriftelijke-vragen' || type === 'motie')) {
    const opening: string[] = [];
    let firstItem = -1;
    for (let i = 0; i < lines.length && opening.length < HEADER_ZONE + 6; i++)
      if (lines[i].text && roles[i] === 'body') {
        if (firstItem < 0 && numbered(lines[i].text.trim())) firstItem = opening.length;
        opening.push(lines[i].text.replace(/\t/g, ' '));
      }
    // The paragraphs above the first numbered question say who asks; a party named inside a question ("Het CDA heeft
    // in 2013 vragen gesteld …") only when they name none.
    const before = partiesActing(opening.slice(0, firstItem < 0 ? opening.length : firstItem).join('\n'));
    const acting = before.length ? before : partiesActing(opening.join('\n'));
    if (acting.length) {
      fields.partijen = acting;
      evidence.set('partijen', 'mention');
    }
  }
  // A motie's "Namens de fractie van X," names its movers (indieners, partijen), no sender. Who signs is surer than
  // the organisation a letterhead names alone (evidence 'letterhead', only suggested: a fraction's questions on the
  // municipality's paper, "Gemeente X" over "Namens de fractie Y", or the college signing its own letter), and takes
  // its place. A letterhead confirmed by its own address or naming an office holder stays. Over a PDF's running header
  // ("gemeente X" on every page) only the college that signs ("burgemeester en wethouders van X,") names the sender
  // better: another signer there is a person of the college, not the sender.
  const afzenderFrom = evidence.get('afzender');
  const fromLetterhead = afzenderFrom === 'letterhead' || afzenderFrom === 'running-header';
  // "De VVD heeft hierover de volgende vragen …" over "Namens de VVD Statenfractie Noord-Brabant,": the signature names
  // the same fraction in full.
  const core = (s: string) =>
    s
      .replace(/^(?:de|het)\s+/i, '')
      .replace(/[ -]?fractie$/i, '')
      .trim()
      .toLowerCase();
  const fuller =
    afzenderFrom === 'prose' &&
    typeof fields.afzender === 'string' &&
    isParty(core(fields.afzender)) &&
    signed.senders.length === 1 &&
    signed.senders[0].toLowerCase().includes(core(fields.afzender)) &&
    signed.senders[0].length > fields.afzender.length;
  if (has('afzender') && (fields.afzender === undefined || fromLetterhead || fuller) && type !== 'motie') {
    const senders = [...new Set(signed.senders.map((s) => s.replace(/[,:]$/, '')))];
    const own = type === 'schriftelijke-vragen' ? senders.filter((s) => !ANSWERING.test(s)) : senders;
    const college = own.length === 1 && COLLEGE_SIGNS.test(own[0]);
    if (afzenderFrom === 'running-header' && !college) own.length = 0;
    if (own.length === 1 && !(type === 'brief' && /^fractie\s/i.test(own[0]) && signed.signers.length === 0)) {
      if (fromLetterhead)
        fieldOf.forEach((k, i) => {
          if (k === 'afzender' && roles[i] === 'field') roles[i] = 'letterhead';
        });
      fields.afzender = own[0];
      evidence.set('afzender', 'signature');
      // "Namens de PVV Maastricht": questions sent on behalf of a party the lexicon knows are that party's.
      const party = own[0].replace(/^(?:de|het)\s+/i, '');
      if (type === 'schriftelijke-vragen' && has('partijen') && fields.partijen === undefined && isParty(party)) {
        fields.partijen = [nationalBranch(party) ?? party];
        evidence.set('partijen', 'signature');
      }
    }
  }

  // A sender who is a member with a party ("Van: Gerrit Averesch (SGP)") names who asks or moves and for which party;
  // a party's fraction as sender ("de fractie van de PvdA", "De SP-fractie") names the party. Read as surely as the
  // sender itself, and only where nothing else named them.
  if ((type === 'schriftelijke-vragen' || type === 'motie') && typeof fields.afzender === 'string') {
    const from = evidence.get('afzender');
    const members = namedWithParty(fields.afzender, false);
    const withParty = members?.every((m) => m.party) ? members : null;
    const party = withParty ? null : fractionParty(fields.afzender);
    if (withParty && has('indieners') && fields.indieners === undefined && from) {
      fields.indieners = withParty.map((m) => m.name);
      evidence.set('indieners', from);
    }
    const parties = withParty ? [...new Set(withParty.map((m) => m.party!))] : party ? [party] : [];
    if (parties.length && has('partijen') && fields.partijen === undefined && from) {
      fields.partijen = parties;
      evidence.set('partijen', from);
    }
  }

  // Questions and answers.
  let questions: QuestionAnswer[] = [];
  let pairs: FoundQuestion[] = [];
  const warnings: string[] = [];
  if (DOCUMENT_TYPES[type].hasQuestions) {
    const answerWords = headSaysAnswered(lines.slice(0, 40).map((l) => l.text));
    const found = questionsAndAnswers(lines, taken(), furniture, answerWords);
    for (const i of furniture) if (roles[i] === 'body') roles[i] = 'letterhead';
    for (const q of found.questions) {
      for (const i of q.questionLines) {
        roles[i] = 'question';
        numberOf.set(i, q.number);
      }
      for (const i of q.answerLines) {
        roles[i] = 'answer';
        numberOf.set(i, q.number);
      }
    }
    for (const i of found.headings) if (roles[i] === 'body') roles[i] = 'heading';
    // Signers that all stand above the first question (a meeting page's "Voorzitter / A. Bakker") sign no questions.
    const first = Math.min(...found.questions.flatMap((q) => q.questionLines));
    if (evidence.get('indieners') === 'signature' && signed.lines.size && [...signed.lines].every((i) => i < first)) {
      delete fields.indieners;
      evidence.delete('indieners');
    }
    pairs = found.questions;
    questions = found.questions.map(({ questionLines: _q, answerLines: _a, ...qa }) => ({
      ...qa,
      question: withoutGluedFootnote(qa.question),
      answer: qa.answer === null ? null : withoutGluedFootnote(qa.answer),
    }));
    const answered = questions.filter((q) => q.answer !== null).length;
    const count = countWarning(questions);
    if (found.answerPart && count) warnings.push(count);
    if (found.orphanAnswers)
      warnings.push(
        `${found.orphanAnswers} ${found.orphanAnswers === 1 ? 'antwoord' : 'antwoorden'} gevonden zonder vraag: controleer de vragen en antwoorden voordat je publiceert.`,
      );
    // The college's or minister's own answers: their date is the date of the answer.
    if (
      has('datum_antwoord') &&
      fields.datum_antwoord === undefined &&
      answered &&
      typeof fields.afzender === 'string' &&
      ANSWERING.test(fields.afzender) &&
      fields.datum
    ) {
      fields.datum_antwoord = fields.datum;
      evidence.set('datum_antwoord', 'derived');
    }
  }

  // Written questions are dated by the day they were sent in, when nothing else dates them.
  if (type === 'schriftelijke-vragen' && fields.datum === undefined && typeof fields.ingekomen === 'string') {
    fields.datum = fields.ingekomen;
    evidence.set('datum', 'derived');
  }

  // A motie's outcome and votes, a RIB's number in its title.
  const free = lines.map((l, i) => (roles[i] === 'body' ? l.text.replace(/\t/g, ' ') : ''));
  if (type === 'motie') {
    free.forEach((line, i) => {
      // The outcome is the line's first sentence ("Motie is aangenomen met 11 stemmen voor en 4 tegen (…). Motivatie …").
      const t = line.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0].replace(/\s*\([^()]*\)/g, '');
      if (!t || t.split(/\s+/).length > 12 || /^[-•*]/.test(t)) return;
      // Only a line that states the outcome ("Verworpen", "De motie is aangenomen met 21 stemmen voor …"):
      // the word inside a sentence of the text ("constaterende dat de vergunning is ingetrokken") is no outcome.
      if (!OUTCOME_LINE.test(t)) return;
      const status = readStatus(t);
      if (status && fields.status === undefined && (MOTIE_STATUSES as readonly string[]).includes(status)) {
        fields.status = status;
        roles[i] = 'field';
        fieldOf.set(i, 'status');
      }
      if (/\d/.test(t) && !/%/.test(t) && /\bvoor\b/i.test(t) && /\btegen\b/i.test(t)) {
        const votes = readVotes(t);
        if (votes.voor !== undefined && fields.stemmen_voor === undefined) fields.stemmen_voor = votes.voor;
        if (votes.tegen !== undefined && fields.stemmen_tegen === undefined) fields.stemmen_tegen = votes.tegen;
      }
    });
  }
  // "Deze motie is met algemene stemmen aangenomen.": the outcome reported inside a paragraph of the text.
  if (type === 'motie' && has('status') && fields.status === undefined) {
    const at = free.findIndex((line) => reportedOutcome(line) !== null);
    if (at >= 0) {
      fields.status = reportedOutcome(free[at])!;
      evidence.set('status', 'prose');
    }
  }
  if (type === 'motie' && has('besluit') && fields.besluit === undefined) {
    const dictum = dictumOf(lines, roles);
    if (dictum) fields.besluit = dictum;
  }
  if (type === 'raadsinformatiebrief' && fields.kenmerk === undefined) {
    const title = free
      .slice(0, 30)
      .map((t) => /^(?:raadsinformatiebrief|rib)\b[\s:]*(?:nr\.?|nummer|no\.?)?\s*([\w./-]*\d[\w./-]*)/i.exec(t))
      .find(Boolean);
    if (title) {
      fields.kenmerk = title[1].replace(/[.,]$/, '');
      evidence.set('kenmerk', 'title');
    }
  }

  // The title line that named the type is the document's title, not its text.
  const first = roles.findIndex((r) => r !== 'blank' && r !== 'letterhead');
  if (
    first >= 0 &&
    roles[first] === 'body' &&
    lines[first].text.split(/\s+/).length <= 12 &&
    !/[:.,]$/.test(lines[first].text) &&
    type !== 'nieuws'
  ) {
    const t = lines[first].text;
    if (/^(?:memo|memorandum|raadsinformatiebrief|rib|motie|schriftelijke\s+vragen|brief)\b/i.test(t)) roles[first] = 'title';
  }

  if (type === 'motie')
    applyMotieHead(motieHead(lines, roles), fields, evidence, (i, key) => {
      roles[i] = 'field';
      fieldOf.set(i, key);
    });

  let titleLine = -1;
  if (has('onderwerp') && fields.onderwerp === undefined) {
    const title = titleSubject(lines, roles);
    if (title) {
      fields.onderwerp = title.value;
      evidence.set('onderwerp', 'title');
      roles[title.line] = 'title';
      titleLine = title.line;
    }
  }

  for (let i = 0; i < lines.length; i++) if (roles[i] === 'body' && isHeadingLine(lines, roles, i)) roles[i] = 'heading';

  // The editor's corrections come last: what they say stands.
  let signers = signed.signers.map((s) => s.name);
  if (overrides?.size) {
    const done = applyOverrides(lines, { roles, fieldOf, numberOf }, pairs, overrides);
    for (const key of done.droppedFields) delete fields[key];
    signers = signers.filter((name) => !done.texts.some((t) => t.includes(name)));
    if (done.pairsChanged) {
      questions = done.pairs.map(({ questionLines: _q, answerLines: _a, ...qa }) => qa);
      // The pairs are the editor's now: only the count still needs saying.
      warnings.length = 0;
      const count = countWarning(questions);
      if (count) warnings.push(count);
      const orphans = questions.filter((q) => !q.question.trim()).map((q) => q.number);
      if (orphans.length)
        warnings.push(
          `${orphans.length === 1 ? `Antwoord ${orphans[0]} heeft` : `De antwoorden ${orphans.join(', ')} hebben`} geen vraag: controleer de vragen en antwoorden voordat je publiceert.`,
        );
    }
  }
  // A value not of its field's kind, from whatever rule it came, is no field: its line stays text.
  const unfill = (key: string) => {
    delete fields[key];
    fieldOf.forEach((k, i) => {
      if (k === key && roles[i] === 'field') roles[i] = 'body';
    });
  };
  for (const key of Object.keys(fields)) if (!plausible(key, fields[key]) && !overrides?.size) unfill(key);
  // Two fields that cannot both be true: the less sure one goes (both when they are as sure); a field whose evidence
  // was more often wrong than right on fresh documents goes too (confidence.ts).
  // A field whose evidence was often wrong (below SUGGEST_BELOW) is not filled in but offered as a suggestion, with
  // the line it was read from; its line stays text.
  const suggestions: Suggestion[] = [];
  if (!overrides?.size) {
    const ev = Object.fromEntries(evidence);
    for (const key of contradictions(fields, ev)) unfill(key);
    for (const key of unsure(fields, ev)) unfill(key);
    for (const key of unsure(fields, ev, SUGGEST_BELOW)) {
      if (!fieldsOf(type).some((f) => f.key === key)) continue;
      const at = key === 'onderwerp' && titleLine >= 0 ? titleLine : [...fieldOf].find(([, k]) => k === key)?.[0];
      suggestions.push({ key, value: fields[key], evidence: ev[key], ...(at !== undefined && at >= 0 ? { line: lines[at].source } : {}) });
      unfill(key);
    }
  }
  if (Array.isArray(fields.partijen)) fields.partijen = fields.partijen.map((p) => spelledOut(p, text));
  const body = buildBody(lines, roles);

  const ordered: DocumentFields = {};
  for (const f of fieldsOf(type)) if (fields[f.key] !== undefined) ordered[f.key] = fields[f.key];
  return {
    type,
    fields: ordered,
    evidence: Object.fromEntries([...evidence].filter(([k]) => ordered[k] !== undefined)),
    suggestions,
    questions,
    body,
    signers,
    warnings,
    lines: explain(text, lines, roles, fieldOf, numberOf),
  };
}
