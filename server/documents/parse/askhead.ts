// The head of written questions as running text, read by its parts rather than by a list of phrasings:
//   GENRE    "Vragen", "Schriftelijke vragen", "Raadsvragen", "Art. 42-vragen", "Statenvragen"
//   ARTICLE  optional: "(conform artikel 74 van het Reglement van Orde)", "ex artikel 42 RvO", "ingevolge art. 44"
//   PARTS    in any order, each once: "van WHO", "aan WHOM", "over / inzake / betreffende / m.b.t. SUBJECT" (or ": SUBJECT"),
//            "(ingezonden D)"
// "Vragen (conform artikel 74 van het Reglement van Orde), van de fractie van X aan Y over Z" →
// who asks X (a fraction, or members each with a party), to whom Y, about Z. A part that is not of its kind
// (an addressee that is no body or office, a subject that is a sentence) is left out; the rest still counts.
import { ABOUT } from './labels';
import { PARTY } from './parties';
import { plausible } from './values';

export interface AskHead {
  /** Who asks, as written: "de fractie van GroenLinks", "raadslid Jan de Boer (CDA)". */
  who?: string;
  /** To whom: "het college van burgemeester en wethouders". */
  to?: string;
  about?: string;
  /** "(ingezonden 3 mei 2021)": the date as written. */
  sentIn?: string;
  /** The head cites the rules it asks under or names whom it asks: a letter's head, not a title. */
  formal: boolean;
}

const GENRE =
  /^(?:(?:schriftelijke|aanvullende|technische|informatieve|nadere)\s+)?(?:art(?:ikel|\.)?\s*\d+[a-z]?[- ]?)?(?:\p{L}*vragen|\p{L}*vraag)\b\s*/iu;
/** What introduces the article of the rules: "conform", "ex", "in het kader van", … */
const UNDER = String.raw`(?:conform|ex\.?|ingevolge|volgens|op\s+grond\s+van|op\s+basis\s+van|als\s+bedoeld\s+in|in\s+het\s+kader\s+van)`;
/** The rules' name as long as it is written: "Reglement van Orde voor de vergaderingen en andere werkzaamheden van de Raad 2016". */
const RULES = String.raw`(?:reglement\s+van\s+orde|RvO)(?:\s+(?:van\s+)?(?:de\s+|het\s+)?(?:gemeenteraad|raad|provinciale\s+staten|staten|algemeen\s+bestuur))?(?:\s+voor\s+[^,()]*?(?=\s+(?:${ABOUT}|aan)\s|\s*[,)]|$))?`;
const ARTICLE = new RegExp(
  String.raw`^,?\s*\(?\s*(?:${UNDER}\s+)?art(?:ikel|\.)?\s*\d+[a-z]?(?:\s*(?:lid\s+\d+\s*)?(?:van\s+(?:het\s+)?)?${RULES})?\s*\)?\s*,?\s*`,
  'iu',
);
const SENT_IN = /\s*\(\s*(?:ingezonden|ingediend|gesteld)\s+(?:op\s+)?([^)]{6,30})\)\s*[.:]?\s*$/i;
/** A body or an office questions are put to, with its article: "het college", "de Minister van X", "het Dagelijks Bestuur". */
/** Words in either case, in a pattern that must tell a capital from a small letter elsewhere (no `i` flag). */
const ci = (pattern: string) => pattern.replace(/(?<!\\)\b\p{Ll}+\b/gu, (w) => [...w].map((c) => `[${c}${c.toUpperCase()}]`).join(''));
const BODY = ci(
  String.raw`(?:college|colleges|burgemeester|wethouders?|minister|ministers|staatssecretaris|bestuur|dagelijks\s+bestuur|gedeputeerde\s+staten|gedeputeerden?|dijkgraaf|voorzitter|raad|griffie)`,
);
const OF_BODY = ci(String.raw`(?:burgemeester\s+en\s+wethouders|b\s*(?:&|en)\s*w|dijkgraaf\s+en\s+hoogheemraden|gedeputeerde\s+staten)`);
const ADDRESSEE = new RegExp(
  String.raw`^((?:[Dd]e|[Hh]et)\s+(?:[\p{L}-]+\s+){0,2}?${BODY}(?:\s+van\s+(?:de\s+|het\s+)?(?:${OF_BODY}|(?:gemeente\s+|provincie\s+)?\p{Lu}[\p{L}&'-]*(?:\s+(?:en\s+)?\p{Lu}[\p{L}&'-]*)*))*(?:\s+(?:van\s+)?(?:de\s+)?gemeente\s+\p{Lu}[\p{L}-]*)?)(?=$|\s+${ABOUT}\s|\s*[,.:(]|\s+(?:als\s+vervolg|naar\s+aanleiding|n\.a\.v\.)\s|\s+${UNDER}\s)`,
  'u',
);
/** Who asks: a fraction ("de fractie van X", "de X-fractie", "fractie X") or members ("raadslid A (P)", "het lid A (P)"). */
const STOP = String.raw`(?=$|\s+aan\s|\s+${ABOUT}\s|\s*\(\s*(?:ingezonden|ingediend|gesteld)\b|\.\s*$|\s*:`;
/** A party's name: capitalised words, with "voor de" inside ("Partij voor de Dieren Brabantse Delta", "MORGEN!"). */
const NAME = String.raw`[\p{Lu}\d][\p{L}\d!&'’-]*(?:\s+(?:voor\s+de\s+|van\s+de\s+)?[\p{Lu}\d][\p{L}\d!&'’-]*)*`;
const ASKER = new RegExp(
  String.raw`^(?:((?:de\s+|het\s+)?${PARTY}(?:\s+(?:[Rr]aads|[Ss]taten)?fractie(?:\s+\p{Lu}[\p{L}'-]*)?)?)(?=\s+aan\s|\s+${ABOUT}\s|\s*[,:(]|\s+(?:ex|conform|ingevolge)\s|$)|((?:de\s+)?(?:raads|staten)?fractie\s+(?:van\s+)?(?:de\s+|het\s+)?${NAME}|(?:de\s+)?${NAME}-?fractie)(?=$|[\s,.:(])|((?:het\s+|de\s+)?(?:[Rr]aads|[Ss]taten|[Kk]amer|[Cc]ommissie)?(?:lid|leden)\s+\p{Lu}.*?)${STOP}))`,
  'u',
);

/** Where a subject starts: after its word ("inzake") or a dash. */
const SUBJECT_START = new RegExp(String.raw`(?:^|\s)(?:${ABOUT}:?|[–—-])\s+`, 'iu');
/** A label's subject in the text after the head's parts: after its word or a dash. */
function subjectIn(text: string): string | undefined {
  const start = SUBJECT_START.exec(text);
  const subject = (start ? text.slice(start.index + start[0].length) : '').replace(/\s*[.:]$/, '').trim();
  return subject && plausible('onderwerp', subject) ? subject : undefined;
}

/**
 * The head's parts, or null when the text does not open with the genre and a "van" or "aan" part. `inLabel`: the text is
 * a labelled subject ("Betreft: schriftelijke vragen ex art. 43 RvO betreffende Z"), where the genre with the article of
 * the rules is a head by itself: its subject counts without a "van" or "aan", and a head that names none is formal
 * and without a subject.
 */
export function askHead(text: string, { inLabel = false } = {}): AskHead | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const genre = GENRE.exec(t);
  if (!genre) return null;
  let rest = t.slice(genre[0].length);
  const article = ARTICLE.exec(rest);
  if (article) rest = rest.slice(article[0].length);
  const out: AskHead = { formal: !!article };
  const sent = SENT_IN.exec(rest);
  if (sent) {
    out.sentIn = sent[1].trim();
    rest = rest.slice(0, sent.index);
  }
  let parts = 0;
  for (let guard = 0; rest && guard < 5; guard++) {
    rest = rest.replace(/^[,\s]+/, '');
    // The article of the rules may stand between the parts too ("… aan het college van GS ex artikel 46 RvO betreffende …").
    const between = new RegExp(String.raw`^${UNDER}\s`, 'i').test(rest) ? ARTICLE.exec(rest) : null;
    if (between) {
      rest = rest.slice(between[0].length);
      out.formal = true;
      continue;
    }
    const van = /^van\s+/i.exec(rest);
    const aan = /^aan\s+/i.exec(rest);
    // The subject after "over …", or after a colon that ends the head ("Vragen aan het college: Bibliotheek X").
    const about = new RegExp(String.raw`^(?:${ABOUT}:?\s+|:\s*)(.+?)\s*[.:]?$`, 'iu').exec(rest);
    if (van && out.who === undefined) {
      const who = ASKER.exec(rest.slice(van[0].length));
      if (!who) {
        // In a label "van" may be a date's ("… ex art. 42 RvO van 12 maart 2023 inzake Z"): the subject after its word.
        if (inLabel && out.formal && !parts && /^van\s+\d/i.test(rest)) out.about = subjectIn(rest);
        return parts || (inLabel && out.formal) ? out : null;
      }
      out.who = (who[1] ?? who[2] ?? who[3]).trim();
      rest = rest.slice(van[0].length + who[0].length);
    } else if (aan && out.to === undefined) {
      const to = ADDRESSEE.exec(rest.slice(aan[0].length));
      if (!to) break;
      out.to = to[1].trim();
      out.formal = true;
      rest = rest.slice(aan[0].length + to[0].length);
    } else if (about) {
      if (plausible('onderwerp', about[1]) && (out.who || out.to || (inLabel && out.formal))) out.about = about[1];
      break;
    } else {
      // In a label the subject may follow the rules after a dash ("… ex art. 42 RvO - Z").
      if (inLabel && out.formal && !parts && /^[–—-]\s/.test(rest)) out.about = subjectIn(rest);
      break;
    }
    parts++;
  }
  return out.who || out.to || (inLabel && out.formal) ? out : null;
}
