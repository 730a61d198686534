// "Waarom hier?": every reason a reactie is where it is, as one pure function of what was kept with
// it (the spam checks, Akismet's answer, the moderation policy's reasons at that moment), what
// happened since (the audit log, readers' reports, an author's edit) and its article. A reactie a
// moderator or readers' reports moved names that move first; what held it when it came in follows
// as "Bij binnenkomst". The learning filter's score is always listed, with the words and features
// that weighed most once the classifier can say which (evidence.ts).
import type { AuditEntry } from '../../audit/audit-log';
import type { ReactieStatus } from '../../reacties/queries';
import type { QueueReactie } from '../../reacties/queue/queue-queries';
import type { HeldBecause, PolicyReason } from '../../reacties/held-because';
import type { OpenReport, ReportReason } from '../../reacties/reports/reports';
import { MODERATION_REASONS } from '../../reacties/moderation-log';
import type { AkismetAnswer } from '../../spam/akismet';
import type { CheckHit, CheckOutcome } from '../../spam/local-checks';
import type { StoredChecks } from '../../spam/verdict-columns';
import type { Evidence } from './evidence';

export interface WhyReason {
  /** The short words of the summary line: "eerste reactie van dit e-mailadres"; '' for a note that held nothing. */
  short: string;
  /** The whole sentence in the list; '' for a check, which the view words from `hit` with the Dutch labels. */
  text: string;
  /** A spam check that fired. */
  hit?: CheckHit;
  /** When it happened, for the ones that did at a moment (a moderator's decision, an edit). */
  at?: Date;
  /** The learning filter's heaviest words and features (empty until the classifier lists them). */
  evidence?: Evidence[];
}

export interface Why {
  /** Why it is where it is now; never empty. */
  reasons: WhyReason[];
  /** What held it when it came in, when something moved it since; else empty (those are in reasons). */
  atEntry: WhyReason[];
}

export interface WhyFacts {
  reactie: Pick<QueueReactie, 'status' | 'removedByReports' | 'editedAt' | 'officialAs'>;
  checks: StoredChecks | null;
  akismet: AkismetAnswer | null;
  recheckPending: boolean;
  recheckAttempts: number;
  heldBecause: HeldBecause | null;
  heldEditAt: Date | null;
  reports: readonly OpenReport[];
  /** The audit log on this reactie, oldest first. */
  history: readonly AuditEntry[];
  /** Reacties on its article are closed now (by an editor or by time). */
  articleClosed: boolean;
  evidence: Evidence[];
}

const POLICY_TEXTS: Record<PolicyReason, Omit<WhyReason, 'at'>> = {
  'address-held': {
    short: 'schrijver wordt altijd vastgehouden',
    text: 'Een moderator zette dit e-mailadres op ‘Altijd vasthouden’: elke nieuwe reactie wacht op goedkeuring (zie ‘Meer van deze schrijver’).',
  },
  'hold-all': {
    short: 'alle reacties worden vastgehouden',
    text: 'Het moderatiebeleid houdt alle reacties vast tot een moderator ze goedkeurt (instelling ‘Manier van modereren’).',
  },
  'first-reactie': {
    short: 'eerste reactie van dit e-mailadres',
    text: 'Eerste reactie van dit e-mailadres. Het moderatiebeleid publiceert pas direct als er al een reactie van dit adres is goedgekeurd.',
  },
  'earlier-removed': {
    short: 'adres eerder afgekeurd',
    text: 'Van dit e-mailadres is nog geen reactie goedgekeurd; eerdere reacties gingen naar spam of de prullenbak.',
  },
  'earlier-waiting': {
    short: 'eerdere reacties wachten nog',
    text: 'Eerdere reacties van dit e-mailadres wachten ook nog op goedkeuring. Keur je er een goed, dan komen volgende reacties direct online.',
  },
};

/** Decisions in the audit log that moved a reactie: how the list says so, and the statuses it can have after. */
const MOVES: Record<string, { short: string; text: string; to: readonly ReactieStatus[] }> = {
  'reactie.unapprove': {
    short: 'afgekeurd door een moderator',
    text: 'Een moderator haalde hem van de pagina (afgekeurd).',
    to: ['pending'],
  },
  'reactie.not-spam': {
    short: 'uit de spam gehaald',
    text: 'Een moderator haalde hem uit de spam; nu wacht hij op goedkeuring.',
    to: ['pending'],
  },
  'reactie.spam': { short: 'als spam gemarkeerd door een moderator', text: 'Een moderator markeerde hem als spam.', to: ['spam'] },
  'reactie.trash': { short: 'in de prullenbak gezet door een moderator', text: 'Een moderator zette hem in de prullenbak.', to: ['trash'] },
  'reactie.restore': {
    short: 'teruggezet uit de prullenbak',
    text: 'Een moderator haalde hem terug uit de prullenbak.',
    to: ['pending', 'approved'],
  },
  'reactie.approve': { short: 'goedgekeurd door een moderator', text: 'Een moderator keurde hem goed.', to: ['approved'] },
  'reactie.appeal-granted': { short: 'bezwaar toegekend', text: 'Een moderator kende het bezwaar van de schrijver toe.', to: ['approved'] },
  'reactie.appeal-rejected': {
    short: 'bezwaar afgewezen',
    text: 'Een moderator wees het bezwaar van de schrijver af.',
    to: ['pending', 'spam', 'trash'],
  },
  'reactie.withdraw': { short: 'ingetrokken door de schrijver', text: 'De schrijver trok de reactie zelf in.', to: ['trash'] },
};

// A check that only records (a score below the threshold) or lifts a hold is no reason to be held.
const HOLDING: readonly CheckOutcome[] = ['spam', 'hold', 'suspect'];

const nl = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function lezers(n: number): string {
  return n === 1 ? '1 lezer' : `${n} lezers`;
}

function reportReasons(reports: readonly OpenReport[]): string {
  const counts = new Map<ReportReason, number>();
  for (const r of reports) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${n}× ${MODERATION_REASONS[reason]}`)
    .join(', ');
}

/** The learning filter: its score always, as a reason when it held or caught the reactie. */
function filterReason(checks: StoredChecks, hits: readonly CheckHit[], evidence: Evidence[]): WhyReason | null {
  if (checks.score === undefined) return null;
  const hit = hits.find((h) => h.check === 'classifier' && HOLDING.includes(h.outcome));
  const shown = nl.format(Math.floor(checks.score * 100) / 100);
  return hit
    ? {
        short: `lerend filter (${shown})`,
        text: `Lerend filter: ${hit.detail}, daarom ${hit.outcome === 'spam' ? 'als spam gemarkeerd' : 'vastgehouden'}.`,
        evidence,
      }
    : { short: '', text: `Lerend filter: spamkans ${shown}; dat telde niet mee.`, evidence };
}

function akismetReason(f: WhyFacts): WhyReason | null {
  const a = f.akismet;
  if (!a) return null;
  if (a.verdict === 'spam' || a.verdict === 'discard')
    return { short: 'Akismet: spam', text: `Akismet hield hem voor ${a.verdict === 'discard' ? 'overduidelijke spam' : 'spam'}.` };
  if (a.verdict !== 'error') return null;
  const tries = f.recheckAttempts === 1 ? '1 keer' : `${f.recheckAttempts} keer`;
  const then = f.recheckPending
    ? `Hij wacht tot Akismet alsnog antwoordt (${tries} opnieuw geprobeerd, de volgende poging is gepland).`
    : f.recheckAttempts
      ? `Na ${tries} opnieuw proberen is het opgegeven: beslis zelf.`
      : 'Beslis zelf.';
  return { short: 'Akismet: geen antwoord', text: `Akismet gaf geen antwoord. ${then}` };
}

const OLDER_POLICY: WhyReason = {
  short: 'moderatiebeleid',
  text: 'Het moderatiebeleid hield hem vast. Welke regel gold, is bij deze oudere reactie niet bewaard.',
};
const NOT_KEPT: WhyReason = {
  short: 'reden niet bewaard',
  text: 'Waarom hij wacht, is niet bewaard: een geïmporteerde of oudere reactie.',
};

/** Held, and nothing kept says why: a row from before the reasons were kept (with checks, the policy held it). */
const fallback = (f: WhyFacts): WhyReason => (f.checks ? OLDER_POLICY : NOT_KEPT);

/** What held it when it came in: the checks that fired, Akismet, the policy, the learning filter. */
function entryReasons(f: WhyFacts, moved: boolean): WhyReason[] {
  const out: WhyReason[] = [];
  const hits = f.checks?.hits ?? [];
  for (const hit of hits) if (hit.check !== 'classifier' && HOLDING.includes(hit.outcome)) out.push({ short: '', text: '', hit });
  const akismet = akismetReason(f);
  if (akismet) out.push(akismet);
  // The policy only holds: for a reactie the filter put in spam it is no reason to be there (on entry, before a move, it was).
  if (f.reactie.status === 'pending' || moved) for (const p of f.heldBecause?.policy ?? []) out.push({ ...POLICY_TEXTS[p] });
  if (f.reactie.status === 'approved') {
    if (f.reactie.officialAs)
      out.push({ short: 'officiële reactie', text: `Officiële reactie namens ${f.reactie.officialAs}: direct geplaatst.` });
    else if (hits.some((h) => h.outcome === 'trust'))
      out.push({ short: 'bekend e-mailadres', text: 'Direct geplaatst: dit e-mailadres had al een goedgekeurde reactie.' });
  }
  const filter = f.checks ? filterReason(f.checks, hits, f.evidence) : null;
  if (filter?.short) out.push(filter);
  const held = (r: WhyReason) => r.short !== '' || r.hit !== undefined;
  // Held without a check, Akismet or a policy reason kept: an older row, from before the reasons were kept.
  if (!out.some(held) && f.reactie.status === 'pending' && !moved) out.push(fallback(f));
  // Held by Akismet alone, or moved by a moderator: say the local checks had nothing against it.
  const policy = f.heldBecause?.policy.length ?? 0;
  if (f.checks && f.reactie.status !== 'approved' && !policy && !out.some((r) => r.hit) && out.some(held) && !out.includes(fallback(f)))
    // When the learning filter held it, the other checks are what did not fire.
    out.push({ short: '', text: filter?.short ? 'Geen van de andere spamcontroles sloeg aan.' : 'Geen enkele spamcontrole sloeg aan.' });
  if (filter && !filter.short) out.push(filter);
  return out;
}

export function whyHere(f: WhyFacts): Why {
  const now: WhyReason[] = [];
  const { status } = f.reactie;
  // The latest decision that moved it, when it is what brought it here (readers' reports move it unlogged).
  const last = [...f.history].reverse().find((h) => Object.prototype.hasOwnProperty.call(MOVES, h.action));
  const move = last && MOVES[last.action].to.includes(status) && !(status === 'pending' && f.reactie.removedByReports) ? last : null;
  if (move) now.push({ short: MOVES[move.action].short, text: MOVES[move.action].text, at: move.at });
  if (f.reports.length) {
    const hidden = status === 'pending' && f.reactie.removedByReports;
    const n = lezers(f.reports.length);
    now.push({
      short: `gemeld door ${n}`,
      text: `Gemeld door ${n} (${reportReasons(f.reports)}).${hidden ? ' Daarom is hij van de pagina gehaald tot een moderator kijkt.' : ''}`,
    });
  } else if (status === 'pending' && f.reactie.removedByReports && !move) {
    now.push({
      short: 'verborgen na meldingen',
      text: 'Van de pagina gehaald na meldingen van lezers; die meldingen zijn inmiddels afgehandeld.',
    });
  }
  if (f.heldEditAt) {
    now.push({
      short: 'wijziging wacht op goedkeuring',
      text: 'De schrijver wijzigde de tekst; de nieuwe tekst wacht op goedkeuring bij Gewijzigde reacties.',
      at: f.heldEditAt,
    });
  } else if (f.reactie.editedAt && status === 'pending') {
    now.push({
      short: 'na plaatsing gewijzigd',
      text: 'De schrijver wijzigde de tekst na het plaatsen; de spamcontroles gingen over de eerste versie.',
      at: f.reactie.editedAt,
    });
  }
  if (f.articleClosed && status === 'pending')
    now.push({
      short: 'artikel gesloten',
      text: 'Reageren bij dit artikel is inmiddels gesloten. Keur je hem goed, dan komt hij er toch bij te staan.',
    });

  // Moved since it came in (a decision, readers' reports): what held it then is history.
  const moved = Boolean(move) || (status === 'pending' && f.reactie.removedByReports) || status === 'approved';
  const entry = entryReasons(f, moved);
  if (!moved) return { reasons: [...now, ...entry], atEntry: [] };
  return { reasons: now.length ? now : entry, atEntry: now.length ? entry : [] };
}

/** Why an author's edit of a published reactie waits (kept when it was held: reacties/editing/edit.ts). */
export function heldEditReasons(held: HeldBecause | null): WhyReason[] {
  const out: WhyReason[] = (held?.hits ?? []).map((hit) => ({ short: '', text: '', hit }));
  if (held?.akismet === 'spam' || held?.akismet === 'discard')
    out.push({ short: 'Akismet: spam', text: 'Akismet hield de nieuwe tekst voor spam.' });
  if (held?.akismet === 'error') out.push({ short: 'Akismet: geen antwoord', text: 'Akismet gaf geen antwoord op de nieuwe tekst.' });
  for (const p of held?.policy ?? []) out.push({ ...POLICY_TEXTS[p] });
  if (!out.length) out.push({ short: '', text: 'Waarom de wijziging wacht, is niet bewaard: een oudere wijziging.' });
  return out;
}
