// The benchmark's output: one Markdown table (it goes into BENCHMARKS.md as printed) and the
// targets of issue 9, each met or not met.
import type { Measured } from './load';

export interface PageRow {
  label: string;
  bytes: number;
  stadslog: Measured;
  reference?: Measured;
}

export const nl = (n: number, digits = 0): string =>
  n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const mb = (bytes: number): string => `${nl(bytes / 1048576)} MB`;

function cells(m: Measured): string[] {
  return [nl(m.rps), `${nl(m.p50)} ms`, `${nl(m.p99)} ms`, nl(m.errors), nl(m.unexpected)];
}

export function ratio(row: PageRow): number | null {
  return row.reference ? row.stadslog.rps / row.reference.rps : null;
}

export function table(rows: PageRow[]): string {
  const lines = [
    '| page | server | req/s | p50 | p99 | errors | non-2xx | bytes | ratio |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const r = ratio(row);
    lines.push(
      `| ${row.label} | Stadslog | ${cells(row.stadslog).join(' | ')} | ${nl(row.bytes)} | ${r === null ? '—' : `${nl(r * 100)} %`} |`,
    );
    if (row.reference) lines.push(`| | node:http | ${cells(row.reference).join(' | ')} | ${nl(row.bytes)} | |`);
  }
  return lines.join('\n');
}

export interface Target {
  text: string;
  met: boolean;
  /** What was measured, as the reader compares it with the text. */
  measured: string;
}

export function targets(list: Target[]): string {
  return list.map((t) => `- ${t.met ? 'gehaald' : 'NIET gehaald'}: ${t.text} (gemeten: ${t.measured})`).join('\n');
}
