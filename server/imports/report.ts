// What an import did, per kind: how many came in, how many were already there, what was skipped and why.

export const KIND_LABELS = {
  author: 'Auteurs',
  category: 'Categorieën (als dossiers)',
  tag: 'Tags',
  term: 'Termen van andere taxonomieën',
  post: 'Berichten',
  page: "Pagina's",
  comment: 'Reacties',
  attachment: 'Bijlagen',
  other: 'Overige items',
} as const;
export type ReportKind = keyof typeof KIND_LABELS;

export const ALREADY = 'al geïmporteerd';

/** The headings under which single things that did not come over are named. */
export const PROBLEM_HEADINGS = {
  file: 'Niet overgenomen bestanden',
  tooLong: 'Niet overgenomen, langer dan de editor toestaat',
  duplicate: 'Niet overgenomen, wp:post_id al eerder in dit bestand (zoals WordPress: het eerste item telt)',
} as const;
export type ProblemKind = keyof typeof PROBLEM_HEADINGS;

export class ImportReport {
  readonly imported = new Map<ReportKind, number>();
  readonly skipped = new Map<ReportKind, Map<string, number>>();
  /** Things that came in but differ from WordPress (a private post as concept, a reply placed at the top). */
  readonly notes = new Map<string, number>();
  /** One line per thing that failed and is worth naming (an attachment file, a post too long), by kind. */
  readonly problems = new Map<ProblemKind, string[]>();

  add(kind: ReportKind): void {
    this.imported.set(kind, (this.imported.get(kind) ?? 0) + 1);
  }

  skip(kind: ReportKind, reason: string): void {
    const reasons = this.skipped.get(kind) ?? new Map<string, number>();
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    this.skipped.set(kind, reasons);
  }

  note(text: string): void {
    this.notes.set(text, (this.notes.get(text) ?? 0) + 1);
  }

  problem(kind: ProblemKind, text: string): void {
    const list = this.problems.get(kind) ?? [];
    list.push(text);
    this.problems.set(kind, list);
  }

  count(kind: ReportKind): number {
    return this.imported.get(kind) ?? 0;
  }

  skippedCount(kind: ReportKind, reason: string): number {
    return this.skipped.get(kind)?.get(reason) ?? 0;
  }

  /** The Dutch report the command prints. */
  lines(): string[] {
    const n = (v: number) => v.toLocaleString('nl-NL');
    const out: string[] = [];
    for (const kind of Object.keys(KIND_LABELS) as ReportKind[]) {
      const reasons = this.skipped.get(kind);
      if (!this.imported.has(kind) && !reasons) continue;
      const skipped = [...(reasons?.values() ?? [])].reduce((a, b) => a + b, 0);
      out.push(`${KIND_LABELS[kind]}: ${n(this.count(kind))} geïmporteerd, ${n(skipped)} overgeslagen`);
      for (const [reason, count] of reasons ?? []) out.push(`  overgeslagen (${reason}): ${n(count)}`);
    }
    if (this.notes.size) out.push('Opmerkingen:');
    for (const [text, count] of this.notes) out.push(`  ${text}: ${n(count)}`);
    for (const kind of Object.keys(PROBLEM_HEADINGS) as ProblemKind[]) {
      const list = this.problems.get(kind);
      if (list) out.push(`${PROBLEM_HEADINGS[kind]}:`, ...list.map((text) => `  ${text}`));
    }
    return out;
  }
}
