// The day-one model: counts from the bundled corpus (server/spam/corpus/train.csv, CC0), trained in
// memory the first time a process classifies, so a new site is protected before any moderator
// decided anything. It never changes at run time; a site's own decisions are counted apart.
import fs from 'node:fs';
import path from 'node:path';
import { SPAM_CORPUS_DIR } from '../../paths';
import { readCorpus } from '../corpus';
import { MemoryCounts } from './bayes';
import { features } from './features';

const BUILTIN_CORPUS = path.join(SPAM_CORPUS_DIR, 'train.csv');

export type LabelledRow = ReturnType<typeof readCorpus>[number];

export function trainOn(rows: LabelledRow[], counts = new MemoryCounts()): MemoryCounts {
  for (const r of rows) counts.add(features({ authorName: r.author, authorUrl: r.url || null, body: r.content }), r.spam ? 'spam' : 'ham');
  return counts;
}

let builtin: MemoryCounts | null = null;

export function builtinCounts(): MemoryCounts {
  builtin ??= trainOn(
    readCorpus(fs.readFileSync(BUILTIN_CORPUS, 'utf8'), { author: 'author', content: 'content', label: 'spam', url: 'url' }),
  );
  return builtin;
}
