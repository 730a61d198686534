// Numbered questions and the college's numbered answers. Questions stand among the parties'
// introduction text; after a heading like "Antwoord college van burgemeester en wethouders" the
// answers follow, numbered again, often in italics, sometimes below the repeated question. Answers
// are paired with questions by number; a question without an answer gets null.
import type { QuestionAnswer } from '../types';
import { ANSWER_HEADING } from './detect';
import { joinLines, type Line } from './lines';
import { numbered } from './numbering';

const CLOSING =
  /^(?:hoogachtend|met\s+(?:vriendelijke|hartelijke)\s+groet(?:en)?|(?:het\s+college\s+van\s+)?burgemeester\s+en\s+wethouders\s+van|de\s+(?:gemeente)?secretaris|de\s+burgemeester|namens\b|\S+,\s*(?:\d{1,2}\s+\p{L}+|\d{1,2}-\d{1,2}-)\s*\d{4}\.?$)/iu;
const PAGE_MARK = /^(?:(?:pagina|blad)\s+\d+(?:\s+van\s+\d+)?|\d+\s*\/\s*\d+|-\s*\d+\s*-|\d{1,3})$/i;
const SUB_ITEM = /^[a-z][.)]\s/;

interface Item {
  kind: 'q' | 'a';
  number: number;
  /** Paragraphs of lines. */
  paragraphs: string[][];
  /** A question repeated above its answer in the answer part: what follows it is the answer. */
  repeat: boolean;
}

const words = (s: string) => new Set(s.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
function similar(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return false;
  const common = [...wa].filter((w) => wb.has(w)).length;
  return common / Math.min(wa.size, wb.size) >= 0.6;
}

const textOf = (item: Item) => item.paragraphs.map(joinLines).filter(Boolean).join('\n\n');
const complete = (item: Item) => /[?.!:]$/.test(textOf(item));

export function questionsAndAnswers(lines: Line[], consumed: Set<number>): QuestionAnswer[] {
  const questions = new Map<number, string>();
  const answers = new Map<number, string>();
  let inAnswers = false;
  // Kept in an object: the helpers below change them.
  const st: { current: Item | null; last: Item | null } = { current: null, last: null };

  const close = () => {
    const item = st.current;
    if (!item) return;
    const text = textOf(item);
    if (item.kind === 'q') {
      const old = questions.get(item.number);
      // A numbered list in the introduction and the questions: a real question ends with "?".
      if (old === undefined || (!item.repeat && !old.endsWith('?') && text.endsWith('?'))) questions.set(item.number, text);
      st.last = item;
    } else if (text || !answers.has(item.number)) answers.set(item.number, text);
    st.current = null;
  };
  const start = (kind: 'q' | 'a', number: number, rest: string, repeat = false) => {
    close();
    st.current = { kind, number, paragraphs: [rest ? [rest] : []], repeat };
  };
  const toAnswer = (item: Item, rest: string) => {
    st.current = item;
    close();
    st.current = { kind: 'a', number: item.number, paragraphs: [rest ? [rest] : []], repeat: false };
  };
  const addSubItem = (text: string) => {
    const q = st.last;
    if (q && !q.repeat) questions.set(q.number, `${questions.get(q.number) ?? ''}\n${text}`.trim());
  };

  for (let i = 0; i < lines.length; i++) {
    if (consumed.has(i)) continue;
    const { text, italic } = lines[i];
    if (PAGE_MARK.test(text)) continue;
    if (!text) {
      const cur = st.current;
      if (cur?.kind === 'q' && !cur.repeat) close();
      else if (cur && cur.paragraphs[cur.paragraphs.length - 1].length) cur.paragraphs.push([]);
      continue;
    }
    if (CLOSING.test(text)) {
      close();
      continue;
    }
    const n = numbered(text);
    if (!n && ANSWER_HEADING.test(text)) {
      close();
      inAnswers = true;
      continue;
    }
    if (n) {
      if (n.role === 'vraag') start('q', n.number, n.rest, inAnswers || questions.has(n.number));
      else if (n.role === 'antwoord') start('a', n.number, n.rest);
      else if (!inAnswers) start('q', n.number, n.rest);
      else {
        const known = questions.get(n.number);
        const asks = !italic && (known !== undefined ? similar(n.rest, known) : /\?/.test(lookahead(lines, consumed, i)));
        start(asks ? 'q' : 'a', n.number, n.rest, asks);
      }
      continue;
    }
    const item = st.current;
    const prefixed = /^antwoord\s*:\s*(.*)$/i.exec(text);
    const target = item?.kind === 'q' ? item : st.last;
    if (prefixed && target) {
      toAnswer(target, prefixed[1]);
      continue;
    }
    // Italic text right under a question is its answer, also outside the answer part.
    if (italic && !item && st.last && !inAnswers && !answers.has(st.last.number)) {
      toAnswer(st.last, text);
      continue;
    }
    if (item?.kind === 'q' && (item.repeat || !inAnswers) && italic && !lines[i - 1]?.italic && complete(item)) {
      toAnswer(item, text);
      continue;
    }
    if (item?.kind === 'q' && item.repeat && (complete(item) || italic)) {
      toAnswer(item, text);
      continue;
    }
    if (item?.kind === 'q' && complete(item)) close();
    if (!st.current) {
      if (SUB_ITEM.test(text) && !inAnswers) addSubItem(text);
      else st.last = null;
      continue;
    }
    st.current.paragraphs[st.current.paragraphs.length - 1].push(text);
  }
  close();

  const numbers = [...new Set([...questions.keys(), ...answers.keys()])].sort((a, b) => a - b);
  return numbers.map((number) => {
    const answer = answers.get(number);
    return { number, question: questions.get(number) ?? '', answer: answer ? answer : null };
  });
}

/** The next few lines of text after line i, to see whether a numbered line asks something. */
function lookahead(lines: Line[], consumed: Set<number>, i: number): string {
  const out: string[] = [lines[i].text];
  for (let j = i + 1; j < lines.length && out.length < 4; j++) {
    if (consumed.has(j) || !lines[j].text) continue;
    if (lines[j].italic || numbered(lines[j].text)) break;
    out.push(lines[j].text);
  }
  return out.join(' ');
}
