// Turns a flat list of reacties into the nested thread a reader sees, and a reactie's plain text
// into paragraphs, lines and link segments (a reactie is never HTML): html.ts makes the stored HTML
// from them, the moderation queue shows them through views/partials/plain-text.ejs.
import LinkifyIt from 'linkify-it';
import type { PublicReactie } from './queries';
import { isModerationReason, MODERATION_REASONS } from './moderation-log';

// Replies nest this deep; a reply to a reactie at this depth is placed beside it instead.
export const MAX_THREAD_DEPTH = 5;
// The display depth: the replies below a reactie at this depth fold away behind "toon N antwoorden".
export const FOLD_DEPTH = 3;

export interface TextSegment {
  text: string;
  href?: string;
}
/** Paragraphs → lines → segments. */
export type PlainText = TextSegment[][][];

export interface ThreadNode {
  reactie: PublicReactie;
  depth: number;
  /** Held for moderation; only its own author is shown it. */
  pending: boolean;
  /** A removed reactie's placeholder: what it says instead of the reactie; null for a shown one. */
  removed: string | null;
  children: ThreadNode[];
}

const linkify = new LinkifyIt({}, { fuzzyEmail: false, fuzzyIP: false });

function linkSegments(line: string): TextSegment[] {
  const matches = linkify.match(line) ?? [];
  const segments: TextSegment[] = [];
  let at = 0;
  for (const m of matches) {
    if (!/^https?:\/\//i.test(m.url)) continue; // only web links; no mailto:, ftp: or anything else
    if (m.index > at) segments.push({ text: line.slice(at, m.index) });
    segments.push({ text: m.text, href: m.url });
    at = m.lastIndex;
  }
  if (at < line.length) segments.push({ text: line.slice(at) });
  return segments;
}

/** A line as one segment: for a page that prints links as text (views/partials/plain-text.ejs with links: false). */
const textSegment = (line: string): TextSegment[] => (line === '' ? [] : [{ text: line }]);

/**
 * `links: false` skips finding the links, for a page that prints them as text (the moderation
 * queue): the segments' texts make the line either way, so that page is the same.
 */
export function plainTextToParagraphs(body: string, o: { links: boolean } = { links: true }): PlainText {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => p.split('\n').map(o.links ? linkSegments : textSegment));
}

/** "Reactie verwijderd door de moderatie: beledigend", or null for a reactie that is shown. */
function placeholderText(r: PublicReactie): string | null {
  if (!r.removedReason) return null;
  const reason = isModerationReason(r.removedReason) ? MODERATION_REASONS[r.removedReason] : MODERATION_REASONS.anders;
  return r.removedByReports
    ? `Reactie verborgen na meldingen van lezers, tot de moderatie ernaar kijkt: ${reason}`
    : `Reactie verwijderd door de moderatie: ${reason}`;
}

/**
 * Builds the visible thread: a reactie is shown when it is approved (or the reader's own held one)
 * and its parent is shown; a removed one's placeholder stands in its place, its replies under it.
 * Replies to a reactie that is not shown are left out with it.
 */
export function buildThread(reacties: PublicReactie[]): ThreadNode[] {
  const nodes = new Map<number, ThreadNode>();
  for (const r of reacties) {
    nodes.set(r.id, {
      reactie: r,
      depth: 1,
      pending: r.status !== 'approved' && !r.removedReason,
      removed: placeholderText(r),
      children: [],
    });
  }
  const roots: ThreadNode[] = [];
  const placed = new Set<number>();
  // Oldest first: a parent is always older than its replies, so it is placed before them.
  for (const r of reacties) {
    const node = nodes.get(r.id)!;
    if (r.parentId === null) {
      roots.push(node);
      placed.add(r.id);
      continue;
    }
    const parent = nodes.get(r.parentId);
    if (!parent || !placed.has(parent.reactie.id)) continue;
    node.depth = Math.min(parent.depth + 1, MAX_THREAD_DEPTH);
    parent.children.push(node);
    placed.add(r.id);
  }
  return roots;
}
