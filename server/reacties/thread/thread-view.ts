// Renders a thread of reacties to HTML: views/reacties/node.ejs, compiled once and called as a
// plain function per reactie. An EJS include() per reactie checked the file system and copied all
// page locals each time; on an article with 500 reacties that was half of the page's time.
import { partial, type TemplateOptions } from '../../http/partials';
import { formatDateTime, formatTime } from '../../shared/format';
import { FOLD_DEPTH, type ThreadNode } from '../thread-tree';
import { waarderingenLabel } from './waardering';

export interface ThreadViewOptions {
  /** The article's path, for permalinks and reply links. */
  path: string;
  /** Whether reacties are open: then every reactie has "Beantwoorden". */
  open: boolean;
  /** The reactie the reply form is placed under, if any, and that form's HTML. */
  replyTo: number | null;
  replyFormHtml: string;
  /** The reactie a link asked for (?reactie=ID): a folded branch that holds it is rendered open. */
  target?: number | null;
  /** This reader's own reacties they may still edit, with when that ends. */
  editable?: Map<number, Date>;
  /** A message for this reader under one reactie of theirs (about the e-mail they asked for). */
  notice?: { id: number; text: string } | null;
  /**
   * Appreciation: the form the buttons post through (one per page, views/articles/article.ejs), the
   * reacties this reader appreciated, and the ones their browser placed (a count, no button).
   */
  waardering?: { formId: string; appreciated: Set<number>; placed: Set<number> };
  /** For editors and moderators: the session's CSRF token for "Uitlichten" under each reactie; null for everyone else. */
  feature?: { csrf: string } | null;
  /** As the app compiles its views: once (outside development) or on every call (to see edits at once), with or without EJS's line bookkeeping. */
  templates: TemplateOptions;
}

/** A reactie's permalink; one inside a folded branch names itself, so the page opens that branch. */
export function reactieLink(articlePath: string, reactie: { id: number; threadPage: number }, depth: number): string {
  const open = depth > FOLD_DEPTH ? `&reactie=${reactie.id}` : '';
  return `${articlePath}?reacties=${reactie.threadPage}${open}#reactie-${reactie.id}`;
}

/** How many replies hang below each node, and which nodes hold one of the given ids below them. */
function measure(nodes: ThreadNode[], wanted: Set<number>): { below: Map<ThreadNode, number>; holds: Set<ThreadNode> } {
  const below = new Map<ThreadNode, number>();
  const holds = new Set<ThreadNode>();
  const walk = (node: ThreadNode): boolean => {
    let n = 0;
    let found = false;
    for (const child of node.children) {
      if (walk(child)) found = true;
      if (wanted.has(child.reactie.id)) found = true;
      n += 1 + (below.get(child) ?? 0);
    }
    below.set(node, n);
    if (found) holds.add(node);
    return found;
  };
  nodes.forEach(walk);
  return { below, holds };
}

function threadView(nodes: ThreadNode[], opts: ThreadViewOptions) {
  const template = partial('reacties/node', opts.templates, 'it');
  const wanted = new Set([opts.target, opts.replyTo].filter((id): id is number => typeof id === 'number'));
  const { below, holds } = measure(nodes, wanted);
  const view = {
    path: opts.path,
    open: opts.open,
    replyTo: opts.replyTo,
    replyFormHtml: opts.replyFormHtml,
    editable: opts.editable ?? new Map<number, Date>(),
    notice: opts.notice ?? null,
    waardering: opts.waardering ?? { formId: '', appreciated: new Set<number>(), placed: new Set<number>() },
    waarderingen: waarderingenLabel,
    feature: opts.feature ?? null,
    dateTime: formatDateTime,
    time: formatTime,
    // One fold per branch, at the display depth: opened, it shows everything below.
    folds: (node: ThreadNode) => node.depth === FOLD_DEPTH && node.children.length > 0,
    isOpen: (node: ThreadNode) => holds.has(node),
    replies: (node: ThreadNode) => below.get(node) ?? 0,
    link: (node: ThreadNode) => reactieLink(opts.path, node.reactie, node.depth),
    childHtml: (node: ThreadNode, parentName: string | null = null): string => template({ node, view, parentName }),
  };
  return view;
}

export function renderThread(nodes: ThreadNode[], opts: ThreadViewOptions): string {
  const view = threadView(nodes, opts);
  let html = '';
  for (const node of nodes) html += view.childHtml(node);
  return html;
}

/**
 * One reactie as it stands in its thread (a new one the live updates insert, server/live/): the same
 * template as the page, at its depth, with "(reactie op …)" for the one it answers.
 */
export function renderReactie(node: ThreadNode, parentName: string | null, opts: ThreadViewOptions): string {
  return threadView([node], opts).childHtml(node, parentName);
}
