// Migrations a running older version survives. During an update the new release migrates the
// database while the previous release still answers on the other app server (docs/production.md,
// "Updates without downtime"). The previous release is the last commit in RELEASES: its tree is
// taken from git (git archive), it starts on a fresh database and migrates it as far as it knows,
// then this checkout's migrations are applied under it, and it must still show the voorpagina and
// an article, take a reactie, and let a moderator approve it from the queue.
import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmptyPostgresDatabase, onPostgres } from '../helpers/db';
import { buildArticle, buildUser } from '../helpers/builders';
import { hiddenInput } from '../helpers/http';
import { anonymousGet, CookieClient } from '../helpers/cookie-client';
import { killAllServers, startServer } from '../helpers/server-process';
import { createDb, type Db } from '../../server/db/knex';
import { knownMigrations, migrateLatest } from '../../server/db/migrate';
import { saveSpamSettings } from '../../server/spam/settings';
import { articlePath } from '../../server/articles/queries';
import { LENIENT_SPAM_SETTINGS } from '../helpers/app';

const ROOT = path.resolve(__dirname, '../..');
// What the server needs to run; the rest of the tree (tests, fixtures, docs) is left out.
const RUNTIME_PATHS = ['server', 'migrations', 'views', 'public', 'package.json', 'tsconfig.json'];

/** The last release in RELEASES: its commit. */
function previousRelease(): { commit: string; line: string } {
  const lines = fs
    .readFileSync(path.join(ROOT, 'RELEASES'), 'utf8')
    .split('\n')
    .filter((line) => /^[0-9a-f]{40}\s/.test(line));
  const line = lines[lines.length - 1];
  assert.ok(line, 'RELEASES names at least one release (a line starting with a 40-character commit)');
  return { commit: line.slice(0, 40), line };
}

/** The release's tree in a temporary folder, with this checkout's node_modules. */
function extract(commit: string, dir: string): void {
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    throw new Error(
      `De vorige release (commit ${commit} in RELEASES) staat niet in de git-geschiedenis van ${ROOT}. ` +
        `Deze test heeft de geschiedenis nodig: clone zonder --depth, of haal haar op met "git fetch --unshallow". ` +
        `(The previous release's commit is not in this checkout's git history: clone with full history.)`,
    );
  }
  execSync(`git archive --format=tar ${commit} ${RUNTIME_PATHS.join(' ')} | tar -x -C "${dir}"`, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'));
}

describe('the previous release (RELEASES) on the database as this version migrates it', function () {
  this.timeout(180_000);
  let tree: string;
  let url: string;
  let db: Db | undefined;
  let dropPostgres: (() => Promise<void>) | undefined;

  before(async () => {
    tree = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-previous-release-'));
    if (onPostgres) {
      const empty = await createEmptyPostgresDatabase();
      url = empty.url;
      dropPostgres = () => empty.drop();
    } else {
      url = path.join(tree, 'stadslog.sqlite');
    }
  });
  after(async () => {
    await killAllServers();
    await db?.destroy();
    await dropPostgres?.();
    fs.rmSync(tree, { recursive: true, force: true });
  });

  it('keeps serving readers, residents and moderators after the new migrations', async () => {
    const { commit } = previousRelease();
    const oldTree = path.join(tree, 'release');
    fs.mkdirSync(oldTree);
    extract(commit, oldTree);

    // The previous release runs, on a database it migrated itself (as production was before the update).
    const old = await startServer(url, { UPLOAD_DIR: path.join(tree, 'bijlagen') }, { root: oldTree });
    db = createDb(url);
    const theirs: Array<{ name: string }> = await db('knex_migrations').select('name');
    // The update's release step: this version's migrations, under the running previous release.
    const applied = await migrateLatest(db);
    const ours = await knownMigrations();
    assert.deepEqual(
      applied,
      ours.filter((name) => !theirs.some((row) => row.name === name)),
      'every migration of this version that the previous release lacked, and only those, was applied',
    );
    await saveSpamSettings(db, LENIENT_SPAM_SETTINGS);

    const article = await buildArticle(db, { title: 'Snoeiwerk langs de singel' });
    // The article is written by this process, not by the server: on PostgreSQL the server learns of it from
    // the database's notification at commit (reacties/site-version.ts), which may come a moment after the
    // commit returns here, and at the latest when its kept version is two seconds old. The voorpagina it
    // kept while starting (startServer asks for "/") must give way within that.
    const deadline = Date.now() + 5000;
    let home = await anonymousGet(`${old.baseUrl}/`);
    while (home.status === 200 && !home.text.includes('Snoeiwerk langs de singel') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      home = await anonymousGet(`${old.baseUrl}/`);
    }
    assert.equal(home.status, 200, old.output());
    assert.match(home.text, /Snoeiwerk langs de singel/);

    const resident = new CookieClient();
    const page = await resident.get(`${old.baseUrl}${articlePath(article)}`);
    assert.equal(page.status, 200, old.output());
    assert.match(page.text, /Snoeiwerk langs de singel/);
    const text = `Worden de bomen ook vervangen? ${Date.now().toString(36)}`;
    const posted = await resident.post(`${old.baseUrl}${articlePath(article)}/reacties`, {
      _token: hiddenInput(page.text, '_token'),
      naam: 'Bewoner Singel',
      email: 'bewoner.singel@example.nl',
      website: '',
      reactie: text,
      antwoord_op: '',
    });
    assert.equal(posted.status, 303, `${posted.text.slice(0, 500)}\n${old.output()}`);
    const row = await db('reacties').where({ body: text }).first('id', 'status');
    assert.equal(row?.status, 'pending');

    const moderator = new CookieClient();
    const csrf = await moderator.login(old.baseUrl, (await buildUser(db, 'moderator')).email);
    const queue = await moderator.get(`${old.baseUrl}/beheer/reacties`);
    assert.equal(queue.status, 200, old.output());
    assert.match(queue.text, new RegExp(text.replace('?', '\\?')));
    const approved = await moderator.post(`${old.baseUrl}/beheer/reacties/${row.id}/goedkeuren`, {
      _csrf: csrf,
      terug: '/beheer/reacties',
    });
    assert.equal(approved.status, 303, old.output());
    assert.match((await anonymousGet(`${old.baseUrl}${articlePath(article)}`)).text, new RegExp(text.replace('?', '\\?')));
    assert.match(
      (await anonymousGet(`${old.baseUrl}/`)).text,
      new RegExp(`href="${articlePath(article)}#reacties" class="reactie-count">1 reactie<`),
    );

    old.stop('SIGTERM');
    assert.deepEqual(await old.exited, { code: 0, signal: null });
  });
});
