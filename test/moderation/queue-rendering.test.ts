// The queue's tab pages render the same HTML as before their rows were drawn by one compiled
// function (queue27): many kinds of rows (held with checks and a score, reported and hidden by
// reports, a held edit, a reply, official, edited, on a draft and on a closed article, Akismet
// spam, a held and a blocked writer with notes, history, the trash over two pages), compared
// with the pages the include-per-row templates made (test/fixtures/queue-tabs/, commit 129c908),
// with the CSRF token masked and every run of whitespace read as one space. Written again in session 20, when each
// reactie's decisions became buttons of one form (formaction) and the page's template whitespace went (checked by eye:
// the same rows, links, labels and options; one form and one token per reactie instead of one per decision).
// QUEUE_GOLDEN=write writes the fixtures from the running code (only after checking a change by eye).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { hiddenInput, type Agent } from '../helpers/http';
import request from 'supertest';
import { addressKeyOf } from '../../server/addresses/key';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'queue-tabs');
const NOW = new Date('2026-12-01T10:00:00Z');
const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);

/** The page as compared: the CSRF token masked (it is the session's), whitespace runs as one space. */
const masked = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value="CSRF"');
const normalised = (html: string) => masked(html).replace(/\s+/g, ' ');

describe('moderation queue: tab pages render as before (queue27)', () => {
  let t: TestApp;
  let agent: Agent;
  const cases: Array<{ name: string; url: string }> = [];

  before(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const moderator = await buildUser(t.db, 'moderator', { email: 'moderator@stadslog.test', name: 'Mo de Rator' });
    agent = request.agent(t.app);
    const login = await agent.get('/beheer/inloggen').expect(200);
    await agent
      .post('/beheer/inloggen')
      .type('form')
      .send({ _token: hiddenInput(login.text, '_token'), email: moderator.email, wachtwoord: TEST_PASSWORD, terug: '/beheer' })
      .expect(303);

    const at = minutesAgo(60 * 24 * 3);
    const open = await buildArticle(t.db, { title: 'Bomen & <b>bankjes</b> "aan" de Singel', slug: 'bomen-singel', publishedAt: at }, at);
    const draft = await buildArticle(t.db, { title: 'Concept over de markt', slug: 'concept-markt', status: 'draft' }, at);
    const closed = await buildArticle(t.db, { title: 'Gesloten discussie', slug: 'gesloten', publishedAt: at, reactiesOpen: false }, at);
    let n = 0;
    const reactie = (article: { id: number }, o: Parameters<typeof buildReactie>[2] = {}) => {
      n++;
      return buildReactie(
        t.db,
        article,
        { authorName: `Schrijver ${n}`, authorEmail: `schrijver-${n}@example.nl`, body: `Tekst ${n}.`, ...o },
        minutesAgo(1000 - n),
      );
    };
    const parent = await reactie(open, { status: 'approved', authorName: 'Ouder & Co' });
    const held = await reactie(open, {
      status: 'pending',
      authorName: '<script>alert(1)</script>',
      authorUrl: 'https://example.nl/?a=1&b="2"',
      body: 'Eerste alinea met een link https://casino.example/winnen\nen een tweede regel.\n\nTweede alinea <b>vet</b> & "citaat".',
      columns: {
        spam_checks: JSON.stringify({
          local: 'hold',
          outcome: 'hold',
          score: 0.87,
          hits: [
            { check: 'links', outcome: 'hold', detail: '3 links (grens: 2)' },
            { check: 'classifier', outcome: 'hold', detail: 'waarschijnlijk spam (0,87)' },
          ],
        }),
        spam_score: 0.87,
        held_because: JSON.stringify({ policy: ['first-reactie', 'earlier-removed'] }),
        recheck_needed: true,
        recheck_attempts: 2,
        akismet_response: JSON.stringify({ verdict: 'error', error: 'timeout' }),
      },
    });
    const reported = await reactie(open, {
      status: 'pending',
      parentId: parent,
      columns: {
        removed_by_reports: true,
        spam_checks: JSON.stringify({ local: 'pass', outcome: 'clear', hits: [], score: 0.12 }),
        spam_score: 0.12,
      },
    });
    await t.db('reactie_reports').insert([
      { reactie_id: reported, reason: 'beledigend', note: 'Zegt "idioot" <en> erger', created_at: minutesAgo(30) },
      { reactie_id: reported, reason: 'spam', note: null, created_at: minutesAgo(20) },
    ]);
    const edited = await reactie(open, {
      status: 'pending',
      columns: {
        edited_at: minutesAgo(500),
        pending_body: 'Nieuwe tekst',
        pending_edit_at: minutesAgo(40),
        held_because: JSON.stringify({ policy: ['hold-all'] }),
      },
    });
    await reactie(draft, { status: 'pending', ip: null, columns: { held_because: JSON.stringify({ policy: ['earlier-waiting'] }) } });
    const watched = await reactie(closed, { status: 'pending', authorEmail: 'vastgehouden@example.nl' });
    await reactie(open, {
      status: 'spam',
      columns: { akismet_response: JSON.stringify({ verdict: 'spam', guid: 'abc-123', proTip: 'discard' }) },
    });
    await reactie(open, {
      status: 'spam',
      authorEmail: 'geblokkeerd@example.nl',
      columns: {
        spam_checks: JSON.stringify({ local: 'spam', outcome: 'spam', hits: [{ check: 'words', outcome: 'spam', detail: 'viagra' }] }),
      },
    });
    const official = await reactie(open, {
      status: 'approved',
      parentId: held,
      officialAs: 'namens de redactie',
      columns: { edited_at: minutesAgo(100) },
    });
    await t.db('reactie_reports').insert({ reactie_id: official, reason: 'onjuist', note: 'Klopt niet', created_at: minutesAgo(10) });
    await reactie(closed, { status: 'approved', authorUrl: 'http://voorbeeld.nl' });
    const trashed = await reactie(open, { status: 'trash', columns: { previous_status: 'approved' } });
    for (let i = 0; i < 52; i++) await reactie(i % 2 ? open : draft, { status: 'trash', columns: { previous_status: 'pending' } });

    const key = (email: string) => addressKeyOf(t.deps.config.sessionSecret, email);
    await t.db('address_rules').insert([
      {
        address_key: key('vastgehouden@example.nl'),
        rule: 'hold',
        reason: null,
        ends_at: minutesAgo(-60 * 24 * 30),
        reactie_id: watched,
        created_at: minutesAgo(50),
      },
      {
        address_key: key('geblokkeerd@example.nl'),
        rule: 'block',
        reason: null,
        ends_at: minutesAgo(-60 * 24 * 7),
        reactie_id: null,
        created_at: minutesAgo(50),
      },
    ]);
    await t.db('moderator_notes').insert([
      {
        reactie_id: watched,
        address_key: null,
        body: 'Let op: <b>eerder</b> gedoe & "ruzie"',
        user_id: moderator.id,
        created_at: minutesAgo(45),
      },
      {
        reactie_id: null,
        address_key: key('vastgehouden@example.nl'),
        body: 'Over de schrijver',
        user_id: moderator.id,
        created_at: minutesAgo(44),
      },
    ]);
    const audit = (subject: number, action: string, detail: string | null, minutes: number) =>
      t.db('audit_log').insert({
        at: minutesAgo(minutes),
        user_id: moderator.id,
        actor: moderator.email,
        action,
        subject_type: 'reactie',
        subject_id: subject,
        detail,
      });
    await audit(reported, 'reactie.approve', 'pending → approved', 300);
    await audit(edited, 'reactie.unapprove', 'approved → pending', 200);
    await audit(trashed, 'reactie.trash', 'approved → trash', 100);

    cases.push(
      { name: 'pending', url: '/beheer/reacties' },
      { name: 'pending-by-score', url: '/beheer/reacties?status=pending&sorteer=spamkans' },
      { name: 'pending-searched', url: '/beheer/reacties?status=pending&q=script' },
      { name: 'approved', url: '/beheer/reacties?status=approved' },
      { name: 'approved-one-article', url: `/beheer/reacties?status=approved&artikel=${open.id}` },
      { name: 'spam', url: '/beheer/reacties?status=spam' },
      { name: 'trash', url: '/beheer/reacties?status=trash' },
      { name: 'trash-page-2', url: '/beheer/reacties?status=trash&pagina=2' },
      { name: 'meldingen', url: '/beheer/reacties/meldingen' },
    );
  });
  after(async () => t.close());

  it('renders each tab as the include-per-row templates did, but for whitespace', async () => {
    assert.equal(cases.length, 9);
    for (const c of cases) {
      const html = (await agent.get(c.url).expect(200)).text;
      const file = path.join(FIXTURES, `${c.name}.html`);
      if (process.env.QUEUE_GOLDEN === 'write') {
        fs.mkdirSync(FIXTURES, { recursive: true });
        fs.writeFileSync(file, masked(html));
      }
      const before = fs.readFileSync(file, 'utf8');
      assert.equal(normalised(html), normalised(before), `${c.url} differs from ${path.relative(process.cwd(), file)}`);
    }
  });

  it('has rows of every kind in the pages compared', () => {
    const pages = cases.map((c) => fs.readFileSync(path.join(FIXTURES, `${c.name}.html`), 'utf8')).join('\n');
    for (const shown of [
      '&lt;script&gt;alert(1)&lt;/script&gt;', // escaped name
      '2 meldingen van lezers', // reported
      'antwoord op Ouder &amp; Co', // a reply
      '(niet openbaar)', // on a draft
      'Schrijver: altijd vasthouden', // a held writer
      'Schrijver: geblokkeerd', // a blocked writer
      'Over de schrijver', // notes
      'Weghalen met reden…', // quick removal
      'kenmerk <code>abc-123</code>', // Akismet
      'rel="next"', // the trash's second page
      'rel="prev"',
    ])
      assert.ok(pages.includes(shown), shown);
  });
});
