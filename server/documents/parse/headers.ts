// The grammar of Dutch letter headers, whatever the document type:
//   inline:     LABEL (":" | tab | column gap) VALUE [continuation lines of a broken value]
//   letterhead: LABEL alone on a line (often in capitals), VALUE on the next line(s), up to the next
//               label or an empty line; a label followed directly by the next label is empty.
//   prose:      "Vragen van het lid X (P) aan de Minister van Y over Z (ingezonden D)",
//               "Antwoord van Minister X (ontvangen D)", "College van B en W Maastricht, 8 juni 2015",
//               "Den Haag, 21 februari 2022", "Aan de Voorzitter van …", "Geacht college van …,",
//               "Schriftelijke vragen: Z", "X stelt vragen aan Y over Z", "Voorgesteld D".
//   letterhead furniture: retouradres, bezoekadres, postcodes, URLs, a site's links and a PDF's
//               page marks: recognised, kept out of the fields and the body.
// A label is only a label when the vocabulary (labels.ts) knows it, so "De fractie vraagt: …" is text.
import type { FieldKind } from '../types';
import { DATE_IN_TEXT, DATE_WORDS, DATED, MEETING, WEEKDAY } from './dates';
import { capitalsLabel, valueAfterBlank, valueRunsOn } from './label-block';
import { ABOUT, conceptOf, kindOf, LETTERHEAD, PUT_ON, questionsFollow, QUESTIONS_PUT, SITE_LINK, type Concept } from './labels';
import { ASKING_START, ASKS_AT_END, continuesName, joinLines, type Line } from './lines';
import { introducedLetter, letterAddressee, openingText } from './letters';
import { closingDate } from './moties';
import { numbered } from './numbering';
import { addressWindow } from './address-window';
import { askHead, type AskHead } from './askhead';
import { membersAsking } from './asking-members';
import { askedAbout, fractionAsks, memberAsking, memberAsks, partiesAsk, questionsPutTo, questionsTo } from './question-heads';
import { officeHolder } from './letterhead-sender';
import { DATE_ALONE, DATELINE, pageDateCheck, STAMPED } from './page-date';
import { labelRows } from './rows';
import { runningHeaders } from './running-header';
import { isParty, nationalBranch } from './parties';
import { partiesOf } from './signatures';
import { ABBREVIATION, findDate, membersAndParties, plausible, readStatus, refersBack, unquote } from './values';

export interface Header {
  concept: Concept;
  /** The value: one line of text, or a block's lines joined with "\n". */
  value: string;
  /** The line the label stands on, as typed (the votes of a motie are read from it). */
  labelLine: string;
  /** Every line the header takes up. */
  lines: number[];
  /** 2 a labelled line, 1 a prose header; a stronger header wins over a weaker one. */
  strength: number;
  /** The lines stay in the body as well (a "Bijlagen" section with its list). */
  keep?: boolean;
  /** A weak signal (a mention in running text): never a field on its own, only when another signal agrees. */
  hint?: boolean;
  /** A labelled line past the header zone, deep in the text (a quoted mail's "Datum:", a table in an answer). */
  deep?: boolean;
  /** A letterhead's organisation whose own postal address is in the place it names (`ownAddress`). */
  ownAddress?: boolean;
  /** Read from a sentence about questions put to someone: a field of written questions only, never of a letter. */
  questionsOnly?: boolean;
  /** A sender read from a PDF's running page header, or an office holder under a letterhead's organisation. */
  source?: 'running-header' | 'letterhead-office';
}

const INLINE = /^([\p{L}][\p{L} .()/'-]{0,45}?)[ \t]*(?::[ \t]*|\t[ \t:]*)(.*)$/u;
const ALONE = /^([\p{L}][\p{L} .()/'-]{0,45}?)[ \t]*(:?)$/u;
/** Labels that only count with a value on the same line ("Motie: …", "Voor: 21"): alone they are a title or a word. */
const INLINE_ONLY = new Set(['motie', 'voor', 'tegen', 'stemmen', 'wethouder', 'contact', 'van', 'raadslid', 'titel', 'fractie', 'partij']);
/** The sender's name at the top of a letterhead. */
const ORGANISATION =
  /^(?:gemeente|provincie|waterschap|ministerie van|college van burgemeester en wethouders van|(?:het\s+)?college\s+van\s+b(?:urgemeester)?\s*(?:&|en)\s*w(?:ethouders)?\s+van)\s+\S.{0,50}$/i;
const MAX_VALUE_LINES: Record<FieldKind, number> = { date: 1, number: 1, choice: 1, url: 1, text: 4, multiline: 12, list: 12 };
/** Values that never run over a second line. */
const ONE_LINE = new Set(['agendapunt', 'kenmerk', 'uw_referentie', 'bron']);
/** How far into the document the header may stand, in lines with text. */
export const HEADER_ZONE = 14;

// A web page's own links and a PDF's page furniture: never a field, a question or body text.
const FURNITURE = [
  new RegExp(`^${SITE_LINK}$`, 'i'),
  /^%d bloggers liken dit:?$/i,
  // An image's place on a page that lost it: "Afbeelding is niet meer beschikbaar", "mainImage".
  /^(?:(?:afbeelding|foto|image)\s+(?:is\s+)?(?:niet\s+(?:meer\s+)?beschikbaar|kan\s+niet\s+worden\s+weergegeven)|main\s?image)\.?$/i,
  /^geef een reactie\b.*$/i,
  /^het e-mailadres wordt niet gepubliceerd\b.*$/i,
  /^(?:ah-tk|h[- ]tk)[- ]\d{8}[- ]\d+$/i,
  /^ISSN \d{4}\s*-\s*\d{3,4}[\dX]?\b.*$/,
  /^tweede kamer, vergaderjaar \d{4}.\d{4}, aanhangsel \d+$/i,
  /^(?:pagina|blad)\s+\d+(?:\s+van\s+\d+)?$/i,
  /^-\s*\d+\s*-$/,
  // A page number with the document's reference code ("11 3628105–1050416-CZ."): no word on it, many digits.
  /^(?=.*\d{6})(?=(?:\D*\d){10})[\d\s.,/–—-]+(?:[A-Z]{1,4}\.?)?$/,
];
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
const ADDRESS = /^(?:postbus\s+\d+|\d{4}\s?[A-Z]{2}\b|(?:t|tel|telefoon|f|fax|e|e-mail)\s*[.:]?\s*[+\d(][\d\s()+-]{7,}$)/i;

const isFurniture = (text: string): boolean => FURNITURE.some((re) => re.test(text.trim())) || URL_ONLY.test(text.trim());

function inlineLabel(text: string): { concept: Concept; value: string } | null {
  const m = INLINE.exec(text);
  if (!m) return null;
  const concept = conceptOf(m[1]);
  return concept === undefined ? null : { concept, value: m[2].trim() };
}

function aloneLabel(line: Line): Concept | null {
  const m = ALONE.exec(line.text);
  if (!m || INLINE_ONLY.has(m[1].toLowerCase().trim())) return null;
  return conceptOf(m[1]) ?? null;
}

/** A letterhead label and its value on one line without a colon: "RETOURADRES POSTBUS 1992, …", "Telefoon 14043". */
function letterheadLine(text: string): boolean {
  const m = /^([\p{L}-]+(?:\s[\p{L}-]+)?)\s+\S/u.exec(text);
  if (!m) return false;
  const first = m[1].split(/\s/)[0];
  return conceptOf(m[1]) === LETTERHEAD || (conceptOf(first) === LETTERHEAD && first === first.toUpperCase() && /\p{L}{3}/u.test(first));
}

/** Labels too short or too common to stand before a value with only a space: "Van harte …", "Aan de …". */
const SPACED_MIN = 5;
/**
 * A label and its value with only a space between ("Ingediend 16 februari 2021", "Indiener Harry van der
 * Molen (CDA)", "Datum raadsvergadering 15 september 2021"): the longest known label of up to four words at
 * the line's start, whose value is of its kind. Only inside a block of such lines (see `labelled`).
 */
function spacedLabel(text: string): { concept: Concept; value: string } | null {
  const words = text.replace(/\t/g, ' ').split(/\s+/);
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const label = words.slice(0, n).join(' ');
    if (label.length < SPACED_MIN || /[:.,;]$/.test(label) || INLINE_ONLY.has(label.toLowerCase()) || /^namens$/i.test(label)) continue;
    const concept = conceptOf(label);
    if (concept === undefined) continue;
    const value = words.slice(n).join(' ').trim();
    const kind = concept === LETTERHEAD ? 'text' : kindOf(concept);
    const valid =
      kind === 'date' ? !!findDate(value) : kind === 'choice' ? !!readStatus(value) : kind === 'url' ? /^https?:\/\//.test(value) : true;
    return valid && value ? { concept, value } : null;
  }
  return null;
}

/** Whether a value is of its concept's kind: a date for a date, a status for a choice, a link for a url. */
function fitsKind(concept: Concept, value: string): boolean {
  const kind = kindOf(concept);
  return kind === 'date' ? !!findDate(value) : kind === 'choice' ? !!readStatus(value) : kind === 'url' ? /^https?:\/\//.test(value) : true;
}

/** One capitalised word, its colon and a value: a line with a label of its own, known or not ("Type: Schriftelijk"). */
const OWN_LABEL = /^\p{Lu}\p{Ll}+:\s+\S/u;
const isLabelLine = (line: Line | undefined): boolean => !!line && (aloneLabel(line) !== null || inlineLabel(line.text) !== null);

/** The fields a letter states above its text, never under it. */
const LETTER_HEAD = new Set(['datum', 'onderwerp', 'kenmerk', 'aan', 'afzender', 'uw_referentie', 'behandeld_door']);
/** A paragraph of running text: a long line that reads as sentences. */
const RUNNING_TEXT = (t: string) => {
  const words = t.split(/\s+/);
  return words.length >= 15 && /[.!?]["'”’»)]*$/.test(t.trim()) && words.filter((w) => /^\p{Ll}/u.test(w)).length * 2 >= words.length;
};

/** A postcode and its place, as a letterhead's address ends: "6211 DW Maastricht", "6201 BZ MAASTRICHT". */
const POSTCODE_PLACE = /(?:^|[\s,])\d{4}\s?[A-Z]{2}\s+(\p{L}[\p{L}'’ -]{1,40}?)\s*$/u;

/**
 * The letterhead's organisation is the letter's own when the letterhead's address (a postcode and place among the
 * first lines) is in the place the organisation names: "Gemeente Maastricht" over "Postbus 1992, 6201 BZ
 * MAASTRICHT". A province or board is named after a region, not the place of its office: never confirmed this way.
 */
function ownAddress(lines: Line[], organisation: string): boolean {
  const m = /^(?:gemeente|college\s+van\s+b(?:urgemeester)?\s*(?:&|en)\s*w(?:ethouders)?\s+van)\s+(.+)$/iu.exec(organisation.trim());
  if (!m) return false;
  const town = m[1].toLowerCase().replace(/\s+/g, ' ');
  return lines
    .slice(0, 40)
    .some((l) => POSTCODE_PLACE.exec(l.text.replace(/\t/g, ' ').trim())?.[1].toLowerCase().replace(/\s+/g, ' ') === town);
}

/** Labelled lines and letterhead blocks, anywhere in the text. `roles` gets 'letterhead' for furniture. */
function labelled(lines: Line[], furniture: Set<number>, rows: Set<number>): Header[] {
  const out: Header[] = [];
  const text = (i: number) => lines[i]?.text ?? '';
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = text(i);
    if (!t) continue;
    seen++;
    if (rows.has(i)) continue;
    const inZone = seen <= HEADER_ZONE + 10;
    // An address line with its parts apart by bars: a Postbus, or a postcode in capitals ("5200 MC"; not "2017 de").
    if (
      isFurniture(t) ||
      (inZone && (lines[i].quote || ADDRESS.test(t))) ||
      (/\s\|\s/.test(t) && /postbus/i.test(t)) ||
      (/\s\|\s/.test(t) && /\b\d{4}\s?[A-Z]{2}\b/.test(t))
    ) {
      furniture.add(i);
      const org = t.split(/\s+\|\s+/)[0];
      // "Provincie Noord-Brabant | Postbus 90151 | 5200 MC Den Bosch": an organisation with its address.
      if (/\s\|\s/.test(t) && ORGANISATION.test(org)) out.push({ concept: 'afzender', value: org, labelLine: t, lines: [], strength: 1 });
      continue;
    }
    const concept = aloneLabel(lines[i]);
    if (concept !== null) {
      const kind = kindOf(concept);
      const labelWord = ALONE.exec(t)![1];
      const capitals = labelWord === labelWord.toUpperCase();
      const colon = /:$/.test(t) || lines[i].bold;
      const taken: number[] = [];
      const max = concept === LETTERHEAD ? 4 : ONE_LINE.has(concept) ? 1 : MAX_VALUE_LINES[kind];
      for (let j = i + 1; j < lines.length && text(j) && !rows.has(j) && !isLabelLine(lines[j]) && taken.length < max; j++) {
        // A header's value is no paragraph: a long line is the text that follows the header.
        if (kind !== 'multiline' && text(j).split(/\s+/).length > 20) break;
        taken.push(j);
      }
      // A value over several lines runs up to the next label or an empty line; otherwise only its first line is it.
      const after = taken.length ? taken[taken.length - 1] + 1 : i + 1;
      if (taken.length > 1 && kind === 'text' && !(after >= lines.length || !text(after) || isLabelLine(lines[after]))) taken.length = 1;
      let value = taken
        .map((j) => text(j))
        .join('\n')
        .replace(/^:\s*/, '');
      // A list under a section heading ("Bijlagen" and its bullets): the field, and the section stays.
      if (!taken.length && kind === 'list' && !capitals) {
        const items: number[] = [];
        let j = i + 1;
        while (j < lines.length && !text(j)) j++;
        for (; j < lines.length && lines[j].bullet && text(j); j++) items.push(j);
        if (items.length) {
          out.push({
            concept,
            value: items.map((k) => text(k)).join('\n'),
            labelLine: t,
            lines: [i, ...items],
            strength: 2,
            keep: true,
            deep: !inZone,
          });
          i = items[items.length - 1];
          continue;
        }
      }
      // A choice on the line after an empty one ("Status" / "" / "Verworpen").
      if (!taken.length && kind === 'choice') {
        let j = i + 1;
        while (j < lines.length && !text(j) && j <= i + 2) j++;
        if (readStatus(text(j)) && text(j).split(/\s+/).length <= 3) {
          taken.push(j);
          value = text(j);
        }
      }
      // A date or a reference on the line after an empty one ("Ledenbrief nummer" / "" / "Lbr. 23/033"): only a
      // value of its kind, on a short line of its own.
      if (!taken.length && (kind === 'date' || concept === 'kenmerk' || concept === 'uw_referentie')) {
        let j = i + 1;
        while (j < lines.length && j <= i + 3 && !text(j)) j++;
        const v = text(j);
        const fits = kind === 'date' ? !!findDate(v) && v.split(/\s+/).length <= 5 : plausible(concept, v) && v.split(/\s+/).length <= 3;
        if (j > i + 1 && v && fits && !isLabelLine(lines[j])) {
          taken.push(j);
          value = v;
        }
      }
      // A letterhead's label in capitals, its short value after an empty line, another label under it ("AAN" / "" /
      // "Gemeenteraad" / "" / "DATUM 1 juli 2026").
      if (!taken.length && capitals && kind === 'text' && concept !== LETTERHEAD) {
        const v = valueAfterBlank(lines, i, (k) => isLabelLine(lines[k]) || capitalsLabel(text(k)) !== null);
        if (v !== null) {
          taken.push(v);
          value = text(v);
        }
      }
      // A lower-case word alone is a label only with a colon, in bold, or with a value of its kind right under it.
      const valid = kind === 'date' ? !!findDate(value) : kind === 'choice' ? !!readStatus(value) : true;
      if (!capitals && !colon && (!taken.length || !valid || !inZone) && concept !== LETTERHEAD) continue;
      if (!capitals && !colon && concept === LETTERHEAD && !taken.length) continue;
      // "Antwoord college:" with nothing under it heads the answers.
      if (concept === 'datum_antwoord' && !value) continue;
      // A letterhead date block must hold a date; otherwise the word was a heading in the text.
      if (value && !valid) continue;
      if (concept === LETTERHEAD) [i, ...taken].forEach((k) => furniture.add(k));
      else out.push({ concept, value, labelLine: t, lines: [i, ...taken], strength: 2, deep: !inZone });
      i = taken.length ? taken[taken.length - 1] : i;
      continue;
    }
    let inline = inlineLabel(t);
    let spaced = false;
    // A block of label-space-value lines (a portal's or a PDF's metadata table): two in a row at least.
    if (!inline && inZone && spacedLabel(t)) {
      const neighbour = (d: number, skip = 1): boolean => {
        let j = i + d;
        while (j >= 0 && j < lines.length && !text(j)) j += d;
        if (j < 0 || j >= lines.length) return false;
        if (spacedLabel(text(j)) || inlineLabel(text(j)) !== null) return true;
        // A value that runs on over a second line ("Onderwerp Verlenging … te" / "Assendelft"), right between two labels.
        return skip > 0 && j === i + d && !!text(j + d) && valueRunsOn(text(j)) && neighbour(j + d - i, skip - 1);
      };
      if (neighbour(-1) || neighbour(1)) inline = spacedLabel(t);
      spaced = !!inline;
    }
    // "AAN Gemeenteraad", "ONDERWERP Wmo maatwerk": a label in capitals at the line's start in the head, alone too.
    const caps = !inline && inZone ? capitalsLabel(t) : null;
    if (caps && fitsKind(caps.concept, caps.value)) inline = { concept: caps.concept, value: caps.value };
    if (!inline) {
      if (inZone && letterheadLine(t)) furniture.add(i);
      continue;
    }
    if (inline.concept === LETTERHEAD) {
      furniture.add(i);
      continue;
    }
    const header: Header = { concept: inline.concept, value: inline.value, labelLine: t, lines: [i], strength: 2, deep: !inZone };
    if (['text', 'multiline', 'list'].includes(kindOf(inline.concept)) && !ONE_LINE.has(inline.concept) && inline.value) {
      // A value broken over lines by a PDF table: the next lines belong to it while they are not
      // headers and the value is plainly unfinished or another header follows.
      let j = i + 1;
      const more: number[] = [];
      // A label with only a space before its value ("Behandeld door J. Smit") starts the next header too, and so does a
      // label the vocabulary does not know, one word with its colon ("Type: Schriftelijk"): a line of a record.
      while (
        more.length < 3 &&
        text(j) &&
        !rows.has(j) &&
        !isLabelLine(lines[j]) &&
        !spacedLabel(text(j)) &&
        !numbered(text(j)) &&
        !OWN_LABEL.test(text(j))
      ) {
        const unfinished = /-$/.test(header.value) || /^\p{Ll}/u.test(text(j));
        const headerFollows = isLabelLine(lines[j + 1]) || (spaced && !!spacedLabel(text(j + 1)) && valueRunsOn(text(j)));
        if (!unfinished && !headerFollows) break;
        more.push(j);
        header.value += '\n' + text(j);
        j++;
      }
      header.lines.push(...more);
      if (more.length) i = more[more.length - 1];
    }
    out.push(header);
    // "Betreft: Yannik, kenmerk: LK70023": a reference stated with its own label inside another header's value.
    const inner = /[,;]\s*(\p{L}[\p{L} ]{2,20}?)\s*:\s*(\S*\d\S*)\s*$/u.exec(header.value);
    const innerConcept = inner ? conceptOf(inner[1]) : undefined;
    if (inner && (innerConcept === 'kenmerk' || innerConcept === 'uw_referentie') && innerConcept !== header.concept)
      out.push({ concept: innerConcept, value: inner[2], labelLine: t, lines: [], strength: 2, deep: !inZone });
  }
  // A labelled line deep in the text that stands alone ("Bron: CBS" under a table, "Datum: 25 mei" of an event in
  // a news item, a quoted mail's "Van:") is the text's, not the document's header: only a block of labelled lines
  // (a portal's metadata at the page's end) is a header there.
  const labelLines = new Set(out.flatMap((h) => h.lines.slice(0, 1)));
  const nearLabel = (at: number) => {
    for (const d of [-1, 1])
      for (let j = at + d, k = 0; j >= 0 && j < lines.length && k < 1; j += d) {
        if (!text(j)) continue;
        k++;
        if (labelLines.has(j) || furniture.has(j) || isLabelLine(lines[j]) || spacedLabel(text(j))) return true;
      }
    return false;
  };
  // The same for a letter's own header fields once the letter's text has begun (its first paragraph of running
  // text): "Datum: 25 mei" under an announcement is an event's, not the document's.
  const textStart = lines.findIndex((l) => RUNNING_TEXT(l.text));
  for (const h of out) {
    if (!h.lines.length || h.keep || nearLabel(h.lines[0])) continue;
    if (h.deep || (textStart >= 0 && h.lines[0] > textStart && LETTER_HEAD.has(h.concept))) h.hint = true;
  }
  return out;
}

// ---- Prose headers -------------------------------------------------------------------------------

/** "(ingezonden 8 februari 2019, nr. 2019Z02475)": the number the questions were registered under, after their date. */
const SENT_IN_NUMBER = String.raw`(?:\s*,\s*(?:nr\.?|nummer)\s*([\p{L}\d./-]*\d[\p{L}\d./-]*))?`;
/**
 * What prompted the questions, between whom they are put to and their subject ("… aan de minister van X naar aanleiding
 * van de berichten over Y"): it ends the addressee; the subject is what follows "over", if anything.
 */
const PROMPTED_BY = String.raw`(?:\s+(?:naar\s+aanleiding\s+van|n\.a\.v\.)\s+.+?)?`;
const QUESTIONS_OF = new RegExp(
  String.raw`^(?:\p{L}+\s+)?vra(?:ag|gen)\s+van\s+((?:het\s+lid|(?:het|de)\s+leden|de\s+fracties?)\s+(.+?))\s+aan\s+((?:de|het)\s+.+?)${PROMPTED_BY}(?:\s+over\s+(.+?))?(?:\s*\((?:ingezonden|gesteld)\s+(${DATE_WORDS})${SENT_IN_NUMBER}\)\.?)?[.:]?$`,
  'iu',
);
/** "2011Z04442 Antwoorden van de minister van X op vragen van het lid Y (P) over Z (ingezonden D).": the answers' own head. */
const ANSWERS_TO_START =
  /^(?:\S*\d\S*\s+)?antwoord(?:en)?\s+(?:van\s+.{3,120}?\s+)?op\s+(?:de\s+)?(?:schriftelijke\s+)?vra(?:ag|gen)\s+van\s+(?:het\s+lid|(?:het|de)\s+leden)\s/iu;
const ANSWERS_TO = new RegExp(
  String.raw`^(?:(\S*\d\S*)\s+)?antwoord(?:en)?\s+(?:van\s+.{3,120}?\s+)?op\s+(?:de\s+)?(?:schriftelijke\s+)?vra(?:ag|gen)\s+van\s+((?:het\s+lid|(?:het|de)\s+leden)\s+(.+?))(?:\s+aan\s+((?:de|het)\s+.+?))?${PROMPTED_BY}(?:\s+over\s+(.+?))?(?:\s*\(\s*(?:ingezonden|gesteld)\s+(${DATE_WORDS})${SENT_IN_NUMBER}\s*\)\.?)?[.:]?$`,
  'iu',
);
const ANSWER_OF = new RegExp(String.raw`^antwoord\s+van\s+.{3,250}?\(ontvangen\s+(${DATE_WORDS})\)`, 'iu');
// "Den Haag, 21 februari 2022", "Oostburg, d.d. 31-08-2011,": a place with the day it was written.
const PLACE_DATE = new RegExp(String.raw`^(’s-|'s-)?(\p{Lu}[\p{L}'’ /-]{1,30}|’s-\p{L}+),?\s+${DATED}${WEEKDAY}(${DATE_WORDS})[.,]?$`, 'u');
const SENDER_DATE = new RegExp(String.raw`^(.{6,90}?),\s*${WEEKDAY}(${DATE_WORDS})\.?$`, 'u');
/** A byline's date is the page's: "Door X op D", "Geplaatst op D", "Gepubliceerd D". */
const BYLINE = /^(?:door|geplaatst|gepubliceerd|publicatiedatum)[\s:]/i;
/** A time of day or a time span on its own line: "18:45 - 19:30", "20.00 uur", "10:00-12:00 u". */
const TIME_OF_DAY = /^(?:van\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uur|u\.?))?(?:\s*(?:[-–]|tot)\s*\d{1,2}[:.]\d{2}(?:\s*(?:uur|u\.?))?)?$/iu;
/**
 * "op 24 mei 2007 … (de volgende) (schriftelijke) vragen … gericht / gesteld / ingediend", "Bij (uw) brief van D hebt u
 * … vragen gesteld": when questions were put.
 */
const QUESTIONS_PUT_ON = new RegExp(String.raw`${PUT_ON}(${DATE_WORDS}),?\s+${QUESTIONS_PUT}`, 'iu');
/** A line after line `i` (within a few paragraphs) that introduces the text's own questions (questionsFollow). */
function laterIntroducesQuestions(lines: Line[], i: number): boolean {
  return lines.slice(i + 1, i + 12).some((l) => questionsFollow(l.text.trim()));
}

/**
 * A site's weather widget: a temperature ("8.5 C", "12°C") with the place it is for on the next line ("New York"). A
 * date right under it is the site's today, not the document's.
 */
const TEMPERATURE = /^-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]$/u;
const underWidget = (lines: Line[], i: number): boolean => {
  const before = lines
    .slice(Math.max(0, i - 3), i)
    .map((l) => l.text.trim())
    .filter(Boolean);
  return before.some((t) => TEMPERATURE.test(t));
};
const nextText = (lines: Line[], i: number): string =>
  lines
    .slice(i + 1)
    .find((l) => l.text.trim())
    ?.text.trim() ?? '';
const ADDRESSEE =
  /^aan\s+((?:de|het)\s+(?:[\p{L}-]+\s+){0,2}?(?:voorzitter|college|leden|gemeenteraad|raad|minister|ministers|staatssecretaris|commissie|burgemeester|wethouders?|fracties?|bewoners|griffie|griffier|directeur|colleges)\b.*?)[,.:]?$/iu;
/**
 * A body at its place, as an envelope names it: "College van Burgemeester en Wethouders te Hoorn", "Gedeputeerde Staten
 * te Zwolle". (Under the flag 'i' \p{Lu} is any letter: PLACE_AFTER_TE checks the place's capital.)
 */
const ADDRESSED_AT =
  /^(?:(?:het\s+)?college\s+van\s+(?:burgemeester\s+en\s+wethouders|b\s*(?:&|en)\s*w|gedeputeerde\s+staten|dijkgraaf\s+en\s+hoogheemraden)|gedeputeerde\s+staten|(?:de\s+)?(?:gemeente)?raad(?:\s+van\s+\p{Lu}[\p{L}-]+)?)\s+te\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2}$/iu;
const PLACE_AFTER_TE = /\ste\s+\p{Lu}/u;
/** A line under an address block: the letter's place and date, or its subject label. */
const datesOrNamesSubject = (line: string) => PLACE_DATE.test(line) || /^(?:betreft|onderwerp)\s*:/i.test(line);
const SALUTATION = /^geachte?\s+((?:college|leden|voorzitter|raad|gemeenteraad|dames en heren|minister)\b.*\bvan\b.+?)[,.:]?$/iu;
/**
 * A salutation that names only an office or a body ("Geacht college,", "Geachte voorzitter,", "Beste bewoners,"): the
 * addressee, on the weakest evidence (any other line that says to whom goes first).
 */
const BARE_SALUTATION =
  /^(?:geachte?|beste)\s+((?:college|voorzitter|gedeputeerden?|burgemeester|wethouders?|gemeenteraad|raad|commissie|raadsleden|statenleden|inwoners|bewoners|omwonenden)(?:\s+(?:en|&)\s+(?:wethouders|gedeputeerden|burgemeester))?)\s*[,.:!]?$/iu;
/** The weakest evidence for a header's value: a line that only greets. */
const GREETING = 0.5;
/** "… de volgende vragen aan het college stellen", "… vragen aan de minister voor te leggen": to whom questions go. */
const ASKED_TO =
  /\bvragen\s+aan\s+((?:het|de|uw)\s+(?:college|gemeentebestuur|burgemeester|wethouders?|minister|staatssecretaris|gedeputeerden?)\b[^,.:;]{0,60}?)\s+(?:te\s+)?(?:stellen|voorleggen|voor\s+te\s+leggen)\b/iu;
/**
 * "Het college wordt verzocht de volgende vragen schriftelijk te beantwoorden:" (a council's form for written
 * questions): who is asked to answer.
 */
const REQUESTED =
  /^((?:het|de)\s+[\p{L}/&-]+(?:\s+[\p{L}/&-]+){0,6}?)\s+(?:wordt|worden)\s+verzocht\s+(?:de\s+)?(?:volgende\s+)?(?:vraag\/vragen|vragen|vraag)\b.{0,60}?\bte\s+beantwoorden\s*[.:]?$/iu;
/**
 * A title that is the genre's name and the subject: "Schriftelijke vragen: Z", "Vragen over Z", "Art. 42-vragen
 * inzake Z", "24 september 2019 Beantwoording schriftelijke vragen Z", "Vervolgvragen Z", "Schriftelijke vervolgvragen
 * Z", "Schriftelijke vraag Z", "Statenvragen Z", "Antwoord op art. 35 vragen inzake Z". Group 1 is the genre word, group 2 the rest. Another word before "vragen" ("Raadsbrede vragen over Z", "Informatieve vragen Z") makes
 * it a title of its own, not a subject.
 */
const QUESTIONS_TITLE = new RegExp(
  String.raw`^(?:${DATE_WORDS}\s+)?(?:(?:beantwoording|antwoord(?:en)?)\s+(?:op\s+)?(?:de\s+)?)?((?:schriftelijke|mondelinge)\s+(?:vervolg)?vra(?:ag|gen)|(?:(?:ex|conform)\s+)?art(?:ikel|\.)?\s*\d+[- ]?vragen|(?:raads|college|staten|vervolg)vra(?:ag|gen)|vragen)\b(?!\s+van\s+(?:het\s+lid|(?:het|de)\s+leden))(.*)$`,
  'iu',
);
/** How many questions a sentence says are put: "6", "een aantal", "enkele", "de volgende". */
const HOW_MANY = String.raw`(?:\d+\s+|een\s+(?:aantal|paar)\s+|enkele\s+|de\s+volgende\s+)?`;
/**
 * "CDA-fractie stelt vragen aan college over: Z", "Dirk van Dam van de SP stelde 6 schriftelijke vragen aan B&W over Z",
 * "X stelt ex. art 33 RvO vragen betreffende Z".
 */
const ASKS = new RegExp(
  String.raw`^(.{2,80}?)\s+(?:stelt|stelde|stellen|stelden|heeft|hebben)\s+(?:(het\s+college|b&w|de\s+minister)\s+)?${HOW_MANY}(?:(?:schriftelijke|aanvullende|(?:ex\.?\s+)?art(?:ikel|\.)?\s*\d+(?:\s+RvO)?|raads|technische)\s*-?\s*)?vragen(?:\s+(?:gesteld|voorgelegd|ingediend))?(?:\s+aan\s+((?:het\s+|de\s+)?(?:college|b&w|b\s*en\s*w|burgemeester|wethouder|minister|staatssecretaris|gemeente)\b[^:]*?))?(?:\s+${ABOUT}:?\s+(.+?))?(?:\s+ter\s+beantwoording(?:\s+(?:door|aan)\s+[^:.]{2,60})?)?[.:]?$`,
  'iu',
);
/**
 * The same with the verb before its subject, after an adverbial in front ("Hierover heeft Partij X de volgende vragen:",
 * "Daarom stelt de fractie van Y de volgende vragen:", "ZEIST Namens het CDA stelt raadslid X vragen aan …", a news
 * item's place in capitals before it): put back in the order ASKS reads.
 */
const INVERTED_ASKS = new RegExp(
  String.raw`^(?:\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*\s+)?(?:hierover|daarover|daarom|hierom|vandaar|(namens\s+(?:de\s+|het\s+)?[\p{Lu}\d][\p{L}\d!&'-]*(?:\s+\p{Lu}[\p{L}\d!&'-]*)*)|(?:naar\s+aanleiding|n\.a\.v\.)\s+(?:hiervan|daarvan|van\s+)?(?:\S+\s+){0,4}?\S+)\s*,?\s+(stelt|stelde|stellen|stelden|heeft|hebben)\s+(.{2,80}?)\s+((?:het\s+college\s+|b&w\s+)?${HOW_MANY}(?:(?:schriftelijke|aanvullende|technische|nadere|kritische|mondelinge)\s+)?vragen\b.*)$`,
  'iu',
);
const uninverted = (sentence: string) => {
  const m = INVERTED_ASKS.exec(sentence);
  // "Namens het CDA stelt raadslid X vragen …": who asks is X namens het CDA.
  return m ? `${m[3]}${m[1] ? ` ${m[1].replace(/^namens/i, 'namens')}` : ''} ${m[2]} ${m[4]}` : sentence;
};
const FRACTION_OF =
  /\b[Dd]e\s+fractie\s+van\s+(?:de\s+|het\s+)?((?:[\p{Lu}\d][\p{L}\d!&'-]*)(?:\s+[\p{Lu}\d][\p{L}\d!&'-]*)*)(?=\s+(?:heeft|hebben|is|ziet|stelt|stellen|vraagt|wil|wenst|naar|over|in|op|aan)\b|\s*[,.:;]|\s*$)/u;

const PARTY_NAME = String.raw`[\p{Lu}\d][\p{L}\d!&'-]*(?:\s+\p{Lu}[\p{L}\d!&'-]*)*`;
const FRACTION_ASKS = new RegExp(
  String.raw`^\p{L}*[vV]ragen\s+van\s+(?:de\s+)?(?:fractie\s+(?:van\s+)?(?:de\s+|het\s+)?(${PARTY_NAME})(?=[\s,.:]|$)|(${PARTY_NAME})-fractie\b)`,
  'u',
);
/** The first sentence of a line. */
/**
 * The first sentence of a line. An abbreviation's full stop ends none ("… stelt ex. Artikel 36 vragen over …", "Vragen
 * ex art. 42 RvO", "dhr. Bakker"). (Not under the flag 'i': there \p{Lu} would be any letter.)
 */
const SENTENCE_END = new RegExp(String.raw`(?<=[.!?])(?<![\s(](?:${ABBREVIATION})\.)\s+(?=\p{Lu})`, 'u');
const firstSentence = (t: string) => t.split(SENTENCE_END)[0];

/**
 * A date in figures closing a title, apart from the words before it: "… in Zwolle 1-11-2021", "… (03-02-2022)": a
 * stamp of the document. A date in words there is often the subject's own ("bijeenkomst over wolven 3 oktober 2022").
 */
const TRAILING_DATE = /\s+[–-]?\s*\(?(?:\d{1,2}[-/]\d{1,2}[-/](?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4})\)?$/u;

/** `r` without a closing date in figures that is a day of the calendar (not "artikel 2.1.12", "versie 1.2.10"). */
function withoutTrailingDate(r: string): string {
  const m = TRAILING_DATE.exec(r);
  if (!m) return r;
  const [day, month] = m[0]
    .replace(/^[\s–(-]+/, '')
    .split(/[-/.]/)
    .map(Number);
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? r.slice(0, m.index) : r;
}

/** The subject after a title's genre words: after a colon or "over"/"inzake", or right after "schriftelijke vragen". */
function subjectOf(genre: string, rest: string): string | null {
  let r = rest.trim();
  // "Vragen aan het college: Z": who is asked, then the subject after the colon.
  const about = new RegExp(
    String.raw`^(?::|[-–]|(?:(?:van|door|aan)\s.{2,80}?\s)?${ABOUT}:?|(?:van|door|aan)\s[^:]{2,80}?:)\s*(.+)$`,
    'iu',
  ).exec(r);
  if (about) r = about[1];
  else if (
    /^vragen$/i.test(genre) ||
    /^[,;]/.test(r) ||
    /^(?:gesteld|door|die|dat|en|zijn|worden|met|hebben|heeft|van|aan|naar|op|in|bij)\b/i.test(r)
  )
    return null;
  // "Artikel 34-vragen RvO “Parkeren in het centrum”": the rules cited after the genre are no part of the subject.
  r = r.replace(/^(?:(?:van\s+het\s+)?RvO|van\s+het\s+reglement\s+van\s+orde)\s+(?=\S)/iu, '');
  r = unquote(r.replace(/[.:]+$/, '').trim());
  // "Mondelinge vragen Noodopvang in Zwolle 1-11-2021": a stamp after the subject is the document's date, not the subject's.
  r = withoutTrailingDate(r);
  // "Schriftelijke vragen (art. 39 RvO)": the article of the rules the questions are put under is no subject.
  if (
    /^\(?\s*(?:(?:ex|conform|ingevolge|volgens)\s+)?art(?:ikel|\.)?\s*\d+[a-z]?(?:\s+(?:van\s+het\s+)?(?:RvO|reglement\s+van\s+orde))?\s*\)?$/iu.test(
      r,
    )
  )
    return null;
  // "Schriftelijke vragen PvdA gevaar kunstgrasvelden!": an exclamation is a headline, not a subject; and so is a title
  // that says what became of the questions ("Vragen over X na een jaar nog steeds niet beantwoord", "… beantwoord").
  if (/!$/.test(r) || QUESTIONS_FATE.test(r)) return null;
  return r && r.split(/\s+/).length <= 25 ? r : null;
}

/** A headline's predicate of the questions at its end: a participle of what happens to questions, with its adverbs. */
const QUESTIONS_FATE =
  /(?<!\b(?:worden|wordt|werd|werden|zijn|is|was|waren|zal|zullen|kan|kunnen|moet|moeten)(?:\s+\p{L}+){0,3})\s(?:(?:nog|steeds|altijd|niet|wel|al|eindelijk|opnieuw|pas|toch)\s+)*(?:beantwoord|onbeantwoord|gesteld|ingediend|verstuurd|ontvangen|behandeld|afgewezen|doorgeschoven)$/iu;

/**
 * A line that opens a question of its own ("Bent u bekend met …? [1]", "Hoe kijkt u naar …"): without empty lines
 * (a PDF's text) it follows a head directly, and is no part of the head.
 */
const opensQuestion = (text: string): boolean =>
  /^\p{Lu}/u.test(text) && (ASKS_AT_END.test(text) || (ASKING_START.test(text) && /\su\b/.test(text)));

/** "Label: value" with a label of the vocabulary (not a letterhead's). */
function labelledLine(text: string): boolean {
  const label = inlineLabel(text);
  return label !== null && label.concept !== LETTERHEAD;
}

/** The lines from i on, joined, up to n lines or an empty, numbered, asking or labelled line. */
function window(lines: Line[], i: number, n: number): { text: string; lines: number[] } {
  const taken: number[] = [];
  // A numbered item, a question, or a labelled line of the header ("Indiendatum: sep. 2013") ends a head.
  const stops = (j: number) => numbered(lines[j].text) !== null || opensQuestion(lines[j].text.trim()) || labelledLine(lines[j].text);
  for (let j = i; j < lines.length && taken.length < n && lines[j].text && (j === i || !stops(j)); j++) taken.push(j);
  return { text: joinLines(taken.map((j) => lines[j].text)), lines: taken };
}

/**
 * A PDF's text may run the words at a line's end together ("… en Sportover zorg voor …", "… Waterstaat overde
 * faillissementen"): the "over" that opens a head's subject is set apart again when it is glued to a name before
 * it (a capitalised word) or to an article after it.
 */
const unglue = (text: string): string =>
  text.replace(/(\s\p{Lu}[\p{L}-]*?\p{Ll})over(?=\s)/gu, '$1 over').replace(/\sover(de|het|een)(?=\s)/gu, ' over $1');

/**
 * A Kamervragen head that runs over up to `max` lines: the fewest lines the pattern reads whole, with its
 * "(ingezonden D)" (group `sentIn`) or ending in a full stop; what follows the date on its line is left out.
 */
function questionsHead(
  lines: Line[],
  i: number,
  max: number,
  pattern: RegExp,
  sentIn: number,
): { m: RegExpExecArray; w: { text: string; lines: number[] } } | null {
  for (let n = 1; n <= max; n++) {
    const w = window(lines, i, n);
    const m = pattern.exec(unglue(w.text).replace(/(\(\s*(?:ingezonden|gesteld)\s+[^)]*\)[.:]?).*$/i, '$1'));
    if (m && (m[sentIn] || n === max || w.lines.length < n || /\.$/.test(w.text))) return { m, w };
  }
  return null;
}

/** The opening of a Kamervragen head, read by QUESTIONS_OF over several lines. */
const QUESTIONS_OF_START = /^(?:\p{L}+\s+)?vra(?:ag|gen)\s+van\s+(?:het\s+lid|(?:het|de)\s+leden|de\s+fracties?)\s/iu;

/** A head of questions by its parts over up to six lines: the fewest lines that end it (a full stop, a bracket, an empty line). */
function askWindow(lines: Line[], i: number): { head: AskHead; w: { text: string; lines: number[] } } | null {
  if (!/^(?:\S+\s+)?(?:\S+\s+|\S*)vra(?:ag|gen)\b/iu.test(lines[i].text.trim())) return null;
  for (let n = 1; n <= 6; n++) {
    const w = window(lines, i, n);
    if (w.lines.length < n || /[.)]$/.test(w.text) || n === 6) {
      const head = askHead(w.text.replace(/\t/g, ' '));
      return head ? { head, w } : null;
    }
  }
  return null;
}

/** Who asks in a head read by its parts: the persons, and the parties (a fraction's, or a party the lexicon knows). */
function askersOf(head: AskHead): { names: string[]; parties: string[] } {
  if (!head.who) return { names: [], parties: [] };
  // "van de Partij voor de Dieren aan …": a party the lexicon knows asks, by its name alone.
  const party = head.who.replace(/^(?:de|het)\s+/i, '');
  if (isParty(party)) return { names: [], parties: [nationalBranch(party) ?? party] };
  if (/fractie/i.test(head.who)) return { names: [], parties: partiesOf(head.who).map((p) => nationalBranch(p) ?? p) };
  return membersAndParties(head.who.replace(/^(?:het\s+|de\s+)?(?:raads|staten|kamer|commissie)?(?:lid|leden)\s+/i, ''));
}

/**
 * A labelled subject that is itself a head of questions ("Betreft: Statenvragen van de fractie X aan het college van
 * GS ex artikel 46 RvO betreffende Z"): the subject is Z, and the head names who asks and to whom.
 */
function headInLabel(headers: Header[]): Header[] {
  const out: Header[] = [];
  for (const h of headers) {
    if (h.concept !== 'onderwerp' || h.strength < 2 || h.hint) continue;
    const head = askHead(h.value.replace(/\n/g, ' '), { inLabel: true });
    // A head without "van" ("Betreft: schriftelijke vragen aan het college in het kader van artikel 42 RvO inzake Z",
    // "Betreft: schriftelijke vragen ex art. 43 RvO betreffende Z") still gives the subject; its "aan" is left to the
    // letter's own addressee, which names the body in full. One that names no subject ("Betreft: schriftelijke vragen
    // ex. art. 32 RvO van de gemeente X.") is no subject.
    if (!head?.formal) continue;
    const who = askersOf(head);
    const at = (concept: Concept, value: string): Header => ({ concept, value, labelLine: h.labelLine, lines: [], strength: 1.9 });
    if (head.who) out.push(at('afzender', head.who));
    if (who.names.length) out.push(at('indieners', who.names.join('\n')));
    if (who.parties.length) out.push(at('partijen', who.parties.join('\n')));
    if (head.to && head.who) out.push(at('aan', head.to));
    if (head.about) h.value = head.about.replace(/[.]$/, '');
    else h.hint = true;
  }
  return out;
}

function prose(lines: Line[], skip: Set<number>): Header[] {
  const out: Header[] = [];
  const add = (concept: Concept, value: string, at: number[], labelLine: string, strength = 1) =>
    out.push({ concept, value, labelLine, lines: at, strength });
  /** The date questions were sent in ("(ingezonden D)") is their date, over a lone date at the top (a covering letter's). */
  const SENT_IN = 1.2;
  /**
   * A lone date at the top yields to any other date the header gives (a site's post date to the letter's own
   * dateline, "Wormer, 23 september 2014").
   */
  const LONE_DATE = 0.9;
  /** What a Kamervragen head says: who asks (and for which party), to whom, about what, sent in when. */
  const addAskers = (
    sender: string | undefined,
    who: { names: string[]; parties: string[] },
    to: string | undefined,
    about: string | undefined,
    sentIn: string | undefined,
    w: { text: string; lines: number[] },
    registered?: string,
  ) => {
    if (registered) add('kenmerk', registered, [], w.text);
    if (sender) add('afzender', sender, w.lines, w.text);
    if (who.names.length) add('indieners', who.names.join('\n'), [], w.text);
    if (who.parties.length) add('partijen', who.parties.join('\n'), [], w.text);
    if (to) add('aan', to, [], w.text);
    if (about) add('onderwerp', about.replace(/[.]$/, ''), [], w.text);
    if (sentIn) {
      add('datum', sentIn, [], w.text, SENT_IN);
      add('ingekomen', sentIn, [], w.text);
    }
  };
  let seen = 0;
  // "X stelt vragen over Z" more than once (a site's other items): which one is this document's is unclear.
  const subjects: Array<{ value: string; lines: number[]; line: string }> = [];
  let loneDates = 0;
  // The page's own dates in its head (a date alone, a byline's, a news dateline): one of them dates the document only
  // when they agree, and not when the text dates the questions to another day (page-date.ts).
  const pageDates: string[] = [];
  const zone: string[] = [];
  for (let i = 0, n = 0; i < lines.length && n < HEADER_ZONE; i++) {
    if (!lines[i].text || skip.has(i) || !++n) continue;
    const plainT = lines[i].text.replace(/\t/g, ' ');
    zone.push(plainT);
    const page = DATE_ALONE.exec(plainT) ?? (BYLINE.test(plainT) ? STAMPED.exec(plainT) : null) ?? DATELINE.exec(plainT);
    if (page) pageDates.push(page[1]);
    if (DATE_ALONE.test(plainT)) loneDates++;
  }
  const fitsPage = pageDateCheck(pageDates, zone.join('\n'));
  const pageDate = (date: string) => {
    const iso = findDate(date);
    return iso !== null && fitsPage(iso);
  };
  for (let i = 0; i < lines.length && seen < HEADER_ZONE; i++) {
    const t = lines[i].text;
    if (!t || skip.has(i)) continue;
    seen++;
    const plainT = t.replace(/\t/g, ' ');
    // "Vragen (conform artikel 74 RvO) van de fractie van X aan Y over Z": the head read by its parts (askhead.ts).
    const asked = seen <= 8 && !QUESTIONS_OF_START.test(plainT) ? askWindow(lines, i) : null;
    if (asked) {
      const { head, w } = asked;
      const who = askersOf(head);
      // A title ("Vervolgvragen van de fractie van X naar aanleiding van …") names who asks, not who sends.
      // A title's subject is as good as this one: the first of them stands (the page's title over its lead).
      if (head.who) {
        addAskers(head.formal ? head.who : undefined, who, head.to, head.formal ? head.about : undefined, head.sentIn, w);
        if (head.about && !head.formal) add('onderwerp', head.about.replace(/[.]$/, ''), [], w.text, 0.9);
      } else {
        add('aan', head.to!, w.lines, w.text);
        if (head.about) add('onderwerp', head.about.replace(/[.]$/, ''), [], w.text);
      }
      i = w.lines[w.lines.length - 1];
      continue;
    }
    // A title "Vervolgvragen van de fractie van MORGEN! naar aanleiding van …": the party that asks.
    const askingParty = seen <= 4 ? FRACTION_ASKS.exec(plainT) : null;
    if (askingParty && !QUESTIONS_OF.test(plainT)) {
      add('partijen', askingParty[1] ?? askingParty[2], [], t);
      continue;
    }
    // Kamervragen: "Vragen van het lid X (P) aan de Minister van Y over Z (ingezonden D)." over up to six lines.
    if (QUESTIONS_OF_START.test(plainT)) {
      const head = questionsHead(lines, i, 10, QUESTIONS_OF, 5);
      if (head) {
        const { m, w } = head;
        const who = /^de\s+fracties?\b/i.test(m[1]) ? { names: [], parties: partiesOf(m[1]) } : membersAndParties(m[2]);
        addAskers(m[1], who, m[3], m[4], m[5], w, m[6]);
        // The Aanhangsel number stands just above: "### 387" or "… gegeven antwoorden 698"; a number above is
        // only that when the text above says it is the Aanhangsel (otherwise it is a page or a footnote number).
        const aanhangsel = lines.slice(0, i).some((l) => /\baanhangsel\s+(?:van\s+de\s+)?handelingen\b/i.test(l.text));
        for (let j = i - 1; aanhangsel && j >= 0 && j >= i - 3; j--) {
          const prev = lines[j].text;
          if (!prev) continue;
          const nr = /(?:^|antwoorden\s+)(\d{1,4})$/.exec(prev);
          if (nr) add('kenmerk', nr[1], /^\d{1,4}$/.test(prev) ? [j] : [], prev);
          break;
        }
        i = w.lines[w.lines.length - 1];
      }
      continue;
    }
    // "2011Z04442 Antwoorden van de minister … op vragen van het lid …": the same head, answered, over up to four lines.
    if (ANSWERS_TO_START.test(plainT)) {
      const head = questionsHead(lines, i, 7, ANSWERS_TO, 6);
      if (head) {
        const { m, w } = head;
        if (m[1] && m[1].length >= 4) add('kenmerk', m[1], [], w.text);
        addAskers(m[2], membersAndParties(m[3]), m[4], m[5], m[6], w, m[7]);
        i = w.lines[w.lines.length - 1];
      }
      continue;
    }
    // "(ingezonden 20 november 2024)" on a line of its own, above or below the head: the day the questions were sent in.
    const sent = new RegExp(String.raw`^\(\s*(?:ingezonden|gesteld)\s+(${DATE_WORDS})\s*\)\.?$`, 'iu').exec(plainT);
    if (sent) {
      add('datum', sent[1], [i], t, SENT_IN);
      add('ingekomen', sent[1], [i], t);
      continue;
    }
    // "Mededeling van staatssecretaris X (…) (ontvangen D)": a notice in place of the answers, from X on D.
    const notice = /^mededeling\s+van\s+(.{3,250}?)\s*\(ontvangen\s+([^)]+)\)\.?$/iu.exec(window(lines, i, 3).text);
    if (notice && findDate(notice[2])) {
      add('afzender', notice[1], window(lines, i, 3).lines, plainT);
      add('datum', notice[2], [], plainT);
      continue;
    }
    if (/^antwoord\s+van\s/i.test(plainT)) {
      const w = window(lines, i, 3);
      const m = ANSWER_OF.exec(w.text);
      if (m) {
        add('datum_antwoord', m[1], w.lines, w.text);
        i = w.lines[w.lines.length - 1];
      }
      continue;
    }
    // "Open brief aan de gemeente Apeldoorn": a letter's title names its addressee.
    const letterTo = seen <= 3 ? letterAddressee(plainT) : null;
    if (letterTo) {
      add('aan', letterTo, [], t);
      continue;
    }
    const addressee = ADDRESSEE.exec(plainT);
    if (addressee && plainT.split(/\s+/).length <= 16) {
      // "Aan het college van burgemeester en wethouders" / "van de gemeente Ede": the addressee goes on, also past
      // one empty line (a letterhead's address block).
      let j = i + 1;
      while (j < lines.length && j <= i + 3 && !lines[j].text) j++;
      const more = j < lines.length && !skip.has(j) && !/[,.:]$/.test(plainT) && continuesName(lines[j].text);
      add('aan', more ? `${addressee[1]} ${lines[j].text.trim()}` : addressee[1], more ? [i, j] : [i], t);
      if (more) i = j;
      continue;
    }
    // An address block without "Aan" at the top of a letter: "College van Burgemeester en Wethouders te Hoorn" (the
    // body "te" its place, as an envelope names it) right above the letter's place and date or its subject label.
    if (seen <= 3 && ADDRESSED_AT.test(plainT.trim()) && PLACE_AFTER_TE.test(plainT) && datesOrNamesSubject(nextText(lines, i))) {
      add('aan', plainT.trim(), [i], t);
      continue;
    }
    const salutation = SALUTATION.exec(plainT);
    if (salutation) {
      add('aan', salutation[1], [], t);
      continue;
    }
    const bare = BARE_SALUTATION.exec(plainT.trim());
    if (bare) {
      add('aan', bare[1], [], t, GREETING);
      continue;
    }
    const requested = REQUESTED.exec(plainT.trim());
    if (requested) {
      add('aan', requested[1], [], t);
      continue;
    }
    const stamped = STAMPED.exec(plainT);
    if (stamped) {
      if (!BYLINE.test(plainT) || pageDate(stamped[1])) add('datum', stamped[1], [i], t);
      continue;
    }
    // A date alone on its line is the document's date only at the very top, next to the title or the
    // salutation, and only when no other lone date competes with it (a site's date stamps, a list of events).
    // A date with a time under it ("woensdag 13 maart 2024" / "18:45 - 19:30") is when something takes place (a
    // meeting's agenda item, an event), not the day a document was written; a date under a weather widget is the site's
    // today.
    const alone = DATE_ALONE.exec(plainT);
    if (alone) {
      if (seen <= 4 && loneDates === 1 && !TIME_OF_DAY.test(nextText(lines, i)) && !underWidget(lines, i) && pageDate(alone[1]))
        add('datum', alone[1], [i], t, LONE_DATE);
      continue;
    }
    // A title with its date: "Bewonersbrief 3 maart 2022", "Raadsinformatiebrief 12 van 5 mei 2020".
    const titled = new RegExp(String.raw`^\p{L}*(?:brief|memo|motie)\b.{0,30}?\s(?:van\s+)?(${DATE_WORDS})$`, 'iu').exec(plainT);
    if (titled && seen <= 3) {
      add('datum', titled[1], [], t);
      continue;
    }
    const place = PLACE_DATE.exec(plainT);
    const sender = SENDER_DATE.exec(plainT);
    if (sender && ORGANISATION.test(sender[1].trim())) {
      add('afzender', sender[1].trim(), [i], t);
      add('datum', sender[2], [i], t);
      continue;
    }
    if (sender && /^(?:het\s+)?college\s+van\s+burgemeester\s+en\s+wethouders\b/i.test(sender[1])) {
      add('afzender', sender[1].trim(), [i], t);
      add('datum', sender[2], [i], t);
      continue;
    }
    if (place && place[2].trim().split(/\s+/).length <= 3) {
      add('datum', place[3], [i], t);
      continue;
    }
    // "… hebben vragenstellers op 24 mei 2007 … de volgende schriftelijke vragen tot het college … gericht": the day
    // the questions were put, said in a sentence, is their date, as "(ingezonden D)" is.
    // A sentence a hard wrap broke ("… heeft op 12 februari 2024" / "vragen gesteld over …") is read on with its next line.
    const wrapped = /[.?!:]$/.test(plainT) ? plainT : `${plainT} ${nextText(lines, i)}`;
    const put = QUESTIONS_PUT_ON.exec(wrapped);
    // "… heeft op 11 oktober 2021 vragen gesteld … Op 22 oktober 2021 is deze vraag wederom gesteld": a history of
    // asking, no date.
    const again = (wrapped.match(DATE_IN_TEXT) ?? []).length > 1 && /\b(?:wederom|opnieuw|nogmaals|andermaal)\b/i.test(wrapped);
    // "… hebben bij de behandeling van de nota op 9 juli vragen gesteld over X. … hebben daarom de volgende vragen:":
    // questions put at a meeting before, when the text introduces its own after the sentence.
    const earlier =
      put !== null &&
      /\b(?:bij|tijdens)\s+(?:de|het)\s+(?:behandeling|bespreking|vergadering|raadsvergadering|commissievergadering|vragenuur|debat)\b/i.test(
        wrapped,
      ) &&
      laterIntroducesQuestions(lines, i);
    if (put && !again && !earlier) {
      add('datum', put[1], [i], t, SENT_IN);
      add('ingekomen', put[1], [i], t);
    }
    const dateline = DATELINE.exec(plainT);
    if (dateline && pageDate(dateline[1])) add('datum', dateline[1], [], t);
    // "De raad van de gemeente X, in vergadering bijeen op D": the day the raad met dates the motie, over a lone date
    // at the top (the day a site posted it).
    // (A meeting mentioned in a letter's running text is no date of it: MEETING reads only a line that opens with it.)
    const meeting = MEETING.exec(plainT);
    if (meeting) add('datum', meeting[1], [], t, SENT_IN);
    const sentence = firstSentence(plainT);
    // "… wil graag de volgende vragen aan het college stellen:": to whom, with the verb at the end.
    const askedTo = plainT.length <= 400 ? ASKED_TO.exec(plainT) : null;
    if (askedTo) add('aan', askedTo[1], [], plainT);
    // (Only a sentence of a head's length: the patterns take long on a long line, and there they find no head.)
    const asks = sentence.split(/\s+/).length <= 30 ? ASKS.exec(uninverted(sentence)) : null;
    if (asks) {
      const who = asks[1].replace(/^(?:vandaar\s+)?/i, '');
      const fraction =
        // "Veenendaalse SGP-fractie": the place's adjective before a local fraction is no part of the party's name.
        /^(?:de\s+)?(?:\p{L}+se\s+)?([\p{Lu}\d][\p{L}\d!&'-]*)-?fractie$/iu.exec(who) ??
        /^(?:de\s+)?fractie\s+(?:van\s+(?:de\s+|het\s+)?)?(.+)$/iu.exec(who);
      // "College durft niet, GDP/Hart stelt vragen": the clause's subject is a party the lexicon knows, or names joined
      // by a slash as combined lists are ("GDP/Hart", "CU/SGP").
      const clause = who.split(/,\s+/).pop()!.trim();
      const joined = /^(?:\p{Lu}{2,}[\p{L}\d]*|\p{Lu}\p{Ll}+)(?:\/(?:\p{Lu}{2,}[\p{L}\d]*|\p{Lu}\p{Ll}+))+$/u.test(clause);
      if (fraction) add('partijen', fraction[1].replace(/-$/, ''), [], sentence);
      else if (isParty(clause) || joined) add('partijen', nationalBranch(clause) ?? clause, [], sentence);
      else {
        const person = /^(.+?)\s+(?:van|namens)\s+(?:de\s+|het\s+)?([\p{Lu}\d][\p{L}\d!&'-]*(?:\s+[\p{Lu}][\p{L}\d!&'-]*)*)$/u.exec(who);
        const names = (person ? person[1] : who).split(/\s*,\s*|\s+en\s+/);
        if (names.every((n) => /^\p{Lu}\p{L}+(?:\s+(?:van|de|der|den|ter|ten|te|\p{Lu}[\p{L}'-]+))+$/u.test(n)))
          add('indieners', names.join('\n'), [], sentence);
        if (person) add('partijen', person[2], [], sentence);
      }
      if (asks[2] || asks[3]) add('aan', (asks[2] ?? asks[3]).trim(), [], sentence);
      // "Wij hebben een aantal vragen over de bijeenkomst.": a sentence's subject that points back names nothing.
      const above = lines
        .slice(0, i)
        .map((l) => l.text)
        .join('\n');
      if (asks[4] && !refersBack(unquote(asks[4].replace(/[.:]+$/, '')), above))
        subjects.push({
          value: unquote(asks[4].replace(/[.:]+$/, '')),
          lines: seen <= 4 && sentence === plainT ? [i] : [],
          line: sentence,
        });
      continue;
    }
    const title = seen <= 6 && plainT.split(/\s+/).length <= 25 ? QUESTIONS_TITLE.exec(plainT) : null;
    if (title) {
      const subject = subjectOf(title[1], title[2]);
      if (subject) out.push({ concept: 'onderwerp', value: subject, labelLine: t, lines: [i], strength: 0.9 });
      // "Vragen aan het College over Z": to whom the questions go.
      const to = /^\s*aan\s+((?:het|de)\s+[\p{L} &-]{3,60}?)(?:\s+(?:over|inzake|betreffende)\s|\s*:\s)/iu.exec(title[2]);
      if (subject && to) add('aan', to[1], [], t);
      continue;
    }
    const about = /^motie\s+(?:van\s+.{2,60}?\s+)?over\s+(.+?)\.?$/iu.exec(plainT);
    if (about && seen <= 6 && plainT.split(/\s+/).length <= 25) add('onderwerp', about[1], [i], t);
    // "De commissie voor X heeft vragen voorgelegd aan Y over …", "… beantwoord bij brief van D".
    const committee =
      /^(de\s+(?:vaste\s+)?commissie\s+voor\s+(?:de\s+)?[\p{L} ]+?)\d*\s+heeft\s+.*?vragen\s+voorgelegd\s+aan\s+(.+?)\s+over\b/iu.exec(
        plainT,
      );
    if (committee) {
      add('afzender', committee[1], [], t);
      add('aan', committee[2], [], t);
    }
    const answered = new RegExp(String.raw`beantwoord\s+bij\s+brief\s+van\s+(${DATE_WORDS})`, 'iu').exec(plainT);
    if (answered) add('datum_antwoord', answered[1], [], t);
  }
  if (new Set(subjects.map((x) => x.value)).size === 1) add('onderwerp', subjects[0].value, subjects[0].lines, subjects[0].line);
  // "De fractie van GemeenteBelang Westland …": who asks, in the first paragraphs.
  seen = 0;
  for (let i = 0; i < lines.length && seen < HEADER_ZONE + 6; i++) {
    if (!lines[i].text || skip.has(i)) continue;
    seen++;
    const m = FRACTION_OF.exec(lines[i].text.replace(/\t/g, ' '));
    if (m)
      out.push({
        concept: 'partijen',
        value: m[1].replace(/\s+(?:heeft|is|ziet|stelt|vraagt|wil)$/, ''),
        labelLine: lines[i].text,
        lines: [],
        strength: 0.5,
        hint: true,
      });
  }
  return out;
}

/**
 * Parliamentary numbers alone on a line at the top: the Aanhangsel number ("AH 617"), the number of Kamervragen
 * ("2024Z18561", "2024Z 17972") or of a Kamer document ("2025D04328"), also after "Kamervraag"; the first one is the kenmerk.
 */
const PARLIAMENT_NUMBER = /^(?:kamervra(?:ag|gen)\s+)?(AH\s+\d{1,4}|\d{4}[ZD]\s?\d{5})$/i;
/** A title that is the genre's name and the document's number: "Schriftelijke vragen 74/2021", "Motie nr. 12". */
const GENRE_NUMBER =
  /^(?:schriftelijke\s+vragen|raadsvragen|art(?:ikel|\.)?\s*\d+[- ]?vragen|motie|amendement|raadsinformatiebrief|rib|memo)\s+(?:nr\.?\s*|nummer\s+)?(\d[\d./-]*\d)$/i;
/** The same with its date after a comma: "Mondelinge vragen 10, 26 september 2019", "Schriftelijke vragen 74/2021, 3 mei 2021". */
const GENRE_NUMBER_DATE = new RegExp(
  String.raw`^(?:(?:schriftelijke|mondelinge)\s+vragen|raadsvragen|motie)\s+(?:nr\.?\s*|nummer\s+)?(\d{1,4}(?:\/\d{4})?),\s*(${DATE_WORDS})$`,
  'iu',
);
/**
 * A question's register number in the header, alone on its line: "Vraag 1115 2018-2022" (three digits at least, and
 * the council's term): the document's number, not a question numbered 1115.
 */
const QUESTION_REGISTER = /^vraag\s+(?:nr\.?\s*)?(\d{3,}(?:\s+(?:19|20)\d\d-(?:19|20)\d\d)?)$/i;

/** Kamerstuk heads: "35000 B 10 BRIEF VAN DE MINISTER …" gives the kenmerk. */
function kamerstuk(lines: Line[]): Header[] {
  for (let i = 0, seen = 0; i < lines.length && seen < HEADER_ZONE; i++) {
    if (!lines[i].text) continue;
    seen++;
    const number =
      (seen <= 5 ? PARLIAMENT_NUMBER.exec(lines[i].text.trim()) : null) ?? (seen <= 6 ? GENRE_NUMBER.exec(lines[i].text.trim()) : null);
    if (number)
      return [{ concept: 'kenmerk', value: number[1].replace(/^(\d{4}[ZD])\s/, '$1'), labelLine: lines[i].text, lines: [i], strength: 1 }];
    const dated = seen <= 6 ? GENRE_NUMBER_DATE.exec(lines[i].text.trim()) : null;
    if (dated && findDate(dated[2]))
      return [
        { concept: 'kenmerk', value: dated[1], labelLine: lines[i].text, lines: [i], strength: 1 },
        { concept: 'datum', value: dated[2], labelLine: lines[i].text, lines: [], strength: 1 },
      ];
    const register = QUESTION_REGISTER.exec(lines[i].text.trim());
    if (register) return [{ concept: 'kenmerk', value: register[1], labelLine: lines[i].text, lines: [i], strength: 1 }];
    const m = /^(\d{2}\s?\d{3}(?:[- ][A-Z]{1,4})?\s+\d{1,4})\s+(?:BRIEF|MOTIE|AMENDEMENT)\s+VAN\b/.exec(lines[i].text);
    if (m) return [{ concept: 'kenmerk', value: m[1], labelLine: lines[i].text, lines: [], strength: 1 }];
  }
  return [];
}

/** A list of people each with their party: "Eric van der Burg (VVD), Kati Piri (PvdA)". */
const NAMES_WITH_PARTIES = /^\p{Lu}[^()|]{1,60}\([^()]{1,40}\)(?:\s*,\s*\p{Lu}[^()|]{1,60}\([^()]{1,40}\))*$/u;

/**
 * A header as a row of table cells, one cell a line ending in "|" (a listing page copied from a site): the
 * first cell is the title, the first cell of people each with their party is who asks. Cells of other shapes
 * (who answers, "Naam (minister …) (Partij)", an image) say nothing here.
 */
function cells(lines: Line[]): Header[] {
  const row: Array<{ text: string; at: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (!t) continue;
    const cell = /^(.*?)\s*\|$/.exec(t);
    if (!cell) break;
    if (cell[1] && !/^!\[[^\]]*\]\([^)]*\)$/.test(cell[1])) row.push({ text: cell[1], at: i });
  }
  if (row.length < 2) return [];
  const out: Header[] = [];
  const title = row[0];
  if (!NAMES_WITH_PARTIES.test(title.text) && plausible('onderwerp', title.text))
    out.push({ concept: 'onderwerp', value: title.text, labelLine: title.text, lines: [title.at], strength: 1 });
  const askers = row.slice(1).find((c) => NAMES_WITH_PARTIES.test(c.text));
  if (askers) {
    const who = membersAndParties(askers.text);
    out.push({ concept: 'indieners', value: who.names.join('\n'), labelLine: askers.text, lines: [askers.at], strength: 1 });
    out.push({ concept: 'partijen', value: who.parties.join('\n'), labelLine: askers.text, lines: [], strength: 1 });
  }
  return out;
}

/**
 * Written questions' who and to whom outside the head (question-heads.ts): a lead-in "Vragen aan X:" above the list,
 * and a sentence of the opening paragraphs in which a fraction asks ("… stelt de fractie van X vragen aangaande Z.").
 * The fraction that asks is the sender over a municipality's letterhead.
 */
function askedInText(lines: Line[], taken: Set<number>): Header[] {
  const out: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const to = !taken.has(i) ? questionsTo(lines[i].text.replace(/\t/g, ' ')) : null;
    if (to) {
      out.push({ concept: 'aan', value: to, labelLine: lines[i].text, lines: [], strength: 1 });
      break;
    }
  }
  // The opening paragraphs: up to the first numbered question, at most twice the header zone.
  const opening: string[] = [];
  for (let i = 0; i < lines.length && opening.length < 2 * HEADER_ZONE; i++) {
    const t = lines[i].text.replace(/\t/g, ' ').trim();
    if (!t || taken.has(i)) continue;
    if (numbered(t) && opening.length) break;
    opening.push(t);
  }
  const openingText = opening.join('\n');
  const several = partiesAsk(openingText);
  if (several) {
    if (several.afzender) out.push({ concept: 'afzender', value: several.afzender, labelLine: '', lines: [], strength: 1 });
    out.push({ concept: 'partijen', value: several.parties.join('\n'), labelLine: '', lines: [], strength: 1 });
    // The addressee read as a body (askhead.ts), over a prose reading that runs on to the sentence's end.
    if (several.aan) out.push({ concept: 'aan', value: several.aan, labelLine: '', lines: [], strength: 1.1 });
  }
  const about = askedAbout(openingText);
  if (about) {
    out.push({ concept: 'aan', value: about.aan, labelLine: '', lines: [], strength: 1 });
    out.push({ concept: 'onderwerp', value: about.onderwerp, labelLine: '', lines: [], strength: 1 });
  }
  const member = memberAsks(openingText);
  if (member) {
    out.push({ concept: 'indieners', value: member.name, labelLine: '', lines: [], strength: 1 });
    out.push({ concept: 'partijen', value: nationalBranch(member.party) ?? member.party, labelLine: '', lines: [], strength: 1 });
  }
  const putTo = questionsPutTo(openingText);
  if (putTo) out.push({ concept: 'aan', value: putTo, labelLine: '', lines: [], strength: 1, questionsOnly: true });
  const asking = member ? null : memberAsking(openingText);
  if (asking) {
    out.push({ concept: 'indieners', value: asking.name, labelLine: '', lines: [], strength: 1, questionsOnly: true });
    const party = asking.party ? (nationalBranch(asking.party) ?? asking.party) : null;
    if (party) out.push({ concept: 'partijen', value: party, labelLine: '', lines: [], strength: 1, questionsOnly: true });
  }
  // "… stellen de raadsleden de heren A en B, Partij X, de volgende vragen:": members by their title, in any order.
  const titled = member || asking ? null : membersAsking(openingText);
  if (titled) {
    out.push({ concept: 'indieners', value: titled.names.join('\n'), labelLine: '', lines: [], strength: 1, questionsOnly: true });
    if (titled.party)
      out.push({
        concept: 'partijen',
        value: nationalBranch(titled.party) ?? titled.party,
        labelLine: '',
        lines: [],
        strength: 1,
        questionsOnly: true,
      });
  }
  const asks = fractionAsks(openingText);
  if (asks) {
    if (asks.afzender) out.push({ concept: 'afzender', value: asks.afzender, labelLine: '', lines: [], strength: 1.6 });
    out.push({ concept: 'partijen', value: nationalBranch(asks.party) ?? asks.party, labelLine: '', lines: [], strength: 1 });
    if (asks.onderwerp) out.push({ concept: 'onderwerp', value: asks.onderwerp, labelLine: '', lines: [], strength: 1 });
  }
  return out;
}

export function scanHeaders(lines: Line[]): { headers: Header[]; furniture: Set<number> } {
  const furniture = new Set<number>();
  // Rows of labels over rows of values first: their lines are no labelled lines of the other shapes.
  const rows = labelRows(lines, HEADER_ZONE + 10);
  const headers = [
    ...rows.fields.map((f): Header => ({
      concept: f.concept,
      value: f.value,
      labelLine: lines[f.lines[0]].text,
      lines: f.lines,
      strength: 2,
    })),
    ...labelled(lines, furniture, rows.lines),
  ];
  // The sender's name at the top of a letterhead. An organisation whose next line is "t.a.v. …" is the addressee
  // in the address window, not the sender: it is the letter's "aan", and the sender is looked for after it.
  for (let i = 0, seen = 0; i < lines.length && seen < 10; i++) {
    const t = lines[i].text;
    if (!t || furniture.has(i)) continue;
    seen++;
    if (ORGANISATION.test(t) && !/[,.;:]$/.test(t) && t.split(/\s+/).length <= 6) {
      const next = lines.slice(i + 1).findIndex((l) => l.text.trim() !== '');
      const attention = next < 0 ? '' : lines[i + 1 + next].text.trim();
      if (/^(?:t\.?\s?a\.?\s?v\.?|ter attentie van)\s+\S/i.test(attention)) {
        headers.push({ concept: 'aan', value: `${t} ${attention}`, labelLine: t, lines: [i, i + 1 + next], strength: 1.5 });
        i += 1 + next;
        continue;
      }
      const holder = officeHolder(lines, i);
      if (holder)
        headers.push({
          concept: 'afzender',
          value: holder.value,
          labelLine: t,
          lines: holder.lines,
          strength: 1.5,
          source: 'letterhead-office',
        });
      headers.push({
        concept: 'afzender',
        value: t,
        labelLine: t,
        lines: [i],
        strength: 1.5,
        ...(ownAddress(lines, t) ? { ownAddress: true } : {}),
      });
      break;
    }
  }
  // The addressee in the address window, right above a postal address ("Het College van B&W" / "van de Gemeente X" /
  // "Postbus 150"): as sure as the "t.a.v." window above.
  const window = addressWindow(lines, HEADER_ZONE + 10);
  if (window)
    headers.push({ concept: 'aan', value: window.value, labelLine: lines[window.lines[0]].text, lines: window.lines, strength: 1.5 });
  headers.push(...headInLabel(headers));
  // A PDF's running page header ("ZAAKNUMMER PAGINA gemeente X" / "10309255 1/4"): letterhead; its organisation
  // is the sender after any the letterhead names.
  const running = runningHeaders(lines);
  running.lines.forEach((i) => furniture.add(i));
  if (running.organisation) {
    const { name, line } = running.organisation;
    headers.push({ concept: 'afzender', value: name, labelLine: lines[line].text, lines: [], strength: 1.5, source: 'running-header' });
  }
  const taken = new Set([...furniture, ...headers.flatMap((h) => (h.keep ? [] : h.lines))]);
  headers.push(...prose(lines, taken), ...kamerstuk(lines), ...cells(lines));
  // "Van X ontvingen wij de volgende mail:": a post that quotes a letter names who wrote it and to whom.
  const introduced = introducedLetter(openingText(lines, taken));
  if (introduced) {
    if (introduced.afzender) headers.push({ concept: 'afzender', value: introduced.afzender, labelLine: '', lines: [], strength: 1 });
    if (introduced.aan) headers.push({ concept: 'aan', value: introduced.aan, labelLine: '', lines: [], strength: 1 });
  }
  headers.push(...askedInText(lines, taken));
  const closing = closingDate(lines);
  if (closing && !taken.has(closing.line))
    headers.push({ concept: 'datum', value: closing.date, labelLine: lines[closing.line].text, lines: [closing.line], strength: 1 });
  return { headers, furniture };
}
