// The real-document corpus's rounds of collection, read off its README (test/fixtures/documents/real/README.md):
// where each dev document came from and in which round. Shared by documents:cv and documents:fresh.
import fs from 'node:fs';
import path from 'node:path';

export const REAL = path.join(__dirname, '..', '..', 'test', 'fixtures', 'documents', 'real');

export interface Origin {
  source: string;
  round: string;
}

/** A source's group: a repository's owner, or a site's domain without its subdomains. */
export function sourceGroup(source: string): string {
  const url = /^https?:\/\/([^/\s]+)/.exec(source);
  if (url) return url[1].toLowerCase().split('.').slice(-2).join('.');
  return source.split(/[/:\s]/)[0];
}

/**
 * Each document's source and round, by "dev/NAME" or "holdout/NAME", read off the corpus README: its row in a table
 * (the source column), under the round's heading; a document listed only under "Files" belongs to the round whose
 * section names its source, else to the first rounds.
 */
export function origins(): Map<string, Origin> {
  const text = fs.readFileSync(path.join(REAL, 'README.md'), 'utf8').split('\n');
  const sections = new Map<string, string[]>();
  const out = new Map<string, Origin>();
  let heading = '';
  for (const line of text) {
    const h = /^## (.*)/.exec(line);
    if (h) heading = h[1];
    if (/^Round/.test(heading)) sections.set(heading, [...(sections.get(heading) ?? []), line]);
    const row = /^\| `((?:dev|holdout)\/[^`]+)\.txt` \|/.exec(line);
    if (!row) continue;
    const source = line.split(' | ')[4] ?? '';
    const round = /^Round/.test(heading) ? heading : (out.get(row[1])?.round ?? '');
    out.set(row[1], { source: out.get(row[1])?.source ?? source, round });
  }
  for (const [name, o] of out) {
    if (o.round) continue;
    const key = o.source.split(/[:\s]/)[0];
    const named = [...sections].find(([, lines]) => lines.some((l) => l.includes(key)));
    o.round = named ? named[0] : 'Rounds one to eight';
    out.set(name, o);
  }
  return out;
}
