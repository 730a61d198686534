// Every setting moderators and admins change at run time, as data: one entry per setting.
//
// Reading and saving (settings.ts), the form on /beheer/instellingen and its checks (form.ts) and
// the types (Settings below) all follow from this list, so a new setting is one entry here.
//
// An entry's `key` is how it is stored in the settings table and where it sits in the Settings
// object: a dot nests it, so 'spam.maxLinks' is stored under that key and read as
// settings.spam.maxLinks. Stored keys never change (existing databases keep their values).
// `form` is the field's name in the form, `label` and `help` what the form shows,
// `shortLabel` the field's name at the start of an error message ("Aantal links: vul …").

import { parseEmail } from '../shared/email';
import { DEFAULT_REMOVAL_REASONS, parseRemovalReasons } from './removal-reasons';
import { DEFAULT_SYNONYMS, parseSynonyms } from './synonyms';
/** The word lists are stored as JSON in a text column: one word or phrase a line, LF line breaks. */
export const SETTINGS_LIMITS = { wordList: 20_000 } as const;

/** The form's fieldsets, in the order they are shown. */
export const SETTING_GROUPS = ['Moderatie', 'Spamfilter', 'E-mail', 'Raadsdocumenten', 'Zoeken', 'Weblog'] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

interface SettingBase {
  key: string;
  form: string;
  group: SettingGroup;
  label: string;
  shortLabel: string;
  help?: string;
  /** Only an admin changes it (moderators, who may change the others, see it read-only). */
  adminOnly?: boolean;
}

/** A whole number from min to max, typed in a text field. */
export interface IntegerSetting extends SettingBase {
  kind: 'integer';
  min: number;
  max: number;
  default: number;
}

/** A checkbox: ticked sends "ja". */
export interface BooleanSetting extends SettingBase {
  kind: 'boolean';
  default: boolean;
}

export interface ChoiceOption {
  value: string;
  label: string;
  /** The radio button's id; `${form}-${value}` when not given. */
  id?: string;
}

/** One of a few values, as radio buttons or a drop-down list. */
export interface ChoiceSetting extends SettingBase {
  kind: 'choice';
  control: 'radio' | 'select';
  options: readonly ChoiceOption[];
  default: string;
}

/** Several lines of text, stored with LF line breaks, at most `max` characters (code points). */
export interface TextSetting extends SettingBase {
  kind: 'text';
  max: number;
  rows: number;
  default: string;
  /** A text with a form of its own (removal reasons): the message of what is wrong, or null. */
  check?: (text: string) => string | null;
}

/** An e-mail address, or '' for none: one line, at most `max` characters. */
export interface EmailSetting extends SettingBase {
  kind: 'email';
  max: number;
  default: string;
}

export type SettingDefinition = IntegerSetting | BooleanSetting | ChoiceSetting | TextSetting | EmailSetting;

const SETTINGS_SCHEMA = [
  {
    // trusted: an address with an earlier approved reactie is published at once, others held. all: hold everything.
    key: 'moderationPolicy',
    kind: 'choice',
    control: 'radio',
    default: 'trusted',
    form: 'moderatie',
    group: 'Moderatie',
    label: 'Manier van modereren',
    shortLabel: 'Manier van modereren',
    options: [
      {
        value: 'trusted',
        id: 'mod-trusted',
        label: 'Publiceer direct als het e-mailadres al eerder een goedgekeurde reactie had; houd andere vast (aanbevolen)',
      },
      { value: 'all', id: 'mod-all', label: 'Houd alle reacties vast voor moderatie' },
    ],
  },
  {
    // Readers' reports (reacties/reports/reports.ts): this many open reports hide a reactie until a moderator looks.
    key: 'reportThreshold',
    kind: 'integer',
    min: 1,
    max: 100,
    default: 3,
    form: 'meldingenDrempel',
    group: 'Moderatie',
    label: 'Verbergen na dit aantal meldingen',
    shortLabel: 'Aantal meldingen',
    help: 'Zoveel verschillende lezers melden een reactie: dan verdwijnt hij meteen van de pagina tot een moderator ernaar kijkt.',
  },
  {
    // moderation/: "Weghalen met reden…" and the queue's keys 1 to 9 (settings/removal-reasons.ts).
    key: 'removalReasons',
    kind: 'text',
    max: SETTINGS_LIMITS.wordList,
    rows: 6,
    default: DEFAULT_REMOVAL_REASONS,
    form: 'weghaalRedenen',
    group: 'Moderatie',
    label: 'Redenen om een reactie weg te halen (één per regel, hoogstens 9)',
    shortLabel: 'De redenen om weg te halen',
    help: 'Per regel: label | categorie | openbare tekst | mail of geen mail. De categorie is spam, beledigend, persoonsgegevens, hoort hier niet of andere reden; met de openbare tekst komt zij in het openbare moderatielogboek. Bij "mail" krijgt de schrijver (als die een e-mailadres gaf) een mail met de openbare tekst, de eigen reactie en een link om bezwaar te maken; bij "geen mail" krijgt hij niets, ook geen bezwaarlink. In de wachtrij kies je de redenen met de toetsen 1 tot 9, in deze volgorde.',
    check: (text: string) => {
      const parsed = parseRemovalReasons(text);
      return parsed.ok ? null : parsed.error;
    },
  },
  {
    // A match in name, e-mail, website, text, IP or browser → spam.
    key: 'spam.disallowedWords',
    kind: 'text',
    max: SETTINGS_LIMITS.wordList,
    rows: 4,
    default: '',
    form: 'verbodenWoorden',
    group: 'Spamfilter',
    label: 'Verboden woorden',
    shortLabel: 'De lijst verboden woorden',
    help: 'Eén woord of zinsdeel per regel. Komt het als heel woord voor in naam, e-mailadres, website, tekst, IP-adres of browser, dan is de reactie spam. Een * staat voor een deel van een woord: casino* vindt ook casinobonus.',
  },
  {
    // A match → held for moderation.
    key: 'spam.moderationWords',
    kind: 'text',
    max: SETTINGS_LIMITS.wordList,
    rows: 4,
    default: '',
    form: 'moderatieWoorden',
    group: 'Spamfilter',
    label: 'Moderatiewoorden',
    shortLabel: 'De lijst moderatiewoorden',
    help: "Eén per regel, als heel woord (een * voor een deel van een woord). Een reactie met zo'n woord wacht op een moderator.",
  },
  {
    // This many links or more in a reactie → held.
    key: 'spam.maxLinks',
    kind: 'integer',
    min: 1,
    max: 100,
    default: 2,
    form: 'maxLinks',
    group: 'Spamfilter',
    label: 'Vasthouden vanaf dit aantal links',
    shortLabel: 'Aantal links',
    help: 'Bewoners met een eerder goedgekeurde reactie slaan dit over.',
  },
  {
    // Posted sooner than this after the form was shown → fastPostAction. Nobody reads an article,
    // types a name, address and a thought in under three seconds; bots do.
    key: 'spam.minFillSeconds',
    kind: 'integer',
    min: 0,
    max: 600,
    default: 3,
    form: 'minVulTijd',
    group: 'Spamfilter',
    label: 'Minimale invultijd (seconden)',
    shortLabel: 'Minimale invultijd',
    help: "Sneller verstuurd dan dit na het tonen van het formulier: misschien een bot, misschien een bewoner die een voorbereide tekst plakt. Zo'n reactie wacht daarom op een moderator.",
  },
  {
    // spam: a suspicion (held alone, spam when another check agrees). hold: only ever held.
    key: 'spam.fastPostAction',
    kind: 'choice',
    control: 'select',
    default: 'spam',
    form: 'snelActie',
    group: 'Spamfilter',
    label: 'Te snel verstuurd',
    shortLabel: 'Te snel verstuurd',
    options: [
      { value: 'spam', label: 'vasthouden; spam als ook een andere controle aanslaat (aanbevolen)' },
      { value: 'hold', label: 'altijd alleen vasthouden' },
    ],
  },
  {
    // Seconds the same IP or e-mail address must wait between two reacties.
    key: 'spam.floodSeconds',
    kind: 'integer',
    min: 0,
    max: 3600,
    default: 15,
    form: 'floodSeconden',
    group: 'Spamfilter',
    label: 'Wachttijd tussen twee reacties van hetzelfde e-mailadres (seconden)',
    shortLabel: 'Wachttijd tussen reacties',
  },
  {
    key: 'spam.perMinutePerIp',
    kind: 'integer',
    min: 1,
    max: 1000,
    default: 5,
    form: 'perMinuut',
    group: 'Spamfilter',
    label: 'Reacties per minuut per IP-adres',
    shortLabel: 'Reacties per minuut',
  },
  {
    // Spam is deleted after this many days (server/reacties/spam/purge.ts).
    key: 'spam.spamRetentionDays',
    kind: 'integer',
    min: 1,
    max: 3650,
    default: 30,
    form: 'spamDagen',
    group: 'Spamfilter',
    label: 'Spam verwijderen na (dagen)',
    shortLabel: 'Bewaartermijn spam',
  },
  {
    // Akismet's "discard" (blatant spam) is not stored at all.
    key: 'spam.discardObviousSpam',
    kind: 'boolean',
    default: true,
    form: 'weggooien',
    group: 'Spamfilter',
    label: 'Verwijder overduidelijke spam direct (als Akismet dat aanraadt)',
    shortLabel: 'Overduidelijke spam verwijderen',
  },
  {
    // articles/closing.ts: reacties close by themselves this many days after publication; an article may override it.
    key: 'reacties.closeAfterDays',
    kind: 'integer',
    min: 0,
    max: 3650,
    default: 0,
    form: 'sluitNaDagen',
    group: 'Moderatie',
    label: 'Sluit reacties automatisch na (dagen na publicatie)',
    shortLabel: 'Reacties sluiten na',
    help: '0: nooit. Bij een artikel kun je een ander aantal dagen kiezen.',
  },
  {
    // reacties/posting/official.ts: the roles staff can react for, shown as a badge ("Namens de redactie"). One a line.
    key: 'reacties.officialRoles',
    kind: 'text',
    max: SETTINGS_LIMITS.wordList,
    rows: 3,
    // Only the redactie: a badge for another body (the college, the council) is the admin's deliberate choice.
    default: 'de redactie',
    form: 'namensRollen',
    // Who may speak for whom is the admin's decision: a moderator must not give themselves a badge.
    adminOnly: true,
    group: 'Moderatie',
    label: 'Namens wie redactie en moderatie kunnen reageren (één per regel)',
    shortLabel: 'Namens wie',
    help: 'Standaard alleen "de redactie". Voeg een rol als "het college" alleen toe als de accounts van dat college hier echt reageren: lezers nemen een reactie "Namens het college" op als een woord van de gemeente. Zo’n reactie krijgt het label "Namens …" en wordt nooit vastgehouden. Leeg: alleen op eigen naam.',
  },
  {
    // notifications/jobs.ts: one mail to every moderator and admin when new reacties wait, at most this often.
    key: 'mail.moderatorDigestMinutes',
    kind: 'integer',
    min: 0,
    max: 10080,
    default: 60,
    form: 'moderatorMailMinuten',
    group: 'E-mail',
    label: 'Mail moderatoren als er reacties wachten, hoogstens eens per zoveel minuten',
    shortLabel: 'Mail aan moderatoren',
    help: '0 zet deze e-mail uit. Moderatoren en beheerders krijgen hem alleen als er sinds de vorige e-mail nieuwe reacties zijn gaan wachten.',
  },
  {
    // newsmail/: the hour (Amsterdam time) at which the daily news mail goes out, and the weekly one on its day.
    key: 'newsmail.hour',
    kind: 'integer',
    min: 0,
    max: 23,
    default: 7,
    form: 'nieuwsbriefUur',
    group: 'E-mail',
    label: 'Nieuwsbrief versturen om (uur, 0 tot 23)',
    shortLabel: 'Uur van de nieuwsbrief',
    help: 'Bewoners die de nieuwe artikelen per e-mail volgen, krijgen de dagelijkse e-mail elke dag vanaf dit uur (Nederlandse tijd), de wekelijkse op de dag hieronder. Zonder nieuwe artikelen gaat er niets.',
  },
  {
    key: 'newsmail.weekday',
    kind: 'choice',
    control: 'select',
    default: 'maandag',
    form: 'nieuwsbriefDag',
    group: 'E-mail',
    label: 'Wekelijkse nieuwsbrief op',
    shortLabel: 'Dag van de wekelijkse nieuwsbrief',
    options: [
      { value: 'maandag', label: 'maandag' },
      { value: 'dinsdag', label: 'dinsdag' },
      { value: 'woensdag', label: 'woensdag' },
      { value: 'donderdag', label: 'donderdag' },
      { value: 'vrijdag', label: 'vrijdag' },
      { value: 'zaterdag', label: 'zaterdag' },
      { value: 'zondag', label: 'zondag' },
    ],
  },
  {
    // documents/answer-term.ts: written questions are answered within this many days of arriving at
    // the griffie (ingekomen, or else their datum); after that /documenten says "antwoord te laat".
    key: 'documents.answerTermDays',
    kind: 'integer',
    min: 1,
    max: 365,
    default: 30,
    form: 'antwoordtermijn',
    group: 'Raadsdocumenten',
    label: 'Termijn voor het antwoord op schriftelijke vragen (dagen)',
    shortLabel: 'Antwoordtermijn',
    help: 'Zoveel dagen na binnenkomst bij de griffie moet het college de vragen beantwoorden, zoals het reglement van orde zegt (meestal 30). Daarna staat bij de vragen "antwoord te laat".',
  },
  {
    // search/: applied to every query on /zoeken (settings/synonyms.ts).
    key: 'searchSynonyms',
    kind: 'text',
    max: SETTINGS_LIMITS.wordList,
    rows: 8,
    default: DEFAULT_SYNONYMS,
    form: 'zoekSynoniemen',
    group: 'Zoeken',
    label: 'Afkortingen en synoniemen bij het zoeken (één groep per regel)',
    shortLabel: 'De afkortingen en synoniemen',
    help: 'Per regel de vormen die hetzelfde betekenen, met = ertussen, bijvoorbeeld: Wmo = Wet maatschappelijke ondersteuning. Wie naar één vorm zoekt, vindt ook de andere. Hoofdletters en accenten maken niet uit.',
    check: (text: string) => {
      const parsed = parseSynonyms(text);
      return parsed.ok ? null : parsed.error;
    },
  },
  {
    // tagline/: the line under the name; empty: SITE_TAGLINE. A part whose value is unknown is left out.
    key: 'tagline.template',
    kind: 'text',
    max: SETTINGS_LIMITS.wordList,
    rows: 2,
    default: '',
    form: 'taglineSjabloon',
    group: 'Weblog',
    label: 'Regel onder de naam van de weblog',
    shortLabel: 'De regel onder de naam',
    help: 'Bijvoorbeeld: Buiten is het {temperatuur} graden, binnen zit al {leeftijd}. {temperatuur} is de buitentemperatuur in hele graden, {leeftijd} hoe lang de weblog bestaat (in jaren, het eerste jaar in maanden). Is een waarde onbekend, dan valt dat deel weg: het stuk tussen [haken], of anders het stuk tussen de komma’s. Leeg: de standaardregel.',
  },
  {
    // The weblog's start: the tagline's {leeftijd} and the voorpagina's "sinds mei 2005". 0: its first article.
    key: 'tagline.startYear',
    kind: 'integer',
    min: 0,
    max: 2100,
    default: 0,
    form: 'startJaar',
    group: 'Weblog',
    label: 'De weblog bestaat sinds (jaar)',
    shortLabel: 'Startjaar',
    help: '0: het jaar van het eerste artikel.',
  },
  {
    key: 'tagline.startMonth',
    kind: 'integer',
    min: 1,
    max: 12,
    default: 1,
    form: 'startMaand',
    group: 'Weblog',
    label: 'De weblog bestaat sinds (maand, 1 tot 12)',
    shortLabel: 'Startmaand',
  },
  {
    // reviews/rules.ts: which roles put an article on the weblog themselves; the others offer it
    // "Ter beoordeling" to an eindredacteur or beheerder (permission 'reviewing'), who publishes it.
    key: 'articles.directPublish',
    kind: 'choice',
    control: 'radio',
    // A local newsroom: the eindredactie reads every piece before it goes out.
    default: 'chief',
    form: 'directPubliceren',
    // Who may publish is the admin's decision, as the roles are.
    adminOnly: true,
    group: 'Weblog',
    label: 'Wie mag artikelen publiceren zonder beoordeling',
    shortLabel: 'Publiceren zonder beoordeling',
    help: 'Wie het niet mag, biedt een artikel ter beoordeling aan; een eindredacteur of beheerder publiceert het, plant het of stuurt het terug.',
    options: [
      {
        value: 'chief',
        id: 'direct-chief',
        label: 'Eindredacteuren en beheerders; redacteuren bieden hun artikelen ter beoordeling aan (aanbevolen)',
      },
      { value: 'all', id: 'direct-all', label: 'Iedereen die artikelen schrijft: geen beoordeling' },
    ],
  },
  {
    // pages/: the address the toegankelijkheidsverklaring gives for questions and complaints. Public.
    key: 'contactEmail',
    kind: 'email',
    max: 254,
    default: '',
    form: 'contactAdres',
    group: 'Weblog',
    label: 'E-mailadres van de redactie voor lezers (openbaar)',
    shortLabel: 'Het e-mailadres van de redactie',
    help: 'Staat in de toegankelijkheidsverklaring: daar melden lezers een probleem met de weblog. Kies een adres van de redactie, niet van één persoon. Leeg: de verklaring verwijst naar de pagina Over deze weblog.',
  },
  {
    // A public JSON feed in Buienradar's format, fetched in the background at most every ten minutes.
    key: 'tagline.feedUrl',
    kind: 'text',
    max: SETTINGS_LIMITS.wordList,
    rows: 1,
    default: 'https://data.buienradar.nl/2.0/feed/json',
    form: 'weerFeed',
    group: 'Weblog',
    label: 'Adres van de weerfeed (JSON, zoals die van Buienradar)',
    shortLabel: 'De weerfeed',
  },
  {
    key: 'tagline.stationId',
    kind: 'integer',
    min: 0,
    max: 999999,
    default: 6260,
    form: 'weerStation',
    group: 'Weblog',
    label: 'Weerstation (nummer in de feed)',
    shortLabel: 'Weerstation',
    help: '6260 is De Bilt. 0: geen temperatuur.',
  },
] as const satisfies readonly SettingDefinition[];

// ---------------------------------------------------------------------------------------------
// The types follow from the list.

export type SettingEntry = (typeof SETTINGS_SCHEMA)[number];

/** What a setting holds: number, boolean, one of its options' values, or text. */
export type SettingValue<E> = E extends { kind: 'integer' }
  ? number
  : E extends { kind: 'boolean' }
    ? boolean
    : E extends { kind: 'choice'; options: readonly ChoiceOption[] }
      ? E['options'][number]['value']
      : E extends { kind: 'text' | 'email' }
        ? string
        : never;

/** Stored key → value: { moderationPolicy: 'trusted' | 'all'; 'spam.maxLinks': number; … } */
export type FlatSettings = { [E in SettingEntry as E['key']]: SettingValue<E> };

type Head<K extends string> = K extends `${infer H}.${string}` ? H : K;
type Nest<T> = {
  [H in Head<keyof T & string>]: H extends keyof T
    ? T[H]
    : Nest<{ [K in keyof T & string as K extends `${H}.${infer Rest}` ? Rest : never]: T[K] }>;
};

/** Every setting, nested by the dots in its key: { moderationPolicy; spam: { maxLinks; … } }. */
export type Settings = Nest<FlatSettings>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string | number | boolean ? T[K] : DeepPartial<T[K]> };

/** Some settings to save: any part of Settings, spam.* settings one by one. */
export type SettingsChanges = DeepPartial<Settings>;

// ---------------------------------------------------------------------------------------------
// Helpers over the list, for the store and the form.

export const SETTINGS: readonly SettingDefinition[] = SETTINGS_SCHEMA;

/** Whether a value (as parsed from JSON) is a valid value of this setting. */
export function isValidValue(setting: SettingDefinition, value: unknown): boolean {
  switch (setting.kind) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= setting.min && value <= setting.max;
    case 'boolean':
      return typeof value === 'boolean';
    case 'choice':
      return typeof value === 'string' && setting.options.some((o) => o.value === value);
    case 'text':
      // Any text, even longer than the form allows today: a word list saved under an older, larger
      // limit is shown (and refused on saving until shortened) rather than silently emptied.
      return typeof value === 'string';
    case 'email':
      return typeof value === 'string' && (value === '' || (parseEmail(value).ok && [...value].length <= setting.max));
  }
}

/** A setting's value in a Settings-shaped object (undefined when absent). */
export function valueAt(settings: unknown, key: string): unknown {
  let node: unknown = settings;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Builds a Settings object from one value per setting. */
export function buildSettings(valueOf: (setting: SettingDefinition) => unknown): Settings {
  const out: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const parts = setting.key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = valueOf(setting);
  }
  return out as Settings;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/** Every setting at its default; frozen, so no caller changes it for the others. */
export const DEFAULT_SETTINGS: Settings = deepFreeze(buildSettings((setting) => setting.default));

/** The form's fieldsets with their settings, in order. */
export function settingGroups(): Array<{ legend: SettingGroup; settings: SettingDefinition[] }> {
  return SETTING_GROUPS.map((legend) => ({ legend, settings: SETTINGS.filter((s) => s.group === legend) }));
}
