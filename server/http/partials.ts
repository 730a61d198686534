// A view file compiled once and called as a plain function, for a list that draws a partial per
// row (the moderation queue: four to six per reactie). An EJS include() resolves the file's path
// on disk and copies every local of the page (app.locals, res.locals, the route's) into a new object
// on each call; here the caller gives the few locals the partial reads. Compiled with EJS's own
// defaults, as Express compiles it, so the same file still works as an include elsewhere and the
// output is the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { VIEWS_DIR } from '../paths';

export type CompiledPartial = (locals: Record<string, unknown>) => string;

const compiled = new Map<string, ejs.TemplateFunction>();

/** How the app compiles its views (app.ts): kept once compiled or not, with EJS's line bookkeeping or not. */
export interface TemplateOptions {
  cache: boolean;
  compileDebug: boolean;
}

/**
 * How templates are compiled in each environment: kept once compiled outside development (where an edit shows at
 * once); without EJS's line bookkeeping (an assignment per template line, a try around the whole) in production,
 * where a queue tab runs its row's lines fifty times a page; elsewhere an error names its template line.
 */
export const templateOptionsFor = (env: string): TemplateOptions => ({ cache: env !== 'development', compileDebug: env !== 'production' });

/** The options the app was given (app.ts sets 'view cache' and 'view options' from templateOptionsFor). */
export function templateOptionsOf(app: { enabled(setting: string): boolean; get(setting: string): unknown }): TemplateOptions {
  const view = app.get('view options') as { compileDebug?: boolean } | undefined;
  return { cache: app.enabled('view cache'), compileDebug: view?.compileDebug !== false };
}

/**
 * The partial at `name` under views/ ('beheer/moderation/why-here'), compiled as the app compiles its
 * views, once when `cache` (the app's 'view cache', off in development to show edits at once).
 * Includes inside it work as in a page. With `localsName` the template reads its locals as that one
 * object (`it.node`) instead of by their own names inside EJS's `with`, which is faster (a reactie's node).
 */
export function partial(name: string, o: TemplateOptions, localsName?: string): CompiledPartial {
  const filename = path.join(VIEWS_DIR, `${name}.ejs`);
  const key = `${filename}:${o.compileDebug}:${localsName ?? ''}`;
  let fn = o.cache ? compiled.get(key) : undefined;
  if (!fn) {
    const own = localsName ? { _with: false, localsName } : {};
    fn = ejs.compile(fs.readFileSync(filename, 'utf8'), { filename, cache: o.cache, compileDebug: o.compileDebug, ...own });
    if (o.cache) compiled.set(key, fn);
  }
  const template = fn;
  return (locals) => template(locals);
}
