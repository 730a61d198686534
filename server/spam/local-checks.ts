// The local spam checks that look only at what was posted: no database, no network.
// Used by the verdict pipeline on every new reactie and by `npm run spam:eval` on a labelled corpus.
import LinkifyIt from 'linkify-it';
import { wordList, type SpamSettings } from './settings';
import { spamSignals } from './signals';

export type CheckId =
  | 'honeypot' | 'fill-time' | 'flood' | 'rate' | 'duplicate'
  | 'disallowed-words' | 'moderation-words' | 'spam-signals' | 'links' | 'link-pattern' | 'spam-memory' | 'trusted';

/** spam and hold decide; refuse turns the post away unstored; trust lifts holds; note only records. */
export type CheckOutcome = 'spam' | 'hold' | 'refuse' | 'trust' | 'note';

export interface CheckHit {
  check: CheckId;
  outcome: CheckOutcome;
  /** A short Dutch explanation for moderators. */
  detail: string;
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

// Shorteners hide where a link goes; residents link to the real page.
const URL_SHORTENERS = [
  'bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly', 'shorturl.at',
  'tiny.cc', 's.id', 'rb.gy', 'v.gd', 'bl.ink', 'lnkd.in', 'shorte.st', 'adf.ly', 'tr.im', 'x.co',
];

export function countLinks(text: string): number {
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

function findWord(words: string[], haystacks: string[]): string | undefined {
  const lowered = haystacks.map((h) => h.toLowerCase());
  return words.find((w) => lowered.some((h) => h.includes(w)));
}

/** Link patterns of common spam: BBCode, HTML anchors, shorteners, the author's name as a link. */
export function spamLinkPattern(content: PostedContent): string | null {
  const { body, authorName } = content;
  if (/\[url[=\]]|\[link[=\]]/i.test(body)) return 'BBCode-link ([url])';
  if (/<a\s[^>]*href\s*=/i.test(body)) return 'HTML-link in platte tekst';
  const shortener = hostsIn(body).find((host) => URL_SHORTENERS.includes(host));
  if (shortener) return `verkorte link (${shortener})`;
  const name = authorName.trim().toLowerCase();
  if (name && /(https?:\/\/|www\.|\.(com|net|org|info|biz|ru|xyz|top|shop)\b)/i.test(name)) return 'webadres als naam';
  // "…great article! <a href=…>Cheap Shoes</a>" — the last link carries the author's name.
  const lastAnchor = /<a\s[^>]*>([^<]*)<\/a>\s*$|\[url=[^\]]*\]([^[]*)\[\/url\]\s*$/i.exec(body);
  const anchorText = (lastAnchor?.[1] ?? lastAnchor?.[2] ?? '').trim().toLowerCase();
  if (name && anchorText && anchorText === name) return 'laatste link draagt de naam van de schrijver';
  return null;
}

/** Steps 5 and 6 of the pipeline: words and links. Pure, so the corpus evaluation runs the same code. */
export function contentChecks(content: PostedContent, settings: SpamSettings): CheckHit[] {
  const hits: CheckHit[] = [];
  const fields = [content.authorName, content.authorEmail, content.authorUrl ?? '', content.body, content.ip ?? '', content.userAgent ?? ''];
  const disallowed = findWord(wordList(settings.disallowedWords), fields);
  if (disallowed) hits.push({ check: 'disallowed-words', outcome: 'spam', detail: `verboden woord "${disallowed}"` });
  const moderation = findWord(wordList(settings.moderationWords), fields);
  if (moderation) hits.push({ check: 'moderation-words', outcome: 'hold', detail: `moderatiewoord "${moderation}"` });
  const links = countLinks(content.body);
  for (const signal of spamSignals(content.authorName, content.body)) {
    // Praise with only a website behind the name is often a real reader; with a link in the text it is link spam.
    const linked = links > 0 || (signal.kind !== 'generic-praise' && Boolean(content.authorUrl));
    hits.push({ check: 'spam-signals', outcome: linked ? 'spam' : 'hold', detail: linked ? `${signal.detail}, met link` : signal.detail });
  }
  if (links >= settings.maxLinks) hits.push({ check: 'links', outcome: 'hold', detail: `${links} links (grens: ${settings.maxLinks})` });
  const pattern = spamLinkPattern(content);
  if (pattern) hits.push({ check: 'link-pattern', outcome: 'spam', detail: pattern });
  return hits;
}

export type LocalDecision = 'spam' | 'hold' | 'pass';

/**
 * The first spam outcome, in pipeline order, decides; without one, any hold holds. A hold does not
 * stop the checks, so a held post with a spam link pattern further on is still spam. A trusted
 * address (earlier approved reactie) lifts the holds of words, signals and links, never spam.
 */
export function decide(hits: CheckHit[]): LocalDecision {
  if (hits.some((h) => h.outcome === 'spam')) return 'spam';
  const trusted = hits.some((h) => h.outcome === 'trust');
  const lifted = (h: CheckHit) => trusted && (h.check === 'moderation-words' || h.check === 'spam-signals' || h.check === 'links');
  return hits.some((h) => h.outcome === 'hold' && !lifted(h)) ? 'hold' : 'pass';
}
