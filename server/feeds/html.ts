// The HTML inside feed items: feed readers show it outside our site, so every link is absolute.
import type { CardEntry, Meeting } from '../documents/card';
import { formatDate } from '../shared/format';
import { escapeHtml } from '../shared/html';

/** Sanitized HTML from our own markdown renderer (double-quoted attributes) with site-relative links made absolute. */
export function absoluteLinks(html: string, baseUrl: string): string {
  return html
    .replace(/\b(href|src)="\/(?!\/)/g, `$1="${baseUrl}/`)
    .replace(/\bsrcset="([^"]*)"/g, (_m, set: string) => `srcset="${set.replace(/(^|,\s*)\/(?!\/)/g, `$1${baseUrl}/`)}"`);
}

/** An article's lead image at the top of its feed item: the share JPEG, with its size and alt text. */
export function leadImageHtml(image: { url: string; width: number; height: number; alt: string }): string {
  return `<p><img src="${escapeHtml(image.url)}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}"></p>\n`;
}

/** A resident's plain text: paragraphs at blank lines, line breaks kept, everything escaped. */
export function plainTextHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

/** "Antwoorden van het college toegevoegd op 3 december 2026", as on the voorpagina. */
export function answersAddedHtml(articleUrl: string, at: Date): string {
  return `<p><a href="${escapeHtml(`${articleUrl}#vragen-kop`)}">Antwoorden van het college toegevoegd op ${escapeHtml(formatDate(at))}</a></p>`;
}

/** The editors' correction note, as at the top of the article: plain text, escaped. */
export function correctionHtml(note: string, at: Date | null): string {
  return `<p><strong>Correctie${at ? ` (${escapeHtml(formatDate(at))})` : ''}:</strong> ${escapeHtml(note)}</p>`;
}

/** Written questions with the college's answers, interleaved as on the article page. */
export function questionsHtml(questions: Array<{ number: number; question: string; answer: string | null }>): string {
  return questions
    .map(
      (q) =>
        `<h3>Vraag ${q.number}</h3>\n${plainTextHtml(q.question)}\n<h3>Antwoord ${q.number}</h3>\n` +
        (q.answer === null ? '<p><em>Nog niet beantwoord.</em></p>' : plainTextHtml(q.answer)),
    )
    .join('\n');
}

/** A council document's card as on its page: its fields as a <dl>, and the meeting it was discussed in. */
export function documentCardHtml(entries: CardEntry[], meeting: Meeting | null): string {
  const value = (e: CardEntry) =>
    e.href
      ? `<a href="${escapeHtml(e.href)}">${escapeHtml(e.text)}</a>`
      : e.lines
        ? e.lines.map(escapeHtml).join('<br>')
        : escapeHtml(e.text);
  const dl = entries.length ? `<dl>${entries.map((e) => `<dt>${escapeHtml(e.label)}</dt><dd>${value(e)}</dd>`).join('')}</dl>` : '';
  return dl + (meeting ? `<p>${escapeHtml(meeting.text)}.</p>` : '');
}

// What a reader of a feed sees first of a document: its date, kenmerk, sender and parties.
const SUMMARY_KEYS = ['datum', 'kenmerk', 'afzender', 'partijen'];

/** "5 maart 2015 · Kenmerk: 2015.08141 · Van: College van B&W · Partijen: PvdA, D66", or '' without those fields. */
export function documentSummaryHtml(entries: CardEntry[]): string {
  const parts = SUMMARY_KEYS.flatMap((key) => {
    const e = entries.find((x) => x.key === key);
    if (!e) return [];
    return [key === 'datum' ? escapeHtml(e.text) : `${escapeHtml(e.label)}: ${escapeHtml(e.text)}`];
  });
  return parts.length ? `<p>${parts.join(' · ')}</p>` : '';
}
