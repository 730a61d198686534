// The relevance measurement of issue 22: a corpus of real Dutch texts (test/fixtures/search and the
// council documents of test/fixtures/documents/real) put into a database as articles, and resident
// queries with the text each must find; a query counts as found when that text is among the first
// ten results of the search /zoeken does (site-search.ts). Recall is given per category.
import fs from 'node:fs';
import path from 'node:path';
import { ARTICLE_KINDS, createArticle, type ArticleKind } from '../articles/queries';
import type { Db } from '../db/knex';
import { indexStale } from './indexer';
import { siteSearch } from './site-search';

export interface RelevanceQuery {
  query: string;
  /** Corpus ids (paths under the fixtures root, without .txt); any one of them is right. */
  expected: string[];
  category: string;
  note: string;
}

export interface CorpusText {
  id: string;
  title: string;
  body: string;
  kind: ArticleKind;
}

export interface QueryOutcome extends RelevanceQuery {
  /** 1-based place of the first expected text among the results, null when not on the first page. */
  rank: number | null;
  /** What came first, for the report of a miss. */
  top: string[];
}

export interface CategoryFigure {
  category: string;
  queries: number;
  found: number;
}

const TOP = 10;

/** The queries of one tab-separated file (a header line, then query, expected, category, note). */
export function readQueries(file: string): RelevanceQuery[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1);
  return lines
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [query, expected, category, note = ''] = line.split('\t');
      return { query, expected: expected.split('|').map((e) => e.trim()), category, note };
    });
}

function kindOf(labels: string): ArticleKind {
  if (!fs.existsSync(labels)) return 'nieuws';
  const type = (JSON.parse(fs.readFileSync(labels, 'utf8')) as { type?: string }).type;
  return type && type in ARTICLE_KINDS ? (type as ArticleKind) : 'nieuws';
}

/** Every text of the corpus: the first non-empty line is its title, the rest its body. */
export function readCorpus(root: string): CorpusText[] {
  const folders = ['search/articles', 'search/seeds', 'documents/real/dev', 'documents/real/holdout'];
  const texts: CorpusText[] = [];
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      if (!file.endsWith('.txt')) continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n');
      const lines = text.split('\n');
      const first = lines.findIndex((l) => l.trim() !== '');
      texts.push({
        id: `${folder}/${file.slice(0, -4)}`,
        title: (lines[first] ?? file).trim().slice(0, 200),
        body: lines.slice(first + 1).join('\n'),
        kind: kindOf(path.join(dir, file.replace(/\.txt$/, '.expected.json'))),
      });
    }
  }
  return texts;
}

/** Puts the corpus into an empty database as published articles, a day apart (the order of the list). */
export async function loadCorpus(db: Db, corpus: CorpusText[], now: Date, progress?: (done: number) => void): Promise<Map<string, string>> {
  const bySlug = new Map<string, string>();
  for (const [i, text] of corpus.entries()) {
    const slug = `relevantie-${i + 1}`;
    const publishedAt = new Date(now.getTime() - (i + 1) * 86_400_000);
    await createArticle(
      db,
      {
        title: text.title,
        slug,
        kind: text.kind,
        bodyMarkdown: text.body,
        excerptMarkdown: '',
        authorName: 'Redactie',
        status: 'published',
        publishedAt,
        pinned: false,
        reactiesOpen: false,
      },
      null,
      publishedAt,
    );
    bySlug.set(slug, text.id);
    progress?.(i + 1);
  }
  // All analysed before the first query, as on a site that has been running.
  while ((await indexStale(db, 500)) > 0);
  return bySlug;
}

/** Runs every query as /zoeken would and notes where its text came. */
export async function runQueries(db: Db, bySlug: Map<string, string>, queries: RelevanceQuery[], now: Date): Promise<QueryOutcome[]> {
  const search = siteSearch(db);
  const out: QueryOutcome[] = [];
  for (const q of queries) {
    const { hits } = await search(q.query, { kind: null, year: null }, 1, now);
    const ids = hits.slice(0, TOP).map((h) => bySlug.get(h.articleSlug) ?? h.articleSlug);
    const at = ids.findIndex((id) => q.expected.includes(id));
    out.push({ ...q, rank: at < 0 ? null : at + 1, top: ids.slice(0, 3) });
  }
  return out;
}

/** Found of asked, per category (in the order they first appear) and for all. */
export function figures(outcomes: QueryOutcome[]): { categories: CategoryFigure[]; all: CategoryFigure } {
  const categories = new Map<string, CategoryFigure>();
  for (const o of outcomes) {
    const c = categories.get(o.category) ?? { category: o.category, queries: 0, found: 0 };
    c.queries++;
    if (o.rank !== null) c.found++;
    categories.set(o.category, c);
  }
  const all = { category: 'alle', queries: outcomes.length, found: outcomes.filter((o) => o.rank !== null).length };
  return { categories: [...categories.values()], all };
}
