// Every table, what personal data it holds, and how long it is kept: the one list the maintenance
// job enforces and a test holds against the real schema, so a new table (subscriptions, reports…)
// cannot arrive without saying what it keeps and for how long.
import type { Config } from '../config';
import type { Db } from '../db/knex';
import { KnexSessionStore } from '../http/session-store';
import { purgeRateLimits } from '../http/rate-limit-store';
import { purgeAkismetPayloads, purgeOldSpam } from '../reacties/spam/purge';
import { purgeSpamMemory } from '../spam/memory';
import { purgeOldIps } from './queries';
import { purgeReaderKeys } from '../reacties/reports/reports';
import { purgeWaarderingKeys } from '../reacties/thread/waardering';
import { purgeMailData, MAIL_RETENTION_DAYS, UNCONFIRMED_RETENTION_DAYS } from '../notifications/erase';
import { purgeUnconfirmedNews } from '../newsmail/subscribers';
import { purgeEndedRules, RULE_DEFAULT_DAYS, RULE_MAX_DAYS } from '../addresses/rules';
import { ADDRESS_NOTE_RETENTION_DAYS, purgeOldAddressNotes } from '../addresses/notes';
import { pruneChanges } from '../live/changes';

// A spammer's address or website is worth remembering for a year; they rarely come back later.
const SPAM_MEMORY_RETENTION_DAYS = 365;
// Failed logins record whatever was typed as address, perhaps a resident's; long enough to see an attack.
const FAILED_LOGIN_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
// The live updates' change log: a browser that was away longer than this many changes reloads instead.
const LIVE_CHANGES_KEPT = 100_000;

export interface TableRule {
  /** The personal data in the table, or 'geen'. */
  personalData: string;
  /** How long it is kept, as a moderator or auditor reads it. */
  retention: string;
  /** The table exists on this database only (the search index is built differently on each). */
  onlyOn?: 'sqlite' | 'pg';
}

const SEARCH_INDEX: TableRule = {
  personalData: 'geen: de tekst van artikelen en van goedgekeurde, niet gewiste reacties; geen namen, e-mail- of IP-adressen',
  retention: 'zolang het artikel bestaat of de reactie goedgekeurd is (triggers houden het bij)',
};

export const DATA_INVENTORY: Record<string, TableRule> = {
  reacties: {
    personalData: 'naam, e-mailadres, website, IP-adres, browser, wat naar Akismet ging',
    retention:
      'IP-adres en browser: IP_RETENTION_DAYS; Akismet-gegevens: 15 dagen (of korter, met het IP); spam: de bewaartermijn voor spam; de rest tot een AVG-verzoek',
  },
  spam_memory: {
    personalData: 'gehashte IP-adressen, e-mailadressen en websites van spammers',
    retention: `IP-adressen: IP_RETENTION_DAYS; de rest ${SPAM_MEMORY_RETENTION_DAYS} dagen`,
  },
  spam_classifier_counts: {
    personalData: 'geen (per gehasht woord of woorddeel: in hoeveel spam- en gewone reacties het voorkwam)',
    retention: 'tot een moderator het lerende filter terugzet',
  },
  spam_classifier_reacties: {
    personalData: 'geen (welk reactienummer als spam of geen spam is geleerd)',
    retention: 'tot een moderator het lerende filter terugzet',
  },
  rate_limits: {
    personalData: 'gehashte IP-adressen, inlognamen en e-mailadressen (één bevestigingsmail per adres per dag)',
    retention: 'tot het einde van het tijdvenster (hoogstens een dag); het venster van een adres gaat ook bij een AVG-verzoek',
  },
  sessions: {
    personalData: 'het account van wie inlogde (wat een bewoner plaatste, onthoudt alleen zijn eigen browser)',
    retention: 'tot de sessie verloopt (hoogstens 12 uur)',
  },
  audit_log: {
    personalData: 'e-mailadressen van redactie en moderatie; bij mislukt inloggen wat als adres werd getypt',
    retention: `mislukte inlogpogingen ${FAILED_LOGIN_RETENTION_DAYS} dagen; de rest blijft als verantwoording`,
  },
  users: { personalData: 'naam en e-mailadres van redactie, moderatie en beheer', retention: 'zolang het account bestaat' },
  articles: { personalData: 'naam van de auteur (redactie)', retention: 'zolang het artikel bestaat' },
  article_revisions: {
    personalData: 'welk account van de redactie een versie opsloeg, en wanneer; de tekst van het artikel op dat moment',
    retention: 'zolang het artikel bestaat',
  },
  article_reviews: {
    personalData: 'welk account van de redactie een artikel ter beoordeling aanbood of terugstuurde, wanneer, en de opmerking erbij',
    retention: 'tot het artikel gepubliceerd wordt (het logboek en de versies bewaren de stappen); met het artikel gewist',
  },
  editor_drafts: {
    personalData: 'wat een redacteur aan het typen was, bij diens account (alleen voor die redacteur)',
    retention: 'tot het artikel wordt opgeslagen of de redacteur het concept weggooit; met het account of het artikel gewist',
  },
  live_changes: {
    personalData: 'geen (welke reactie bij welk artikel veranderde, en of lezers hem al konden zien)',
    retention: `de laatste ${LIVE_CHANGES_KEPT.toLocaleString('nl-NL')} wijzigingen`,
  },
  files: {
    personalData: 'geen (pdf-bestanden en afbeeldingen die de redactie publiceert)',
    retention: 'zolang een artikel het bestand gebruikt',
  },
  article_attachments: { personalData: 'geen', retention: 'zolang het artikel bestaat' },
  images: {
    personalData:
      'welk account van de redactie een foto uploadde; de naam van de fotograaf (bijschrift). Geen EXIF- of GPS-gegevens: die worden bij het uploaden verwijderd, het origineel wordt niet bewaard',
    retention:
      'tot de redactie de foto verwijdert (kan alleen als geen artikel hem gebruikt); het account wordt leeg als het account wordt gewist',
  },
  pages: { personalData: 'geen', retention: '—' },
  article_fields: {
    personalData: 'namen van indieners en ambtenaren uit openbare raadsdocumenten',
    retention: 'zolang het artikel bestaat',
  },
  document_questions: { personalData: 'geen (openbare vragen en antwoorden)', retention: 'zolang het artikel bestaat' },
  document_sources: {
    personalData: 'namen uit het openbare raadsdocument waaruit het artikel werd ingevuld (de geplakte of uit de pdf gelezen tekst)',
    retention: 'zolang het artikel bestaat',
  },
  dossiers: {
    personalData: 'namen van wie meedoen (deelnemers), zoals de redactie ze invult; openbaar',
    retention: 'zolang het dossier bestaat',
  },
  dossier_articles: { personalData: 'geen', retention: 'zolang het dossier bestaat' },
  tags: { personalData: 'geen (namen van tags die de redactie geeft)', retention: 'zolang de weblog bestaat' },
  article_tags: { personalData: 'geen', retention: 'zolang het artikel bestaat' },
  subscriptions: {
    personalData: 'e-mailadres van wie om e-mail over reacties vroeg',
    retention: `tot afmelden of een AVG-verzoek; onbevestigd ${UNCONFIRMED_RETENTION_DAYS} dagen`,
  },
  news_subscribers: {
    personalData: 'e-mailadres van wie de nieuwsbrief vroeg, met hoe vaak en welke artikelen',
    retention: `tot afmelden (dan meteen gewist) of een AVG-verzoek; onbevestigd ${UNCONFIRMED_RETENTION_DAYS} dagen`,
  },
  mail_queue: {
    personalData: 'e-mailadres van de ontvanger; de mail zelf (naam en tekst van wie reageerde)',
    retention: `verzonden of opgegeven: ${MAIL_RETENTION_DAYS} dagen; eerder bij een AVG-verzoek van ontvanger of schrijver`,
  },
  mail_state: { personalData: 'geen', retention: '—' },
  settings: { personalData: 'geen (woordenlijsten die moderatoren zelf invullen)', retention: '—' },
  counters: { personalData: 'geen', retention: '—' },
  reactie_status_deltas: { personalData: 'geen (aantallen reacties per status)', retention: 'elke minuut samengevoegd' },
  search_fts: { ...SEARCH_INDEX, onlyOn: 'sqlite' },
  search_fts_reacties: { ...SEARCH_INDEX, onlyOn: 'sqlite' },
  search_entries: SEARCH_INDEX,
  search_words: {
    personalData:
      'geen: losse woorden uit openbare teksten met hoe vaak ze voorkomen (voor "Bedoelde je …?"), zonder verband met wie ze schreef',
    retention: 'tot het zoekindex opnieuw wordt opgebouwd (npm run search:reindex)',
  },
  wp_imports: { personalData: 'geen (WordPress-nummers en de rijen die ze hier werden)', retention: 'zolang de weblog bestaat' },
  wp_redirects: { personalData: 'geen (oude WordPress-adressen van artikelen)', retention: 'zolang het artikel bestaat' },
  moderation_log: {
    personalData: 'geen (besluit, reden en openbare toelichting; geen naam, e-mail- of IP-adres van bewoner of moderator)',
    retention: 'zolang het artikel bestaat (openbare verantwoording)',
  },
  reactie_reports: {
    personalData: 'een HMAC van het IP-adres van wie meldde en een van diens netwerk (nooit het adres zelf), de toelichting van de melder',
    retention: 'de HMACs: IP_RETENTION_DAYS; de melding zolang de reactie bestaat',
  },
  reactie_waarderingen: {
    personalData:
      'een HMAC van het IP-adres van wie een reactie waardeerde en een van een willekeurig nummer in diens cookie (nooit het adres zelf)',
    retention:
      'de HMACs: IP_RETENTION_DAYS (daarna telt de waardering nog mee, maar is niet meer terug te voeren op een lezer); de waardering zolang de reactie bestaat',
  },
  moderation_appeals: {
    personalData: 'de tekst van het bezwaar van wie de reactie schreef',
    retention: 'zolang de reactie bestaat (een AVG-verzoek dat de reactie wist, wist het bezwaar mee)',
  },
  address_rules: {
    personalData:
      'een HMAC van het e-mailadres van een schrijver (nooit het adres zelf) met "altijd vasthouden" of "blokkeren" en de reden',
    retention: `tot de einddatum (zonder datum ${RULE_DEFAULT_DAYS} dagen, hoogstens ${RULE_MAX_DAYS}); eerder bij opheffen of een AVG-verzoek`,
  },
  moderator_notes: {
    personalData: 'notities van moderatoren over een reactie of over de schrijver (een HMAC van het e-mailadres); alleen voor de redactie',
    retention: `bij een reactie: zolang de reactie bestaat; over een schrijver: ${ADDRESS_NOTE_RETENTION_DAYS} dagen; beide eerder bij een AVG-verzoek`,
  },
  wp_uploads: { personalData: 'geen (oude WordPress-adressen van bijlagen)', retention: 'zolang de bijlage bestaat' },
  knex_migrations: { personalData: 'geen', retention: '—' },
  knex_migrations_lock: { personalData: 'geen', retention: '—' },
};

/** The same for what is kept outside the database, by its setting. */
export const FILE_INVENTORY: Record<string, TableRule> = {
  UPLOAD_DIR: {
    personalData: 'geen (pdf-bestanden en afbeeldingen die de redactie publiceert, zie files)',
    retention: 'zolang een artikel het bestand gebruikt',
  },
  MAIL_OUTBOX_DIR: {
    personalData: 'zonder SMTP-server (ontwikkeling) elke mail als bestand: e-mailadres van de ontvanger, naam en tekst van wie reageerde',
    retention: `zolang de mail in mail_queue staat (${MAIL_RETENTION_DAYS} dagen); eerder bij een AVG-verzoek van ontvanger of schrijver`,
  },
};

async function purgeFailedLogins(db: Db, now: Date): Promise<number> {
  return db('audit_log')
    .where({ action: 'login.failed' })
    .andWhere('at', '<', new Date(now.getTime() - FAILED_LOGIN_RETENTION_DAYS * DAY_MS))
    .delete();
}

/** The jobs that enforce the list above; the maintenance timer runs them every hour. */
export function retentionJobs(
  config: Pick<Config, 'ipRetentionDays' | 'mail'>,
  db: Db,
): Array<[name: string, run: (now: Date) => Promise<unknown>]> {
  const sessions = new KnexSessionStore(db);
  return [
    ['expired sessions', (now) => sessions.purgeExpired(now.getTime())],
    ['rate limit windows', (now) => purgeRateLimits(db, now.getTime())],
    ['old IP addresses', (now) => purgeOldIps(db, config.ipRetentionDays, now)],
    ['old report reader keys', (now) => purgeReaderKeys(db, config.ipRetentionDays, now)],
    ['old appreciation reader keys', (now) => purgeWaarderingKeys(db, config.ipRetentionDays, now)],
    ['old spam', (now) => purgeOldSpam(db, now)],
    ['old Akismet payloads', (now) => purgeAkismetPayloads(db, now)],
    ['old spam memory', (now) => purgeSpamMemory(db, now, config.ipRetentionDays, SPAM_MEMORY_RETENTION_DAYS)],
    ['old failed logins', (now) => purgeFailedLogins(db, now)],
    ['old live changes', () => pruneChanges(db, LIVE_CHANGES_KEPT)],
    ['ended address rules', (now) => purgeEndedRules(db, now)],
    ['old notes on addresses', (now) => purgeOldAddressNotes(db, now)],
    ['old mails, their outbox files and unconfirmed subscriptions', (now) => purgeMailData(db, config.mail.outboxDir, now)],
    ['unconfirmed news mail requests', (now) => purgeUnconfirmedNews(db, new Date(now.getTime() - UNCONFIRMED_RETENTION_DAYS * DAY_MS))],
  ];
}
