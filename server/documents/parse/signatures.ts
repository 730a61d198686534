// Signature blocks: who signed, and for whom. A block starts at a closing formula ("Met vriendelijke
// groet,"), at "Namens X", at a function line ("Burgemeester en wethouders van Helmond,", "De minister
// van …, NAME", "De voorzitter van de commissie,"), after a motie's "en gaat over tot de orde van de
// dag", or at the end of the text (a name with a function or party line below, or an organisation
// line above). Its lines are the document's signers: never a question or an answer.
import { COLLEGE_SIGNS, nameThenFunction } from './college-sender';
import { FRACTIE_WORD, FRACTION_OF, isParty, nationalBranch, PARTY, partyLike, partyRow } from './parties';
import { MOTIE_END, SITE_LINK, conceptOf } from './labels';
import { continuesName, type Line } from './lines';
import { splitNames } from './values';

export interface Signer {
  name: string;
  /** "Wethouder Sociale Zaken", "de burgemeester": a signer with a function signs for an office. */
  func?: string;
  /** The party or fractie the signer signs for ("Namens D66", a party line under the name). */
  party?: string;
}

export interface Signatures {
  signers: Signer[];
  /** Every line of every block. */
  lines: Set<number>;
  /** Who sends, as the signature says: "De minister van …", "de fractie van het CDA", "Fractie GBW". */
  senders: string[];
}

const PARTICLE = /^(?:van|de|der|den|ter|ten|te|het|'t|von|le|la|du|da|dos|el|al|in|'t)$/i;
const TITLE = /^(?:dhr|mevr|mw|drs|dr|mr|ir|ing|prof|ds|bc|ma|msc|ba|ll\.?m|mba)\.?$/i;
const INITIALS = /^(?:\p{Lu}\.\s?)+$/u;
const CAPITALISED = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*$/u;

/** A person's name: capitalised words with particles, initials and titles; no digits, no sentence. */
/** Labels that are also a signer's function or party under the name ("Wethouder", "Raadslid", "Fractie"). */
const SIGNER_ROLES = new Set<string>([
  'portefeuillehouder',
  'indieners',
  'partijen',
  'afzender',
  'aan',
  'behandeld_door',
  'inlichtingen_bij',
]);

/** Words of a sentence, not of a party's name: two words in lower case that are no small words ("Meer nieuws uit"). */
const runningWords = (text: string) =>
  text.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !/^(?:voor|de|van|het|en|der|in|op)$/.test(w)).length >= 2;

/** A page's links and widgets (SITE_LINK) and its menu's words: the site's, never a person's name. */
const SITE_WORDS = new RegExp(
  `^(?:${SITE_LINK}|reacties?|reageer|reageren|menu|home|contact|zoeken|search|terug|volgende|vorige|next|previous|e-?mail)$`,
  'i',
);

export function looksLikeName(text: string, allowSingle = false): boolean {
  const s = text
    .replace(/[,.]$/, '')
    .replace(/\s+[–-]\s+/g, '-')
    .trim();
  if (!s || /\d|[:;?!()]/.test(s)) return false;
  // A web page's own words under a post ("Comments", "Delen", "Reacties"): the site's, never a person.
  if (SITE_WORDS.test(s)) return false;
  // "Fractie Franssen", "Gemeente Bergen": an organisation, not a person.
  if (/^(?:fractie|gemeente|provincie|partij|ministerie|college|raad|commissie)\b/i.test(s)) return false;
  // "van de Gemeente Westland": a body's word after the particles is no surname.
  if (
    /^(?:(?:van|de|der|den|het)\s+)+(?:gemeente|provincie|fractie|partij|ministerie|college|raad|commissie|stichting|vereniging)\b/i.test(s)
  )
    return false;
  // "Werkgroep Windwijzer", "Stichting Oud Rockanje", "Bewonersvereniging Noord": a body names its kind first.
  if (
    /^\p{L}*(?:groep|stichting|vereniging|raad|comité|platform|bestuur|organisatie|collectief|coöperatie|federatie|bond|netwerk)\s/iu.test(
      s,
    )
  )
    return false;
  const tokens = s.split(/\s+/);
  if (tokens.length > 7) return false;
  let caps = 0;
  for (const tok of tokens) {
    if (TITLE.test(tok) || PARTICLE.test(tok)) continue;
    if (INITIALS.test(tok) || /^(?:\p{Lu}\.)+$/u.test(tok)) {
      caps++;
      continue;
    }
    if (tok.split('-').every((p) => CAPITALISED.test(p) || PARTICLE.test(p))) {
      caps++;
      continue;
    }
    return false;
  }
  const last = tokens[tokens.length - 1].replace(/[,.]$/, '');
  if (PARTICLE.test(last) || TITLE.test(last) || !caps) return false;
  const words = tokens.filter((t) => !TITLE.test(t) && !PARTICLE.test(t) && !INITIALS.test(t));
  return words.length >= 2 || (words.length === 1 && (allowSingle || tokens.length > 1));
}

/** Several names on one line: by column gaps, or first name + particles + surname pairs. */
function namesOn(text: string, allowSingle: boolean): string[] | null {
  const t = text.replace(/[,.]$/, '').trim();
  if (/\t/.test(t)) {
    const cols = t.split('\t').map((c) => c.trim());
    return cols.every((c) => looksLikeName(c, allowSingle)) ? cols : null;
  }
  if (looksLikeName(t, allowSingle) && t.split(/\s+/).filter((w) => !PARTICLE.test(w)).length <= 3) return [t];
  const tokens = t.split(/\s+/);
  if (tokens.length < 4 || !tokens.every((w) => CAPITALISED.test(w) || PARTICLE.test(w))) return looksLikeName(t, allowSingle) ? [t] : null;
  const out: string[] = [];
  let cur: string[] = [];
  for (const w of tokens) {
    const surnameDone = cur.length >= 2 && !PARTICLE.test(cur[cur.length - 1]);
    if (surnameDone && !PARTICLE.test(w)) {
      out.push(cur.join(' '));
      cur = [];
    }
    cur.push(w);
  }
  if (cur.length) out.push(cur.join(' '));
  return out.every((n) => n.split(/\s+/).length >= 2) ? out : null;
}

/** A party word that no person's name holds: a party's name that also reads as a name ("Leefbaar Delft") has one. */
const PARTY_WORD = /leefbaar|lokaal|belang|sterk|partij/i;

/**
 * "Hans de Waard SP", "Wesley Pechler Partij voor de Dieren", "Heerd Jan Hoogeveen STERK Woerden": a person's name
 * and then a party with only a space between; null when the line is anything else. The party is one the lexicon
 * knows, and it reads as no person's name ("Anna Maria Groen Vermeer" is a name, not Anna Maria of "Groen Vermeer").
 */
export function nameThenParty(text: string): { name: string; party: string } | null {
  const t = text.replace(/[,.]$/, '').trim();
  if (/[,()\t]/.test(t)) return null;
  const words = t.split(/\s+/);
  for (let k = 2; k < words.length; k++) {
    const name = words.slice(0, k).join(' ');
    const party = words.slice(k).join(' ');
    if (!isParty(party) || !looksLikeName(name)) continue;
    if (looksLikeName(party, true) && !nationalBranch(party) && !PARTY_WORD.test(party)) continue;
    return { name, party };
  }
  return null;
}

/**
 * "D66, Heerd Jan Hoogeveen STERK Woerden, Elias Bom": several parties and names run together on one line, each party
 * with the name after it (or each name with the party after it), the pairs apart by commas. Two pairs at least; null
 * otherwise.
 */
export function pairsRunTogether(text: string): Array<{ name: string; party: string }> | null {
  const parts = text
    .replace(/[.]$/, '')
    .split(/\s*,\s*/)
    .map((p) => p.trim());
  if (parts.length < 3) return null;
  const out: Array<{ name: string; party: string }> = [];
  // Party first: "P1, N1 P2, N2": the middle parts are a name and the next pair's party.
  let party = parts[0];
  if (isParty(party)) {
    for (let k = 1; k < parts.length; k++) {
      if (k === parts.length - 1) {
        if (!looksLikeName(parts[k])) return null;
        out.push({ name: parts[k], party });
        return out;
      }
      const pair = nameThenParty(parts[k]);
      if (!pair) return null;
      out.push({ name: pair.name, party });
      party = pair.party;
    }
  }
  return null;
}

/**
 * A line of names each with a party in brackets ("Jan de Vries (SGP)", "A. Bakker (CDA), P. Smit (D66)"), or one name
 * with its party after a comma: the names and parties, or null. The bracket holds a party of the lexicon or a short
 * capitalised name, never a sentence; after a comma only a party's shape (`partyLike`: not a function).
 */
export function namedWithParty(text: string, allowSingle: boolean): { name: string; party?: string; func?: string }[] | null {
  const t = text.replace(/[,.]$/, '').trim();
  // "Anna de Boer, Partij voor de Dieren", "Piet Smit, AWP": one name, a comma, and a party of the lexicon or an acronym.
  const comma = /^([^,()]+),\s*([^,()]+)$/.exec(t);
  if (comma) {
    const [name, party] = [comma[1].trim(), comma[2].trim()];
    return partyLike(party) && looksLikeName(name, allowSingle) ? [{ name, party }] : null;
  }
  if (!/\)$/.test(t)) return null;
  const out: { name: string; party?: string; func?: string }[] = [];
  for (const part of t.split(/\)\s*(?:,|\ben\b)?\s*/).filter(Boolean)) {
    const m = /^(.+?)\s*\(([^()]+)$/.exec(part.trim());
    if (!m) return null;
    const [name, party] = [m[1].trim(), m[2].trim()];
    // A function in brackets is the signer's function, not a party: "Wim Schulpen (Burgerlid)", "(raadslid)".
    if (FUNCTION.test(party) || /lid$/i.test(party)) {
      if (!looksLikeName(name, allowSingle)) return null;
      out.push({ name, func: party });
      continue;
    }
    if (!partyLike(party, 'bracket') || !looksLikeName(name, allowSingle)) return null;
    out.push({ name, party });
  }
  return out.length ? out : null;
}

const CLOSING =
  /^(?:met\s+(?:vriendelijke|hartelijke|collegiale|beleefde)\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|hoogachtend|groet(?:en)?|(?:was\s+)?getekend|ondertekend|w\.g\.|(?:ondertekening|handtekening)(?:en)?(?:\s+en\s+naam)?|naam\s+en\s+(?:handtekening|ondertekening)|in\s+afwachting\s+van\s+uw\s+(?:\p{L}+\s+)?(?:antwoord(?:en)?|beantwoording|reactie))\s*[,:.]?$/iu;
const GLUED_CLOSING = /\bmet\s+(?:vriendelijke|hartelijke)\s+groet(?:en)?,?\s+(.+?)\.?$/i;
/** "Namens …" — not "Namens deze," (on behalf of the signer: an old formula, no sender). */
const PARTY_AT_START = new RegExp(`^${PARTY}`, 'u');
/** How long an organisation's line may be: "het college van burgemeester en wethouders van de gemeente X," runs longer. */
const orgWords = (t: string) => (/^(?:het\s+college\s+van|burgemeester\s+en\s+wethouders\s+van)\b/i.test(t) ? 14 : 8);
const NAMENS = /^namens\s+(?!deze\b|dezen\b)(.+?)[,:]?$/i;
/** A function of a member who asks, not of an office that answers: "raadslid", "Gemeenteraadslid", "Statenlid", "fractievoorzitter". */
export const MEMBER_FUNCTION = /^(?:het\s+)?(?:(?:gemeente)?raads|staten|burger|commissie)?lid\b|fractievoorzitter/i;
const FUNCTION =
  /^(?:(?:de|het)\s+)?(?:burgemeester|locoburgemeester|secretaris|gemeentesecretaris|griffier|raadsgriffier|voorzitter|minister|staatssecretaris|wethouder|lid|(?:gemeente)?raadslid|statenlid|burgerlid|commissielid|fractievoorzitter|directeur|gedeputeerde|commissaris|college|burgemeester\s+en\s+wethouders|het\s+college)\b/i;
const ORGANISATION_LINE =
  /^(?:(?:staten|raads)?fractie\s+\S.*|.*-fractie|(?:de\s+)?fractie\s+van\s+.+|gemeente\s+\S.*|provincie\s+\S.*|burgemeester\s+en\s+wethouders\s+van\s+.+|het\s+college\s+van\s+.+)$/i;

/**
 * A signer's row in columns: the name, a column gap, the function ("J. in het Veld<tab>Fractievoorzitter CDA").
 * Returns the name and the function, or null when the row is anything else.
 */
export function nameAndFunction(text: string): { name: string; func: string } | null {
  const cols = text
    .split('\t')
    .map((c) => c.trim())
    .filter(Boolean);
  if (cols.length !== 2 || !FUNCTION.test(cols[1]) || cols[1].split(/\s+/).length > 8 || /[.?!:;]$/.test(cols[1])) return null;
  return looksLikeName(cols[0]) ? { name: cols[0].replace(/,$/, ''), func: cols[1].replace(/,$/, '') } : null;
}

/**
 * "VVD – Sylvia Hosman", "Sylvia Hosman - VVD": a person and a party apart by a dash; null when one side is no party
 * the lexicon knows or the other no person's name.
 */
export function dashedNameAndParty(item: string): { name: string; party: string } | null {
  const m = /^(.+?)\s+[–—-]\s+(.+)$/u.exec(item.trim());
  if (!m) return null;
  if (isParty(m[1]) && looksLikeName(m[2])) return { name: m[2], party: m[1] };
  if (looksLikeName(m[1]) && isParty(m[2])) return { name: m[1], party: m[2] };
  return null;
}

/**
 * The party in a signer's function: "Fractievoorzitter PvdA", "Raadslid van GroenLinks" when the lexicon knows it;
 * after "Fractievoorzitter" or "Fractie" also one capitalised word the lexicon does not know ("Fractievoorzitter
 * Burgerforum"): a fractie bears its party's name.
 */
export function partyOfFunction(func: string | undefined): string[] {
  const m = func ? /^(fractievoorzitter|raadslid|statenlid|fractie)\s+(?:van\s+(?:de\s+|het\s+)?)?(.+?)[,.]?$/i.exec(func) : null;
  if (!m) return [];
  const fractie = /^fractie/i.test(m[1]) && /^\p{Lu}[\p{L}\d!&'-]+$/u.test(m[2]) && !looksLikeName(m[2]);
  return isParty(m[2]) || fractie ? [m[2]] : [];
}

/**
 * The one line under a closing formula that names no person: the body that signs ("Groep Actiebiogas.nl", "Bestuur
 * Wijkraad Noord"). A short name in capitals, no sentence, the text's last line or one above an empty line; a first
 * name alone ("Jan") is no body.
 */
function signingBody(t: string, next: string): boolean {
  const words = t.split(/\s+/);
  return (
    words.length <= 6 &&
    /^\p{Lu}/u.test(t) &&
    !/[.?!:;,]$/.test(t) &&
    !runningWords(t) &&
    !/\d{4}|@|https?:/.test(t) &&
    (words.length >= 2 || /[.\d]|\p{Ll}\p{Lu}|^\p{Lu}{2,}$/u.test(t)) &&
    !next.trim()
  );
}

const FRACTIE_AT_END = new RegExp(`(?<=\\S)${FRACTIE_WORD.replace(/\)\?$/, ')')}$`, 'iu');

/** "de fractie van de PvdA" → "PvdA"; "de PvdA-fractie" → "PvdA"; "D66 Helmond" stays. */
export function partiesOf(text: string): string[] {
  const t = text
    .replace(FRACTION_OF, '')
    .replace(/^(?:de|het)\s+/i, '')
    .replace(/[,.:]+$/, '')
    // "de PvdA-raadsfractie", "de SP- fractie": the party before its fractie word.
    .replace(FRACTIE_AT_END, '');
  // "de VVD Statenfractie Noord-Brabant", "CDA fractie Moerdijk": the party is the name before the fractie word.
  const fractie = /^(.+?)[\s-]+(?:staten|raads|gemeenteraads|kamer)?fractie\b/iu.exec(t);
  if (fractie && isParty(fractie[1])) return [fractie[1]];
  // "Fractie PvdA/GroenLinks": parties that go as one are one party.
  if (t.includes('/') && isParty(t)) return [t];
  const names = splitNames(t);
  // "Partij voor de Vrijheid in Zeeland": the party's name as the lexicon knows it.
  const known = names.length === 1 ? PARTY_AT_START.exec(names[0]) : null;
  return known && /^\s+\p{Ll}/u.test(names[0].slice(known[0].length)) ? [known[0]] : names;
}

/** The most common number of empty lines between two paragraphs of the text (1 when it has no such run). */
function usualSpacing(lines: Line[]): number {
  const runs = new Map<number, number>();
  let run = 0;
  lines.forEach((l, i) => {
    if (!l.text.trim()) run++;
    else {
      if (run > 0 && i > run) runs.set(run, (runs.get(run) ?? 0) + 1);
      run = 0;
    }
  });
  let usual = 1;
  for (const [length, count] of runs) if (count > (runs.get(usual) ?? 0)) usual = length;
  return usual;
}

export function signatures(lines: Line[], taken: Set<number>, from: number): Signatures {
  const out: Signatures = { signers: [], lines: new Set(), senders: [] };
  const text = (i: number) => (i < lines.length && !taken.has(i) ? lines[i].text.trim() : '');
  const blank = (i: number) => i < lines.length && (taken.has(i) || !lines[i].text.trim());
  /** Only empty lines between a and b (one or two: a text with its paragraph breaks doubled). */
  const blanksBetween = (a: number, b: number) => b > a + 1 && Array.from({ length: b - a - 1 }, (_, k) => a + 1 + k).every(blank);
  const push = (s: Signer) => {
    if (!out.signers.some((x) => x.name === s.name)) out.signers.push(s);
  };
  // How many empty lines this text puts between paragraphs (most often): a page copied with a line of spaces between
  // doubled breaks has three, and its signature stands five below the closing.
  const spacing = usualSpacing(lines);
  const before = Math.max(3, 2 * spacing - 1);
  const inside = Math.max(2, spacing);

  /** Reads a block from line i on; returns the last line it took. */
  const block = (start: number, context: { party?: string; allowSingle: boolean; closing?: boolean }): number => {
    let last = start - 1;
    let func: string | undefined;
    let party = context.party;
    let blanks = 0;
    let empties = 0;
    let pendingNames: Signer[] = [];
    for (let j = start; j < lines.length; j++) {
      if (blank(j)) {
        // Before the first line of the signature `before` empty lines may stand (three in a text with single breaks: a
        // line of spaces between two paragraph breaks), when all are empty in the text itself (a line read as a field is
        // no empty line); inside it, more than `inside` end it.
        if (!taken.has(j) && !lines[j].text.trim()) empties++;
        if (++blanks > (last === start - 1 && empties === blanks ? before : inside)) break;
        continue;
      }
      // A list item is the text's, not a signature.
      if (lines[j].bullet || lines[j].heading) break;
      const t = text(j).replace(/\s+$/, '');
      // "Namens deze,": the old formula between the fractie and the name; "Getekend," above the names.
      if (/^namens\s+dezen?,?$/i.test(t) || CLOSING.test(t)) {
        out.lines.add(j);
        last = j;
        continue;
      }
      const plainT = t.replace(/\t/g, ' ');
      // A label on its own line ("Status", "Voor", "Tegen:", "Datum"): a field of the page begins, the signature ends.
      // Words that name a signer's role ("Wethouder", "Raadslid", "Fractie") are the signature's own lines.
      const label = conceptOf(plainT.replace(/:$/, '').trim());
      if (label !== undefined && !SIGNER_ROLES.has(label)) break;
      const namens = NAMENS.exec(plainT);
      const nameFirst = /^(.+?),?\s+namens\s+(.+?)[,.]?$/i.exec(plainT);
      const comma = namens ? namens[1].lastIndexOf(',') : -1;
      if (namens && comma > 0 && looksLikeName(namens[1].slice(comma + 1).trim())) {
        // "Namens D66, Frans Bastiaens".
        party = namens[1].slice(0, comma).trim();
        out.senders.push(party);
        pendingNames = [{ name: namens[1].slice(comma + 1).trim(), party }];
        pendingNames.forEach(push);
      } else if (nameFirst && looksLikeName(nameFirst[1])) {
        // "Karin Peeters, namens GroenLinks".
        out.senders.push(nameFirst[2]);
        pendingNames = [{ name: nameFirst[1], party: nameFirst[2] }];
        pendingNames.forEach(push);
      } else if (namens) {
        party = namens[1];
        // "namens de gezamenlijke bewonersverenigingen" / "te Maarssen": the sender's name goes on.
        if (!/,$/.test(plainT) && continuesName(text(j + 1))) {
          party = `${party} ${text(j + 1).replace(/,$/, '')}`;
          out.lines.add(j + 1);
          j++;
        }
        out.senders.push(party);
        func = undefined;
        pendingNames = [];
      } else if (FUNCTION.test(plainT) && plainT.split(/\s+/).length <= 12 && !/[.?!]$/.test(plainT)) {
        // "De minister van …, J. W. E. Spies": function and name on one line.
        const comma = plainT.lastIndexOf(',');
        const tail = comma > 0 ? plainT.slice(comma + 1).trim() : '';
        if (tail && looksLikeName(tail, true)) {
          const f = plainT.slice(0, comma).trim();
          push({ name: tail, func: f });
          if (/^de\s+minister|^de\s+staatssecretaris/i.test(f)) out.senders.push(f);
        } else if (
          pendingNames.length &&
          j === last + 1 &&
          !(/,$/.test(plainT) && plainT.split(/\s+/).length <= 3) &&
          // Names that have their function already ("De voorzitter van de commissie," / "Aptroot"): the next
          // function line is the next signer's ("De griffier van de commissie," / "Groen").
          !(/,$/.test(plainT) && pendingNames.every((p) => p.func))
        ) {
          // A function line under a name: "André Willems" / "Wethouder Sociale Zaken, …".
          for (const p of pendingNames) p.func = plainT.replace(/,$/, '');
          pendingNames = [];
        } else {
          pendingNames = [];
          func = plainT.replace(/,$/, '');
          // "de minister van …", "het college van burgemeester en wethouders van X,": who sends it.
          if (
            /^de\s+minister|^de\s+staatssecretaris/i.test(func) ||
            (ORGANISATION_LINE.test(plainT) && /^(?:het\s+)?college\s+van\b/i.test(plainT)) ||
            COLLEGE_SIGNS.test(func)
          )
            out.senders.push(func);
        }
      } else if (pendingNames.length && j === last + 1 && /,$/.test(lines[last].text.trim()) && plainT.split(/\s+/).length <= 8) {
        // The function goes on: "Wethouder Sociale Zaken, Ouderenbeleid," / "Stadsbeheer, Sport en Recreatie".
      } else if (
        nameThenFunction(
          plainT,
          (f) => FUNCTION.test(f),
          (n) => looksLikeName(n),
        )
      ) {
        // "drs. J. Hamming, burgemeester": the name, then its function.
        const row = nameThenFunction(
          plainT,
          (f) => FUNCTION.test(f),
          (n) => looksLikeName(n),
        )!;
        pendingNames = [{ name: row.name, func: row.func, party }];
        pendingNames.forEach(push);
        func = undefined;
      } else if (nameAndFunction(t)) {
        const row = nameAndFunction(t)!;
        pendingNames = [{ name: row.name, func: row.func, party }];
        pendingNames.forEach(push);
        func = undefined;
      } else if (pairsRunTogether(plainT) || nameThenParty(plainT)) {
        // "Hans de Waard SP"; "D66, Heerd Jan Hoogeveen STERK Woerden, Elias Bom": names each with a party.
        pendingNames = (pairsRunTogether(plainT) ?? [nameThenParty(plainT)!]).map((p) => ({ ...p, func }));
        pendingNames.forEach(push);
        func = undefined;
      } else if (namedWithParty(plainT, context.allowSingle || !!func || !!party)) {
        // "Jan de Vries (SGP)", "A. Bakker (CDA), P. Smit (D66)": names each with their party in brackets.
        pendingNames = namedWithParty(plainT, true)!.map((s) => ({ name: s.name, party: s.party ?? party, func: s.func ?? func }));
        pendingNames.forEach(push);
        func = undefined;
      } else {
        const names = namesOn(t, context.allowSingle || !!func || !!party);
        if (names) {
          pendingNames = names.map((name) => ({ name, func, party }));
          pendingNames.forEach(push);
          func = undefined;
        } else if (
          (ORGANISATION_LINE.test(plainT) && plainT.split(/\s+/).length <= orgWords(plainT)) ||
          (context.closing && last === start - 1 && !pendingNames.length && signingBody(plainT, lines[j + 1]?.text ?? ''))
        ) {
          if (pendingNames.length && j === last + 1) for (const p of pendingNames) p.party ??= plainT;
          else party = plainT;
          out.senders.push(plainT);
        } else if (
          pendingNames.length &&
          (j === last + 1 || (j <= last + 3 && blanksBetween(last, j) && partyRow(plainT, pendingNames.length))) &&
          plainT.split(/\s+/).length <= 6 &&
          // "Partij voor de Vrijheid.": a party line may end in a full stop; another line that does is a sentence.
          (!/[.?!:]$/.test(plainT) || isParty(plainT.replace(/(?<=\p{L})\.$/u, ''))) &&
          !runningWords(plainT)
        ) {
          // A party line under the names (also after an empty line when it names parties only), in columns when
          // there are several: by tabs, or by the parties' names.
          const tabbed = t
            .split('\t')
            .map((c) => c.trim())
            .filter(Boolean);
          const cols = partyRow(plainT, pendingNames.length) ?? tabbed;
          if (cols.length === pendingNames.length) pendingNames.forEach((p, k) => (p.party ??= cols[k]));
          else if (pendingNames.length === 1) pendingNames[0].party ??= plainT;
          else break;
          // Parties after an empty line close the signature: what follows is the page's, not a signer.
          if (j > last + 1) {
            out.lines.add(j);
            return j;
          }
        } else break;
      }
      for (let k = last + 1; k <= j; k++) if (!blank(k)) out.lines.add(k);
      last = j;
      blanks = 0;
      empties = 0;
    }
    return last;
  };

  const nameFollows = (i: number): boolean => {
    let j = i + 1;
    while (j < lines.length && blank(j) && j <= i + 2) j++;
    return !!text(j) && (!!namesOn(text(j), true) || FUNCTION.test(text(j)));
  };

  for (let i = from; i < lines.length; i++) {
    const t = text(i).replace(/\t/g, ' ');
    if (!t) continue;
    if (CLOSING.test(t)) {
      out.lines.add(i);
      i = Math.max(i, block(i + 1, { allowSingle: false, closing: true }));
      continue;
    }
    // "Indiener, Thije van de Wall": who submits, as a closing line.
    const submitter = /^(?:indieners?|ingediend\s+door)\s*,\s+(.+?)\.?$/i.exec(t);
    if (submitter && splitNames(submitter[1]).every((n) => looksLikeName(n))) {
      splitNames(submitter[1]).forEach((name) => push({ name }));
      out.lines.add(i);
      continue;
    }
    const glued = GLUED_CLOSING.exec(t);
    if (glued && looksLikeName(glued[1])) {
      push({ name: glued[1] });
      i = Math.max(i, block(i + 1, { allowSingle: false }));
      continue;
    }
    if ((NAMENS.test(t) || /^\S.{1,60},?\s+namens\s+\S/i.test(t)) && t.split(/\s+/).length <= 10 && !/[?]$/.test(t)) {
      i = Math.max(i, block(i, { allowSingle: false }));
      continue;
    }
    if (FUNCTION.test(t) && t.split(/\s+/).length <= 12 && (/,$|,\s*[^,]+$/.test(t) || nameFollows(i)) && !/[.?!]$/.test(t)) {
      const end = block(i, { allowSingle: true });
      if (out.signers.length) i = Math.max(i, end);
      continue;
    }
    if (MOTIE_END.test(t)) {
      i = Math.max(i, block(i + 1, { allowSingle: true }));
      continue;
    }
  }
  // The end of the text, when no closing or function found a signer or a sender: a name with a function or party
  // line, or an organisation line above a name.
  if (!out.signers.length && !out.senders.length) {
    const content: number[] = [];
    for (let i = lines.length - 1; i >= from && content.length < 6; i--) if (text(i)) content.unshift(i);
    for (const start of content) {
      const t = text(start).replace(/\t/g, ' ');
      if (namesOn(text(start), false) || (ORGANISATION_LINE.test(t) && t.split(/\s+/).length <= orgWords(t))) {
        const before = out.signers.length;
        block(start, { allowSingle: false });
        if (out.signers.length > before) break;
        out.lines.clear();
        out.senders.length = 0;
      }
    }
  }
  return out;
}
