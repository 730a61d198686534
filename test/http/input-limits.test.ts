// Every text field of every form, stressed in the unit the database counts.
//
// PostgreSQL counts varchar(n) in code points and refuses a longer value with an error; SQLite stores
// anything. So a field is validated exactly as it will be stored (line breaks normalised, lower-cased
// keys, "https://" added), and its limit never exceeds its column. These tests post, for each field,
// its maximum and maximum + 1 made of CR LF pairs mixed with letters, of "İ" (two code points when
// lower-cased), "ß" and "ﬃ" (which grow under toUpperCase), and of astral characters (𝌆, emoji).
// A value is either accepted (2xx/3xx) and stored exactly as validated, or refused with a 4xx and a
// Dutch message, keeping what was typed — never a 500. Run with TEST_DATABASE_URL to see PostgreSQL.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie, uniqueEmail } from '../helpers/builders';
import { onPostgres } from '../helpers/db';
import { hiddenInput, loginAs, postReactieForm, settingsFormWith, type Agent } from '../helpers/http';
import { COLUMN_LIMITS } from '../../server/db/limits';
import { articlePath, type Article } from '../../server/articles/queries';
import { ARTICLE_LIMITS } from '../../server/articles/admin-form';
import { REACTIE_LIMITS } from '../../server/reacties/posting/validation';
import { PAGE_LIMITS } from '../../server/pages/admin-routes';
import { USER_LIMITS } from '../../server/accounts/user-admin-routes';
import { SETTINGS_LIMITS } from '../../server/settings/routes';
import { getSpamSettings } from '../../server/spam/settings';

// ---------------------------------------------------------------------------------------------
// The schema and server/db/limits.ts agree.

type Schema = Map<string, number | null>; // "table.column" → varchar size, null for other types

async function readSchema(t: TestApp): Promise<Schema> {
  const schema: Schema = new Map();
  if (onPostgres) {
    const result = await t.db.raw(
      `select table_name, column_name, data_type, character_maximum_length
         from information_schema.columns where table_schema = current_schema()`,
    );
    for (const r of result.rows as Array<{
      table_name: string;
      column_name: string;
      data_type: string;
      character_maximum_length: number | null;
    }>) {
      schema.set(`${r.table_name}.${r.column_name}`, r.data_type === 'character varying' ? Number(r.character_maximum_length) : null);
    }
    return schema;
  }
  const tables: Array<{ name: string }> = await t
    .db('sqlite_master')
    .where({ type: 'table' })
    .whereNot('name', 'like', 'sqlite_%')
    .select('name');
  for (const { name } of tables) {
    const columns: Array<{ name: string; type: string }> = await t.db.raw(`pragma table_info("${name}")`);
    for (const c of columns) {
      const m = /^varchar\((\d+)\)$/i.exec(c.type);
      schema.set(`${name}.${c.name}`, m ? Number(m[1]) : null);
    }
  }
  return schema;
}

// varchar columns whose values the app writes itself (or cuts to size), never what a person typed.
const NOT_TYPED = new Set([
  // The search index's own: a kind the triggers write, a word the analyser made.
  'search_entries.kind',
  'search_words.word',
  'users.password_hash',
  'users.role',
  'sessions.sid',
  'articles.kind',
  'article_fields.key',
  'files.sha256',
  'files.media_type',
  'images.sha256',
  'images.media_type',
  'article_attachments.file_sha256',
  'articles.status',
  'reacties.status',
  'reacties.previous_status',
  'reactie_status_deltas.status',
  // Issue 12: fixed lists of reasons and outcomes, checked by the routes; the reader key is an HMAC.
  'reacties.removed_reason',
  'moderation_log.action',
  'moderation_log.reason',
  'reactie_reports.reason',
  'reactie_reports.reader_key',
  'reactie_reports.network_key',
  'reactie_waarderingen.reader_key',
  'reactie_waarderingen.browser_key',
  'moderation_appeals.outcome',
  'reacties.ip',
  'reacties.submission_key',
  'spam_classifier_reacties.label',
  'reacties.akismet_result',
  'reacties.akismet_guid',
  'counters.name',
  'subscriptions.kind',
  'mail_queue.dedupe_key',
  'mail_state.name',
  'settings.key',
  'audit_log.action',
  'audit_log.subject_type',
  'pages.slug',
  'spam_memory.kind',
  'spam_memory.digest',
  'rate_limits.key', // hashed by the rate-limit store: the same short length whatever was typed
  'articles.body_format',
  'wp_imports.kind',
  // Issue 21: the keyed hash of an address, and the rule (hold or block) from a fixed list.
  'address_rules.address_key',
  'address_rules.rule',
  'moderator_notes.address_key',
  'wp_imports.wp_id',
  'wp_redirects.path', // normalised by imports/ and skipped when longer
  'wp_uploads.path', // the same
  'articles.document_date', // YYYY-MM-DD, from a checked date field or the publication date
  'files.text_status', // Issue 22: where reading an attached PDF's text stands, from a fixed list
  // Issue 25: the news mail's choices from fixed lists, and a YYYY-MM-DD date.
  'news_subscribers.frequency',
  'news_subscribers.kinds',
  'news_subscribers.last_slot',
  'knex_migrations.name',
  'knex_migrations_lock.index',
]);

describe('input limits: server/db/limits.ts matches the schema', () => {
  let t: TestApp;
  let schema: Schema;
  before(async () => {
    t = await createTestApp();
    schema = await readSchema(t);
  });
  after(async () => t.close());

  it(`every column in limits.ts has that varchar size in the database (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    for (const [table, columns] of Object.entries(COLUMN_LIMITS)) {
      for (const [column, size] of Object.entries(columns)) {
        assert.ok(schema.has(`${table}.${column}`), `${table}.${column} is in limits.ts but not in the database`);
        assert.equal(
          schema.get(`${table}.${column}`),
          size,
          `${table}.${column}: limits.ts says ${size}, the database varchar(${schema.get(`${table}.${column}`)})`,
        );
      }
    }
  });

  it('every varchar column in the database is in limits.ts or known to hold no typed text', () => {
    const listed = new Set(Object.entries(COLUMN_LIMITS).flatMap(([table, columns]) => Object.keys(columns).map((c) => `${table}.${c}`)));
    const unknown = [...schema].filter(([name, size]) => size !== null && !listed.has(name) && !NOT_TYPED.has(name)).map(([name]) => name);
    assert.deepEqual(unknown, [], 'a new varchar column: add it to server/db/limits.ts (or, if nobody types it, to NOT_TYPED here)');
  });

  it('no form allows more than its column holds', () => {
    const c = COLUMN_LIMITS;
    const pairs: Array<[string, number, number]> = [
      ['reactie naam', REACTIE_LIMITS.name, c.reacties.author_name],
      ['reactie e-mail', REACTIE_LIMITS.email, c.reacties.author_email],
      ['reactie e-mail key', REACTIE_LIMITS.emailKey, c.reacties.author_email_key],
      ['reactie website', REACTIE_LIMITS.website, c.reacties.author_url],
      ['article title', ARTICLE_LIMITS.title, c.articles.title],
      ['article slug with a "-99999" suffix', ARTICLE_LIMITS.slug + 6, c.articles.slug],
      ['article author', ARTICLE_LIMITS.author, c.articles.author_name],
      ['page title', PAGE_LIMITS.title, c.pages.title],
      ['account e-mail', USER_LIMITS.email, c.users.email],
      ['account name', USER_LIMITS.name, c.users.name],
      ['audit actor (an account e-mail)', USER_LIMITS.email, c.audit_log.actor],
    ];
    for (const [what, form, column] of pairs) assert.ok(form <= column, `${what}: the form allows ${form}, the column holds ${column}`);
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle: what each kind of field stores, written independently of the app's code.

const codePoints = (s: string) => [...s].length;
const singleLine = (s: string) => s.replace(/[\r\n\t\u0085\u2028\u2029]+/g, ' ').trim();
const multiLine = (s: string) => s.replace(/\r\n?/g, '\n');
// shared/email.ts, as these values need it: one plain local@domain, a local part of at most 64
// bytes (any script, no spaces or separators), a domain of lower-case host name labels.
const LOCAL_PART = /^[^\s@<>,;"()[\]\\:.]+(\.[^\s@<>,;"()[\]\\:.]+)*$/u;
const DOMAIN = /^([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/;
function plainEmail(v: string): boolean {
  const [local, domain, ...more] = v.split('@');
  return more.length === 0 && domain !== undefined && LOCAL_PART.test(local) && Buffer.byteLength(local) <= 64 && DOMAIN.test(domain);
}
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

type Kind = 'line' | 'multi' | 'email' | 'url' | 'slug';
interface FieldSpec {
  name: string;
  kind: Kind;
  max: number;
  required: boolean;
  /** Longest lower-cased form (the e-mail key), when the app stores or looks one up. */
  lowerMax?: number;
}

/** The value that must be stored (null: an empty optional field), or 'refused'. */
function expected(spec: FieldSpec, raw: string): string | null {
  if (FORBIDDEN.test(raw)) return 'refused';
  const v = spec.kind === 'multi' ? multiLine(raw) : singleLine(raw);
  if (v.trim() === '') return spec.required ? 'refused' : spec.kind === 'url' ? null : v;
  const lowerFits = (s: string) => spec.lowerMax === undefined || codePoints(s.toLowerCase()) <= spec.lowerMax;
  switch (spec.kind) {
    case 'line':
    case 'multi':
      return codePoints(v) <= spec.max ? v : 'refused';
    case 'email':
      return codePoints(v) <= spec.max && lowerFits(v) && plainEmail(v) ? v : 'refused';
    case 'slug':
      return codePoints(v) <= spec.max && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? v : 'refused';
    case 'url': {
      const stored = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
      if (/\s/.test(v) || codePoints(stored) > spec.max || !lowerFits(stored)) return 'refused';
      return stored;
    }
  }
}

// The stress values stay at 20.000 characters per big field so the suite stays quick; the full
// 200.000 in any script is tested in test/articles/admin.test.ts.
const BIG = 20_000;

/** CR LF pairs mixed with letters, n code points once each pair is one character (as browsers count). */
function mixed(n: number, lettersPerLine: number): string {
  const unit = `${'abcdefghijklmnop'.slice(0, lettersPerLine)}\r\n`;
  const k = Math.floor((n - 1) / (lettersPerLine + 1));
  return unit.repeat(k) + 'z'.repeat(n - k * (lettersPerLine + 1));
}

const STRESS_CHARS = [
  ['İ', 'İ (U+0130)'],
  ['ß', 'ß'],
  ['ﬃ', 'ﬃ (U+FB03)'],
  ['𝌆', '𝌆 (U+1D306)'],
  ['😀', 'an emoji'],
] as const;

/** A domain of host name labels (at most 63 characters each) of exactly n characters, ending in .nl. */
function domainOf(n: number): string {
  const labels: string[] = [];
  for (let rest = n - 3; rest > 0; rest -= 51) labels.push('d'.repeat(Math.min(50, rest)));
  const domain = `${labels.join('.')}.nl`;
  assert.equal(domain.length, n);
  return domain;
}

/** The stress values for one field: [label, value]. */
function stressValues(spec: FieldSpec): Array<[string, string]> {
  // An e-mail or website keeps its form around the stressed part, so only the length is at stake.
  // An address's local part holds 64 bytes: its length is made up by a long domain.
  const out: Array<[string, string]> = [];
  if (spec.kind === 'email') {
    for (const n of [spec.max, spec.max + 1]) {
      const what = n === spec.max ? 'the maximum' : 'maximum + 1';
      out.push([`${what} with CR LF pairs`, `${mixed(20, 2)}@${domainOf(n - 21)}`]);
      for (const [ch, name] of STRESS_CHARS) {
        const local = ch.repeat(Math.floor(64 / Buffer.byteLength(ch)));
        out.push([`${what} in ${name}`, `${local}@${domainOf(n - codePoints(local) - 1)}`]);
      }
    }
    out.push(['the maximum with line breaks around it', `\r\n ${'e'.repeat(40)}@${domainOf(spec.max - 41)}\t\r\n`]);
    out.push(['far too long (1.000 characters)', `${'e'.repeat(989)}@example.nl`]);
    out.push(['a NUL character', 'voor\u0000na@example.nl']);
    return out;
  }
  const [before, after] = spec.kind === 'url' ? ['https://voorbeeld.nl/', ''] : ['', ''];
  for (const n of [spec.max, spec.max + 1]) {
    const what = n === spec.max ? 'the maximum' : 'maximum + 1';
    const room = n - before.length - after.length;
    out.push([`${what} in CR LF pairs and letters`, before + mixed(room, spec.max > BIG ? 9 : 2) + after]);
    for (const [ch, name] of STRESS_CHARS) {
      const body = spec.max > BIG ? 'a'.repeat(room - 1000) + ch.repeat(1000) : ch.repeat(room);
      out.push([`${what} in ${name}`, before + body + after]);
    }
  }
  if (spec.kind === 'url') {
    out.push(['the maximum without https://', `voorbeeld.nl/${'w'.repeat(spec.max - 13)}`]);
    out.push(['the maximum minus 8 without https://', `voorbeeld.nl/${'w'.repeat(spec.max - 21)}`]);
  }
  if (spec.kind === 'slug') {
    out.push(['the maximum in a-z', 'a'.repeat(spec.max)]);
    out.push(['maximum + 1 in a-z', 'b'.repeat(spec.max + 1)]);
  }
  out.push(['a NUL character', 'voor\u0000na@example.nl']);
  return out;
}

const DUTCH_REFUSAL = /hoogstens|te lang|geen geldig|lijkt geen|onzichtbare tekens|Vul |kleine letters|Onjuiste inloggegevens|te groot/;
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

function describeValue(raw: string): string {
  return `${codePoints(raw)} code points, ${codePoints(raw.toLowerCase())} lower-cased`;
}

/** The common assertions: never a 500; accepted as expected; refused with a Dutch message and the text kept. */
function checkOutcome(res: request.Response, spec: FieldSpec, raw: string, want: string | null, opts: { okStatus: number }): void {
  const what = `${spec.name}: ${describeValue(raw)}`;
  assert.ok(res.status < 500, `${what}: status ${res.status}`);
  if (want === 'refused') {
    assert.ok(res.status >= 400 && res.status < 500, `${what}: should be refused, got ${res.status}`);
    assert.match(res.text, DUTCH_REFUSAL, `${what}: a Dutch message`);
    if (!FORBIDDEN.test(raw)) {
      const shown = res.text.includes(escapeHtml(raw)) || res.text.includes(escapeHtml(raw.trim()));
      assert.ok(shown, `${what}: the form keeps what was typed`);
    }
  } else {
    assert.equal(res.status, opts.okStatus, `${what}: should be accepted (${res.text.match(/field-error[^>]*>([^<]*)/)?.[1] ?? ''})`);
  }
}

/** Equality without a diff of 200.000 characters: says where the stored value first differs. */
function assertStored(actual: unknown, want: string | null, what: string): void {
  if (actual === want) return;
  const a = typeof actual === 'string' ? [...actual] : [];
  const w = want === null ? [] : [...want];
  let i = 0;
  while (i < a.length && i < w.length && a[i] === w[i]) i++;
  const around = (cs: string[]) => JSON.stringify(cs.slice(Math.max(0, i - 5), i + 5).join(''));
  assert.fail(
    `${what}: stored ${typeof actual === 'string' ? `${a.length} code points` : String(actual)}, validated ${w.length}; first difference at ${i}: ${around(a)} vs ${around(w)}`,
  );
}

interface Case {
  label: string;
  raw: string;
  want: string | null;
}

/** Runs every stress value of a field and reports all that fail, not only the first. */
async function eachCase(spec: FieldSpec, run: (c: Case) => Promise<void>): Promise<void> {
  const failures: string[] = [];
  for (const [label, raw] of stressValues(spec)) {
    try {
      await run({ label, raw, want: expected(spec, raw) });
    } catch (err) {
      failures.push(`- ${label}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (failures.length)
    assert.fail(`${spec.name}: ${failures.length} of ${stressValues(spec).length} values failed\n${failures.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// Every field of every form.

describe(`input limits: every field of every form (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string };
  let editor: { agent: Agent; csrf: string };
  let admin: { agent: Agent; csrf: string };
  let article: Article;
  before(async () => {
    t = await createTestApp();
    mod = await loginAs(t.app, t.db, 'moderator');
    editor = await loginAs(t.app, t.db, 'editor');
    admin = await loginAs(t.app, t.db, 'admin');
    article = await buildArticle(t.db);
  });
  after(async () => t.close());

  const act = (id: number, actie: string) =>
    mod.agent.post(`/beheer/reacties/${id}/${actie}`).type('form').send({ _csrf: mod.csrf, terug: '/beheer/reacties' });

  const reactieFields: Array<[FieldSpec, string]> = [
    [{ name: 'naam', kind: 'line', max: REACTIE_LIMITS.name, required: true }, 'author_name'],
    [
      { name: 'email', kind: 'email', max: REACTIE_LIMITS.email, required: true, lowerMax: COLUMN_LIMITS.reacties.author_email_key },
      'author_email',
    ],
    [{ name: 'website', kind: 'url', max: REACTIE_LIMITS.website, required: false }, 'author_url'],
    [{ name: 'reactie', kind: 'multi', max: REACTIE_LIMITS.body, required: true }, 'body'],
  ];

  for (const [spec, column] of reactieFields) {
    it(`public reactie form: ${spec.name}`, async () => {
      await eachCase(spec, async ({ label, raw, want }) => {
        const res = await postReactieForm(request.agent(t.app), articlePath(article), { [spec.name]: raw });
        checkOutcome(res, spec, raw, want, { okStatus: 303 });
        if (want === 'refused') return;
        const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
        const row = await t.db('reacties').where({ id }).first();
        assertStored(row[column], want, `${spec.name} (${label}): stored exactly as validated`);
        if (spec.kind === 'email') assertStored(row.author_email_key, want!.toLowerCase(), `${spec.name} (${label}): the lower-cased key`);
        // Marking it as spam puts its (lower-cased) e-mail address and website in the spam memory.
        if (row.status === 'spam') assert.equal((await act(id, 'geen-spam')).status, 303);
        const spam = await act(id, 'spam');
        assert.equal(spam.status, 303, `${spec.name} (${label}): marked as spam`);
        assert.equal((await t.db('reacties').where({ id }).first()).status, 'spam');
        assert.equal((await act(id, 'geen-spam')).status, 303);
      });
    });
  }

  const editFields: Array<[FieldSpec, string]> = [
    [{ name: 'naam', kind: 'line', max: REACTIE_LIMITS.name, required: true }, 'author_name'],
    [{ name: 'website', kind: 'url', max: REACTIE_LIMITS.website, required: false }, 'author_url'],
    [{ name: 'reactie', kind: 'multi', max: REACTIE_LIMITS.body, required: true }, 'body'],
  ];
  for (const [spec, column] of editFields) {
    it(`moderator's reactie edit form: ${spec.name}`, async () => {
      const id = await buildReactie(t.db, article, { status: 'pending' });
      await eachCase(spec, async ({ label, raw, want }) => {
        const res = await mod.agent
          .post(`/beheer/reacties/${id}/bewerken`)
          .type('form')
          .send({ _csrf: mod.csrf, naam: 'Jan', website: '', reactie: 'Tekst', [spec.name]: raw });
        checkOutcome(res, spec, raw, want, { okStatus: 303 });
        if (want === 'refused') return;
        const row = await t.db('reacties').where({ id }).first();
        assertStored(row[column], want, `${spec.name} (${label}): stored exactly as validated`);
      });
      const spam = await act(id, 'spam');
      assert.equal(spam.status, 303, 'an edited reactie can be marked as spam');
    });
  }

  const articleBase = {
    titel: 'Een titel',
    slug: '',
    soort: 'nieuws',
    tekst: 'Eerste alinea.',
    samenvatting: '',
    auteur: 'Redactie',
    status: 'draft',
    publicatietijd: '',
    reacties_open: 'ja',
    actie: 'opslaan',
  };
  const articleFields: Array<[FieldSpec, string]> = [
    [{ name: 'titel', kind: 'line', max: ARTICLE_LIMITS.title, required: true }, 'title'],
    [{ name: 'slug', kind: 'slug', max: ARTICLE_LIMITS.slug, required: false }, 'slug'],
    [{ name: 'auteur', kind: 'line', max: ARTICLE_LIMITS.author, required: true }, 'author_name'],
    [{ name: 'tekst', kind: 'multi', max: ARTICLE_LIMITS.body, required: true }, 'body_markdown'],
    [{ name: 'samenvatting', kind: 'multi', max: ARTICLE_LIMITS.excerpt, required: false }, 'excerpt_markdown'],
  ];
  for (const [spec, column] of articleFields) {
    it(`article editor (new article): ${spec.name}`, async () => {
      await eachCase(spec, async ({ label, raw, want }) => {
        const res = await editor.agent
          .post('/beheer/artikelen')
          .type('form')
          .send({ _csrf: editor.csrf, ...articleBase, [spec.name]: raw });
        checkOutcome(res, spec, raw, want, { okStatus: 303 });
        if (want === 'refused') return;
        const id = Number(/\/beheer\/artikelen\/(\d+)$/.exec(res.headers.location)![1]);
        const row = await t.db('articles').where({ id }).first();
        assertStored(row[column], want, `${spec.name} (${label}): stored exactly as validated`);
        assert.ok(codePoints(row.slug) <= COLUMN_LIMITS.articles.slug);
      });
    });
  }

  const pageFields: Array<[FieldSpec, string]> = [
    [{ name: 'titel', kind: 'line', max: PAGE_LIMITS.title, required: true }, 'title'],
    [{ name: 'tekst', kind: 'multi', max: PAGE_LIMITS.body, required: true }, 'body_markdown'],
  ];
  for (const [spec, column] of pageFields) {
    it(`page editor: ${spec.name}`, async () => {
      await eachCase(spec, async ({ label, raw, want }) => {
        const res = await editor.agent
          .post('/beheer/paginas/over-deze-weblog')
          .type('form')
          .send({ _csrf: editor.csrf, titel: 'Over ons', tekst: 'Tekst.', actie: 'opslaan', [spec.name]: raw });
        checkOutcome(res, spec, raw, want, { okStatus: 303 });
        if (want === 'refused') return;
        const row = await t.db('pages').where({ slug: 'over-deze-weblog' }).first();
        assertStored(row[column], want, `${spec.name} (${label}): stored exactly as validated`);
      });
    });
  }

  const userFields: FieldSpec[] = [
    { name: 'email', kind: 'email', max: USER_LIMITS.email, required: true, lowerMax: COLUMN_LIMITS.users.email },
    { name: 'naam', kind: 'line', max: USER_LIMITS.name, required: true },
  ];
  for (const spec of userFields) {
    it(`account creation: ${spec.name}`, async () => {
      await eachCase(spec, async ({ label, raw, want }) => {
        const email = spec.name === 'email' ? raw : uniqueEmail();
        const res = await admin.agent
          .post('/beheer/gebruikers')
          .type('form')
          .send({ _csrf: admin.csrf, naam: 'Nieuwe Redacteur', email, rol: 'editor', [spec.name]: raw });
        checkOutcome(res, spec, raw, want, { okStatus: 201 });
        if (want === 'refused') return;
        const storedEmail = spec.name === 'email' ? want!.toLowerCase() : email;
        const row = await t.db('users').where({ email: storedEmail }).first();
        assert.ok(row, `${spec.name} (${label}): the account exists with its lower-cased address`);
        if (spec.name === 'naam') assertStored(row.name, want, `${spec.name} (${label}): stored exactly as validated`);
      });
    });
  }

  const settingsBase = settingsFormWith({ minVulTijd: '0', floodSeconden: '0', perMinuut: '1000' });
  const settingsFields: Array<[FieldSpec, 'disallowedWords' | 'moderationWords']> = [
    [{ name: 'verbodenWoorden', kind: 'multi', max: SETTINGS_LIMITS.wordList, required: false }, 'disallowedWords'],
    [{ name: 'moderatieWoorden', kind: 'multi', max: SETTINGS_LIMITS.wordList, required: false }, 'moderationWords'],
  ];
  for (const [spec, key] of settingsFields) {
    it(`settings: ${spec.name}`, async () => {
      await eachCase(spec, async ({ label, raw, want }) => {
        const res = await mod.agent
          .post('/beheer/instellingen')
          .type('form')
          .send({ _csrf: mod.csrf, ...settingsBase, [spec.name]: raw });
        checkOutcome(res, spec, raw, want, { okStatus: 303 });
        if (want === 'refused') return;
        assertStored((await getSpamSettings(t.db))[key], want, `${spec.name} (${label}): stored exactly as validated`);
      });
      await mod.agent
        .post('/beheer/instellingen')
        .type('form')
        .send({ _csrf: mod.csrf, ...settingsBase })
        .expect(303);
    });
  }

  it('login: e-mail (a failed login, recorded in the audit log, never a query error)', async () => {
    const spec: FieldSpec = {
      name: 'email',
      kind: 'email',
      max: COLUMN_LIMITS.users.email,
      required: true,
      lowerMax: COLUMN_LIMITS.users.email,
    };
    await eachCase(spec, async ({ label, raw }) => {
      const agent = request.agent(t.app);
      const page = await agent.get('/beheer/inloggen').expect(200);
      const before = Number((await t.db('audit_log').where({ action: 'login.failed' }).count({ n: '*' }))[0].n);
      const res = await agent
        .post('/beheer/inloggen')
        .type('form')
        .send({ _token: hiddenInput(page.text, '_token'), email: raw, wachtwoord: 'geen-goed-wachtwoord', terug: '/beheer' });
      assert.ok(res.status < 500, `login ${label}: status ${res.status}`);
      assert.ok(res.status === 401 || res.status === 422, `login ${label}: refused, got ${res.status}`);
      assert.match(res.text, /Onjuiste inloggegevens|Vul je e-mailadres/);
      const after = await t.db('audit_log').where({ action: 'login.failed' }).orderBy('id', 'desc').first();
      if (res.status === 401) {
        assert.equal(
          Number((await t.db('audit_log').where({ action: 'login.failed' }).count({ n: '*' }))[0].n),
          before + 1,
          `login ${label}: audited`,
        );
        assert.ok(codePoints(after.actor) <= COLUMN_LIMITS.audit_log.actor, `login ${label}: the actor fits its column`);
        assert.ok(!FORBIDDEN.test(after.actor), `login ${label}: no control characters in the audit log`);
      }
    });
  });

  it('privacy search: GET /beheer/privacy?email=', async () => {
    const spec: FieldSpec = {
      name: 'email',
      kind: 'email',
      max: COLUMN_LIMITS.reacties.author_email,
      required: true,
      lowerMax: COLUMN_LIMITS.reacties.author_email_key,
    };
    await eachCase(spec, async ({ raw, want }) => {
      const res = await mod.agent.get(`/beheer/privacy?email=${encodeURIComponent(raw)}`);
      checkOutcome(res, spec, raw, want, { okStatus: 200 });
    });
  });
});
