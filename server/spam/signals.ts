// Built-in signals of commercial spam, in English and Dutch, that need no configuration.
// A signal alone only holds a reactie (a resident may well discuss the casino or a pharmacy);
// together with a link or a website it marks it as spam, because that is what link spam is.

const SPAM_TERMS = [
  // pharma
  'viagra',
  'cialis',
  'levitra',
  'tramadol',
  'xanax',
  'phentermine',
  'diet pills',
  'weight loss pills',
  'afslankpillen',
  'potentiemiddel',
  // gambling
  'online casino',
  'casino bonus',
  'free spins',
  'gratis spins',
  "online casino's",
  'slots online',
  'sportsbook',
  'betting tips',
  // money
  'payday loan',
  'snel geld lenen',
  'zonder bkr',
  'geld lenen zonder',
  'crypto signals',
  'forex signals',
  'binary options',
  'bitcoin investment',
  'investment opportunity',
  'passive income',
  'make money online',
  'work from home',
  'thuiswerken en verdien',
  'verdien geld',
  'guaranteed profit',
  'gegarandeerd rendement',
  // shop and SEO spam
  'replica watches',
  'replica horloges',
  'cheap jerseys',
  'nike outlet',
  'louboutin',
  'ugg boots',
  'essay writing',
  'write my essay',
  'seo services',
  'backlinks',
  'buy followers',
  'volgers kopen',
  'likes kopen',
  // adult and dating
  'hot singles',
  'sexy girls',
  'porn',
  'xxx',
  'escort',
  'sexdate',
];

// Praise that fits any page anywhere: what link spam says to look like a reader.
const GENERIC_PRAISE = [
  'great post',
  'nice post',
  'great article',
  'awesome article',
  'very informative',
  'informative article',
  'thanks for sharing',
  'keep up the good work',
  'keep up the great work',
  'i will bookmark',
  'bookmarked your',
  'your blog',
  'your website',
  'this blog is',
  'i really like your',
  'helpful information',
  'very helpful post',
  'wonderful post',
  'i have been browsing',
  'i am glad to find',
  'leuk artikel, ik',
  'bedankt voor het delen',
  'ik kom zeker terug',
];

const NON_LATIN = /[\u0400-\u04FF\u0600-\u06FF\u4E00-\u9FFF\u3040-\u30FF\u0E00-\u0E7F]/g;

// Each term as a whole-word pattern, compiled once per list: compiling them was most of a post's
// spam checks.
const compiled = new WeakMap<string[], Array<[string, RegExp]>>();

function termIn(terms: string[], text: string): string | undefined {
  let patterns = compiled.get(terms);
  if (!patterns) {
    patterns = terms.map((t) => [t, new RegExp(`(^|[^\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u')]);
    compiled.set(terms, patterns);
  }
  const lower = text.toLowerCase();
  return patterns.find(([, pattern]) => pattern.test(lower))?.[0];
}

export interface Signal {
  kind: 'spam-term' | 'generic-praise' | 'foreign-script';
  detail: string;
}

export function spamSignals(authorName: string, body: string): Signal[] {
  const out: Signal[] = [];
  const term = termIn(SPAM_TERMS, `${authorName}\n${body}`);
  if (term) out.push({ kind: 'spam-term', detail: `spamwoord "${term}"` });
  const praise = termIn(GENERIC_PRAISE, body);
  if (praise && body.length < 400) out.push({ kind: 'generic-praise', detail: `algemene lof ("${praise}")` });
  const letters = body.replace(/[^\p{L}]/gu, '').length;
  const foreign = (body.match(NON_LATIN) ?? []).length;
  if (letters > 10 && foreign / letters > 0.3) out.push({ kind: 'foreign-script', detail: 'tekst grotendeels in een ander schrift' });
  return out;
}
