// Numbered questions and their answers, by aligning numbered sequences. First every numbered item
// is collected ("1.", "(1)", "Vraag 1:", "Antwoord 2 en 3", "Ad 3", a number alone on its line) with
// its paragraphs and the section it stands in (before or after an answer heading such as "Antwoord
// college van burgemeester en wethouders:", under "A." / "B."). Then:
//   - a list of bare-numbered items is a list of questions only when one of them asks something;
//   - items after an answer heading are answers, unless they repeat a question above their answer;
//   - "Antwoord:" without a number answers the question right above it;
//   - the answers are aligned with the questions by their labels (longest common subsequence, so
//     gaps, restarts per section and answers to "2 en 3" fall into place);
//   - where a document prints each answer as the paragraph under its question (a "lijst van vragen
//     en antwoorden", italic answers), those paragraphs are the answers.
// A question's text is its own paragraph(s): letter text between questions stays body.
import type { QuestionAnswer } from '../types';
import { ANSWER_HEADING, introducedItems } from './detect';
import { ASKING_START, ASKS_AT_END, endsSentence, joinLines, type Line } from './lines';
import { asksInList } from './asking';
import { numbered, type Numbered } from './numbering';
import { pairByLabel } from './pairing';
import { unmarkedItems } from './unmarked-numbers';

interface Para {
  lines: number[];
  texts: string[];
  italic: boolean;
}

interface Item {
  role: 'vraag' | 'antwoord' | null;
  /** "Antwoord:" without a number: answers the question above. */
  unnumbered: boolean;
  label: string;
  style: string;
  number: number;
  section: number;
  sectionName: string;
  inAnswers: boolean;
  /** The line of the number itself. */
  at: number;
  paras: Para[];
  /** A part ("2a") belongs to its question. */
  parent?: Item;
  /** The question's lead-in went into its part a: the question itself is not asked apart. */
  merged?: boolean;
  /** A part's own indent (its `at` may be its question's line). */
  indent?: number;
}

export interface FoundQuestion extends QuestionAnswer {
  questionLines: number[];
  answerLines: number[];
}

export interface QuestionsResult {
  questions: FoundQuestion[];
  /** Lines of answers no question could be found for (they stay in the body). */
  orphanAnswers: number;
  /** The document has an answer part (a heading, "Antwoord …" items, answers under the questions). */
  answerPart: boolean;
  /** Answer headings and section headings. */
  headings: Set<number>;
}

const SECTION = /^([A-Z])[.)]\s+\S.{0,120}$/;
const UNNUMBERED_ANSWER =
  /^(?:(?:antwoord(?:\s+college|\s+van\s+het\s+college)?|reactie\s+college)\s*:\s*(.*)|antwoord\s+(?!van\b|op\b|college\b)(\p{Lu}\p{Ll}*\b.*[.!]))$/iu;
const PART = /^([a-h])[.)]\s+(.+)$/;
/**
 * An answer's mark alone on its line, right under its question: "Antwoord:", "Reactie college", "Antwoord van het
 * college:", "Antwoord Gedeputeerde Staten van Gelderland:" (the body that answers, as councils write it).
 */
const LONE_ANSWER =
  /^(?:antwoord|reactie)(?:\s+(?:van\s+)?(?:(?:het\s+)?college(?:\s+van\s+b(?:urgemeester)?\s*(?:&|en)\s*w(?:ethouders)?)?|gedeputeerde\s+staten(?:\s+van\s+\p{Lu}[\p{L}-]*)?|gs|b\s*(?:&|en)\s*w))?\s*:?$/iu;
const FOOTNOTE_MARKS = /\[\d{1,2}\s?\]|[?»”.]\d{1,2}(?:,\s?\d{1,2})*(?=\s|$)/;
const FOOTNOTE = /^\d{1,2}\s+(?:\p{Lu}|https?:|www\.)/u;

/** "Graag zien wij uw beantwoording tegemoet.": the letter's closing, not part of the last question. */
const AWAITING =
  /(?<=[?!.])\s+(?:graag\s+zien\s+wij|wij\s+zien|in\s+afwachting\s+van|met\s+belangstelling\s+zien\s+wij)\b[^?]*\b(?:tegemoet|antwoorden?|beantwoording|reactie)\b[^?]*[.!]$/iu;
const withoutAwaiting = (s: string) => s.replace(AWAITING, '');
const CLOSING_REQUEST =
  /^(?:(?:ik|wij)\s+(?:verzoek|verzoeken|vraag|vragen)\s+u\b.{0,80}\b(?:vragen|beantwoorden|beantwoording)\b|graag\s+zien\s+wij\b|(?:ik|wij)\s+zien\s+uw\s+(?:antwoorden?|beantwoording|reactie)|in\s+afwachting\s+van\s+uw\b).{0,120}[.!]$/iu;

const words = (s: string) => new Set(s.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
function similar(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return false;
  const common = [...wa].filter((w) => wb.has(w)).length;
  return common / Math.min(wa.size, wb.size) >= 0.6;
}

const clean = (s: string) =>
  s
    .replace(/\[\d{1,2}\s?\]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
const paraText = (p: Para) => clean(joinLines(p.texts));
const textOf = (paras: Para[]) => paras.map(paraText).filter(Boolean).join('\n\n');
const key = (label: string) => label.toLowerCase().replace(/\s+/g, ' ');

/** How only an answer opens: "Ja.", "Nee, …", "Neen.", "Zie het antwoord op vraag 2". */
const ANSWER_OPENING = /^(?:ja|nee|neen)\b[.,;:]|^zie\s+(?:het\s+)?antwoord\b/i;
/** The footnote mark after a question's question mark, which is no part of the question. */
const FOOTNOTE_AT_END = /(\?["'”’»)]*)(?:\s*\[\d{1,2}\]|\s?\d{1,2}\)?)$/;

/**
 * Questions without numbers: a paragraph (or a bold line) that ends with a question mark is a question, the lines
 * under it up to the next question its answer ("Hoe gaat het met de bomen?" / "Het gaat goed …").
 */
function paragraphPairs(lines: Line[], taken: Set<number>, furniture: Set<number>): FoundQuestion[] {
  const out: FoundQuestion[] = [];
  let cur: FoundQuestion | null = null;
  let answerTexts: string[][] = [];
  const finish = () => {
    if (cur) cur.answer = answerTexts.map(joinLines).filter(Boolean).join('\n\n') || null;
    answerTexts = [];
  };
  let block: number[] = [];
  const flushBlock = () => {
    if (!block.length) return;
    const text = clean(joinLines(block.map((i) => lines[i].text)));
    const words = text.split(/\s+/).length;
    if (ASKS_AT_END.test(text) && words <= 80 && !lines[block[0]].italic) {
      finish();
      const question = text.replace(FOOTNOTE_AT_END, '$1');
      cur = { number: out.length + 1, question, answer: null, questionLines: [...block], answerLines: [] };
      out.push(cur);
    } else if (cur) {
      answerTexts.push(block.map((i) => lines[i].text));
      cur.answerLines.push(...block);
    }
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text.trim();
    // A table's cells (lines ending in "|") are no running text.
    if (!t || taken.has(i) || furniture.has(i) || lines[i].separator || /\|$/.test(t)) {
      flushBlock();
      continue;
    }
    const before = block.length ? lines[block[block.length - 1]].text.trim() : '';
    // A bold question line and the plain answer under it are two blocks even without an empty line between them;
    // so are a question and the answer under it, and an answer's last sentence and the next question under it.
    if (
      block.length &&
      (lines[i].bold !== lines[block[block.length - 1]].bold ||
        ASKS_AT_END.test(before) ||
        (/[.!:]["'”’»)]*$/.test(before) && /^\p{Lu}/u.test(t) && ASKS_AT_END.test(t)))
    )
      flushBlock();
    block.push(i);
  }
  flushBlock();
  finish();
  return out;
}

/**
 * Written questions without numbers and without answers (a Word file of Kamervragen, a letter that asks):
 * from the first paragraph that asks to the last, each paragraph that asks is the next question; a paragraph
 * between them that does not ask leads in to the question after it. Only when most of those paragraphs ask:
 * a letter with a question here and there holds no list of questions.
 */
function askingParagraphs(lines: Line[], taken: Set<number>, furniture: Set<number>): FoundQuestion[] {
  const blocks: number[][] = [];
  let block: number[] = [];
  for (let i = 0; i <= lines.length; i++) {
    const t = i < lines.length ? lines[i].text.trim() : '';
    if (!t || taken.has(i) || furniture.has(i) || lines[i].separator) {
      if (block.length) blocks.push(block);
      block = [];
      continue;
    }
    // Without blank lines a question still ends at its question mark, and starts where a sentence opens asking.
    const ended = block.length && ASKS_AT_END.test(lines[block[block.length - 1]].text.trim()) && /^\p{Lu}/u.test(t);
    if (ended || (block.length && /^\p{Lu}/u.test(t) && ASKING_START.test(t))) {
      blocks.push(block);
      block = [];
    }
    block.push(i);
  }
  const text = (b: number[]) => clean(joinLines(b.map((i) => lines[i].text)));
  const asks = (b: number[]) => ASKS_AT_END.test(text(b)) && text(b).split(/\s+/).length <= 120;
  const first = blocks.findIndex(asks);
  const last = blocks.length - 1 - [...blocks].reverse().findIndex(asks);
  if (first < 0) return [];
  const span = blocks.slice(first, last + 1);
  const asking = span.filter((b) => asks(b) || ASKING_START.test(text(b)));
  if (asking.length < 2 || asking.length * 4 < span.length * 3) return [];
  const out: FoundQuestion[] = [];
  let lead: number[] = [];
  for (const b of span) {
    if (!asks(b) && !ASKING_START.test(text(b))) {
      lead.push(...b);
      continue;
    }
    const own = [...lead, ...b];
    lead = [];
    const question = clean(joinLines(own.map((i) => lines[i].text))).replace(FOOTNOTE_AT_END, '$1');
    out.push({ number: out.length + 1, question, answer: null, questionLines: own, answerLines: [] });
  }
  return out;
}

/**
 * Whether a numbered line goes on the document's sequence of items: a "Vraag N" / "Antwoord N" mark, or the number
 * after the last item's in the same style ("5." after "4."). A footnote or a page's furniture never holds such a line.
 */
function continuesSequence(n: ReturnType<typeof numbered>, items: Item[]): boolean {
  if (!n) return false;
  if (n.role !== null) return true;
  const last = [...items].reverse().find((it) => !it.parent && !it.unnumbered && it.style === n.style);
  return !!last && n.number === last.number + 1 && n.rest.length > 0;
}

/** The questions after those answered together were joined into the first of them: numbered by place again. */
function renumbered(
  found: FoundQuestion[],
  ownLabels: string[],
  joinedInto: Map<number, number>,
  lost: Map<number, Lost>,
): FoundQuestion[] {
  const out: FoundQuestion[] = [];
  const add = (f: FoundQuestion, label: string) => {
    const q: FoundQuestion = { ...f, number: out.length + 1 };
    delete q.label;
    if (label !== String(q.number)) q.label = label;
    out.push(q);
  };
  found.forEach((f, i) => {
    if (joinedInto.has(i)) return;
    add(f, ownLabels[i]);
    const l = lost.get(i);
    if (l) add(l.question, l.label);
  });
  return out;
}

/**
 * A numbering that starts again without a section's name or letter ("1." / a paragraph / "1." … "5.") names no question
 * apart: the questions are then known by their position, as the labels of the corpus number them, and the text's bare
 * numbers are no labels. Labels of their own ("2a", "A1", "4 en 5") stay. A number seen before that the list does not
 * go on from (a stray "1" a footnote or a page left between questions 5 and 6) is no restart: there the text's numbers
 * keep the questions after it in place.
 */
function byPositionWhenRestarted(found: FoundQuestion[]): FoundQuestion[] {
  const names = found.map((f) => f.label ?? String(f.number));
  const restarts = names.some((name, k) => /^\d+$/.test(name) && names.indexOf(name) < k && names[k + 1] === String(Number(name) + 1));
  if (!restarts) return found;
  return found.map((f) => {
    if (f.label === undefined || !/^\d+$/.test(f.label)) return f;
    const { label: _label, ...rest } = f;
    return rest;
  });
}

/** A question whose mark a page break lost, found again after the question before it. */
interface Lost {
  question: FoundQuestion;
  label: string;
}

interface AnswerParas {
  label: string;
  paras: Para[];
  lines: number[];
}

/**
 * "Vraag N" lost at a page break: answer N has no question, and the answer to question N - 1 ends in a paragraph that
 * asks (after its own text, apart from it). That paragraph is question N, and answer N its answer. Only for a single
 * number whose question is nowhere else, and only when the answer before has text of its own left.
 */
function lostQuestions(
  questions: Item[],
  found: FoundQuestion[],
  open: number[],
  pairs: Array<{ answer: number; questions: number[] }>,
  answers: AnswerParas[],
  used: Set<number>,
): Map<number, Lost> {
  const out = new Map<number, Lost>();
  const answerOf = new Map<number, number>();
  for (const p of pairs) if (p.questions.length === 1) answerOf.set(open[p.questions[0]], p.answer);
  answers.forEach((a, ai) => {
    if (used.has(ai) || !/^\d{1,2}$/.test(a.label) || !textOf(a.paras)) return;
    if (questions.some((q) => q.label === a.label)) return;
    const before = questions.findIndex((q) => q.label === String(Number(a.label) - 1));
    const prev = answerOf.get(before);
    if (before < 0 || prev === undefined || out.has(before)) return;
    const paras = answers[prev].paras;
    const last = paras[paras.length - 1];
    if (paras.length < 2 || last.italic || !ASKS_AT_END.test(paraText(last))) return;
    const kept = paras.slice(0, -1);
    found[before].answer = textOf(kept) || null;
    found[before].answerLines = found[before].answerLines.filter((l) => !last.lines.includes(l));
    out.set(before, {
      label: a.label,
      question: { number: 0, question: paraText(last), answer: textOf(a.paras), questionLines: [...last.lines], answerLines: a.lines },
    });
    used.add(ai);
  });
  return out;
}

/**
 * The question a bare-numbered item is a part of: a list that starts again at 1, indented deeper than the question
 * right above it (whose text is one paragraph: a lead-in, not a context of several), or the next number of such a
 * list at the same indent. Not in an answer part, and not under an item that is itself a part.
 */
function subItemOf(n: Numbered, indent: number, open: Item | null, items: Item[], lines: Line[]): Item | undefined {
  if (n.role !== null || !open || open.inAnswers || open.role === 'antwoord' || open.unnumbered) return undefined;
  if (!open.parent) {
    const deeper = indent > lines[open.at].indent && n.style === open.style;
    return n.number === 1 && deeper && open.paras.length === 1 && !/^\d+\./.test(open.label) ? open : undefined;
  }
  const previous = /\.(\d+)$/.exec(open.label);
  return previous && Number(previous[1]) + 1 === n.number && indent === open.indent && items[items.length - 1] === open
    ? open.parent
    : undefined;
}

export function questionsAndAnswers(
  lines: Line[],
  taken: Set<number>,
  furniture: Set<number>,
  answerWords: boolean,
  /** Whether an answer heading above every item heads an answer part (see the end). */
  headingFirst = true,
): QuestionsResult {
  const items: Item[] = [];
  let headingBeforeItems = false;
  const headings = new Set<number>();
  let cur: Item | null = null;
  let para: Para | null = null;
  let section = 0;
  let sectionName = '';
  let inAnswers = false;
  let inFootnote = false;
  const footnotes = lines.some((l) => FOOTNOTE_MARKS.test(l.text));
  // "1 Is het correct …?" / "2 Krijgt …?": a list whose marks were lost, no footnotes.
  const unmarked = unmarkedItems(lines);
  const prefixedItems = lines.filter((l) => /^(?:vraag|antwoord)\s+\d/i.test(l.text)).length;
  let unnumberedQuestions = 0;
  let bulletQuestions = 0;
  let bulletAnswers = 0;
  // Bullets right after "… de volgende vragen:" ask, however each ends.
  const introduced = introducedItems(lines);
  const close = () => {
    cur = null;
    para = null;
  };
  // Read through a function: the loop's helpers change it, which flow analysis does not follow.
  const openPara = (): Para | null => para;
  const start = (item: Omit<Item, 'section' | 'sectionName' | 'inAnswers' | 'paras'>, rest: string, i: number) => {
    close();
    const c: Item = { ...item, section, sectionName, inAnswers, paras: [] };
    if (rest) c.paras.push((para = { lines: [i], texts: [rest], italic: lines[i].italic }));
    items.push(c);
    cur = c;
  };

  /** A part of `parent` ("2a", "2.1"); the first part takes the question's lead-in, which is then not asked apart. */
  const startPart = (parent: Item, label: string, first: boolean, rest: string, i: number) => {
    const lead: Para[] = first ? parent.paras : [];
    start({ role: parent.role, unnumbered: false, label, style: parent.style, number: parent.number, at: i, parent }, rest, i);
    const c = items[items.length - 1];
    c.indent = lines[i].indent;
    if (lead.length) {
      const own = c.paras[0] ?? { lines: [], texts: [], italic: false };
      c.paras = [
        { lines: [...lead.flatMap((p) => p.lines), ...own.lines], texts: [...lead.flatMap((p) => p.texts), ...own.texts], italic: false },
        ...c.paras.slice(1),
      ];
      c.at = parent.at;
      parent.merged = true;
    }
  };

  /** The question before this one was answered right under it (or this is the first): answers go between questions. */
  const interleaved = (q: Item): boolean => {
    const at = items.indexOf(q);
    let prev = at - 1;
    while (prev >= 0 && (items[prev].role === 'antwoord' || items[prev].unnumbered || items[prev].parent)) prev--;
    return prev < 0 || items.slice(prev + 1, at).some((x) => x.role === 'antwoord' || x.unnumbered);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (furniture.has(i) || line.separator) {
      // A page footer inside a sentence ("… met gevange-" / footer / "nispersoneel …"): the sentence goes on after it.
      const open = openPara();
      const unfinished = open !== null && !line.separator && !endsSentence(open.texts[open.texts.length - 1]);
      if (!unfinished) para = null;
      inFootnote = false;
      continue;
    }
    if (taken.has(i)) {
      close();
      continue;
    }
    const t = line.text.trim();
    if (!t) {
      para = null;
      inFootnote = false;
      continue;
    }
    // A footnote citing its source: "1House of Animals, 12 juni 2024, «…», (https://…)", also right under a question.
    // Its number glued to its first word ("2Kamerstukken II 2021–2022, 29 279, nr. 339") marks it too.
    const citation =
      !/^\d{1,2}[.)]\s/.test(t) &&
      !unmarked.has(i) &&
      ((/^\d{1,2}\s?(?:\p{Lu}|https?:|www\.)/u.test(t) && /https?:\/\/|www\.|«/.test(t)) || /^\d{1,2}\p{Lu}\p{Ll}+\b.*,/u.test(t));
    // A footnote runs up to an empty line; without empty lines (a PDF's text) it ends where the numbered sequence
    // goes on: "Vraag 6", or the next number of the running list in its own style.
    if (inFootnote && continuesSequence(numbered(t), items)) inFootnote = false;
    // A footnote whose line ended (with its link or a full stop) and a sentence that opens after it: the text goes on.
    if (inFootnote && /(?:https?:\/\/\S+|[.)])$/.test(lines[i - 1]?.text.trim() ?? '') && /^\p{Lu}\p{Ll}/u.test(t) && !citation)
      inFootnote = false;
    if (inFootnote && unmarked.has(i)) inFootnote = false;
    if (inFootnote || citation || (footnotes && !para && FOOTNOTE.test(t) && !numbered(t) && !unmarked.has(i))) {
      inFootnote = true;
      furniture.add(i);
      continue;
    }
    // "… zoals aangegeven in antwoord op / vraag 4. De …": a hard-wrapped sentence going on, not a new item.
    // So is "(3) in het uiterste geval …" after a line ending in "en": a numbered point inside a sentence.
    const goesOn = openPara() !== null && !endsSentence(lines[i - 1]?.text ?? '');
    const wrapped = goesOn && (/^(?:vraag|antwoord)\b/.test(t) || /^\(?\d{1,2}[.)]\s+\p{Ll}/u.test(t));
    const n = wrapped || (line.heading && !/^(?:vraag|antwoord)/i.test(t)) ? null : (numbered(t) ?? unmarked.get(i) ?? null);
    // "Vraag:" without a number: the next question by position.
    const loneQuestion = n ? null : /^vraag\s*:\s*(.*)$/i.exec(t);
    if (loneQuestion) {
      unnumberedQuestions++;
      start(
        { role: 'vraag', unnumbered: false, label: String(unnumberedQuestions), style: 'vraag:', number: unnumberedQuestions, at: i },
        loneQuestion[1],
        i,
      );
      continue;
    }
    // A bulleted list of questions, and after an answer heading a bulleted list of answers: items by position.
    // A bullet inside a numbered answer or question stays part of it.
    const openItem = cur as Item | null;
    if (
      !n &&
      line.bullet &&
      (openItem === null || openItem.style === 'bullet') &&
      // A bullet asks when it ends in a question mark, or asks inside it ("…uur? (quote: …).", "…bezoekers? We rekenen
      // erop dat …"): a remark or a source may follow.
      (inAnswers
        ? bulletQuestions > 0
        : /\?["'”’»)]*$/.test(t) || /\?["'”’»)]*\s+[(\p{Lu}]/u.test(t) || asksInList(t, bulletQuestions) || introduced.has(i))
    ) {
      const count = inAnswers ? ++bulletAnswers : ++bulletQuestions;
      start({ role: inAnswers ? 'antwoord' : null, unnumbered: false, label: String(count), style: 'bullet', number: count, at: i }, t, i);
      continue;
    }
    // Where questions are headed "Vraag 1" / "Antwoord 1", a number alone on its line is a footnote mark or a page number.
    if (n && n.style === 'alone' && prefixedItems >= 2) {
      furniture.add(i);
      continue;
    }
    // "02. Zijn er cijfers …?" / "  1. Indien ja, …" / "  2. Indien niet, …" / "03. …": a list numbered from 1 again,
    // indented under a question, is the parts of that question ("2.1", "2.2"); the outer list goes on after it.
    const sub = n ? subItemOf(n, line.indent, cur, items, lines) : undefined;
    if (n && sub) {
      startPart(sub, `${sub.label}.${n.number}`, n.number === 1 && cur === sub, n.rest, i);
      continue;
    }
    if (n) {
      start({ role: n.role, unnumbered: false, label: n.label, style: n.style, number: n.number, at: i }, n.rest, i);
      continue;
    }
    // "Antwoord:" alone right under a question answers that question; it heads no answer part.
    const under = cur as Item | null;
    // Followed by numbered answers ("Antwoord college:" / "1. Twaalf.") it heads the answer part.
    let nextText = i + 1;
    while (nextText < lines.length && !lines[nextText].text.trim()) nextText++;
    const numberedNext = nextText < lines.length && numbered(lines[nextText].text.trim()) !== null;
    if (
      LONE_ANSWER.test(t) &&
      under &&
      under.role !== 'antwoord' &&
      !under.unnumbered &&
      !under.inAnswers &&
      interleaved(under) &&
      !numberedNext
    ) {
      start({ role: 'antwoord', unnumbered: true, label: '', style: 'antwoord', number: 0, at: i }, '', i);
      continue;
    }
    // "Beantwoording schriftelijke vragen …" above every question is the document's title: the answers stand under
    // their questions then, not in an answer part.
    if (ANSWER_HEADING.test(t) && !items.length && /vragen/i.test(t)) {
      close();
      continue;
    }
    if (ANSWER_HEADING.test(t) && !items.length) headingBeforeItems = true;
    if (ANSWER_HEADING.test(t) && !items.length && !headingFirst) {
      close();
      continue;
    }
    if (ANSWER_HEADING.test(t)) {
      close();
      inAnswers = true;
      section++;
      headings.add(i);
      continue;
    }
    const sec = SECTION.exec(t);
    if (sec && !/\?$/.test(t)) {
      close();
      section++;
      sectionName = sec[1];
      headings.add(i);
      continue;
    }
    const unnumbered = UNNUMBERED_ANSWER.exec(t);
    if (unnumbered) {
      start(
        { role: 'antwoord', unnumbered: true, label: '', style: 'antwoord', number: 0, at: i },
        unnumbered[1] ?? unnumbered[2] ?? '',
        i,
      );
      continue;
    }
    // "a)" / "b." under a numbered question: a part of it ("2a"), the question's lead-in goes with part a.
    const part = PART.exec(t);
    const last = part ? [...items].reverse().find((x) => !x.unnumbered && x.role !== 'antwoord') : undefined;
    const parent = last?.parent ?? last;
    const open = cur as Item | null;
    // After an unnumbered answer to part a, "b) …?" is the question's next part (a list inside an answer asks nothing).
    const nextPart = open?.unnumbered === true && /\?/.test(part?.[2] ?? '');
    if (part && parent && !parent.inAnswers && open && (open === parent || open.parent === parent || nextPart)) {
      startPart(parent, `${parent.label}${part[1]}`, part[1] === 'a' && open === parent, part[2], i);
      continue;
    }
    // A place and a date ("Maastricht, 19 december 2017") closes the answers.
    if (/^\p{Lu}[\p{L}'’ -]{1,30},\s*\d{1,2}\s+\p{L}+\s+\d{4}\.?$/u.test(t)) {
      close();
      continue;
    }
    const c = cur as Item | null;
    if (!c) continue;
    let p = openPara();
    // A question ends at its question mark: a sentence or an italic line after it is something else.
    if (
      p &&
      c.role !== 'antwoord' &&
      ASKS_AT_END.test(p.texts[p.texts.length - 1]) &&
      (line.italic !== p.italic || (/^\p{Lu}/u.test(t) && !/\?/.test(t)))
    )
      p = para = null;
    if (p) {
      p.lines.push(i);
      p.texts.push(t);
      p.italic &&= line.italic;
    } else c.paras.push((para = { lines: [i], texts: [t], italic: line.italic }));
  }

  // Which items are questions. A question's own text: its first paragraph (the one under a number
  // alone), and the paragraphs right after it that ask something too.
  const isQuestionCandidate = (it: Item) => it.role === 'vraag' || (it.role === null && !it.inAnswers);
  const headCount = (it: Item, next: Item | undefined): number => {
    if (!it.paras.length) return 0;
    if (it.role === 'vraag' && next && next.role === 'antwoord' && (next.unnumbered || key(next.label) === key(it.label)))
      return it.paras.length;
    let k = 1;
    while (k < it.paras.length && /\?/.test(paraText(it.paras[k])) && !it.paras[k].italic) k++;
    return k;
  };

  // Bare-numbered lists in which nothing is asked are lists, not questions.
  const keep = new Set<Item>();
  let run: Item[] = [];
  const flush = () => {
    if (run.some((it) => /\?/.test(textOf(it.paras.slice(0, headCount(it, undefined)))))) run.forEach((it) => keep.add(it));
    run = [];
  };
  for (const it of items) {
    if (it.merged) continue;
    if (it.role === 'vraag') {
      if (it.paras.length) keep.add(it);
      continue;
    }
    if (!isQuestionCandidate(it)) continue;
    const prev = run[run.length - 1];
    if (
      prev &&
      (prev.style !== it.style || prev.section !== it.section || it.number < prev.number || (it.number === prev.number && !it.parent))
    )
      flush();
    run.push(it);
  }
  flush();

  // A letter of answers without an answer heading that prints the questions again, each with its answer under it
  // ("Vraag 1) Kent het college …?" / "Ja."): a later list whose items repeat the questions above, label by label and in
  // their words, holds the answers; its repeated questions are no questions of their own.
  const listed = items.filter((it) => keep.has(it));
  const again = new Map<Item, Item>();
  listed.forEach((q, j) => {
    const earlier = listed
      .slice(0, j)
      .find(
        (e) =>
          !again.has(e) &&
          ![...again.values()].includes(e) &&
          key(e.label) === key(q.label) &&
          similar(textOf(q.paras.slice(0, 1)), textOf(e.paras.slice(0, 1))),
      );
    if (earlier) again.set(q, earlier);
  });
  const printedAgain = again.size >= 2 && [...again.keys()].some((q) => q.paras.length > headCount(q, undefined));
  const questions = printedAgain ? listed.filter((q) => !again.has(q)) : listed;
  const qTexts = new Map<string, string>();
  for (const q of questions) qTexts.set(key(q.label), textOf(q.paras.slice(0, headCount(q, items[items.indexOf(q) + 1]))));

  // Answers: numbered items in the answer part (unless they repeat their question), "Antwoord N" items.
  interface Answer {
    label: string;
    paras: Para[];
    lines: number[];
    after?: Item;
  }
  const answers: Answer[] = [];
  if (printedAgain)
    for (const [q, earlier] of again) {
      const rest = q.paras.slice(headCount(q, undefined));
      if (rest.length) answers.push({ label: earlier.label, paras: rest, lines: rest.flatMap((p) => p.lines), after: earlier });
    }
  const repeats: Array<{ item: Item; head: number }> = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.merged) continue;
    if (it.unnumbered) {
      const before = items
        .slice(0, k)
        .reverse()
        .find((x) => keep.has(x) || repeats.some((r) => r.item === x));
      answers.push({
        label: before ? before.label : '',
        paras: it.paras,
        lines: [it.at, ...it.paras.flatMap((p) => p.lines)],
        after: before,
      });
      continue;
    }
    if (it.role === 'antwoord') {
      answers.push({ label: it.label, paras: it.paras, lines: [it.at, ...it.paras.flatMap((p) => p.lines)] });
      continue;
    }
    if (it.role === null && it.inAnswers) {
      const known = qTexts.get(key(it.label));
      const head = headCount(it, items[k + 1]);
      const first = textOf(it.paras.slice(0, 1));
      const asks = /\?/.test(first) && !it.paras[0]?.italic;
      const repeat = asks && (known !== undefined ? similar(first, known) : /\?$/.test(first) && it.paras.length > 1);
      if (repeat) {
        repeats.push({ item: it, head });
        const rest = it.paras.slice(head);
        if (rest.length) answers.push({ label: it.label, paras: rest, lines: rest.flatMap((p) => p.lines) });
      } else answers.push({ label: it.label, paras: it.paras, lines: [it.at, ...it.paras.flatMap((p) => p.lines)] });
    }
  }

  const ownLabels: string[] = [];
  const found: FoundQuestion[] = questions.map((q, idx) => {
    const head = headCount(q, items[items.indexOf(q) + 1]);
    const sectioned = questions.some((x) => x.sectionName) && q.sectionName;
    const label = sectioned ? `${q.sectionName}${q.label}` : q.label;
    ownLabels.push(label);
    const out: FoundQuestion = {
      number: idx + 1,
      // A footnote's mark after the question mark ("…dichtgaat? 1)") is no part of the question.
      question: withoutAwaiting(textOf(q.paras.slice(0, head))).replace(FOOTNOTE_AT_END, '$1'),
      answer: null,
      questionLines: [q.at, ...q.paras.slice(0, head).flatMap((p) => p.lines)],
      answerLines: [],
    };
    if (label !== String(idx + 1)) out.label = label;
    return out;
  });

  // Unnumbered answers go with the question right above them; numbered ones are aligned by label.
  const numberedAnswers = answers.filter((a) => !a.after);
  for (const a of answers.filter((x) => x.after)) {
    const qi = questions.indexOf(a.after!);
    if (qi >= 0 && found[qi].answer === null) {
      found[qi].answer = textOf(a.paras) || null;
      found[qi].answerLines = a.lines;
    } else numberedAnswers.push({ ...a, after: undefined });
  }
  const open = found.map((f, i) => (f.answer === null ? i : -1)).filter((i) => i >= 0);
  // Labels that occur once on each side pair directly, in any order; repeated labels (numbering that restarts per
  // section) are aligned in order. An answer to "3 en 4" takes questions 3 and 4 asked apart: they become one entry.
  const pairs = pairByLabel(
    open.map((i) => questions[i].label),
    numberedAnswers.map((a) => a.label),
  );
  const used = new Set<number>();
  const joinedInto = new Map<number, number>();
  for (const { answer: ai, questions: qs } of pairs) {
    const f = found[open[qs[0]]];
    f.answer = textOf(numberedAnswers[ai].paras) || null;
    f.answerLines = numberedAnswers[ai].lines;
    used.add(ai);
    if (qs.length > 1) {
      for (const qi of qs.slice(1)) {
        const other = found[open[qi]];
        f.question = `${f.question}\n\n${other.question}`;
        f.questionLines.push(...other.questionLines);
        joinedInto.set(open[qi], open[qs[0]]);
      }
      ownLabels[open[qs[0]]] = numberedAnswers[ai].label;
    }
  }
  const lost = lostQuestions(questions, found, open, pairs, numberedAnswers, used);
  let orphanAnswers = numberedAnswers.filter((a, i) => !used.has(i) && textOf(a.paras)).length;

  // Answers printed as the paragraphs under each question.
  // A closing request ("Ik verzoek u vriendelijk om deze vragen schriftelijk te beantwoorden.") answers nothing.
  const closing = (p: Para) => CLOSING_REQUEST.test(paraText(p));
  const trailing = questions.map((q) => q.paras.slice(headCount(q, items[items.indexOf(q) + 1])).filter((p) => !closing(p)));
  const withTrailing = trailing.filter((t) => t.length).length;
  const listOfAnswers = !answers.length && answerWords && questions.length > 0 && withTrailing * 2 >= questions.length;
  questions.forEach((_, i) => {
    const t = trailing[i];
    if (!t.length || found[i].answer !== null) return;
    if (listOfAnswers || (!answers.length && t[0].italic)) {
      const parts = listOfAnswers ? t : t.filter((p, k) => t.slice(0, k + 1).every((x) => x.italic));
      found[i].answer = textOf(parts) || null;
      found[i].answerLines = parts.flatMap((p) => p.lines);
    }
  });
  if (orphanAnswers && !found.length) orphanAnswers = numberedAnswers.length;

  // No numbers at all in an answer document: each paragraph that asks is a question, the text under it its answer.
  // Without the word "antwoord" anywhere, the text under each question must answer it, and one answer must
  // answer as only an answer does ("Ja.", "Nee, …", "Zie het antwoord op vraag 2."): questions and answers that
  // alternate line by line on a listing page, not a letter that asks something here and there.
  if (!found.length && !items.length) {
    const byParagraph = paragraphPairs(lines, taken, furniture);
    const answered = byParagraph.filter((q) => q.answer !== null).length;
    const answersLikeAnAnswer = byParagraph.some((q) => q.answer !== null && ANSWER_OPENING.test(q.answer));
    if (
      byParagraph.length >= 2 &&
      (answerWords ? answered * 2 >= byParagraph.length : answered === byParagraph.length && answersLikeAnAnswer)
    )
      return { questions: byParagraph, orphanAnswers: 0, answerPart: true, headings };
  }

  // "Antwoorden" above numbered items that ask and no question before it (a site's link, a tab's name): the items
  // are the questions, nothing answers them yet.
  if (!found.length && headingBeforeItems && headingFirst) {
    const again = questionsAndAnswers(lines, taken, furniture, answerWords, false);
    if (again.questions.length && again.questions.every((q) => q.answer === null)) return again;
  }

  // Questions without numbers and no answers at all: each paragraph that asks.
  if (!found.length && !answers.length) {
    const asking = askingParagraphs(lines, taken, furniture);
    if (asking.length) return { questions: asking, orphanAnswers: 0, answerPart: false, headings: new Set() };
  }

  const answerPart = answers.length > 0 || headings.size > 0 || found.some((f) => f.answer !== null);
  return {
    questions: byPositionWhenRestarted(joinedInto.size || lost.size ? renumbered(found, ownLabels, joinedInto, lost) : found),
    orphanAnswers,
    answerPart:
      answerPart && items.some((it) => it.inAnswers || it.role === 'antwoord' || it.unnumbered)
        ? true
        : found.some((f) => f.answer !== null),
    headings,
  };
}
