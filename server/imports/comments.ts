// A post's WordPress comments as reacties: parents before their replies whatever order the export
// lists them in, each through insertReactie (which keeps the counters and thread pages right).
import type { Knex } from 'knex';
import { COLUMN_LIMITS } from '../db/limits';
import { insertReactie, type ReactieStatus } from '../reacties/queries';
import { MAX_THREAD_DEPTH } from '../reacties/thread-tree';
import { isOverLimit, overLimitReason } from './limits';
import { htmlToPlainText } from './wp-html';
import { importedIds, rememberImport } from './queries';
import { ALREADY, type ImportReport } from './report';
import { child, childText, type XmlNode } from './wxr-reader';
import { wpDate } from './dates';

export type PingbackMode = 'skip' | 'keep';

export interface CommentOptions {
  pingbacks: PingbackMode;
  /** IP addresses of comments older than this are not imported (privacy/retention's window). */
  ipRetentionDays: number;
  now: Date;
}

// One post's comments are read into memory together (to order them); an item with more is cut off.
const MAX_COMMENTS_PER_POST = 100_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const STATUSES: Record<string, ReactieStatus> = {
  '1': 'approved',
  approve: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
  // No wp:comment_approved: WordPress's importer (XML_Processor parser) passes no status, and
  // wp_insert_comment() then approves it (its default 1).
  '': 'approved',
};

interface WpComment {
  wpId: string;
  parentWpId: string | null;
  type: string;
  status: ReactieStatus;
  createdAt: Date;
  node: XmlNode;
  /** The text as stored (a kept pingback marked as such). */
  body: string;
}

function cut(text: string, max: number): string {
  return [...text].slice(0, max).join('');
}

function authorUrl(raw: string): string | null {
  const url = raw.trim();
  return /^https?:\/\/[^\s]+$/i.test(url) && [...url].length <= COLUMN_LIMITS.reacties.author_url ? url : null;
}

/** Comments in an order where every parent comes before its replies; oldest first otherwise. */
function parentsFirst(comments: WpComment[]): WpComment[] {
  const byId = new Map(comments.map((c) => [c.wpId, c]));
  const sorted = [...comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.wpId) - Number(b.wpId));
  const done = new Set<string>();
  const out: WpComment[] = [];
  for (const start of sorted) {
    // Walk up to the first ancestor not yet placed, then place the chain top-down (a cycle stops the walk).
    const chain: WpComment[] = [];
    const seen = new Set<string>();
    for (
      let c: WpComment | undefined = start;
      c && !done.has(c.wpId) && !seen.has(c.wpId);
      c = c.parentWpId ? byId.get(c.parentWpId) : undefined
    ) {
      seen.add(c.wpId);
      chain.push(c);
    }
    for (const c of chain.reverse()) {
      done.add(c.wpId);
      out.push(c);
    }
  }
  return out;
}

/** The text of a comment as a reactie stores it: plain text, a kept pingback or trackback marked as such. */
function reactieBody(text: string, type: string): string {
  if (type === 'pingback') return `[Pingback] ${text}`;
  if (type === 'trackback') return `[Trackback] ${text}`;
  return text;
}

/**
 * Imports the comments of one item into the article `articleId`; what was imported before is
 * skipped. `post` names the item in the report ("bericht 101").
 */
export async function importComments(
  trx: Knex.Transaction,
  articleId: number,
  nodes: XmlNode[],
  options: CommentOptions,
  report: ImportReport,
  post: string,
): Promise<void> {
  if (nodes.length > MAX_COMMENTS_PER_POST) {
    for (let i = MAX_COMMENTS_PER_POST; i < nodes.length; i++)
      report.skip('comment', `meer dan ${MAX_COMMENTS_PER_POST.toLocaleString('nl-NL')} bij één bericht`);
    nodes = nodes.slice(0, MAX_COMMENTS_PER_POST);
  }
  const known = await importedIds(
    trx,
    'comment',
    nodes.map((n) => childText(n, 'wp:comment_id').trim()),
  );
  const todo: WpComment[] = [];
  for (const node of nodes) {
    const wpId = childText(node, 'wp:comment_id').trim();
    const type = childText(node, 'wp:comment_type').trim();
    const approved = childText(node, 'wp:comment_approved').trim();
    if (!/^\d+$/.test(wpId)) report.skip('comment', 'zonder geldig wp:comment_id');
    else if (known.has(wpId)) report.skip('comment', ALREADY);
    else if ((type === 'pingback' || type === 'trackback') && options.pingbacks === 'skip')
      report.skip('comment', `${type} (--pingbacks skip)`);
    else if (type !== '' && type !== 'comment' && type !== 'pingback' && type !== 'trackback') report.skip('comment', `soort "${type}"`);
    else if (!STATUSES[approved]) report.skip('comment', `onbekende status "${approved}"`);
    else {
      const content = child(node, 'wp:comment_content');
      // A text the reader cut is too long whatever it becomes, and is not converted at all.
      const text = content?.cut ? '' : htmlToPlainText(content?.text ?? '');
      const body = reactieBody(text, type);
      if (isOverLimit('comment', body, content)) {
        report.skip('comment', overLimitReason('comment'));
        report.problem('tooLong', `reactie ${wpId} bij ${post}: ${overLimitReason('comment')}`);
      } else if (!text) report.skip('comment', 'lege tekst');
      else {
        const parent = childText(node, 'wp:comment_parent').trim();
        const createdAt = wpDate(childText(node, 'wp:comment_date_gmt'), childText(node, 'wp:comment_date')) ?? options.now;
        todo.push({ wpId, parentWpId: parent && parent !== '0' ? parent : null, type, status: STATUSES[approved], createdAt, node, body });
      }
    }
  }
  const ordered = parentsFirst(todo);
  // Parents from this run, or from an earlier run of the same export.
  const earlier = await importedIds(
    trx,
    'comment',
    ordered.map((c) => c.parentWpId).filter((p): p is string => p !== null),
  );
  const placed = new Map<string, { id: number; createdAt: Date; depth: number }>();
  const ipCutoff = options.now.getTime() - options.ipRetentionDays * DAY_MS;
  for (const c of ordered) {
    const parent = c.parentWpId
      ? (placed.get(c.parentWpId) ??
        (earlier.has(c.parentWpId) ? { id: earlier.get(c.parentWpId)!, createdAt: c.createdAt, depth: 1 } : null))
      : null;
    if (c.parentWpId && !parent) report.note('reacties op een reactie die er niet is, bovenaan geplaatst');
    // The thread shows replies oldest first under their parent: a reply never predates it.
    const createdAt = parent && parent.createdAt > c.createdAt ? parent.createdAt : c.createdAt;
    const depth = parent ? parent.depth + 1 : 1;
    if (depth > MAX_THREAD_DEPTH) report.note(`reacties dieper dan ${MAX_THREAD_DEPTH} niveaus (getoond op het diepste niveau)`);
    const n = c.node;
    const ip = childText(n, 'wp:comment_author_IP').trim();
    const email = childText(n, 'wp:comment_author_email').trim();
    const id = await insertReactie(
      trx,
      {
        articleId,
        parentId: parent?.id ?? null,
        authorName: cut(htmlToPlainText(childText(n, 'wp:comment_author')) || 'Anoniem', COLUMN_LIMITS.reacties.author_name),
        authorEmail: [...email].length <= COLUMN_LIMITS.reacties.author_email ? email : '',
        authorUrl: authorUrl(childText(n, 'wp:comment_author_url')),
        // A pingback or trackback kept is marked as such in its text: the thread shows what it is.
        body: c.body,
        status: c.status,
        ip: ip && ip.length <= 45 && c.createdAt.getTime() >= ipCutoff ? ip : null,
        userAgent: cut(childText(n, 'wp:comment_agent').trim(), COLUMN_LIMITS.reacties.user_agent) || null,
      },
      createdAt,
    );
    await rememberImport(trx, 'comment', c.wpId, id);
    placed.set(c.wpId, { id, createdAt, depth });
    report.add('comment');
  }
}
