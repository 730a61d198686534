// Dependencies between features point one way: a feature may import shared infrastructure and the
// features below it, never one above it or beside it. When two features need each other, the
// shared part belongs a level lower. This test reads every import in server/ and fails otherwise; it also
// keeps server/ from importing the development tools of tools/, which are not in the build.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const SERVER = path.join(__dirname, '..', '..', 'server');

/**
 * Lowest first. Entries on one line are one level: they may not import each other.
 * 'infra' holds what every feature may use; 'top' composes the app and the commands.
 */
export const LAYERS: string[][] = [
  ['shared', 'db', 'http', 'config.ts', 'logger.ts', 'paths.ts', 'deps.ts'],
  ['audit'],
  ['accounts'],
  ['settings'],
  // images/: photos resized into variants (sharp) and their table; articles render them in their text.
  ['images'],
  // addresses/: moderators' rules and notes on the person behind an address, asked when a reactie is posted.
  ['spam', 'tagline', 'addresses'],
  ['reacties', 'documents'],
  ['articles', 'pages'],
  ['dossiers', 'tags'],
  // revisions/: a copy of each save of an article, with its document and tags.
  ['attachments', 'revisions'],
  // preview/: the editor's "Voorbeeld" through the article page's template, with its tags, dossiers and attachments.
  ['preview'],
  // live/: event streams of an article's reacties and the voorpagina's counts, read from a change log.
  ['live'],
  // media/: photos in the editor, the lead image, the media library; uses attachments' upload checks.
  ['media'],
  // Reads what articles, documents and reacties index (kept by triggers), links with articles/.
  ['search'],
  // Reply e-mails: links to reacties and articles; privacy/ erases its subscriptions.
  ['notifications'],
  // The news mail: new articles by mail, with the reply e-mails' links, queue and templates.
  // reviews/: "Ter beoordeling"; a review's steps are saves of the article, kept as revisions; the
  // reviewer's decision is mailed to the author through the mail queue.
  ['newsmail', 'reviews'],
  ['moderation', 'privacy', 'dashboard', 'feeds', 'seo', 'api', 'imports'],
  // /gezondheid and /metrics: read the database, the migrations and the mail queue.
  ['ops'],
  // What every screen shows in Dutch: the vocabulary of all features below.
  ['labels.ts'],
  ['demo', 'view-locals.ts'],
  ['app.ts', 'maintenance.ts'],
  ['main.ts', 'cli'],
];

function unitOf(file: string): string {
  const rel = path.relative(SERVER, file);
  return rel.split(path.sep)[0];
}

function levelOf(unit: string): number {
  const level = LAYERS.findIndex((units) => units.includes(unit));
  assert.notEqual(level, -1, `server/${unit} is in no layer of test/architecture/layers.test.ts: add it`);
  return level;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\s*\(\s*'([^']+)'\s*\)|require\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm;

/** The relative module specifiers a file imports. */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]).filter((spec) => spec.startsWith('.'));
}

function serverImports(file: string): string[] {
  const out: string[] = [];
  for (const spec of relativeImports(file)) {
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(SERVER + path.sep)) continue;
    const unit = unitOf(target);
    out.push(
      fs.existsSync(path.join(SERVER, unit)) && fs.statSync(path.join(SERVER, unit)).isDirectory()
        ? unit
        : `${unit}.ts`.replace(/\.ts\.ts$/, '.ts'),
    );
  }
  return out;
}

describe('architecture: one-way dependencies between features', () => {
  it('has every folder and top-level file of server/ in a layer', () => {
    for (const entry of fs.readdirSync(SERVER)) levelOf(entry);
  });

  it('never imports a feature above or beside the importing one', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(SERVER)) {
      const from = unitOf(file);
      const fromLevel = levelOf(from);
      for (const to of serverImports(file)) {
        if (to === from) continue;
        const toLevel = levelOf(to);
        const infra = toLevel === 0 && fromLevel === 0;
        if (toLevel < fromLevel || infra) continue;
        violations.push(`${path.relative(SERVER, file)} imports ${to} (level ${toLevel} ≥ ${fromLevel})`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('never imports the development tools of tools/ (they are not in the build)', () => {
    const TOOLS = path.join(SERVER, '..', 'tools');
    const violations = sourceFiles(SERVER).flatMap((file) =>
      relativeImports(file)
        .filter((spec) => path.resolve(path.dirname(file), spec).startsWith(TOOLS + path.sep))
        .map((spec) => `${path.relative(SERVER, file)} imports ${spec}`),
    );
    assert.deepEqual(violations, []);
  });

  it('catches an upward import (the check itself works)', () => {
    assert.ok(levelOf('spam') < levelOf('reacties'));
    const fake = path.join(SERVER, 'spam', 'x.ts');
    assert.equal(unitOf(fake), 'spam');
  });
});
