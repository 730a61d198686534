// The local spam checks that look only at what was posted: no database, no network.
// Used by the verdict pipeline on every new reactie and by `npm run spam:eval` on a labelled corpus.
import LinkifyIt from 'linkify-it';
import { URL_SHORTENERS } from './shorteners';
import { wordList, type SpamSettings } from './settings';
import { spamSignals } from './signals';

export type CheckId =
  | 'honeypot'
  | 'fill-time'
  | 'flood'
  | 'rate'
  | 'duplicate'
  | 'disallowed-words'
  | 'moderation-words'
  | 'spam-signals'
  | 'links'
  | 'link-pattern'
  | 'spam-memory'
  | 'known-address'
  | 'classifier';

/**
 * spam and hold decide; refuse turns the post away unstored; trust lifts holds; note only records.
 * suspect is weak evidence that an honest resident can trip on their own (posting a prepared text
 * quickly, a shared library IP, a shortened link, an e-mail address typed as name): alone it holds,
 * and only when a second, different check agrees is the reactie spam.
 */
export type CheckOutcome = 'spam' | 'suspect' | 'hold' | 'refuse' | 'trust' | 'note';

export interface CheckHit {
  check: CheckId;
  outcome: CheckOutcome;
  /** A short Dutch explanation for moderators. */
  detail: string;
  /** For a duplicate: the reactie it repeats. */
  existingId?: number;
}

export interface PostedContent {
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  ip: string | null;
  userAgent: string | null;
}

const linkify = new LinkifyIt({}, { fuzzyEmail: false, fuzzyIP: true });

function countLinks(text: string): number {
  const fromLinkify = (linkify.match(text) ?? []).length;
  // Markup that bots paste counts too, even when linkify would not see a bare URL in it.
  const fromMarkup = (text.match(/\[url[=\]]|<a\s[^>]*href=/gi) ?? []).length;
  return Math.max(fromLinkify, fromMarkup);
}

function hostsIn(text: string): string[] {
  return (linkify.match(text) ?? []).map((m) => {
    try {
      return new URL(m.url).hostname.toLowerCase().replace(/^www\./, '');
    } catch {
      return '';
    }
  });
}

/**
 * A moderator's word list entry matches whole words ("anal" does not hold "analyse"); a * stands
 * for any letters, so "casino*" also matches "casinobonus". An entry that starts or ends with a
 * sign (an IP prefix "192.0.2.", a domain ".xyz") is not bounded on that side.
 */
function wordPattern(entry: string): RegExp {
  const word = /[\p{L}\p{N}]/u;
  const body = entry
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\p{L}\\p{N}]*');
  const chars = [...entry];
  const left = word.test(chars[0] ?? '') ? '(^|[^\\p{L}\\p{N}])' : '';
  const right = word.test(chars[chars.length - 1] ?? '') ? '($|[^\\p{L}\\p{N}])' : '';
  return new RegExp(`${left}${body}${right}`, 'u');
}

function findWord(words: string[], haystacks: string[]): string | undefined {
  const lowered = haystacks.map((h) => h.toLowerCase());
  return words.find((w) => {
    const pattern = wordPattern(w);
    return lowered.some((h) => pattern.test(h));
  });
}

export interface LinkPattern {
  detail: string;
  /** Markup that only bots paste is spam; what a resident may also do is only suspect. */
  outcome: 'spam' | 'suspect';
}

/** Link patterns of common spam: BBCode, HTML anchors, shorteners, the author's name as a link. */
function spamLinkPattern(content: PostedContent): LinkPattern | null {
  const { body, authorName } = content;
  if (/\[url[=\]]|\[link[=\]]/i.test(body)) return { detail: 'BBCode-link ([url])', outcome: 'spam' };
  if (/<a\s[^>]*href\s*=/i.test(body)) return { detail: 'HTML-link in platte tekst', outcome: 'spam' };
  // A resident may paste a shortened link from a tweet of the municipality.
  const shortener = hostsIn(body).find((host) => URL_SHORTENERS.includes(host));
  if (shortener) return { detail: `verkorte link (${shortener})`, outcome: 'suspect' };
  // People type their e-mail address or website into the name field too.
  const name = authorName.trim().toLowerCase();
  if (name && /(https?:\/\/|www\.|\.(com|net|org|info|biz|ru|xyz|top|shop)\b)/i.test(name))
    return { detail: 'webadres als naam', outcome: 'suspect' };
  // "…great article! <a href=…>Cheap Shoes</a>" — the last link carries the author's name.
  const lastAnchor = /<a\s[^>]*>([^<]*)<\/a>\s*$|\[url=[^\]]*\]([^[]*)\[\/url\]\s*$/i.exec(body);
  const anchorText = (lastAnchor?.[1] ?? lastAnchor?.[2] ?? '').trim().toLowerCase();
  if (name && anchorText && anchorText === name) return { detail: 'laatste link draagt de naam van de schrijver', outcome: 'spam' };
  return null;
}

/** Steps 5 and 6 of the pipeline: words and links. Pure, so the corpus evaluation runs the same code. */
export function contentChecks(content: PostedContent, settings: SpamSettings): CheckHit[] {
  const hits: CheckHit[] = [];
  const fields = [
    content.authorName,
    content.authorEmail,
    content.authorUrl ?? '',
    content.body,
    content.ip ?? '',
    content.userAgent ?? '',
  ];
  const disallowed = findWord(wordList(settings.disallowedWords), fields);
  if (disallowed) hits.push({ check: 'disallowed-words', outcome: 'spam', detail: `verboden woord "${disallowed}"` });
  const moderation = findWord(wordList(settings.moderationWords), fields);
  if (moderation) hits.push({ check: 'moderation-words', outcome: 'hold', detail: `moderatiewoord "${moderation}"` });
  const links = countLinks(content.body);
  // One hit for all signals, with each signal in its detail: a moderator reads "spamkenmerken" once.
  const signals = spamSignals(content.authorName, content.body).map((signal) => {
    // Praise or another script with only a website behind the name is often a real reader (residents
    // write in Arabic or Russian too); with a link in the text it is link spam.
    const linked = links > 0 || (signal.kind === 'spam-term' && Boolean(content.authorUrl));
    return { linked, detail: linked ? `${signal.detail}, met link` : signal.detail };
  });
  if (signals.length)
    hits.push({
      check: 'spam-signals',
      outcome: signals.some((s) => s.linked) ? 'spam' : 'hold',
      detail: signals.map((s) => s.detail).join('; '),
    });
  if (links >= settings.maxLinks) hits.push({ check: 'links', outcome: 'hold', detail: `${links} links (grens: ${settings.maxLinks})` });
  const pattern = spamLinkPattern(content);
  if (pattern) hits.push({ check: 'link-pattern', outcome: pattern.outcome, detail: pattern.detail });
  return hits;
}

export type LocalDecision = 'spam' | 'hold' | 'pass';

// Holds a trusted address (an earlier approved reactie) does not get: the content checks.
const LIFTED_BY_TRUST: ReadonlySet<CheckId> = new Set(['moderation-words', 'spam-signals', 'links']);

/**
 * Any spam outcome makes spam. Suspicions from two different checks agree, and make spam too;
 * so does a suspicion with a spam signal in the text (a bot that is fast and sells something).
 * Otherwise any remaining hold or suspicion holds. A hold does not stop the checks, so a held post
 * with a spam link pattern further on is still spam. A trusted address lifts the content holds,
 * never spam and never a suspicion about how the reactie was sent.
 */
export function decide(hits: CheckHit[]): LocalDecision {
  if (hits.some((h) => h.outcome === 'spam')) return 'spam';
  const trusted = hits.some((h) => h.outcome === 'trust');
  const standing = hits.filter((h) => !(trusted && LIFTED_BY_TRUST.has(h.check)));
  const suspicious = new Set(standing.filter((h) => h.outcome === 'suspect').map((h) => h.check));
  const signals = standing.some((h) => h.check === 'spam-signals');
  if (suspicious.size >= 2 || (suspicious.size === 1 && signals && !suspicious.has('spam-signals'))) return 'spam';
  return standing.some((h) => h.outcome === 'hold' || h.outcome === 'suspect') ? 'hold' : 'pass';
}
