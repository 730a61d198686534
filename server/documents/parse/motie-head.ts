// A motie's own fields outside a labelled header, read by a small grammar of a motie's shapes:
//   [title line]                "Motie: X", "Motie X (CDA D66 VVD)", "Titel motie: X", "Motie … inzake X aangenomen",
//                               "X" in capitals above a line "MOTIE"
//   [meeting line]              "De raad van de gemeente X, in vergadering bijeen op <date>", "Voorgesteld … <date>"
//   [heading]                   "MOTIE VAN DE LEDEN A EN B" (a Kamer motie: its title lines are the dossier's)
//   constaterende / overwegende / verzoekt / draagt op … "en gaat over tot de orde van de dag."
//   [signature block]           "Name, Party" lines, names alone, "Namens: A – B – C", "Fracties A en B"
// Every rule abstains when the shape is not plainly there: a missing field is better than a wrong one.
import type { Role } from './body';
import type { Evidence } from './confidence';
import { MEETING, ONE_DATE } from './dates';
import { MOTIE_END } from './labels';
import type { Line } from './lines';
import { isParty, partyLike } from './parties';
import { looksLikeName, nameThenParty } from './signatures';
import { findDate, OUTCOME_WORD, plausible, statusOf } from './values';

export interface MotieHead {
  /** `line`: the line that states it, when it is a whole line (not a piece of a flattened text). */
  onderwerp?: { value: string; line?: number };
  datum?: { value: string; line?: number };
  status?: string;
  kenmerk?: { value: string; line?: number };
  partijen?: string[];
  indieners?: string[];
}

const plain = (l: Line | undefined) => (l ? l.text.replace(/\t/g, ' ').replace(/\s+/g, ' ').trim() : '');

/** The start of a motie's text proper: its meeting line, "De Kamer,", a consideration or the dictum. */
const ANCHOR =
  /^(?:(?:de\s+)?(?:gemeente)?raad\b.{0,80}\bbijeen\b|(?:de\s+)?(?:gemeente)?raad\s+van\s+[^.;:]{2,60},$|de\s+kamer,?$|gehoord\s+de\s+beraadslaging|(?:constaterende|overwegende|(?:is\s+)?van\s+mening)\b|(?:verzoekt|draagt)\s+(?:het\s+college|de\s+regering|het\s+presidium|de\s+burgemeester)\b)/i;

/** "CDA D66 VVD", "BGE – VE – CU", "CDA en DorpsVisie", "GroenLinks, D66": parties only, or null. */
function partyList(text: string): string[] | null {
  // "PvdA/GroenLinks": a joint list is one party.
  if (/\//.test(text) && isParty(text)) return [text.trim()];
  const items = text
    .split(/\s*(?:[,–—/]|\s-\s|\ben\b)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  const parts = items.length > 1 ? items : text.split(/\s+/);
  if (parts.length && parts.every((p) => partyLike(p))) return parts;
  return items.length === 1 && isParty(items[0]) ? items : null;
}

/** A genre line that names no subject: "MOTIE", "Motie 72/2014", "Motie vreemd aan de agenda", "Motie van het lid …". */
const GENRE =
  /^(?:(?:aangenomen|gewijzigde)\s+)?motie(?:\s+(?:nr\.?\s*)?[\w./-]*\d[\w./-]*)?(?:\s*\(?\s*vreemd\s+aan\s+de\s+(?:orde|agenda)(?:\s+van\s+de\s+dag)?\s*\)?)?$/i;

/** Title shapes; each gives the subject and what the title says besides it (parties, outcome). */
/** A motie's number in its title: "M 11", "M-024", a Roman numeral ("IV"), "2018-097M", "12". */
const TITLE_NUMBER = String.raw`(?:M\s?-?\d{1,4}[a-z]?|[IVXLC]{1,6}|\d{2,4}[-/]\d{1,4}\s?M|\d{1,3}[a-z]?)`;
/** "Motie (M 11) “Title”", "Motie IV Donker waar het kan": the number, then the title with a capital or a quote. */
const NUMBERED = new RegExp(String.raw`^[Mm]otie\s+(?:nr\.?\s*)?(\(\s*${TITLE_NUMBER}\s*\)|${TITLE_NUMBER})\s+([\p{Lu}‘'“"(].*)$`, 'u');

/** "… aangenomen", "Aangenomen motie …", "Motie X (verworpen)", "Motie: X – afgewezen": the outcome in the title. */
const TITLE_OUTCOME = new RegExp(String.raw`^(aangenomen|verworpen)\s+(?=motie\b)|\s+(?:[–—-]\s+)?\(?(${OUTCOME_WORD})\)?[.!]?$`, 'i');
const OUTCOME_INSIDE = new RegExp(String.raw`\b${OUTCOME_WORD}\b`, 'i');

function titleOf(text: string): { subject: string; parties?: string[]; status?: string; kenmerk?: string } | null {
  let t = text.replace(/^[-–•*]\s+/, '').trim();
  let status: string | undefined;
  let kenmerk: string | undefined;
  const outcome = TITLE_OUTCOME.exec(t);
  if (outcome) {
    status = statusOf(outcome[1] ?? outcome[2]);
    t = t.replace(outcome[0], outcome[1] ? '' : '').trim();
  }
  const numbered = NUMBERED.exec(t);
  if (numbered) {
    kenmerk = numbered[1].replace(/^\(\s*|\s*\)$/g, '');
    t = `Motie: ${numbered[2]}`;
  }
  let subject: string | null = null;
  let parties: string[] | undefined;
  const labelled = /^titel(?:\s+(?:van\s+de\s+)?motie)?\s*:\s*(.+)$/i.exec(t);
  const about = /^motie\b.{0,60}?\binzake\s+(.+)$/i.exec(t);
  const dashed = /^motie\s*[:–—-]\s*(.+)$/i.exec(t);
  const named = /^motie\s+(?!van\b|vreemd\b|nr\b|over\b)(\p{Lu}.+)$/iu.exec(t);
  if (labelled) subject = labelled[1];
  else if (about) subject = about[1];
  else if (dashed) subject = dashed[1];
  else if (named) {
    // "Motie Partij Vrij Almelo": a party, no subject.
    if (partyList(named[1])) return status ? { subject: '', parties: partyList(named[1])!, status } : null;
    subject = named[1];
  }
  if (subject === null) return null;
  // A bracket at the end: the parties that move it ("( CDA D66 VVD)") or a note ("(vooheen M-198)").
  const bracket = /\s*\(\s*([^()]+?)\s*\)$/.exec(subject);
  if (bracket) {
    parties = partyList(bracket[1]) ?? undefined;
    subject = subject.slice(0, bracket.index);
  }
  subject = subject
    .replace(/^[‘'“"]|[’'”"]$/g, '')
    .replace(/[.]$/, '')
    .trim();
  const words = subject.split(/\s+/).length;
  if (!subject || words > 14 || /[:;,?]$/.test(subject) || !/\p{L}{3}/u.test(subject)) return null;
  // "… mezenkastjes verworpen, coalitie tegen": an outcome inside the line makes it a news headline, not a title.
  if (OUTCOME_INSIDE.test(subject)) return null;
  return { subject, parties, status, ...(kenmerk ? { kenmerk } : {}) };
}

/** Title case for a name printed in capitals: "VAN DER PLAS" → "Van der Plas". */
const titleCase = (s: string) =>
  s
    .toLowerCase()
    .split(/\s+/)
    .map((w, i) => (i > 0 && /^(?:van|de|der|den|het|ter|ten|te|in|op)$/.test(w) ? w : w.replace(/^\p{Ll}/u, (c) => c.toUpperCase())))
    .join(' ')
    .replace(/-(\p{Ll})/gu, (_, c: string) => `-${c.toUpperCase()}`);

/** "MOTIE VAN DE LEDEN STOFFER EN LEIJTEN": the names, when the heading names them all (no "c.s."). */
function headingMovers(text: string): string[] | null {
  const m = /^(?:nr\.?\s*\d+\s+)?(?:gewijzigde\s+)?motie\s+van\s+(?:het\s+lid|de\s+leden)\s+(.+)$/i.exec(text);
  if (!m || /\bc\.?\s?s\.?$/i.test(m[1]) || m[1] !== m[1].toUpperCase()) return null;
  const names = m[1]
    .replace(/\.$/, '')
    .split(/\s*,\s*|\s+EN\s+/)
    .map((n) => titleCase(n.trim()));
  return names.every((n) => looksLikeName(n, true)) ? names : null;
}

/**
 * The signature block under "en gaat over tot de orde van de dag": its lines up to an empty line after the first
 * one, then "Name, Party" lines, names alone, or a line of parties ("Namens: BGE – VE", "Fracties CDA en DorpsVisie").
 */
function signatureBlock(lines: Line[], end: number): { indieners?: string[]; partijen?: string[] } | null {
  const block: string[] = [];
  let pairMode = false;
  for (let i = end + 1; i < lines.length && block.length < 16; i++) {
    const t = plain(lines[i]).replace(/,$/, '');
    // "Son en Breugel, 2 juli 2020": the place and date above the signers; "Ondertekening en naam:", its label.
    if (!block.length && new RegExp(String.raw`^[\p{L} '’-]+,\s*${ONE_DATE}$`, 'iu').test(t)) continue;
    if (!block.length && /^(?:ondertekening(?:\s+en\s+naam)?|ondertekenaars?|indieners?)\s*:$/i.test(t)) continue;
    if (!t) {
      // Lines of "Name, Party" may stand apart; any other block ends at an empty line.
      if (block.length && !pairMode) break;
      continue;
    }
    if (pairMode && !namePartyOf(t)) break;
    block.push(t);
    if (block.length === 1) pairMode = namePartyOf(t) !== null;
  }
  if (!block.length) return null;
  const pairs = block.map(namePartyOf);
  if (pairs.every(Boolean)) return { indieners: pairs.map((p) => p!.name), partijen: [...new Set(pairs.map((p) => p!.party))] };
  if (block.every((t) => looksLikeName(t, true) && t.split(/\s+/).length <= 4)) return { indieners: block };
  if (block.length === 1) {
    const parties = /^(?:namens\s*:?\s*|(?:de\s+)?fracties?\s+(?:van\s+)?)(.+)$/i.exec(block[0]);
    const list = parties ? partyList(parties[1].replace(/[.,]$/, '')) : null;
    if (list) return { partijen: list };
  }
  return null;
}

/** "Anna de Vries, GroenLinks", "Jan de Boer (SGP)": a signer's name with one party, or null. */
function namePartyOf(text: string): { name: string; party: string } | null {
  const m = /^([^,()]+),\s*([^,()]+)$/.exec(text) ?? /^([^,()]+?)\s*\(([^,()]+)\)$/.exec(text);
  // "Hans de Waard SP": the name and a party of the lexicon with only a space between.
  if (!m) return nameThenParty(text);
  if (!looksLikeName(m[1]) || partyList(m[2].trim())?.length !== 1) return null;
  return { name: m[1].trim(), party: m[2].trim() };
}

/** A labelled title that is a motie's number and title ("Titel: Motie IV Donker waar het kan"): the title, or null. */
export function motieTitleSubject(value: string): string | null {
  return NUMBERED.test(value.trim()) ? titleOf(value.trim())?.subject || null : null;
}

/**
 * Reads a motie's own fields from the lines still in the body (`roles[i] === 'body'`). A motie flattened onto one
 * long line with its lines kept apart by runs of spaces (a PDF's text pasted from a page) is read piece by piece.
 */
export function motieHead(lines: Line[], roles: Role[]): MotieHead {
  const pieces: Line[] = [];
  const pieceRoles: Role[] = [];
  const origin: Array<number | undefined> = [];
  lines.forEach((l, i) => {
    const parts = l.text.length > 300 && MOTIE_END.test(l.text) ? l.text.split(/ {2,}|\t/).filter((p) => p.trim()) : [l.text];
    for (const text of parts) {
      pieces.push(parts.length > 1 ? { ...l, text } : l);
      pieceRoles.push(roles[i]);
      origin.push(parts.length > 1 ? undefined : i);
    }
  });
  const head = readHead(pieces, pieceRoles);
  for (const f of [head.onderwerp, head.datum, head.kenmerk]) if (f?.line !== undefined) f.line = origin[f.line];
  return head;
}

/**
 * A motie named in quotes as the writer's or the one at hand: "haar motie “Bloeiende bermen”", "deze motie ‘X’" (not "de
 * motie ‘Kappen met kappen’", which may be another the text refers to).
 */
const QUOTED_MOTIE = /\b(?:haar|zijn|hun|onze|mijn|deze)\s+motie\s+[“"‘']\s*([^”"’'\n]{3,80}?)\s*[”"’']/iu;

function readHead(lines: Line[], roles: Role[]): MotieHead {
  const head: MotieHead = {};
  const free = (i: number) => roles[i] === 'body' || roles[i] === 'title';
  const anchor = lines.findIndex((l, i) => free(i) && ANCHOR.test(plain(l)));
  const kamer = lines.some(
    (l, i) =>
      i < (anchor < 0 ? 40 : anchor + 2) && /^de\s+kamer,?$|^(?:nr\.?\s*\d+\s+)?motie\s+van\s+(?:het\s+lid|de\s+leden)\b/i.test(plain(l)),
  );

  // The meeting line (joined with the next when it breaks after the town: "De gemeenteraad van X," / "in vergadering …").
  for (let i = 0; i < lines.length && i <= Math.max(anchor, 0) + 3; i++) {
    if (!free(i)) continue;
    const t = plain(lines[i]);
    const next = i + 1 < lines.length && free(i + 1) ? plain(lines[i + 1]) : '';
    const m = MEETING.exec(t) ?? (/,$/.test(t) ? MEETING.exec(`${t} ${next}`) : null);
    if (m && findDate(m[1])) {
      head.datum = { value: findDate(m[1])!, line: i };
      break;
    }
  }

  // The title: above the motie's text proper, the nearest line of a title's shape; in a record without the motie's
  // text (a register's page), the first such line among the first twelve.
  const order: number[] = [];
  if (anchor >= 0) for (let i = anchor - 1; i >= 0; i--) order.push(i);
  else for (let i = 0; i < lines.length; i++) order.push(i);
  if (!kamer) {
    for (let k = 0, seen = 0; k < order.length && seen < (anchor >= 0 ? 8 : 12); k++) {
      const i = order[k];
      const t = plain(lines[i]);
      if (!t || !free(i)) continue;
      seen++;
      if (GENRE.test(t)) continue;
      // "OPENBARE TOILETTEN" next to a line "MOTIE" (above or below it): a title in capitals.
      if (t === t.toUpperCase() && /\p{Lu}{3}/u.test(t) && t.split(/\s+/).length <= 8 && !/[.:;,]$/.test(t)) {
        const near = (step: number) => {
          for (let j = i + step; j >= 0 && j < lines.length; j += step) if (plain(lines[j])) return plain(lines[j]);
          return '';
        };
        if (/^motie$/i.test(near(-1)) || /^motie$/i.test(near(1))) {
          head.onderwerp = { value: t, line: i };
          break;
        }
      }
      const title = titleOf(t);
      if (!title) continue;
      if (title.subject) head.onderwerp = { value: title.subject, line: i };
      if (title.kenmerk) head.kenmerk = { value: title.kenmerk, line: i };
      if (title.parties) head.partijen = title.parties;
      if (title.status) head.status = title.status;
      break;
    }
  }

  // No title line: the motie's name in quotes in the introduction ("… kreeg steun van alle fracties voor haar motie
  // " Bloeiende bermen".").
  if (!head.onderwerp && !kamer)
    for (let i = 0; i < (anchor < 0 ? 0 : anchor); i++) {
      // (A title line "Motie 'X'" is read as a title, with its own confidence.)
      const m = free(i) ? QUOTED_MOTIE.exec(plain(lines[i])) : null;
      if (m && plausible('onderwerp', m[1])) {
        head.onderwerp = { value: m[1], line: undefined };
        break;
      }
    }

  // A headline "… Aangenomen Motie Partij Vrij Almelo": the outcome and the party.
  for (let i = 0; i < (anchor < 0 ? 0 : anchor); i++) {
    const m = free(i) ? /\b(aangenomen|verworpen)\s+motie\s+(?:van\s+(?:de\s+)?)?([^.!?]+)$/i.exec(plain(lines[i])) : null;
    const parties = m ? partyList(m[2]) : null;
    if (m && parties) {
      head.status ??= m[1].toLowerCase();
      head.partijen ??= parties;
      break;
    }
  }
  // An outcome the introduction reports: "Hierbij de motie zoals die unaniem is aangenomen door de raad."
  // "Alex Engbers diende de motie namens het CDA in welke door de raad … is aangenomen!": the motie the text is, as a
  // relative clause says it was done (no negation or expectation in it).
  if (!head.status)
    for (let i = 0; i < (anchor < 0 ? 0 : anchor); i++) {
      if (!free(i)) continue;
      const m =
        /\b(?:de|deze|die)\s+motie\b[^.;]{0,30}?\b(?:die|welke)?\s*(?:unaniem|met\s+algemene\s+stemmen)\s+(?:is|werd)\s+(aangenomen|verworpen)\b/i.exec(
          plain(lines[i]),
        ) ??
        /\b(?:de|deze)\s+motie\b[^.;!?]{0,60}?\b(?:die|welke)\b([^.;!?]{0,60}?)\b(?:is|werd)\s+(aangenomen|verworpen)\b/i.exec(
          plain(lines[i]),
        );
      if (m && !(m.length > 2 && /\b(?:niet|nog|naar|verwachting|waarschijnlijk|mogelijk)\b/i.test(m[1]))) {
        head.status = m[m.length - 1].toLowerCase();
        break;
      }
    }

  // Kenmerk: a motie register's number alone on the first line ("M-024"), or a Kamerstuk's "35300-VII nr. 76".
  const firstLine = lines.findIndex((l) => plain(l));
  if (firstLine >= 0 && free(firstLine) && /^M-?\d{1,4}$/.test(plain(lines[firstLine])))
    head.kenmerk = { value: plain(lines[firstLine]), line: firstLine };
  for (let i = 0; i < Math.min(lines.length, anchor < 0 ? 20 : anchor) && !head.kenmerk; i++) {
    const m = /(\d{5}(?:-[IVXLC]+|-[A-Z])?\s+nr\.\s*\d{1,4})$/.exec(plain(lines[i]));
    if (m && free(i)) head.kenmerk = { value: m[1], line: i };
    // "Programma: 1.1 Stedelijk beheer 2018-097M": a motie register's number (with its M) at the end of a head line.
    const register = /(?:^|\s)(\d{2,4}[-/]\d{1,4}\s?M|M-\d{1,4})$/.exec(plain(lines[i]));
    if (register && free(i)) head.kenmerk = { value: register[1], line: undefined };
  }

  // Movers: the Kamer heading that names them all, the signature block under the closing formula.
  const movers = lines.map(plain).map(headingMovers).find(Boolean);
  if (movers) head.indieners = movers;
  const end = lines.findIndex((l, i) => free(i) && MOTIE_END.test(plain(l)));
  if (end >= 0) {
    const block = signatureBlock(lines, end);
    if (block?.indieners && (!head.indieners || block.indieners.length >= head.indieners.length)) head.indieners = block.indieners;
    if (block?.partijen) head.partijen ??= block.partijen;
  }
  return head;
}

/**
 * Fills what the motie's shapes give into the fields no header or signature filled; the indieners of a heading or a
 * block replace signers that are a part of them (a signature lost to OCR, a line the signature reading left out).
 */
export function applyMotieHead(
  head: MotieHead,
  fields: Record<string, unknown>,
  evidence: Map<string, Evidence>,
  mark: (line: number, field: string) => void,
): void {
  const set = (key: string, value: unknown, how: Evidence, line?: number) => {
    fields[key] = value;
    evidence.set(key, how);
    if (line !== undefined) mark(line, key);
  };
  if (head.onderwerp && fields.onderwerp === undefined) set('onderwerp', head.onderwerp.value, 'motie-title', head.onderwerp.line);
  // The meeting line stays in the text: it is the motie's opening sentence.
  if (head.datum && (fields.datum === undefined || evidence.get('datum') === 'prose')) set('datum', head.datum.value, 'prose');
  if (head.status && fields.status === undefined) set('status', head.status, 'prose');
  if (head.kenmerk && fields.kenmerk === undefined) set('kenmerk', head.kenmerk.value, 'letterhead', head.kenmerk.line);
  // Parties the signature reading split otherwise ("S&S" → "S") give way to the same number read as written.
  const sameCount = Array.isArray(fields.partijen) && fields.partijen.length === head.partijen?.length;
  if (head.partijen && (fields.partijen === undefined || (sameCount && evidence.get('partijen') === 'signature')))
    set('partijen', head.partijen, 'signature');
  const known = Array.isArray(fields.indieners) ? (fields.indieners as string[]) : [];
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (head.indieners && known.every((k) => head.indieners!.some((n) => norm(n) === norm(k))) && head.indieners.length > known.length)
    set('indieners', head.indieners, 'signature');
}
