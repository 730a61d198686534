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

/**
 * The partial at `name` under views/ ('beheer/moderation/why-here'), compiled once when `cache` (the
 * app's 'view cache', off in development to show edits at once). Includes inside it work as in a page.
 */
export function partial(name: string, cache: boolean): CompiledPartial {
  const filename = path.join(VIEWS_DIR, `${name}.ejs`);
  let fn = cache ? compiled.get(filename) : undefined;
  if (!fn) {
    fn = ejs.compile(fs.readFileSync(filename, 'utf8'), { filename, cache });
    if (cache) compiled.set(filename, fn);
  }
  const template = fn;
  return (locals) => template(locals);
}
