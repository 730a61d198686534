// Which kind of document this is, by the evidence of its own header and structure: a title line
// near the top ("Nr. 44 BRIEF VAN DE MINISTER …", "Schriftelijke vragen: …", "MEMO"), the header's
// labels and prose ("Vragen van het lid …", "Partij:", "Ons kenmerk"), a motie's dictum, a letter's
// salutation, numbered questions. A word or a mention in the body ("uw raadsinformatiebrief van
// 29 oktober") never decides it. Nieuws when nothing fits.
import type { DocumentTypeKey } from '../types';
import { informingTitle, withoutGluedMark } from './genre-title';
import { HEADER_ZONE, type Header } from './headers';
import { MOTIE_DICTUM, MOTIE_END, questionsFollow } from './labels';
import { introducedLetter, openingText } from './letters';
import type { Line } from './lines';
import { numbered } from './numbering';
import { PARTY } from './parties';

const KAMERSTUK = String.raw`(?:(?:nr\.?\s*)?\d[\d\s]*(?:[A-Z]{1,4}\s+)?(?:nr\.?\s*)?\d*\s+)?`;
const TITLES: Array<[RegExp, DocumentTypeKey]> = [
  [new RegExp(`^${KAMERSTUK}(?:gewijzigde\\s+)?motie\\b`, 'i'), 'motie'],
  // A nota to the college or GS ("Nota GS-mandaat", "Collegenota", "B&W-nota"); not a "Nota van beantwoording/wijziging".
  [
    /^(?:memo|memorandum|(?:college|b\s?&\s?w|gs)-?nota|nota\s+(?!van\b)(?:aan\s+(?:het\s+)?(?:college|gs)|b\s?&\s?w|gs|college)\b)/i,
    'memo',
  ],
  [/^(?:raadsinformatiebrief|rib)\b/i, 'raadsinformatiebrief'],
  [new RegExp(`^${KAMERSTUK}(?:\\p{L}+brief\\b|brief\\s+van\\b)`, 'iu'), 'brief'],
  [
    /^(?:\d{1,2}\s+\p{L}+\s+\d{4}\s+|\d{1,3}\s+)?(?:beantwoording\s+|antwoord(?:en)?\s+(?:op\s+)?)?(?:(?:schriftelijke|aanvullende|technische|informatieve|mondelinge|art(?:ikel|\.)?\s*\d+[- ]?)\s*)?(?:raads|college|vervolg|kamer)?vra(?:gen|ag)\b/iu,
    'schriftelijke-vragen',
  ],
  [
    /^lijst\s+van\s+vragen\b|^(?:\S*\d\S*\s+)?antwoord(?:en)?\s+(?:van\s+.{3,120}?\s+)?op\s+(?:de\s+)?(?:schriftelijke\s+)?vragen\s+van\s+(?:het\s+lid|(?:het|de)\s+leden)\s|^(?:\p{L}+\s+)?vragen\s+(?:over|inzake|aan|betreffende)\s|^(?:\p{L}+\s+)?vragen\s+van\s+(?:het\s+lid|(?:het|de)\s+leden|de\s+fractie)\b/iu,
    'schriftelijke-vragen',
  ],
  [/^(?:[\p{L}\d.&'’-]+\s+){1,8}(?:stelt|stelde|stellen|stelden)\s+(?:[\p{L}&]+\s+){0,4}vragen\b/iu, 'schriftelijke-vragen'],
];

/**
 * The answer part of a document: "Antwoord college van burgemeester en wethouders:", "Beantwoording", also with an
 * article in front ("De beantwoording van het college/de burgemeester:", "Het antwoord van het college:").
 */
export const ANSWER_HEADING = /^(?:(?:de|het)\s+)?(?:antwoord(?:en)?|beantwoording)\b(?!\s*(?:op\s+vraag\s*)?\d)[^:?]{0,90}?(?<!\.):?$/i;

const CONSIDERING = /^(?:constaterende|overwegende|van\s+mening\s+zijnde|gehoord\s+de\s+beraadslaging)\b/i;
const SALUTATION = /^geachte?\s+\S|^beste\s+\S.*,$/i;
const CLOSING = /^(?:met\s+(?:vriendelijke|hartelijke)\s+groet|hoogachtend)/i;
const VRAGEN_CONCEPTS = ['partijen', 'indieners', 'ingekomen', 'datum_antwoord'];
const BRIEF_CONCEPTS = ['uw_referentie', 'behandeld_door'];

/**
 * A letter that says it informs: its opening "Met deze (Staten)brief informeren wij u …", "Hierbij informeer ik u …", or
 * a head's ticked purpose "[X] ter informatie".
 */
const INFORMS =
  /^(?:met\s+deze\s+\p{L}*brief|hierbij)\s+(?:informeren\s+(?:wij|we)|informeer\s+ik)\s+u\b|\[\s*x\s*\]\s*ter\s+informatie\b/iu;
/** A line that addresses the raad or the Staten: "Provinciale Staten van X", "Aan de leden van de gemeenteraad", "Geachte leden van de raad,". */
const TO_COUNCIL =
  /^(?:aan\s+(?:de\s+)?|geachte\s+|toezending\s+aan\s+)?(?:leden\s+van\s+(?:de\s+|het\s+)?)?(?:provinciale\s+staten|gemeenteraad|raad|staten|algemeen\s+bestuur)\b/i;

/** "Vraag 1:", "Vraag 2b" alone on a line, the question under it; "Antwoord:" alone on a line, the answer under it. */
const QUESTION_LABEL = /^vraag\s+\d{1,2}[a-z]?\s*[:.]?$/i;
const ANSWER_LABEL = /^(?:antwoord|reactie|beantwoording)(?:\s+(?:op\s+)?vraag\s+\d{1,2}[a-z]?)?\s*[:.]?$/i;

/**
 * The items of lists (numbered or bulleted) right after a line that says questions follow: the line numbers of every
 * item of such a list of at least two. The list is the questions, whether each item ends in a question mark or asks
 * indirectly ("• Hoe u de naleving gaat controleren.", "– Is het college het met ons eens dat … ."): for the type here
 * and for the questions (questions.ts). `introduces`: what the line before the list must say.
 */
export function introducedItems(lines: Line[], introduces: (line: string) => boolean = questionsFollow): Set<number> {
  const texts = lines.map((l) => l.text.trim());
  const out = new Set<number>();
  texts.forEach((t, i) => {
    if (!introduces(t)) return;
    const items: number[] = [];
    for (let k = i + 1; k < lines.length; k++) {
      if (!texts[k]) continue;
      if (!(lines[k].bullet || numbered(texts[k]))) break;
      items.push(k);
    }
    if (items.length >= 2) for (const k of items) out.add(k);
  });
  return out;
}

/**
 * Questions put as written questions are: called so, under an article of the rules, to the college or "u" ("… de
 * volgende schriftelijke vragen gesteld aan het college van B&W:"), or by those who put them in a council: a fraction,
 * a member, a party of the lexicon ("Hierover heeft de PvdA de volgende vragen:"); not those residents asked at a
 * meeting ("Tijdens de avond stelden bewoners de volgende vragen:", a news item's).
 */
const PUT_AS_WRITTEN =
  /\b(?:schriftelijke|art(?:ikel|\.)\s*\d|RvO\b|aan\s+(?:u|het\s+college|de\s+(?:burgemeester|wethouders?|gemeente)|b\s*(?:&|en)\s*w|burgemeester\s+en\s+wethouders)\b)/i;
const COUNCIL_ASKER = /\b(?:\p{L}*fracties?|raadsleden|raadslid|statenleden|statenlid|kamerleden|kamerlid)\b/iu;
const PARTY_NAMED = new RegExp(String.raw`(?:^|[\s(])${PARTY}(?=$|[\s,.:;)])`, 'u');
const putAsWritten = (t: string) => PUT_AS_WRITTEN.test(t) || COUNCIL_ASKER.test(t) || PARTY_NAMED.test(t);
const introducedList = (lines: Line[]) => introducedItems(lines).size > 0;
/** A list of questions put as written questions are (a page without a salutation that names whom it asks). */
const introducedWritten = (lines: Line[]) => introducedItems(lines, (t) => questionsFollow(t) && putAsWritten(t)).size > 0;

/** A paragraph of questions with who asks and when in brackets at its end: "… ? (Floris de Boer, 10 september 2023)". */
const ATTRIBUTED = /^(.*\?["'”’»]?)\s*\((\p{Lu}[\p{L}.'’ -]{2,60}),\s*\d{1,2}\s+\p{L}+\s+\d{4}\)\.?$/u;

/**
 * A page that is questions put to someone, without the genre's word (a site's page of questions, a report of the
 * answers): questions labelled one by one with an answer label among them, or a paragraph of three questions or
 * more, one of them to "u", signed in brackets by who asks. Questions quoted in a report's sentences are neither.
 */
function questionPage(content: string[]): boolean {
  const labelled = content.filter((t, k) => QUESTION_LABEL.test(t) && /\?/.test(content[k + 1] ?? '')).length;
  if (labelled >= 2 && content.some((t) => ANSWER_LABEL.test(t))) return true;
  return content.some((t) => {
    const m = ATTRIBUTED.exec(t);
    return !!m && (m[1].match(/\?/g) ?? []).length >= 3 && /\b(?:u|uw)\b/i.test(m[1]);
  });
}

export function detectType(lines: Line[], headers: Header[]): DocumentTypeKey {
  const content = lines.map((l) => l.text.replace(/\t/g, ' ').trim()).filter(Boolean);
  // An editor's line above the text: "De volledige brief die B&W vandaag aan de raad stuurde:".
  const intro = content[0] && /:$/.test(content[0]) ? /\b(brief|memo|motie|raadsinformatiebrief|vragen)\b/i.exec(content[0]) : null;
  if (intro) {
    const word = intro[1].toLowerCase();
    return word === 'vragen' ? 'schriftelijke-vragen' : (word as DocumentTypeKey);
  }
  for (const t of content.slice(0, HEADER_ZONE)) {
    // A title is short; the head of Kamervragen ("… vragen van het lid X (P) aan … over … (ingezonden D)") may run longer.
    if (t.split(/\s+/).length > (/\bvra(?:ag|gen)\s+van\s+(?:het\s+lid|(?:het|de)\s+leden)\b/i.test(t) ? 60 : 25) || /:$/.test(t)) continue;
    const hit = TITLES.find(([re]) => re.test(t) || re.test(withoutGluedMark(t)));
    if (hit) return hit[1];
  }
  const labelled = new Set(headers.filter((h) => h.strength >= 1 && h.value && !h.hint).map((h) => h.concept));
  // A register's record: its labelled title names the genre ("Titel: Motie IV Donker waar het kan").
  if (headers.some((h) => h.concept === 'onderwerp' && h.strength >= 2 && /^(?:gewijzigde\s+)?motie\s+\S/i.test(h.value))) return 'motie';
  if (VRAGEN_CONCEPTS.some((c) => labelled.has(c))) return 'schriftelijke-vragen';
  if (content.some((t) => MOTIE_END.test(t)) || (content.some((t) => CONSIDERING.test(t)) && content.some((t) => MOTIE_DICTUM.test(t))))
    return 'motie';
  if (headers.some((h) => h.concept === 'stemming' || h.concept === 'status')) return 'motie';
  const questions = content.filter((t) => numbered(t) && /\?/.test(t)).length;
  // "Kennisgeving" as a title line: the college informs the council, unless it answers numbered questions.
  const informing = content.slice(0, HEADER_ZONE).map(informingTitle).find(Boolean);
  if (informing && questions < 2) return informing;
  if (BRIEF_CONCEPTS.some((c) => labelled.has(c))) return 'brief';
  if (labelled.has('portefeuillehouder') || (labelled.has('aan') && headers.some((h) => h.concept === 'afzender' && h.strength >= 2)))
    return 'memo';
  const salutation = content.slice(0, HEADER_ZONE + 10).some((t) => SALUTATION.test(t));
  const party = headers.some((h) => h.concept === 'partijen') || content.some((t) => /^namens\s/i.test(t));
  if (questions >= 2 && party) return 'schriftelijke-vragen';
  // A letter to the college or a minister that asks numbered questions: written questions in letter form (art. 42).
  const toAnswerer = content
    .slice(0, HEADER_ZONE + 10)
    .some((t) =>
      /^geachte?\s+(?:(?:leden\s+van\s+het\s+)?college|(?:heer\s+|mevrouw\s+)?(?:burgemeester|minister|staatssecretaris|wethouder))\b/i.test(
        t,
      ),
    );
  if ((questions >= 2 || introducedList(lines)) && toAnswerer) return 'schriftelijke-vragen';
  // A letter to the raad or the Staten that says it informs them is a raadsinformatiebrief (a Statenbrief of GS is one),
  // whatever its letterhead's labels; a letter answering someone's ("Uw referentie", "Behandeld door") stays a brief.
  const head = content.slice(0, HEADER_ZONE + 30);
  if (head.some((t) => INFORMS.test(t)) && head.some((t) => TO_COUNCIL.test(t)) && !BRIEF_CONCEPTS.some((c) => labelled.has(c)))
    return 'raadsinformatiebrief';
  if (BRIEF_CONCEPTS.some((c) => labelled.has(c)) || labelled.has('kenmerk')) return 'brief';
  if (salutation || (content.some((t) => CLOSING.test(t)) && labelled.has('aan'))) return 'brief';
  if (questions >= 2) return 'schriftelijke-vragen';
  // Unnumbered questions put to the reader one after another ("Bent u bekend met …?", "Wat vindt u ervan …?1"):
  // written questions, printed without numbers (a parliament site's page, a Word file).
  const askingYou = content.filter((t) => /\?["'”’»)]*(?:\s*\[\d{1,2}\]|\s?\d{1,2}\)?)?$/.test(t) && /\b(?:u|uw)\b/i.test(t)).length;
  if (askingYou >= 3) return 'schriftelijke-vragen';
  if (questionPage(content)) return 'schriftelijke-vragen';
  // A page that says its questions follow and lists them ("… heeft daarom de volgende schriftelijke vragen gesteld aan
  // het college van B&W:" and a list): a party's post of its written questions.
  if (introducedWritten(lines)) return 'schriftelijke-vragen';
  // A post that quotes a letter and says so: "Van X ontvingen wij de volgende mail:".
  if (introducedLetter(openingText(lines))) return 'brief';
  return 'nieuws';
}
