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
