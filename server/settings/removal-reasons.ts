// The reasons a moderator takes a reactie off the page with ("Weghalen met reden…" and the queue's
// keys 1 to 9): a setting (schema.ts, removalReasons), one reason a line, read by the pure function
// below. Each has a label for the moderator, the category the public moderation log files it under,
// the public text that goes with it into the log, and whether the author gets a mail about it.
//
// A line: Label | categorie | openbare tekst | mail (or: geen mail)

/**
 * Why a reactie came off the page, as the public moderation log files it; the reasons a reader can
 * report are the first four (reacties/moderation-log.ts names them MODERATION_REASONS). Kept here,
 * below the reacties feature, so the settings can check a removal reason's category.
 */
export const REASON_CATEGORIES = {
  spam: 'spam',
  beledigend: 'beledigend',
  persoonsgegevens: 'persoonsgegevens',
  'off-topic': 'hoort hier niet',
  anders: 'andere reden',
} as const;
export type ReasonCategory = keyof typeof REASON_CATEGORIES;

export interface RemovalReason {
  label: string;
  category: ReasonCategory;
  publicText: string;
  /** The author gets a mail with the public text, their reactie and the bezwaar link. */
  mailAuthor: boolean;
}

/** At most nine: the queue's keys 1 to 9 pick one. */
const REMOVAL_REASONS_MAX = 9;
const LABEL_MAX = 60;
// As long as a public note in the moderation log.
const TEXT_MAX = 500;

export const DEFAULT_REMOVAL_REASONS = [
  'Beledigend | beledigend | Weggehaald omdat de reactie beledigend was. Reageer op wat iemand zegt, niet op de persoon. | mail',
  'Spam of reclame | spam | Weggehaald: reclame of spam. | geen mail',
  'Off-topic | hoort hier niet | Weggehaald omdat de reactie niet over dit onderwerp ging. | mail',
  'Privacy van anderen | persoonsgegevens | Weggehaald omdat de reactie persoonlijke gegevens van iemand anders bevatte. | mail',
].join('\n');

function categoryOf(text: string): ReasonCategory | null {
  const t = text.trim().toLowerCase();
  for (const [key, label] of Object.entries(REASON_CATEGORIES) as Array<[ReasonCategory, string]>) if (t === key || t === label) return key;
  return null;
}

const CATEGORY_LIST = Object.values(REASON_CATEGORIES)
  .map((c) => `"${c}"`)
  .join(', ');

/** The reasons in the setting's text, or the first line that is wrong with a Dutch message. */
export function parseRemovalReasons(text: string): { ok: true; reasons: RemovalReason[] } | { ok: false; error: string } {
  const reasons: RemovalReason[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const at = `regel ${i + 1}`;
    const parts = lines[i].split('|').map((p) => p.trim());
    if (parts.length !== 4)
      return { ok: false, error: `${at} heeft geen vier delen. Schrijf: label | categorie | openbare tekst | mail (of: geen mail).` };
    const [label, categoryText, publicText, mailText] = parts;
    if (label === '' || [...label].length > LABEL_MAX)
      return { ok: false, error: `${at}: geef een label van hoogstens ${LABEL_MAX} tekens.` };
    if (reasons.some((r) => r.label.toLowerCase() === label.toLowerCase()))
      return { ok: false, error: `${at}: het label "${label}" staat er al.` };
    const category = categoryOf(categoryText);
    if (!category) return { ok: false, error: `${at}: de categorie is een van ${CATEGORY_LIST}.` };
    if (publicText === '' || [...publicText].length > TEXT_MAX)
      return { ok: false, error: `${at}: geef een openbare tekst van hoogstens ${TEXT_MAX} tekens.` };
    const mail = mailText.toLowerCase();
    if (mail !== 'mail' && mail !== 'geen mail') return { ok: false, error: `${at} eindigt op "mail" of "geen mail".` };
    reasons.push({ label, category, publicText, mailAuthor: mail === 'mail' });
  }
  if (reasons.length > REMOVAL_REASONS_MAX)
    return { ok: false, error: `geef hoogstens ${REMOVAL_REASONS_MAX} redenen (nu ${reasons.length}).` };
  return { ok: true, reasons };
}

/** The reasons of a stored setting; a stored value that no longer reads gives the defaults. */
export function removalReasonsOf(text: string): RemovalReason[] {
  const parsed = parseRemovalReasons(text);
  if (parsed.ok) return parsed.reasons;
  const defaults = parseRemovalReasons(DEFAULT_REMOVAL_REASONS);
  return defaults.ok ? defaults.reasons : [];
}
