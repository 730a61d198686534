// The day-one model: counts from the bundled corpora (server/spam/corpus/, see its README), trained in
// memory the first time a process classifies, so a new site is protected before any moderator
// decided anything. It never changes at run time; a site's own decisions are counted apart.
import fs from 'node:fs';
import path from 'node:path';
import { SPAM_CORPUS_DIR } from '../../paths';
import { readCorpus } from '../corpus';
import { MemoryCounts } from './bayes';
import { features } from './features';

// Our own generated Dutch and English corpus (CC0), and the train part of a piece of the SMS Spam
// Collection (CC BY 4.0, real English messages): see server/spam/corpus/README.md.
const BUILTIN_CORPORA = ['train.csv', 'sms-train.csv'].map((name) => path.join(SPAM_CORPUS_DIR, name));
const COLUMNS = { author: 'author', content: 'content', label: 'spam', url: 'url' };

/** The rows the day-one model learns from. */
function builtinRows(): LabelledRow[] {
  return BUILTIN_CORPORA.flatMap((file) => readCorpus(fs.readFileSync(file, 'utf8'), COLUMNS));
}

export type LabelledRow = ReturnType<typeof readCorpus>[number];

export function trainOn(rows: LabelledRow[], counts = new MemoryCounts()): MemoryCounts {
  for (const r of rows) counts.add(features({ authorName: r.author, authorUrl: r.url || null, body: r.content }), r.spam ? 'spam' : 'ham');
  return counts;
}

let builtin: MemoryCounts | null = null;

export function builtinCounts(): MemoryCounts {
  builtin ??= trainOn(builtinRows());
  return builtin;
}
