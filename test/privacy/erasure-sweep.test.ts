// An AVG erasure leaves nothing of the person anywhere: every column of every table is searched
// for their e-mail address, name, website and IP address afterwards. And every table states what
// personal data it holds and how long it is kept (privacy/retention.ts), checked against the schema.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { hiddenInput, loginAs } from '../helpers/http';
import { FAKE_KEY, startFakeAkismet, type FakeAkismet } from '../helpers/fake-akismet';
import { articlePath, type Article } from '../../server/articles/queries';
import { rememberedParts } from '../../server/spam/memory';
import { DATA_INVENTORY, retentionJobs } from '../../server/privacy/retention';
import { isPostgres, type Db } from '../../server/db/knex';
import { announceApproved } from '../../server/notifications/jobs';
import { findSubscriberByEmail, requestSubscription } from '../../server/newsmail/subscribers';

async function tableNames(db: Db): Promise<string[]> {
  const rows: Array<{ name: string }> = isPostgres(db)
    ? (await db.raw("select table_name as name from information_schema.tables where table_schema = 'public'")).rows
    : await db.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
  // A virtual table's shadow tables (search_fts_data, …) are SQLite's storage of it: the virtual
  // table itself is listed and read.
  const virtual = isPostgres(db)
    ? []
    : (await db.raw<Array<{ name: string }>>("select name from sqlite_master where sql like 'create virtual table%'")).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => virtual.includes(name) || !virtual.some((v) => name.startsWith(`${v}_`)))
    .sort();
}

/** Every place (table.column#row) whose value contains one of the needles, case-insensitively. */
async function findAnywhere(db: Db, needles: string[]): Promise<string[]> {
  const lowered = needles.map((n) => n.toLowerCase());
  const hits: string[] = [];
  for (const table of await tableNames(db)) {
    for (const [i, row] of (await db(table).select('*')).entries()) {
      for (const [column, value] of Object.entries(row as Record<string, unknown>)) {
        if (value === null || value === undefined) continue;
        const text = (
          value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value)
        ).toLowerCase();
        for (const needle of lowered) if (text.includes(needle)) hits.push(`${table}.${column}#${i}: ${needle}`);
      }
    }
  }
  return hits;
}

describe('privacy: erasure leaves nothing behind', function () {
  this.timeout(30_000);
  let t: TestApp;
  let fake: FakeAkismet;
  let article: Article;
  before(async () => {
    fake = await startFakeAkismet('ham');
    t = await createTestApp({ trustProxy: 1, akismet: { key: FAKE_KEY, baseUrl: fake.url, timeoutMs: 2000, isTest: true } });
    article = await buildArticle(t.db);
  });
  after(async () => {
    await fake.close();
    await t.close();
  });

  interface Person {
    name: string;
    email: string;
    website: string;
    ip: string;
  }

  async function postAs(p: Person, text: string, parentId = '', extra: Record<string, string> = {}) {
    const agent = request.agent(t.app);
    const page = await agent.get(articlePath(article)).set('X-Forwarded-For', p.ip);
    const res = await agent
      .post(`${articlePath(article)}/reacties`)
      .set('X-Forwarded-For', p.ip)
      .set('User-Agent', `Browser van ${p.name}`)
      .type('form')
      .send({
        _token: hiddenInput(page.text, '_token'),
        naam: p.name,
        email: p.email,
        website: p.website,
        reactie: text,
        antwoord_op: parentId,
        url: '',
        ...extra,
      });
    assert.equal(res.status, 303);
    return /#reactie-(\d+)$/.exec(res.headers.location)![1];
  }

  for (const [mode, wijze] of [
    ['anonymise', 'anonimiseren'],
    ['delete', 'verwijderen'],
  ] as const) {
    it(`${mode}: no column of any table holds the person's e-mail, name, website or IP afterwards`, async () => {
      const tag = mode === 'delete' ? 'wisverwijder' : 'wisanoniem';
      const person: Person = {
        name: `Zoë ${tag}`,
        email: `zoe.${tag}@voorbeeld.nl`,
        website: `https://${tag}.voorbeeld.nl`,
        ip: mode === 'delete' ? '198.51.100.201' : '198.51.100.202',
      };
      const other: Person = { name: 'Buurman Jansen', email: 'jansen@voorbeeld.nl', website: '', ip: '198.51.100.9' };
      const { agent, csrf } = await loginAs(t.app, t.db, 'moderator');
      // Both ask for e-mail (a subscription and a queued confirmation each); the neighbour's mail about
      // the person's reply quotes the person, so it must go too.
      const mailBoxes = { meld_antwoorden: 'ja', meld_artikel: 'ja' };
      const first = await postAs(person, 'Mijn eerste reactie over de Markt.', '', mailBoxes);
      await agent.post(`/beheer/reacties/${first}/goedkeuren`).type('form').send({ _csrf: csrf }).expect(303);
      const neighbours = await postAs(other, `Een antwoord van de buurman (${tag}).`, first, mailBoxes);
      await agent.post(`/beheer/reacties/${neighbours}/goedkeuren`).type('form').send({ _csrf: csrf }).expect(303);
      await t.db('subscriptions').update({ confirmed_at: new Date() });
      const reply = await postAs(person, 'Dag buurman, dank voor je antwoord.', neighbours);
      await agent.post(`/beheer/reacties/${reply}/goedkeuren`).type('form').send({ _csrf: csrf }).expect(303);
      assert.ok((await announceApproved(t.deps, new Date(Date.now() + 5000))) > 0, 'a mail to the neighbour is queued');
      assert.ok((await t.db('mail_queue').where({ to_key: other.email })).length > 0);
      // The person also gets the news mail (their confirmation mail of the day went out for the reacties above).
      await requestSubscription(t.db, { email: person.email, frequency: 'weekly', kinds: 'all' }, new Date());
      await t.db('news_subscribers').update({ confirmed_at: new Date() });
      assert.ok(await findSubscriberByEmail(t.db, person.email));
      const second = await postAs(person, 'Nog een reactie, die de moderator als spam ziet.');
      await agent.post(`/beheer/reacties/${second}/spam`).type('form').send({ _csrf: csrf }).expect(303);
      const needles = [person.email, person.name, person.website.replace('https://', ''), person.ip];
      assert.ok((await findAnywhere(t.db, needles)).length > 0, 'the sweep finds the person before the erasure');
      assert.ok((await rememberedParts(t.db, t.deps.config.sessionSecret, { email: person.email, ip: null, url: null })).length > 0);

      await agent.post('/beheer/privacy/wissen').type('form').send({ _csrf: csrf, email: person.email, wijze, bevestig: 'ja' }).expect(303);

      assert.deepEqual(await findAnywhere(t.db, needles), []);
      assert.deepEqual(
        await rememberedParts(t.db, t.deps.config.sessionSecret, { email: person.email, ip: person.ip, url: person.website }),
        [],
        'forgotten by the spam memory',
      );
      assert.ok((await findAnywhere(t.db, [other.email, other.name])).length > 0, 'the neighbour is untouched');
      // A later "geen spam" click sends nothing personal to Akismet.
      fake.requests.length = 0;
      if (mode === 'anonymise') {
        await agent.post(`/beheer/reacties/${second}/geen-spam`).type('form').send({ _csrf: csrf }).expect(303);
        const sent = JSON.stringify(fake.requests);
        for (const needle of needles) assert.ok(!sent.toLowerCase().includes(needle.toLowerCase()), `${needle} sent to Akismet`);
      }
    });
  }

  it('states for every table in the schema what personal data it holds and how long it is kept', async () => {
    const here = isPostgres(t.db) ? 'pg' : 'sqlite';
    const listed = Object.entries(DATA_INVENTORY).filter(([, rule]) => (rule.onlyOn ?? here) === here);
    assert.deepEqual(listed.map(([name]) => name).sort(), await tableNames(t.db));
  });

  it('runs every retention job on both databases without error', async () => {
    for (const [name, run] of retentionJobs(t.deps.config, t.db)) {
      await assert.doesNotReject(run(new Date()), name);
    }
  });

  it('forgets IP addresses in what was sent to Akismet once the IP retention period has passed', async () => {
    const id = await postAs({ name: 'Oud', email: 'oud@voorbeeld.nl', website: '', ip: '198.51.100.250' }, 'Een oude reactie.');
    await t
      .db('reacties')
      .where({ id })
      .update({ created_at: new Date(Date.now() - 31 * 24 * 3600_000) });
    assert.ok((await findAnywhere(t.db, ['198.51.100.250'])).length > 0);
    for (const [name, run] of retentionJobs({ ...t.deps.config, ipRetentionDays: 30 }, t.db))
      if (name === 'old IP addresses') await run(new Date());
    assert.deepEqual(await findAnywhere(t.db, ['198.51.100.250']), []);
  });
});
