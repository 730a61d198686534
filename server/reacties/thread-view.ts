// Renders a thread of reacties to HTML: views/reacties/node.ejs, compiled once and called as a
// plain function per reactie. An EJS include() per reactie checked the file system and copied all
// page locals each time; on an article with 500 reacties that was half of the page's time.
import fs from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { VIEWS_DIR } from '../paths';
import { formatDateTime } from '../shared/format';
import type { ThreadNode } from './thread';

const NODE_TEMPLATE = path.join(VIEWS_DIR, 'reacties', 'node.ejs');

export interface ThreadViewOptions {
  /** The article's path, for permalinks and reply links. */
  path: string;
  /** Whether reacties are open: then every reactie has "Beantwoorden". */
  open: boolean;
  /** The reactie the reply form is placed under, if any, and that form's HTML. */
  replyTo: number | null;
  replyFormHtml: string;
  /** Compile the template once (outside development) or on every call (to see edits at once). */
  cache: boolean;
}

let compiled: ejs.TemplateFunction | null = null;

function nodeTemplate(cache: boolean): ejs.TemplateFunction {
  if (compiled && cache) return compiled;
  compiled = ejs.compile(fs.readFileSync(NODE_TEMPLATE, 'utf8'), { filename: NODE_TEMPLATE, _with: false, localsName: 'it' });
  return compiled;
}

export function renderThread(nodes: ThreadNode[], opts: ThreadViewOptions): string {
  const template = nodeTemplate(opts.cache);
  const view = {
    path: opts.path,
    open: opts.open,
    replyTo: opts.replyTo,
    replyFormHtml: opts.replyFormHtml,
    dateTime: formatDateTime,
    childHtml: (node: ThreadNode, parentName: string | null = null): string => template({ node, view, parentName }),
  };
  let html = '';
  for (const node of nodes) html += view.childHtml(node);
  return html;
}
