// The project folder, found the same way from the sources (server/) and the build (dist/server/),
// so templates and static files are read from views/ and public/ in both.
import fs from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

const PROJECT_ROOT = findRoot(__dirname);
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
/** The bundled spam corpus the built-in model of the learning spam filter is trained on. */
export const SPAM_CORPUS_DIR = path.join(PROJECT_ROOT, 'server', 'spam', 'corpus');
