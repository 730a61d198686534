// Which kind of document this is, read from the text itself: a title near the top wins; otherwise
// the phrases and the headers the type is known by; nieuws when nothing fits.
import type { DocumentTypeKey } from '../types';
import type { Header } from './headers';
import type { Line } from './lines';
import { numbered } from './numbering';

const TITLES: Array<[RegExp, DocumentTypeKey]> = [
  [/^(?:memo|memorandum)\b/i, 'memo'],
  [/^(?:raadsinformatiebrief|rib)\b/i, 'raadsinformatiebrief'],
  [
    /^(?:schriftelijke\s+(?:raads)?vragen|raadsvragen|vragen\s+(?:ex|op grond van|conform)?\s*(?:art(?:ikel|\.)?\s*)\d+)/i,
    'schriftelijke-vragen',
  ],
  [/^motie\b/i, 'motie'],
];

export const ANSWER_HEADING = /^(?:antwoord(?:en)?|beantwoording)\b(?!\s*(?:op\s+vraag\s*)?\d)[^:?]{0,80}:?$/i;

export function detectType(lines: Line[], headers: Header[]): DocumentTypeKey {
  const content = lines.map((l) => l.text).filter(Boolean);
  for (const t of content.slice(0, 15)) {
    if (t.split(/\s+/).length > 12) continue;
    const hit = TITLES.find(([re]) => re.test(t));
    if (hit) return hit[1];
  }
  const all = content.join('\n');
  const concepts = new Set(headers.map((h) => h.concept));
  const questions = content.filter((t) => numbered(t) && /\?$/.test(t)).length;
  const answered = content.some((t) => ANSWER_HEADING.test(t)) || concepts.has('datum_antwoord') || concepts.has('ingekomen');
  if (/schriftelijke\s+(?:raads)?vragen|vragen\s+ex\s+art|\bartikel\s+4\d\b/i.test(all) || (questions >= 2 && answered))
    return 'schriftelijke-vragen';
  if (/verzoekt\s+het\s+college|draagt\s+het\s+college\s+op|roept\s+het\s+college\s+op/i.test(all)) return 'motie';
  if (/raadsinformatiebrief/i.test(all)) return 'raadsinformatiebrief';
  if (concepts.has('kenmerk') || concepts.has('uw_referentie') || concepts.has('gemeente')) return 'brief';
  if (/^geachte\b/im.test(all) && /^(?:hoogachtend|met vriendelijke groet)/im.test(all)) return 'brief';
  if (concepts.has('aan') && concepts.has('van')) return 'memo';
  return 'nieuws';
}
