// Written questions and the college's answer term: when the questions were submitted (ingekomen
// bij de griffie, or else their datum), by when the answer is due (the term of the settings,
// usually 30 days, as most reglementen van orde say), and whether it came, or is late. Days are
// calendar days in Amsterdam, counted from the submission, never from the day the weblog posted it.
import { addDays, daysBetween, formatIsoDate } from './dates';
import type { DocumentData } from './queries';
import { DOCUMENT_TYPES, type DocumentTypeKey } from './types';

export interface AnswerTerm {
  /** YYYY-MM-DD: ingekomen, or else datum; null when the document has neither. */
  submitted: string | null;
  /** The last day for the answer; null without a submission date. */
  deadline: string | null;
  /** Questions entered, and how many of them have no answer yet. */
  total: number;
  open: number;
  /** The college answered: a datum antwoord, or every question has its answer. */
  answered: boolean;
  /** Days the deadline has passed without an answer; 0 when not late. */
  daysLate: number;
  /** One sentence each, as a resident reads them: submitted, state, term. */
  sentences: Array<{ text: string; late?: boolean }>;
}

const days = (n: number) => (n === 1 ? '1 dag' : `${n} dagen`);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Where written questions stand on `today` (YYYY-MM-DD) with an answer term of `termDays`. */
function answerTerm(doc: DocumentData, today: string, termDays: number): AnswerTerm {
  const submitted = str(doc.fields.ingekomen) ?? str(doc.fields.datum);
  const answeredOn = str(doc.fields.datum_antwoord);
  const deadline = submitted ? addDays(submitted, termDays) : null;
  const total = doc.questions.length;
  const open = doc.questions.filter((q) => q.answer === null).length;
  const answered = answeredOn !== null || (total > 0 && open === 0);
  const daysLate = !answered && deadline && today > deadline ? daysBetween(deadline, today) : 0;
  const sentences: AnswerTerm['sentences'] = [];
  if (submitted) sentences.push({ text: `Ingediend op ${formatIsoDate(submitted)}.` });
  if (answered) {
    let text = answeredOn
      ? `Beantwoord op ${formatIsoDate(answeredOn)}`
      : total === 1
        ? 'De vraag is beantwoord'
        : `Alle ${total} vragen zijn beantwoord`;
    const after = answeredOn && deadline ? daysBetween(deadline, answeredOn) : 0;
    if (after > 0) text += `, ${days(after)} na de termijn (uiterlijk ${formatIsoDate(deadline!)})`;
    sentences.push({ text: `${text}.` });
    return { submitted, deadline, total, open, answered, daysLate, sentences };
  }
  if (total > 0) {
    let text =
      open === total
        ? total === 1
          ? 'De vraag is nog niet beantwoord'
          : `De ${total} vragen zijn nog niet beantwoord`
        : `${open} van ${total} vragen nog niet beantwoord`;
    if (submitted && today >= submitted) {
      const waited = daysBetween(submitted, today);
      text += waited === 0 ? ', sinds vandaag' : `, al ${days(waited)}`;
    }
    sentences.push({ text: `${text}.` });
  }
  if (deadline) {
    // Without questions entered the site cannot say which are unanswered, only that no answer is known.
    const ago = `de termijn liep af op ${formatIsoDate(deadline)}, ${daysLate === 1 ? 'gisteren' : `${days(daysLate)} geleden`}`;
    if (daysLate > 0) sentences.push({ text: total > 0 ? `Antwoord te laat: ${ago}.` : `Nog geen antwoord bekend: ${ago}.`, late: true });
    else
      sentences.push({
        text:
          deadline === today ? `Antwoord uiterlijk vandaag, ${formatIsoDate(deadline)}.` : `Antwoord uiterlijk ${formatIsoDate(deadline)}.`,
      });
  }
  return { submitted, deadline, total, open, answered, daysLate, sentences };
}

/** The answer term of a document of this type: only written questions have one. */
export function answerTermOf(type: DocumentTypeKey, doc: DocumentData, today: string, termDays: number): AnswerTerm | null {
  return DOCUMENT_TYPES[type].hasQuestions ? answerTerm(doc, today, termDays) : null;
}
