// The spam verdict for a new reactie, before it is stored:
//   1 honeypot · 2 fill time · 3 flood and rate · 4 duplicate · 5 words · 6 links ·
//   7 local spam memory · 8 known address · 9 the learning classifier — then Akismet when a key is set.
// Flood, rate and duplicate turn the post away unstored; the rest record every check that fired.
import type { Db } from '../db/knex';
import type { Config } from '../config';
import { emailKey } from '../shared/email';
import { commentCheck, type AkismetAnswer, type AkismetParams } from './akismet';
import { contentChecks, decide, type CheckHit, type LocalDecision, type PostedContent } from './local-checks';
import type { SpamSettings } from './settings';
import { rememberedParts, type MemoryKind } from './memory';
import { classifierHit, scoreReactie } from './classifier/classify';

export const HONEYPOT_FIELD = 'url';

export interface Candidate extends PostedContent {
  articleId: number;
  parentId: number | null;
  /** What the honeypot field held ('' for people). */
  honeypot: string;
  /** When the form was shown, from its signed stamp; null when the stamp had expired. */
  renderedAt: number | null;
  referrer: string | null;
  permalink: string;
  articleModifiedAt: Date;
  now: Date;
  /**
   * The author's own edit of a published reactie: the text is judged again, but not how it was
   * sent (the fill time, flood, rate and duplicate checks were passed when it was posted, and would
   * meet the reactie itself), and Akismet is told it is a re-check (recheck_reason=edit).
   */
  edit?: boolean;
}

/** What the checks ask about the sender's earlier reacties. */
export interface SenderQuestion {
  addressKey: string;
  ip: string | null;
  /** Posted by this address since then? null: the flood check is off. */
  floodSince: Date | null;
  /** Reacties from this IP since then. */
  rateSince: Date;
  articleId: number;
  body: string;
}

export interface SenderFacts {
  /** This address's newest reactie within the flood interval, if any. */
  lastPostSinceFlood: Date | null;
  fromIpSinceRate: number;
  /** The reactie with this text by this address on this article, if any. */
  sameTextId: number | null;
  hasApprovedReactie: boolean;
}

/**
 * What the pipeline needs to know about earlier reacties; the reacties feature answers it, all of
 * it in one read (every post asks it, and on SQLite each read waits its turn on the one connection).
 */
export interface SenderHistory {
  facts(q: SenderQuestion): Promise<SenderFacts>;
}

export type Verdict =
  | {
      kind: 'refuse';
      reason: 'flood' | 'rate' | 'duplicate';
      hits: CheckHit[];
      existingId?: number;
      /** A flood: whole seconds until this address may post again. */
      waitSeconds?: number;
    }
  | { kind: 'discard'; hits: CheckHit[]; akismet: AkismetAnswer }
  | {
      kind: 'store';
      /** The local decision before Akismet: what a recheck returns to when Akismet says ham. */
      local: LocalDecision;
      hits: CheckHit[];
      akismet: AkismetAnswer | null;
      akismetPayload: AkismetParams | null;
      /** The learning classifier's spam probability (0…1). */
      score: number;
      /** Spam, or held (pending), or clear to follow the moderation policy. */
      outcome: 'spam' | 'hold' | 'clear';
      recheck: boolean;
    };

function contextChecks(facts: SenderFacts, c: Candidate, settings: SpamSettings): CheckHit[] {
  const hits: CheckHit[] = [];
  if (c.honeypot !== '') hits.push({ check: 'honeypot', outcome: 'spam', detail: 'het verborgen lokveld was ingevuld' });
  if (c.edit) return hits;

  if (c.renderedAt === null) {
    hits.push({ check: 'fill-time', outcome: 'hold', detail: 'het formulier was verlopen' });
  } else {
    const seconds = (c.now.getTime() - c.renderedAt) / 1000;
    // Fast alone is a resident pasting a prepared text as often as a bot: only suspect.
    if (seconds < settings.minFillSeconds) {
      hits.push({
        check: 'fill-time',
        outcome: settings.fastPostAction === 'hold' ? 'hold' : 'suspect',
        detail: `verstuurd ${seconds.toFixed(1)} s na het tonen van het formulier`,
      });
    }
  }

  // The same person twice within seconds. Not the same IP: neighbours in a library or an office
  // share one address, and the per-minute limit below already stops a bot behind one.
  if (settings.floodSeconds > 0 && facts.lastPostSinceFlood)
    hits.push({ check: 'flood', outcome: 'refuse', detail: `nieuwe reactie binnen ${settings.floodSeconds} s` });
  if (c.ip && facts.fromIpSinceRate >= settings.perMinutePerIp)
    hits.push({ check: 'rate', outcome: 'refuse', detail: `meer dan ${settings.perMinutePerIp} reacties per minuut` });

  const duplicate = facts.sameTextId;
  if (duplicate !== null)
    hits.push({ check: 'duplicate', outcome: 'refuse', detail: `dezelfde tekst als reactie ${duplicate}`, existingId: duplicate });
  return hits;
}

async function memoryAndKnownAddress(db: Db, facts: SenderFacts, secret: string, c: Candidate): Promise<CheckHit[]> {
  const hits: CheckHit[] = [];
  const parts = await rememberedParts(db, secret, { ip: c.ip, email: c.authorEmail, url: c.authorUrl });
  // An address or website is the spammer's own; an IP may be a library's or a whole office's.
  const own = parts.filter((p) => p !== 'ip');
  if (own.length)
    hits.push({
      check: 'spam-memory',
      outcome: 'spam',
      detail: `eerder als spam gemarkeerd: ${own.map((p) => MEMORY_LABELS[p]).join(' en ')}`,
    });
  else if (parts.includes('ip'))
    hits.push({ check: 'spam-memory', outcome: 'suspect', detail: `eerder als spam gemarkeerd: ${MEMORY_LABELS.ip}` });
  if (facts.hasApprovedReactie) {
    hits.push({ check: 'known-address', outcome: 'trust', detail: 'e-mailadres had al een goedgekeurde reactie' });
  }
  return hits;
}

const MEMORY_LABELS: Record<MemoryKind, string> = { ip: 'IP-adres', email: 'e-mailadres', url: 'website' };

function akismetParams(c: Candidate, blog: string): AkismetParams {
  const params: AkismetParams = {
    blog,
    user_ip: c.ip ?? '',
    user_agent: c.userAgent ?? '',
    referrer: c.referrer ?? '',
    permalink: c.permalink,
    comment_type: c.parentId === null ? 'comment' : 'reply',
    comment_author: c.authorName,
    comment_author_email: c.authorEmail,
    comment_author_url: c.authorUrl ?? '',
    comment_content: c.body,
    comment_date_gmt: c.now.toISOString(),
    comment_post_modified_gmt: c.articleModifiedAt.toISOString(),
    blog_lang: 'nl',
    blog_charset: 'UTF-8',
    honeypot_field_name: HONEYPOT_FIELD,
  };
  params[HONEYPOT_FIELD] = c.honeypot;
  if (c.edit) params.recheck_reason = 'edit';
  return params;
}

/** Whole seconds until the flood interval after the last post has passed: at least 1, at most the interval. */
function floodWait(lastPost: Date, now: Date, floodSeconds: number): number {
  const left = floodSeconds - (now.getTime() - lastPost.getTime()) / 1000;
  return Math.min(floodSeconds, Math.max(1, Math.ceil(left)));
}

/** The spam memory (this feature's own table) is read from `db`; earlier reacties through `history`. */
export async function judgeReactie(
  db: Db,
  history: SenderHistory,
  config: Pick<Config, 'akismet' | 'baseUrl' | 'sessionSecret'>,
  c: Candidate,
  settings: SpamSettings,
): Promise<Verdict> {
  const facts = await history.facts({
    addressKey: emailKey(c.authorEmail),
    ip: c.ip,
    floodSince: settings.floodSeconds > 0 ? new Date(c.now.getTime() - settings.floodSeconds * 1000) : null,
    rateSince: new Date(c.now.getTime() - 60_000),
    articleId: c.articleId,
    body: c.body,
  });
  const context = contextChecks(facts, c, settings);
  const refusal = context.find((h) => h.outcome === 'refuse');
  if (refusal) {
    const waitSeconds =
      refusal.check === 'flood' && facts.lastPostSinceFlood ? floodWait(facts.lastPostSinceFlood, c.now, settings.floodSeconds) : undefined;
    return {
      kind: 'refuse',
      reason: refusal.check as 'flood' | 'rate' | 'duplicate',
      hits: context,
      existingId: refusal.existingId,
      waitSeconds,
    };
  }

  const hits = [...context, ...contentChecks(c, settings), ...(await memoryAndKnownAddress(db, facts, config.sessionSecret, c))];
  // After the hard checks: what this site's moderators (and the bundled corpus) taught the classifier.
  const score = await scoreReactie(db, c);
  // Only a score that holds or marks is a check that fired; the score itself is kept either way.
  const learned = classifierHit(
    score,
    hits.some((h) => h.outcome === 'trust'),
  );
  if (learned.outcome !== 'note') hits.push(learned);
  const local = decide(hits);
  if (local === 'spam' || !config.akismet) {
    return {
      kind: 'store',
      local,
      hits,
      akismet: null,
      akismetPayload: null,
      score,
      outcome: local === 'pass' ? 'clear' : local,
      recheck: false,
    };
  }

  const payload = akismetParams(c, config.baseUrl);
  const answer = await commentCheck(config.akismet, payload);
  if (answer.verdict === 'discard' && settings.discardObviousSpam) return { kind: 'discard', hits, akismet: answer };
  if (answer.verdict === 'spam' || answer.verdict === 'discard') {
    return { kind: 'store', local, hits, akismet: answer, akismetPayload: payload, score, outcome: 'spam', recheck: false };
  }
  if (answer.verdict === 'error') {
    // Never published unchecked, never lost: held, and asked again later.
    return { kind: 'store', local, hits, akismet: answer, akismetPayload: payload, score, outcome: 'hold', recheck: true };
  }
  return {
    kind: 'store',
    local,
    hits,
    akismet: answer,
    akismetPayload: payload,
    score,
    outcome: local === 'pass' ? 'clear' : 'hold',
    recheck: false,
  };
}
