// Questions without a question mark: a list item that asks by its grammar.
import { ASKING_START } from './lines';

/**
 * A list item that asks though it ends in a full stop ("• Wat voor onafhankelijk onderzoek heeft er plaatsgevonden
 * naar …."): it opens with a question word or with the verb, capitalised, and stands in a list whose items before it
 * asked already (`questionsBefore`), so the list is one of questions, not of remarks.
 */
export function asksInList(text: string, questionsBefore: number): boolean {
  const t = text.trim();
  return questionsBefore > 0 && /^\p{Lu}/u.test(t) && ASKING_START.test(t) && t.split(/\s+/).length >= 5;
}

/**
 * Whether the head of a text says that it holds answers: the word ("Antwoorden", "beantwoord"), or a person named
 * with the office that answers, in brackets ("Ronald Plasterk (minister binnenlandse zaken …) (PvdA)": a listing
 * page's cell of who answers). Who asks is named without an office.
 */
export function headSaysAnswered(head: string[]): boolean {
  return head.some((t) => /\bantwoord(?:en)?\b|\bbeantwoord/i.test(t) || /\p{L}\s+\((?:minister|staatssecretaris)\b/iu.test(t));
}
