// What a revision keeps of an article, and what two of them differ in: pure functions over the
// copy, so the list's summary, the comparison and the restore read one shape.
import { ARTICLE_KINDS, type Article, type ArticleKind, type BodyFormat } from '../articles/queries';
import type { DocumentData } from '../documents/queries';
import { DOCUMENT_TYPES, isDocumentType, type DocumentFields, type FieldValue, type QuestionAnswer } from '../documents/types';
import { diffSection, wordCounts, wordDiff, type DiffSection } from '../shared/word-diff';

/** The copy of an article a revision keeps (stored as JSON in article_revisions.content). */
export interface RevisionContent {
  title: string;
  kind: ArticleKind;
  body: string;
  bodyFormat: BodyFormat;
  excerpt: string;
  fields: DocumentFields;
  questions: QuestionAnswer[];
  tags: string[];
  correctionNote: string | null;
}

export function contentOf(article: Article, document: DocumentData | undefined, tags: string[]): RevisionContent {
  return {
    title: article.title,
    kind: article.kind,
    body: article.bodyMarkdown,
    bodyFormat: article.bodyFormat,
    excerpt: article.excerptMarkdown,
    fields: document?.fields ?? {},
    questions: document?.questions ?? [],
    tags,
    correctionNote: article.correctionNote,
  };
}

/** A stored copy read back; fields an older copy lacks are empty. */
export function readContent(value: unknown): RevisionContent | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<RevisionContent>;
  if (typeof v.title !== 'string' || typeof v.body !== 'string') return null;
  return {
    title: v.title,
    kind: isDocumentType(v.kind) ? v.kind : 'nieuws',
    body: v.body,
    bodyFormat: v.bodyFormat === 'html' ? 'html' : 'markdown',
    excerpt: typeof v.excerpt === 'string' ? v.excerpt : '',
    fields: v.fields && typeof v.fields === 'object' ? v.fields : {},
    questions: Array.isArray(v.questions) ? v.questions : [],
    tags: Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : [],
    correctionNote: typeof v.correctionNote === 'string' ? v.correctionNote : null,
  };
}

const fieldText = (value: FieldValue | undefined): string =>
  value === undefined ? '' : Array.isArray(value) ? value.join('\n') : String(value);

/** The labels of the document fields either copy has, in the order of the later copy's type. */
function fieldLabels(a: RevisionContent, b: RevisionContent): Array<{ key: string; label: string }> {
  const out = new Map<string, string>();
  for (const c of [b, a]) for (const f of DOCUMENT_TYPES[c.kind].fields) if (!out.has(f.key)) out.set(f.key, f.label);
  for (const c of [b, a]) for (const key of Object.keys(c.fields)) if (!out.has(key)) out.set(key, key);
  return [...out].map(([key, label]) => ({ key, label }));
}

const questionLabel = (q: QuestionAnswer) => q.label ?? String(q.number);

/** Every part of the article as text, in the order the comparison shows them, from one copy and the other. */
function partsOf(a: RevisionContent, b: RevisionContent): Array<{ label: string; before: string; after: string }> {
  const out = [
    { label: 'Titel', before: a.title, after: b.title },
    { label: 'Soort', before: ARTICLE_KINDS[a.kind], after: ARTICLE_KINDS[b.kind] },
    { label: 'Samenvatting', before: a.excerpt, after: b.excerpt },
    { label: 'Tekst', before: a.body, after: b.body },
  ];
  for (const f of fieldLabels(a, b)) {
    const before = fieldText(a.fields[f.key]);
    const after = fieldText(b.fields[f.key]);
    if (before || after) out.push({ label: f.label, before, after });
  }
  const count = Math.max(a.questions.length, b.questions.length);
  for (let i = 0; i < count; i++) {
    const qa = a.questions[i];
    const qb = b.questions[i];
    const label = questionLabel(qb ?? qa);
    out.push({ label: `Vraag ${label}`, before: qa?.question ?? '', after: qb?.question ?? '' });
    out.push({ label: `Antwoord ${label}`, before: qa?.answer ?? '', after: qb?.answer ?? '' });
  }
  out.push({ label: 'Tags', before: a.tags.join(', '), after: b.tags.join(', ') });
  out.push({ label: 'Correctienoot', before: a.correctionNote ?? '', after: b.correctionNote ?? '' });
  return out;
}

/** Every part of the article, from one copy to the other: the ones that differ have their words marked. */
export function compareContent(a: RevisionContent, b: RevisionContent): DiffSection[] {
  return partsOf(a, b).map((p) => diffSection(p.label, p.before, p.after));
}

/** One line for the list of revisions: what this save changed since the one before. */
export function summarise(before: RevisionContent | null, after: RevisionContent): string {
  if (!before) return 'Eerste versie';
  // Which parts changed is a comparison of strings; only the text's words are counted.
  const changed = partsOf(before, after)
    .filter((p) => p.before !== p.after)
    .map((p) => p.label);
  if (changed.length === 0) return 'Opgeslagen zonder wijzigingen';
  const named = changed.filter((l) => !/^(Vraag|Antwoord) /.test(l));
  const qa = changed.length - named.length;
  const parts = [
    ...named.map((l, i) => (i === 0 ? l : l.toLowerCase())),
    ...(qa ? [`${qa} ${qa === 1 ? 'vraag of antwoord' : 'vragen en antwoorden'}`] : []),
  ];
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
  let line = `${list.charAt(0).toUpperCase()}${list.slice(1)} gewijzigd`;
  if (before.body !== after.body) {
    const { added, removed } = wordCounts(wordDiff(before.body, after.body));
    line += ` (tekst: +${added} −${removed} woorden)`;
  }
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
