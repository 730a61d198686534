// Robustness of the paste-import: the same document as it arrives from another source. Each variant
// changes only the form a copy or a PDF conversion changes (line width, markup of labels, labels above
// their values, blank lines, the marks of numbered items and bullets) and never the words, so a
// recogniser that reads the document's structure gives the same result for every variant.
// `npm run documents:eval -- --set dev --perturb` scores every variant against the same labels.
import { conceptOf, LETTERHEAD } from './parse/labels';
import { numbered } from './parse/numbering';

/** "Onderwerp: …" with a label the vocabulary knows; group 1 the label, group 2 the value. */
const LABELLED = /^([\p{L}][\p{L} .()/'-]{0,40}?)[ \t]*:[ \t]*(\S.*)$/u;

function knownLabel(line: string): { label: string; value: string } | null {
  const m = LABELLED.exec(line);
  if (!m || /[*_<>]/.test(line)) return null;
  const concept = conceptOf(m[1]);
  return concept === undefined || concept === LETTERHEAD ? null : { label: m[1].trim(), value: m[2].trim() };
}

/** Hard line breaks at `width` columns, at a space, as a PDF or an e-mail client makes them. */
function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut).trimEnd());
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out;
    })
    .join('\n');
}

const mapLines = (text: string, f: (line: string) => string) => text.split('\n').map(f).join('\n');

/** A question's or answer's mark ("Vraag 3", "Antwoord op vraag 2 en 3:") and the text after it on its line. */
function markOf(line: string): { mark: string; rest: string; role: 'vraag' | 'antwoord'; label: string } | null {
  const t = line.trim();
  const n = numbered(t);
  // A mark opens with a capital: "… zoals in antwoord op / vraag 4. De …" is a sentence going on.
  if (!n || n.role === null || /[*_<>]/.test(t) || !/^\p{Lu}/u.test(t)) return null;
  return { mark: t.slice(0, t.length - n.rest.length).trim(), rest: n.rest, role: n.role, label: n.label };
}

/** A page's footer every `every` lines, wherever the page breaks: between a question and its answer, inside a sentence. */
function pageBreaks(text: string, every: number): string {
  const lines = text.split('\n');
  const pages = Math.ceil(lines.length / every);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && i % every === 0) out.push(`Pagina ${i / every} van ${pages}`);
    out.push(line);
  });
  return out.join('\n');
}

export const PERTURBATIONS: Record<string, (text: string) => string> = {
  /** Hard-wrapped at 72 columns. */
  'afgebroken op 72 tekens': (text) => wrap(text, 72),
  /** Hard-wrapped at 60 columns. */
  'afgebroken op 60 tekens': (text) => wrap(text, 60),
  /** Labels in Markdown bold: "**Onderwerp:** …". */
  'labels **vet**': (text) =>
    mapLines(text, (line) => {
      const k = knownLabel(line);
      return k ? `**${k.label}:** ${k.value}` : line;
    }),
  /** Labels in HTML bold with a tab: "<b>Onderwerp:</b>\t…". */
  'labels <b>vet</b>': (text) =>
    mapLines(text, (line) => {
      const k = knownLabel(line);
      return k ? `<b>${k.label}:</b>\t${k.value}` : line;
    }),
  /** A flattened two-column letterhead: the label in capitals on its own line, the value below it. */
  'LABEL boven waarde': (text) =>
    mapLines(text, (line) => {
      const k = knownLabel(line);
      return k ? `${k.label.toUpperCase()}\n${k.value}` : line;
    }),
  /** The label on its own line with its colon, the value below it. */
  'Label: boven waarde': (text) =>
    mapLines(text, (line) => {
      const k = knownLabel(line);
      return k ? `${k.label}:\n${k.value}` : line;
    }),
  /** A table's columns flattened: the label and its value apart by a tab, without a colon. */
  'label<tab>waarde': (text) =>
    mapLines(text, (line) => {
      const k = knownLabel(line);
      return k ? `${k.label}\t${k.value}` : line;
    }),
  /** No blank lines at all, as many PDF extractions give the text. */
  'geen witregels': (text) => text.replace(/\n[ \t]*(?=\n)/g, ''),
  /** Every paragraph break doubled. */
  'extra witregels': (text) => text.replace(/\n[ \t]*\n/g, '\n\n\n'),
  /** Bullets as "•" and numbered items as "1)" instead of "-" and "1.". */
  'andere opsommingstekens': (text) =>
    mapLines(text, (line) => line.replace(/^(\s*)[-*](?=\s)/, '$1•').replace(/^(\s*)(\d{1,2})\.(?=\s)/, '$1$2)')),
  /** Question and answer marks in bold, as a Word file saved as Markdown gives them: "**Vraag 3**", "**Antwoord 3:** Ja.". */
  'vraag- en antwoordkoppen **vet**': (text) =>
    mapLines(text, (line) => {
      const m = markOf(line);
      return m ? `**${m.mark}**${m.rest ? ` ${m.rest}` : ''}` : line;
    }),
  /** Marks as other municipalities write them: "Vraag 3:" and "Antwoord op vraag 3:". */
  'koppen "Antwoord op vraag N:"': (text) =>
    mapLines(text, (line) => {
      const m = markOf(line);
      if (!m) return line;
      const mark = m.role === 'vraag' ? `Vraag ${m.label}:` : `Antwoord op vraag ${m.label}:`;
      return m.rest ? `${mark} ${m.rest}` : mark;
    }),
  /** A PDF's page footer every 40 lines, without blank lines around it. */
  'paginavoet elke 40 regels': (text) => pageBreaks(text, 40),
};
