// The settings schema (server/settings/schema.ts) and everything derived from it: the types, reading
// with fallbacks, saving, and the form on /beheer/instellingen.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginAs, type Agent } from '../helpers/http';
import {
  DEFAULT_SETTINGS,
  SETTINGS,
  SETTINGS_LIMITS,
  SETTING_GROUPS,
  buildSettings,
  isValidValue,
  valueAt,
  type SettingDefinition,
  type Settings,
  type SettingsChanges,
} from '../../server/settings/schema';
import { loadSettings, saveSettings, type ModerationPolicy } from '../../server/settings/settings';
import { parseSettingsForm } from '../../server/settings/form';
import {
  DEFAULT_SPAM_SETTINGS,
  getSpamSettings,
  saveSpamSettings,
  type FastPostAction,
  type SpamSettings,
} from '../../server/spam/settings';

// ---------------------------------------------------------------------------------------------
// The types follow from the schema (checked by tsc; the test suite runs `tsc --noEmit` first).

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const typeChecks: Array<true> = [
  true satisfies Equal<
    keyof Settings,
    | 'moderationPolicy'
    | 'reportThreshold'
    | 'removalReasons'
    | 'spam'
    | 'mail'
    | 'tagline'
    | 'reacties'
    | 'documents'
    | 'contactEmail'
    | 'searchSynonyms'
    | 'newsmail'
    | 'articles'
  >,
  true satisfies Equal<Settings['contactEmail'], string>,
  true satisfies Equal<ModerationPolicy, 'trusted' | 'all'>,
  true satisfies Equal<FastPostAction, 'spam' | 'hold'>,
  true satisfies Equal<
    SpamSettings,
    {
      disallowedWords: string;
      moderationWords: string;
      maxLinks: number;
      minFillSeconds: number;
      fastPostAction: 'spam' | 'hold';
      floodSeconds: number;
      perMinutePerIp: number;
      spamRetentionDays: number;
      discardObviousSpam: boolean;
    }
  >,
];
// @ts-expect-error a number setting takes no text
const badChange: SettingsChanges = { spam: { maxLinks: 'veel' } };
// @ts-expect-error a choice takes only its options
const badPolicy: SettingsChanges = { moderationPolicy: 'iedereen' };
void [typeChecks, badChange, badPolicy];

// ---------------------------------------------------------------------------------------------
// Helpers

/** The keys existing databases hold: they never change. */
const STORED_KEYS = [
  'moderationPolicy',
  'reportThreshold',
  'removalReasons',
  'spam.disallowedWords',
  'spam.moderationWords',
  'spam.maxLinks',
  'spam.minFillSeconds',
  'spam.fastPostAction',
  'spam.floodSeconds',
  'spam.perMinutePerIp',
  'spam.discardObviousSpam',
  'spam.spamRetentionDays',
  'reacties.closeAfterDays',
  'reacties.officialRoles',
  'mail.moderatorDigestMinutes',
  'newsmail.hour',
  'newsmail.weekday',
  'documents.answerTermDays',
  'tagline.template',
  'tagline.startYear',
  'tagline.startMonth',
  'tagline.feedUrl',
  'tagline.stationId',
  'articles.directPublish',
  'contactEmail',
  'searchSynonyms',
];
/** The form's field names, as tests and browsers post them. */
const FORM_NAMES = [
  'moderatie',
  'meldingenDrempel',
  'weghaalRedenen',
  'verbodenWoorden',
  'moderatieWoorden',
  'maxLinks',
  'minVulTijd',
  'snelActie',
  'floodSeconden',
  'perMinuut',
  'weggooien',
  'spamDagen',
  'sluitNaDagen',
  'namensRollen',
  'moderatorMailMinuten',
  'nieuwsbriefUur',
  'nieuwsbriefDag',
  'antwoordtermijn',
  'taglineSjabloon',
  'startJaar',
  'startMaand',
  'weerFeed',
  'weerStation',
  'directPubliceren',
  'contactAdres',
  'zoekSynoniemen',
];

/** A valid value other than the default, for every kind of setting. */
function otherValue(s: SettingDefinition): unknown {
  switch (s.kind) {
    case 'integer':
      return s.default === s.max ? s.min : s.max;
    case 'boolean':
      return !s.default;
    case 'choice':
      return s.options.find((o) => o.value !== s.default)!.value;
    case 'text':
      // A text with a form of its own (the removal reasons, the synonyms) gets one in that form.
      if (s.check) {
        const reasons = `Grof & "plat" | beledigend | <b>Weggehaald</b>: grof taalgebruik. | geen mail\nbonus's ${s.key} | spam | Reclame. | mail`;
        if (s.check(reasons) === null) return reasons;
        return `Grof & "plat" = <b>wethouder</b>\nbonus's ${s.key} = reclame`;
      }
      return `casino & "loterij"\n<b>wethouder</b>\n\nbonus's ${s.key}`;
    case 'email':
      return 'redactie@peelstad.example';
  }
}

/** Stored values that are not valid for a setting: out of bounds or of the wrong type. */
function invalidValues(s: SettingDefinition): unknown[] {
  const always = [null, {}, [s.default]];
  switch (s.kind) {
    case 'integer':
      return [...always, s.min - 1, s.max + 1, s.min + 0.5, String(s.default), true];
    case 'boolean':
      return [...always, 'true', 1, 0];
    case 'choice':
      return [...always, 'anders', s.default.toUpperCase(), 1];
    case 'text':
      return [...always, 42, false];
    case 'email':
      return [
        ...always,
        42,
        'geen adres',
        'redactie@',
        'a b@voorbeeld.nl',
        'Redactie <redactie@voorbeeld.nl>',
        'a@voorbeeld.nl,b@voorbeeld.nl',
        `${'x'.repeat(s.max)}@voorbeeld.nl`,
      ];
  }
}

/** Settings with every value different from the default. */
const changed = (): Settings => buildSettings(otherValue);

function decode(html: string): string {
  return html.replace(/&(#\d+|amp|lt|gt|quot);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[e],
  );
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>]|$)`).exec(tag);
  return m ? decode(m[1] ?? '') : undefined;
};

/** What a browser would post from the settings form, as it is on the page. */
function formFields(html: string): Record<string, string> {
  const form = /<form method="post" action="\/beheer\/instellingen">([\s\S]*?)<\/form>/.exec(html);
  assert.ok(form, 'the settings form is on the page');
  const body = form[1];
  const fields: Record<string, string> = {};
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name')!;
    const type = attr(tag, 'type') ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && attr(tag, 'checked') === undefined) continue;
    assert.equal(fields[name], undefined, `${name}: one value`);
    fields[name] = attr(tag, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
  }
  for (const [, tag, text] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    fields[attr(tag, 'name')!] = decode(text).replace(/^\n/, ''); // a browser drops one leading line break
  }
  for (const [, tag, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const all = [...options.matchAll(/<option\b[^>]*>/g)].map(([o]) => o);
    const chosen = all.find((o) => attr(o, 'selected') !== undefined) ?? all[0];
    fields[attr(tag, 'name')!] = attr(chosen, 'value')!;
  }
  return fields;
}

async function storedRows(t: TestApp): Promise<Record<string, string>> {
  const rows: Array<{ key: string; value: string }> = await t.db('settings').whereIn('key', STORED_KEYS).select('key', 'value');
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

// ---------------------------------------------------------------------------------------------

describe('settings schema', () => {
  it('keeps the stored keys and form names that databases and forms already use', () => {
    assert.deepEqual(SETTINGS.map((s) => s.key).sort(), [...STORED_KEYS].sort());
    assert.deepEqual(SETTINGS.map((s) => s.form).sort(), [...FORM_NAMES].sort());
  });

  it('has unique keys and form names, none a prefix of another', () => {
    const keys = SETTINGS.map((s) => s.key);
    assert.equal(new Set(keys).size, keys.length, 'unique keys');
    assert.equal(new Set(SETTINGS.map((s) => s.form)).size, SETTINGS.length, 'unique form names');
    for (const a of keys) for (const b of keys) assert.ok(!b.startsWith(`${a}.`), `${b} nests under ${a}, which is a setting itself`);
    for (const s of SETTINGS) assert.match(s.form, /^[a-zA-Z]+$/, `${s.key}: a form name usable as an id`);
  });

  it('gives every setting a Dutch label, an error label, a group and sensible help', () => {
    const english = /\b(the|and|with|should|minute|seconds|days|words|setting)\b/i;
    for (const s of SETTINGS) {
      assert.ok(s.label.trim().length > 2, `${s.key}: a label`);
      assert.ok(s.shortLabel.trim().length > 2, `${s.key}: a label for error messages`);
      for (const text of [s.label, s.shortLabel, s.help ?? '']) assert.doesNotMatch(text, english, `${s.key}: Dutch, not English: ${text}`);
      assert.notEqual(s.label, s.key, `${s.key}: the label is not the key`);
      assert.match(s.label + s.shortLabel, /^[A-Z]/, `${s.key}: labels start with a capital`);
      assert.ok(SETTING_GROUPS.includes(s.group), `${s.key}: a known group`);
      if (s.help !== undefined) assert.ok(s.help.trim().length > 0, `${s.key}: no empty help`);
      if (s.kind === 'choice') {
        assert.ok(s.options.length >= 2, `${s.key}: a choice of two or more`);
        assert.equal(new Set(s.options.map((o) => o.value)).size, s.options.length, `${s.key}: unique options`);
        for (const o of s.options) {
          assert.ok(o.label.trim().length > 2, `${s.key}.${o.value}: a Dutch label per option`);
          assert.doesNotMatch(o.label, english, `${s.key}.${o.value}: Dutch`);
        }
      }
    }
    for (const group of SETTING_GROUPS)
      assert.ok(
        SETTINGS.some((s) => s.group === group),
        `group ${group} is not empty`,
      );
  });

  it('has a default within bounds for every setting', () => {
    for (const s of SETTINGS) {
      assert.ok(isValidValue(s, s.default), `${s.key}: default ${JSON.stringify(s.default)} is valid`);
      if (s.kind === 'integer') {
        assert.ok(Number.isInteger(s.min) && Number.isInteger(s.max) && s.min <= s.max, `${s.key}: integer bounds`);
        assert.ok(s.default >= s.min && s.default <= s.max, `${s.key}: default within ${s.min}..${s.max}`);
      }
      if (s.kind === 'text') {
        assert.ok(s.max > 0 && s.default.length <= s.max, `${s.key}: default within ${s.max} characters`);
        assert.equal(s.max, SETTINGS_LIMITS.wordList, `${s.key}: the text limit`);
      }
      assert.deepEqual(valueAt(DEFAULT_SETTINGS, s.key), s.default, `${s.key}: DEFAULT_SETTINGS`);
    }
    assert.deepEqual(DEFAULT_SPAM_SETTINGS, DEFAULT_SETTINGS.spam);
    assert.ok(Object.isFrozen(DEFAULT_SETTINGS) && Object.isFrozen(DEFAULT_SETTINGS.spam), 'the defaults cannot be changed by a caller');
  });
});

describe('settings store and form', () => {
  let t: TestApp;
  let admin: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    admin = await loginAs(t.app, t.db, 'admin');
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.db('settings').whereIn('key', STORED_KEYS).del();
  });

  it('reads the defaults from an empty table, and ignores rows that are no setting', async () => {
    await t.db('settings').insert({ key: 'spam.unknown', value: '1' });
    assert.deepEqual(await loadSettings(t.db), DEFAULT_SETTINGS);
    assert.deepEqual(await getSpamSettings(t.db), DEFAULT_SPAM_SETTINGS);
    await t.db('settings').where({ key: 'spam.unknown' }).del();
  });

  it('reads what is stored, under the keys existing databases use', async () => {
    const want = changed();
    for (const s of SETTINGS) await t.db('settings').insert({ key: s.key, value: JSON.stringify(valueAt(want, s.key)) });
    assert.deepEqual(await loadSettings(t.db), want);
    assert.deepEqual(await getSpamSettings(t.db), want.spam);
  });

  it('falls back to the default for a damaged or out-of-bounds stored value, one setting at a time', async () => {
    const want = changed();
    for (const s of SETTINGS) await t.db('settings').insert({ key: s.key, value: JSON.stringify(valueAt(want, s.key)) });
    for (const s of SETTINGS) {
      const good = JSON.stringify(valueAt(want, s.key));
      for (const bad of [...invalidValues(s).map((v) => JSON.stringify(v)), '{niet: json', '', 'undefined']) {
        await t.db('settings').where({ key: s.key }).update({ value: bad });
        const loaded = await loadSettings(t.db);
        assert.deepEqual(valueAt(loaded, s.key), s.default, `${s.key} stored as ${bad}: the default`);
        for (const other of SETTINGS) {
          if (other !== s)
            assert.deepEqual(valueAt(loaded, other.key), valueAt(want, other.key), `${s.key} stored as ${bad}: ${other.key} unaffected`);
        }
      }
      await t.db('settings').where({ key: s.key }).update({ value: good });
    }
  });

  it('saves any part of the settings as JSON, keeps the rest, and refuses an invalid value without writing anything', async () => {
    await saveSettings(t.db, DEFAULT_SETTINGS);
    assert.deepEqual(await storedRows(t), Object.fromEntries(SETTINGS.map((s) => [s.key, JSON.stringify(s.default)])));
    await saveSpamSettings(t.db, { maxLinks: 7, fastPostAction: 'hold' });
    await saveSettings(t.db, { moderationPolicy: 'all', spam: { disallowedWords: 'casino' } });
    const rows = await storedRows(t);
    assert.equal(rows['spam.maxLinks'], '7');
    assert.equal(rows['spam.fastPostAction'], '"hold"');
    assert.equal(rows.moderationPolicy, '"all"');
    assert.equal(rows['spam.disallowedWords'], '"casino"');
    assert.equal(rows['spam.floodSeconds'], String(DEFAULT_SPAM_SETTINGS.floodSeconds), 'untouched');

    const before = await storedRows(t);
    await assert.rejects(saveSettings(t.db, { moderationPolicy: 'trusted', spam: { maxLinks: 0 } }), /spam\.maxLinks/);
    await assert.rejects(saveSpamSettings(t.db, { minFillSeconds: 1.5 }), /spam\.minFillSeconds/);
    assert.deepEqual(await storedRows(t), before, 'nothing written');
  });

  it('parses the form: numbers with spaces, CR LF as LF, an unticked checkbox as false', () => {
    const parsed = parseSettingsForm({
      moderatie: 'all',
      meldingenDrempel: ' 5 ',
      verbodenWoorden: 'casino\r\nloterij\r',
      moderatieWoorden: '',
      maxLinks: ' 3 ',
      minVulTijd: '0',
      snelActie: 'hold',
      floodSeconden: '3600',
      perMinuut: '1',
      spamDagen: '3650',
      sluitNaDagen: ' 14 ',
      namensRollen: 'het college\r\n',
      moderatorMailMinuten: ' 30 ',
      nieuwsbriefUur: ' 18 ',
      nieuwsbriefDag: 'vrijdag',
      antwoordtermijn: ' 42 ',
      taglineSjabloon: 'Buiten {temperatuur}\r\n',
      startJaar: '2005',
      startMaand: '5',
      weerFeed: 'http://127.0.0.1/weer',
      weerStation: '6260',
      contactAdres: ' redactie@voorbeeld.nl ',
      directPubliceren: 'all',
    });
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual(parsed.value, {
      moderationPolicy: 'all',
      reportThreshold: 5,
      spam: {
        disallowedWords: 'casino\nloterij\n',
        moderationWords: '',
        maxLinks: 3,
        minFillSeconds: 0,
        fastPostAction: 'hold',
        floodSeconds: 3600,
        perMinutePerIp: 1,
        spamRetentionDays: 3650,
        discardObviousSpam: false,
      },
      removalReasons: '',
      searchSynonyms: '',
      reacties: { closeAfterDays: 14, officialRoles: 'het college\n' },
      mail: { moderatorDigestMinutes: 30 },
      newsmail: { hour: 18, weekday: 'vrijdag' },
      documents: { answerTermDays: 42 },
      tagline: { template: 'Buiten {temperatuur}\n', startYear: 2005, startMonth: 5, feedUrl: 'http://127.0.0.1/weer', stationId: 6260 },
      contactEmail: 'redactie@voorbeeld.nl',
      articles: { directPublish: 'all' },
    });
  });

  it('shows every setting in the form, and a form posted back unchanged stores the same values', async () => {
    await saveSettings(t.db, changed());
    const before = await storedRows(t);
    assert.deepEqual(Object.keys(before).sort(), [...STORED_KEYS].sort());

    const page = await admin.agent.get('/beheer/instellingen').expect(200);
    const fields = formFields(page.text);
    const { _csrf, ...posted } = fields;
    assert.ok(_csrf);
    // Every setting is on the page with its label; a ticked checkbox sends 'ja' (every boolean differs from its default here).
    for (const s of SETTINGS) {
      assert.ok(s.form in posted || (s.kind === 'boolean' && !valueAt(changed(), s.key)), `${s.form} is in the form`);
      assert.ok(page.text.includes(`>${s.label.replace(/'/g, '&#39;')}<`), `${s.key}: its label "${s.label}"`);
    }
    assert.deepEqual(
      Object.keys(posted).filter((k) => !FORM_NAMES.includes(k)),
      [],
      'no other fields',
    );

    await admin.agent.post('/beheer/instellingen').type('form').send(fields).expect(303).expect('location', '/beheer/instellingen');
    assert.deepEqual(await storedRows(t), before);
    assert.deepEqual(await loadSettings(t.db), changed());

    // And back to the defaults the same way.
    await saveSettings(t.db, DEFAULT_SETTINGS);
    const defaults = formFields((await admin.agent.get('/beheer/instellingen').expect(200)).text);
    await admin.agent.post('/beheer/instellingen').type('form').send(defaults).expect(303);
    assert.deepEqual(await loadSettings(t.db), DEFAULT_SETTINGS);
    const audit = await t.db('audit_log').where({ action: 'settings.update' }).orderBy('id', 'desc').first();
    assert.equal(audit.detail, 'moderatie: trusted');
  });

  it('refuses an invalid number with 422 and a Dutch message, keeping every typed value in the form', async () => {
    await saveSettings(t.db, DEFAULT_SETTINGS);
    const before = await storedRows(t);
    const page = formFields((await admin.agent.get('/beheer/instellingen').expect(200)).text);
    // What a moderator typed: every field changed, one number wrong.
    const typed: Record<string, string> = {};
    for (const s of SETTINGS) {
      const v = valueAt(changed(), s.key);
      if (s.kind === 'boolean') {
        if (v) typed[s.form] = 'ja';
      } else typed[s.form] = String(v);
    }
    typed.minVulTijd = 'snel';
    const res = await admin.agent
      .post('/beheer/instellingen')
      .type('form')
      .send({ _csrf: page._csrf, ...typed });
    assert.equal(res.status, 422);
    assert.match(res.text, /<p class="field-error" id="fout-minVulTijd">Minimale invultijd: vul een geheel getal van 0 tot 600 in\.<\/p>/);
    assert.match(res.text, /id="minVulTijd"[^>]*aria-invalid="true"/);
    const { _csrf, ...shown } = formFields(res.text);
    assert.ok(_csrf);
    assert.deepEqual(shown, typed, 'every value as typed');
    assert.deepEqual(await storedRows(t), before, 'nothing saved');
  });

  it('names the bounds of every number, and refuses an unknown choice', async () => {
    const base = formFields((await admin.agent.get('/beheer/instellingen').expect(200)).text);
    const post = (name: string, value: string) =>
      admin.agent
        .post('/beheer/instellingen')
        .type('form')
        .send({ ...base, [name]: value });
    for (const s of SETTINGS) {
      if (s.kind === 'integer') {
        for (const wrong of [String(s.min - 1), String(s.max + 1), '1,5', '', '-0']) {
          const res = await post(s.form, wrong);
          assert.equal(res.status, 422, `${s.form}=${wrong}`);
          assert.ok(
            res.text.includes(`${s.shortLabel}: vul een geheel getal van ${s.min} tot ${s.max} in.`),
            `${s.form}=${wrong}: the message`,
          );
        }
      } else if (s.kind === 'choice') {
        const res = await post(s.form, 'anders');
        assert.equal(res.status, 422, `${s.form}=anders`);
        assert.ok(res.text.includes(`${s.shortLabel}: kies een van de mogelijkheden.`), `${s.form}: the message`);
      } else if (s.kind === 'email') {
        const res = await post(s.form, 'redactie@peelstad');
        assert.equal(res.status, 422, `${s.form}: an address without a domain`);
        assert.ok(res.text.includes(`${s.shortLabel}: dit lijkt geen geldig e-mailadres.`), `${s.form}: the message`);
        assert.match(res.text, new RegExp(`id="${s.form}"[^>]*value="redactie@peelstad"`), 'what was typed is kept');
        // The weblog's one address check: no name, brackets or list, as on the reactie form.
        for (const typed of ['Redactie <redactie@voorbeeld.nl>', 'redactie@voorbeeld.nl; info@voorbeeld.nl'])
          assert.equal((await post(s.form, typed)).status, 422, typed);
      }
    }
  });
});
