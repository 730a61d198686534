// What moderators and admins read is Dutch: check names, outcomes, Akismet verdicts, statuses and audit actions
// in the queue, the privacy table and the audit log, also for rows written before the labels existed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie, uniqueEmail } from '../helpers/builders';
import { loginAs, type Agent } from '../helpers/http';
import {
  actionLabel,
  akismetLabel,
  AUDIT_ACTION_LABELS,
  auditDetailText,
  checkLabel,
  outcomeLabel,
  statusLabel,
  subjectLabel,
} from '../../server/labels';
import { MODERATION_ACTIONS } from '../../server/moderation/actions';
import { REACTIE_STATUSES } from '../../server/reacties/queries';

/** The text a reader sees: no tags, no attributes, no scripts or styles, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fails when any of the codes is visible as a whole word; attributes and class names may still carry them. */
function assertNoVisibleCodes(html: string, codes: readonly string[], where: string): void {
  const text = visibleText(html);
  for (const code of codes) {
    const m = new RegExp(`(^|[^\\w.-])${escapeRegExp(code)}($|[^\\w-])`).exec(text);
    assert.equal(
      m,
      null,
      `${where} shows the code "${code}": …${m ? text.slice(Math.max(0, m.index - 60), m.index + code.length + 60) : ''}…`,
    );
  }
}

const STATUS_CODES = ['pending', 'approved', 'trash', 'deleted'];
const CHECK_CODES = [
  'honeypot',
  'fill-time',
  'flood',
  'duplicate',
  'disallowed-words',
  'moderation-words',
  'spam-signals',
  'link-pattern',
  'spam-memory',
  'known-address',
  'classifier',
  'trusted',
];
const OUTCOME_CODES = ['hold', 'refuse', 'trust', 'note', 'suspect'];
const AKISMET_CODES = ['ham', 'discard', 'error', 'timeout', 'pro-tip', 'guid'];

describe('Dutch labels for codes', () => {
  describe('the label functions', () => {
    it('translate statuses, checks, outcomes, verdicts, actions and subjects', () => {
      assert.equal(statusLabel('pending'), 'wachtend');
      assert.equal(statusLabel('approved'), 'goedgekeurd');
      assert.equal(statusLabel('spam'), 'spam');
      assert.equal(statusLabel('trash'), 'prullenbak');
      assert.equal(checkLabel('fill-time'), 'invultijd');
      assert.equal(checkLabel('spam-signals'), 'spamkenmerken');
      assert.equal(checkLabel('honeypot'), 'lokveld');
      assert.equal(outcomeLabel('hold'), 'vasthouden');
      assert.equal(outcomeLabel('suspect'), 'verdacht');
      assert.equal(akismetLabel('ham'), 'geen spam');
      assert.equal(akismetLabel('discard'), 'overduidelijke spam');
      assert.equal(akismetLabel('error'), 'geen antwoord');
      assert.equal(actionLabel('reactie.approve'), 'reactie goedgekeurd');
      assert.equal(actionLabel('login.failed'), 'inloggen mislukt');
      assert.equal(actionLabel('reactie.purge'), 'spam automatisch verwijderd');
      assert.equal(actionLabel('article.publish'), 'artikel gepubliceerd');
      assert.equal(subjectLabel('article'), 'artikel');
      for (const status of REACTIE_STATUSES) assert.ok(statusLabel(status), status);
    });

    it('fall back to the code itself for what they do not know, never breaking', () => {
      assert.equal(statusLabel('archived'), 'archived');
      assert.equal(checkLabel('new-check'), 'new-check');
      assert.equal(actionLabel('something.new'), 'something.new');
      assert.equal(actionLabel('constructor'), 'constructor', 'no lookup through the prototype');
      assert.equal(actionLabel('toString'), 'toString');
      assert.equal(statusLabel(null), '');
      assert.equal(outcomeLabel(undefined), '');
    });

    it('have a Dutch phrase for every action the code writes to the audit log', () => {
      const actions = new Set<string>(Object.values(MODERATION_ACTIONS).map((a) => a.audit));
      const files = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
      for (const file of files(path.join(__dirname, '..', '..', 'server'))) {
        for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
          if (!/\baudit\(/.test(line) || /function audit\(/.test(line)) continue;
          for (const m of line.matchAll(/'([a-z]+\.[a-z-]+|logout)'/g)) actions.add(m[1]);
        }
      }
      assert.ok(actions.size >= 20, `found only ${[...actions].join(', ')}`);
      for (const action of actions)
        assert.ok(Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action), `no Dutch label for audit action ${action}`);
    });
  });

  describe('auditDetailText', () => {
    it('translates the status codes of a moderation action', () => {
      assert.equal(auditDetailText('pending → approved'), 'wachtend → goedgekeurd');
      assert.equal(auditDetailText('approved → pending'), 'goedgekeurd → wachtend');
      assert.equal(auditDetailText('spam → trash'), 'spam → prullenbak');
      assert.equal(auditDetailText('pending → deleted'), 'wachtend → definitief verwijderd');
      assert.equal(auditDetailText('pending → approved', 'reactie.approve'), 'wachtend → goedgekeurd');
    });

    it('translates the Akismet verdict and status of a recheck', () => {
      assert.equal(auditDetailText('Akismet: ham → approved'), 'Akismet: geen spam → goedgekeurd');
      assert.equal(auditDetailText('Akismet: ham → pending'), 'Akismet: geen spam → wachtend');
      assert.equal(auditDetailText('Akismet: spam → spam'), 'Akismet: spam → spam');
      assert.equal(auditDetailText('Akismet: discard → spam'), 'Akismet: overduidelijke spam → spam');
    });

    it('translates roles and the moderation policy', () => {
      assert.equal(auditDetailText('editor → moderator'), 'redacteur → moderator');
      assert.equal(auditDetailText('rol admin'), 'rol beheerder');
      assert.equal(auditDetailText('rol editor (opdrachtregel)'), 'rol redacteur (opdrachtregel)');
      assert.equal(auditDetailText('moderatie: all'), 'moderatie: alles vasthouden');
      assert.equal(auditDetailText('moderatie: trusted'), 'moderatie: bekende e-mailadressen direct publiceren');
    });

    it('leaves free text, counts, unknown tokens and empty details alone', () => {
      assert.equal(auditDetailText(null), '');
      assert.equal(auditDetailText(''), '');
      assert.equal(auditDetailText('3 reacties'), '3 reacties');
      assert.equal(auditDetailText('over-deze-weblog'), 'over-deze-weblog');
      assert.equal(auditDetailText('Raadsvragen over pending approved trash'), 'Raadsvragen over pending approved trash');
      assert.equal(
        auditDetailText('De weg van pending → approved'),
        'De weg van pending → approved',
        'only a whole detail in the arrow shape',
      );
      assert.equal(auditDetailText('pending → archived'), 'wachtend → archived', 'an unknown token stays as it is');
      assert.equal(auditDetailText('Akismet: maybe → approved'), 'Akismet: maybe → goedgekeurd');
      assert.equal(auditDetailText('pendingx → approved'), 'pendingx → goedgekeurd', 'whole tokens only');
      assert.equal(auditDetailText('spam → trash', 'article.update'), 'spam → trash', 'an article title is never translated');
      assert.equal(auditDetailText('moderatie: all', 'page.update'), 'moderatie: all');
    });
  });

  describe('in the pages', () => {
    let t: TestApp;
    let mod: { agent: Agent; csrf: string };
    before(async () => {
      t = await createTestApp();
      mod = await loginAs(t.app, t.db, 'moderator');
    });
    after(async () => t.close());

    const heldColumns = (hits: Array<{ check: string; outcome: string; detail: string }>, akismet: Record<string, unknown>) => ({
      spam_checks: JSON.stringify({ local: 'hold', outcome: 'hold', clearStatus: 'pending', hits }),
      akismet_result: akismet.verdict,
      akismet_response: JSON.stringify(akismet),
    });

    it('the queue says in Dutch why a reactie is held: checks (each once), outcomes and the Akismet verdict', async () => {
      const article = await buildArticle(t.db, { title: 'Over de markt' });
      const id = await buildReactie(t.db, article, {
        status: 'pending',
        body: 'Vastgehouden door het filter',
        columns: heldColumns(
          [
            { check: 'fill-time', outcome: 'hold', detail: 'ingevuld in 1 seconde' },
            { check: 'spam-signals', outcome: 'hold', detail: 'drie kenmerken van spam' },
            // A row stored before the signals became one hit: the summary still names the check once.
            { check: 'spam-signals', outcome: 'hold', detail: 'algemene lof' },
          ],
          { verdict: 'ham', guid: 'abc-123' },
        ),
      });
      const res = await mod.agent.get('/beheer/reacties').expect(200);
      const item = res.text.slice(res.text.indexOf(`id="q-${id}"`));
      const summary = /<summary>([\s\S]*?)<\/summary>/.exec(item)![1];
      assert.equal(visibleText(summary).trim(), 'Waarom hier? invultijd, spamkenmerken');
      const text = visibleText(item);
      assert.match(text, /invultijd \(vasthouden\): ingevuld in 1 seconde/);
      assert.match(text, /spamkenmerken \(vasthouden\): drie kenmerken van spam/);
      assert.match(text, /Akismet: geen spam ?, kenmerk abc-123/);
      assertNoVisibleCodes(res.text, [...STATUS_CODES, ...CHECK_CODES, ...OUTCOME_CODES, ...AKISMET_CODES], 'the queue');
    });

    it('the queue shows an Akismet-only reason, its advice and its error in Dutch', async () => {
      const article = await buildArticle(t.db);
      const unanswered = await buildReactie(t.db, article, {
        status: 'pending',
        columns: { ...heldColumns([], { verdict: 'error', error: 'timeout' }), recheck_needed: true, recheck_attempts: 1 },
      });
      const discarded = await buildReactie(t.db, article, {
        status: 'spam',
        columns: heldColumns([], { verdict: 'discard', proTip: 'discard' }),
      });
      const pending = await mod.agent.get('/beheer/reacties').expect(200);
      const item = visibleText(pending.text.slice(pending.text.indexOf(`id="q-${unanswered}"`)));
      assert.match(item, /Waarom hier\? Akismet: geen antwoord/);
      assert.match(item, /Geen enkele spamcontrole sloeg aan\./);
      assert.match(item, /fout: geen antwoord binnen de wachttijd/);
      assertNoVisibleCodes(pending.text, [...STATUS_CODES, ...AKISMET_CODES], 'the pending tab');
      const spam = await mod.agent.get('/beheer/reacties?status=spam').expect(200);
      const spamItem = visibleText(spam.text.slice(spam.text.indexOf(`id="q-${discarded}"`)));
      assert.match(spamItem, /Akismet: overduidelijke spam ?, advies: overduidelijke spam/);
      assertNoVisibleCodes(spam.text, [...STATUS_CODES, ...AKISMET_CODES], 'the spam tab');
    });

    it('after approval, the queue history and the audit log read "reactie goedgekeurd" and "wachtend → goedgekeurd"', async () => {
      const article = await buildArticle(t.db);
      const id = await buildReactie(t.db, article, { status: 'pending', body: 'Wordt goedgekeurd' });
      await mod.agent
        .post(`/beheer/reacties/${id}/goedkeuren`)
        .type('form')
        .send({ _csrf: mod.csrf, terug: '/beheer/reacties' })
        .expect(303);
      assert.ok(
        await t.db('audit_log').where({ action: 'reactie.approve', subject_id: id, detail: 'pending → approved' }).first(),
        'the stored codes stay as they are',
      );

      const approved = await mod.agent.get('/beheer/reacties?status=approved').expect(200);
      const item = visibleText(approved.text.slice(approved.text.indexOf(`id="q-${id}"`)));
      assert.match(item, /— reactie goedgekeurd \(wachtend → goedgekeurd\)/);
      assertNoVisibleCodes(approved.text, [...STATUS_CODES, 'reactie.approve'], 'the queue history');

      const admin = await loginAs(t.app, t.db, 'admin');
      const log = await admin.agent.get('/beheer/logboek').expect(200);
      const row = visibleText(log.text.split('<tr>').find((r) => r.includes(`reactie ${id}<`))!);
      assert.match(row, /reactie goedgekeurd/);
      assert.match(row, /wachtend → goedgekeurd/);
      assert.match(visibleText(log.text), /ingelogd/);
      assertNoVisibleCodes(log.text, [...STATUS_CODES, 'reactie.approve', 'login.success', 'pending → approved'], 'the audit log');
      assert.match(log.text, /title="reactie\.approve"/, 'the code stays at hand for admins in a title');
    });

    it('the audit log translates rows already in the database, and keeps titles and unknown codes as they are', async () => {
      const at = new Date();
      const row = (action: string, detail: string | null, subject: [string, number] | null = null) => ({
        at,
        user_id: null,
        actor: 'systeem',
        action,
        subject_type: subject?.[0] ?? null,
        subject_id: subject?.[1] ?? null,
        detail,
      });
      await t
        .db('audit_log')
        .insert([
          row('reactie.recheck', 'Akismet: ham → approved', ['reactie', 9001]),
          row('reactie.delete', 'trash → deleted', ['reactie', 9002]),
          row('user.role', 'editor → moderator', ['user', 9003]),
          row('settings.update', 'moderatie: all'),
          row('article.update', 'Raadsvragen: spam → trash?', ['article', 9004]),
          row('reactie.purge', '4 reacties'),
          row('something.new', 'iets nieuws'),
        ]);
      const admin = await loginAs(t.app, t.db, 'admin');
      const log = await admin.agent.get('/beheer/logboek').expect(200);
      const text = visibleText(log.text);
      for (const expected of [
        'reactie opnieuw gecontroleerd reactie 9001 Akismet: geen spam → goedgekeurd',
        'reactie definitief verwijderd reactie 9002 prullenbak → definitief verwijderd',
        'rol gewijzigd gebruiker 9003 redacteur → moderator',
        'instellingen gewijzigd moderatie: alles vasthouden',
        'artikel bijgewerkt artikel 9004 Raadsvragen: spam → trash?',
        'spam automatisch verwijderd 4 reacties',
        'something.new iets nieuws',
      ]) {
        assert.ok(text.includes(expected), `the audit log shows "${expected}"`);
      }
      assertNoVisibleCodes(
        log.text,
        ['ham', 'approved', 'deleted', 'editor → moderator', 'user.role', 'reactie.recheck', 'article 9004', 'user 9003'],
        'the audit log',
      );
    });

    it('the privacy table shows the status in Dutch', async () => {
      const email = uniqueEmail();
      const article = await buildArticle(t.db);
      await buildReactie(t.db, article, { authorEmail: email, status: 'pending', body: 'Nog wachtend' });
      await buildReactie(t.db, article, { authorEmail: email, status: 'approved', body: 'Al zichtbaar' });
      await buildReactie(t.db, article, { authorEmail: email, status: 'trash', body: 'Weggegooid' });
      const page = await mod.agent.get(`/beheer/privacy?email=${encodeURIComponent(email)}`).expect(200);
      const statuses = [...page.text.matchAll(/<span class="status[^"]*">([^<]*)<\/span>/g)].map((m) => m[1]).sort();
      assert.deepEqual(statuses, ['goedgekeurd', 'prullenbak', 'wachtend']);
      assertNoVisibleCodes(page.text, STATUS_CODES, 'the privacy table');
    });
  });
});
