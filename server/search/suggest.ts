// "Bedoelde je …?": for a query that found nothing, each word neither the index nor the Dutch
// dictionary knows is replaced by the most frequent word of the index one edit away (a letter
// missing, extra, wrong, or two swapped), or else by such a word of the dictionary. Asked of
// search_words (kept by the indexer) in one query per word.
import { whereTextIn } from '../db/id-list';
import type { Db } from '../db/knex';
import type { SearchQuery } from './query';

const MIN_LENGTH = 4;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit away from this word (pure). */
export function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail && c !== tail[0]) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return [...out];
}

async function known(db: Db, word: string): Promise<boolean> {
  return (await db('search_words').where({ word }).first('word')) !== undefined;
}

async function closest(db: Db, word: string, knows: (word: string) => boolean): Promise<string | null> {
  const candidates = oneEditAway(word);
  // Some 500 words: one parameter, not 500 (db/id-list.ts).
  const row = await whereTextIn(db, db('search_words'), 'word', candidates)
    .orderBy([{ column: 'entries', order: 'desc' }, { column: 'word' }])
    .first('word');
  if (row) return String(row.word);
  // A word the dictionary spells so: the text may have it only inside a longer word (Papendrechtse).
  return candidates.sort().find((c) => knows(c)) ?? null;
}

/**
 * The query with its unknown words corrected, as it would be typed; null when nothing changed.
 * `knows`: whether the Dutch dictionary has a word, for words the index has only inside others.
 */
export async function suggestQuery(db: Db, query: SearchQuery, knows: (word: string) => boolean): Promise<string | null> {
  let changed = false;
  const typed: string[] = [];
  for (const term of query.terms) {
    if (term.quoted) {
      typed.push(`"${term.words.join(' ')}"`);
      continue;
    }
    const words: string[] = [];
    for (const word of term.words) {
      const better =
        word.length >= MIN_LENGTH && /^[a-z]+$/.test(word) && !(await known(db, word)) && !knows(word)
          ? await closest(db, word, knows)
          : null;
      if (better) changed = true;
      words.push(better ?? word);
    }
    typed.push(words.join(' '));
  }
  return changed ? typed.join(' ') : null;
}
