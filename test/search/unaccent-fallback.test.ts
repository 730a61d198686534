// PostgreSQL search without the unaccent extension: a database whose owner may not create
// extensions (no CREATE on the database, as on many hosted plans) still migrates, and search
// still folds accents through stadslog_fold() (migrations/20261202400100_search_fold_fallback).
// Runs on the test PostgreSQL server in the SQLite run too: the fallback is PostgreSQL's alone.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { createTestAppOn, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { createDb } from '../../server/db/knex';
import { migrateLatest } from '../../server/db/migrate';
import { articlePath } from '../../server/articles/queries';

const BASE = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

describe('search: PostgreSQL without the unaccent extension', function () {
  this.timeout(60_000);
  const id = crypto.randomBytes(6).toString('hex');
  const name = `stadslog_test_${id}`;
  const role = `stadslog_noext_${id}`;
  let admin: Knex;
  let t: TestApp;

  before(async () => {
    admin = knexFactory({ client: 'pg', connection: BASE, pool: { min: 0, max: 1 } });
    await admin.raw(`create role ${role} login`);
    await admin.raw(`create database ${name}`);
    const url = new URL(BASE);
    url.pathname = `/${name}`;
    // The role may make tables in the public schema, but has no CREATE on the database: creating
    // even a trusted extension is refused.
    const owner = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
    await owner.raw(`grant create, usage on schema public to ${role}`);
    await owner.destroy();
    url.username = role;
    const db = createDb(url.toString());
    await migrateLatest(db);
    t = await createTestAppOn({
      db,
      url: url.toString(),
      async drop() {
        await db.destroy();
        await admin.raw(`drop database if exists ${name} with (force)`);
      },
    });
  });
  after(async () => {
    await t?.close();
    await admin.raw(`drop role if exists ${role}`);
    await admin.destroy();
  });

  const links = async (q: string) => {
    const html = (
      await request(t.app)
        .get(`/zoeken?q=${encodeURIComponent(q)}`)
        .expect(200)
    ).text;
    return [...html.matchAll(/<li class="search-result">[\s\S]*?<h2><a href="([^"]+)">/g)].map((m) => m[1]);
  };

  it('migrated without the extension, with the SQL fold in its place', async () => {
    const ext = await t.db.raw("select 1 from pg_extension where extname = 'unaccent'");
    assert.equal(ext.rows.length, 0, 'the extension could not be created');
    assert.equal(
      (await t.db.raw("select stadslog_fold('Café Ĳsbrand coöperatie Łódź Ærø crème brûlée') as f")).rows[0].f,
      'Cafe IJsbrand cooperatie Lodz AEro creme brulee',
    );
  });

  it('finds accented words without accents and the other way, stemmed in Dutch', async () => {
    const a = await buildArticle(t.db, { title: 'Het Café aan de haven', bodyMarkdown: 'Over het ĳsje en de coöperatie van fietsers.' });
    const reactie = await buildReactie(t.db, a, { body: 'De crème brûlée was geweldig.' });
    for (const q of ['cafe', 'CAFÉ', 'cooperatie', 'coöperatie', 'ijsje', 'fietsen']) assert.deepEqual(await links(q), [articlePath(a)], q);
    assert.deepEqual(await links('creme brulee'), [`/reactie/${reactie}`]);
    assert.deepEqual(await links('brûlée'), [`/reactie/${reactie}`]);
  });

  it('keeps following edits: the triggers fold too', async () => {
    const a = await buildArticle(t.db, { title: 'Gewoon', bodyMarkdown: 'Niets bijzonders.' });
    await t.db('articles').where({ id: a.id }).update({ body_markdown: 'Een privé overleg over het Museumplein.' });
    assert.deepEqual(await links('prive overleg'), [articlePath(a)]);
  });
});
