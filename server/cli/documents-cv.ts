// npm run documents:cv -- [--by source|round] [--parser FILE] [--round TEXT] [--verbose]
// How well each kind of evidence of the paste-import generalises, measured on the dev documents only (the holdout is
// never read here). Every header field the recogniser reads (filled in or suggested) is scored against the labels and
// grouped by its (field, evidence); the documents are grouped by where they came from (the site's domain or the
// repository's owner, from the corpus README) or by the round of collection they came in. Printed:
// - per (field, evidence): read / wrong, and in how many groups it was wrong;
// - a grouped cross-validation of the abstention: for each group, the calibration (parse/confidence.ts `calibrated`)
//   is fitted on the other groups only, and a field of the group is filled in when its confidence reaches
//   SUGGEST_BELOW, else suggested; found and wrong summed over the groups, beside filling in everything and beside
//   the table the parser uses (FRESH). The rules were written on all of dev, so these are upper bounds for a new
//   source; --parser runs an older release's parser (`git archive <commit> server | tar -x -C DIR`, then
//   --parser DIR/server/documents/parse.ts) on the rounds that came after it (--round), which is the fresh measure.
import fs from 'node:fs';
import path from 'node:path';
import { fieldOutcomes, type DocumentLabels, type FieldOutcome } from '../documents/evaluation';
import { parseDocument } from '../documents/parse';
import { calibrated, FRESH, SUGGEST_BELOW, type Calibration, type Evidence } from '../documents/parse/confidence';
import { parseFlags, runCommand, UsageError } from './cli-support';
import { origins, REAL, sourceGroup } from './corpus-rounds';

const USAGE = 'Gebruik: npm run documents:cv -- [--by source|round] [--parser BESTAND] [--round TEKST] [--verbose]';

interface Doc {
  name: string;
  group: string;
  expected: number;
  outcomes: FieldOutcome[];
}

const tally = (outcomes: FieldOutcome[]): Calibration => {
  const table: Calibration = {};
  for (const o of outcomes) {
    const k = `${o.key}/${o.evidence ?? '-'}`;
    const [r, w] = table[k] ?? [0, 0];
    table[k] = [r + 1, w + (o.right ? 0 : 1)];
  }
  return table;
};

/** Found, wrong and suggested when a field is filled in where `fill` says so, else suggested. */
function apply(docs: Doc[], fill: (o: FieldOutcome, d: Doc) => boolean) {
  let found = 0;
  let filled = 0;
  let wrong = 0;
  let suggested = 0;
  let suggestedRight = 0;
  for (const d of docs)
    for (const o of d.outcomes) {
      if (fill(o, d)) {
        filled++;
        if (o.right) found++;
        else wrong++;
      } else {
        suggested++;
        if (o.right) suggestedRight++;
      }
    }
  const expected = docs.reduce((n, d) => n + d.expected, 0);
  return { found, expected, filled, wrong, suggested, suggestedRight };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} %` : '–');
const line = (label: string, r: ReturnType<typeof apply>) =>
  `  ${label.padEnd(44)} gevonden ${r.found}/${r.expected} (${pct(r.found, r.expected)}), fout ${r.wrong}/${r.filled} ` +
  `(${pct(r.wrong, r.filled)}), voorgesteld ${r.suggested} (juist ${r.suggestedRight})`;

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), ['by', 'parser', 'round', 'verbose']);
  const by = flags.by === undefined ? 'source' : String(flags.by);
  if (by !== 'source' && by !== 'round') throw new UsageError(`Onbekende groepering "${by}".\n${USAGE}`);
  let parse = parseDocument as (text: string) => Parameters<typeof fieldOutcomes>[0];
  if (typeof flags.parser === 'string') {
    const mod = (await import(path.resolve(flags.parser))) as { parseDocument?: typeof parse };
    if (!mod.parseDocument) throw new UsageError(`${flags.parser} heeft geen parseDocument.`);
    parse = mod.parseDocument;
  }
  const dir = path.join(REAL, 'dev');
  const where = origins();
  const docs: Doc[] = [];
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const name = f.replace(/\.txt$/, '');
    const o = where.get(`dev/${name}`);
    if (!o) throw new UsageError(`${f} staat niet in de README van het corpus.`);
    if (typeof flags.round === 'string' && !o.round.toLowerCase().includes(flags.round.toLowerCase())) continue;
    const want = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as DocumentLabels;
    const got = parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    docs.push({
      name,
      group: by === 'source' ? sourceGroup(o.source) : o.round,
      expected: Object.keys(want.fields).length,
      outcomes: fieldOutcomes(got, want),
    });
  }
  const groups = [...new Set(docs.map((d) => d.group))];
  console.log(`dev: ${docs.length} documenten in ${groups.length} groepen (per ${by === 'source' ? 'bron' : 'ronde'})`);

  // Per (field, evidence): read, wrong, and in how many groups it was wrong.
  const all = tally(docs.flatMap((d) => d.outcomes));
  console.log('\nveld/bewijs: gelezen / fout (groepen met een fout / groepen)');
  for (const [k, [r, w]] of Object.entries(all).sort((a, b) => b[1][1] - a[1][1] || b[1][0] - a[1][0])) {
    const inGroups = groups.filter((g) => docs.some((d) => d.group === g && d.outcomes.some((o) => `${o.key}/${o.evidence ?? '-'}` === k)));
    const wrongIn = inGroups.filter((g) =>
      docs.some((d) => d.group === g && d.outcomes.some((o) => !o.right && `${o.key}/${o.evidence ?? '-'}` === k)),
    );
    console.log(`  ${k.padEnd(34)} ${String(r).padStart(4)} / ${String(w).padStart(3)}  (${wrongIn.length}/${inGroups.length})`);
    if (flags.verbose && w)
      for (const d of docs.filter((x) => x.outcomes.some((o) => !o.right && `${o.key}/${o.evidence ?? '-'}` === k)))
        console.log(`      ${d.group}: ${d.name}`);
  }

  // The grouped cross-validation: each group's fields decided by a calibration fitted on the other groups.
  const fitted = new Map(groups.map((g) => [g, calibrated(tally(docs.filter((d) => d.group !== g).flatMap((d) => d.outcomes)))]));
  const fresh = calibrated(FRESH);
  console.log('');
  console.log(
    line(
      'alles ingevuld',
      apply(docs, () => true),
    ),
  );
  for (const at of [SUGGEST_BELOW, 0.7, 0.8, 0.9])
    console.log(
      line(
        `FRESH, invullen vanaf ${at}`,
        apply(docs, (o) => fresh(o.key, o.evidence as Evidence) >= at),
      ),
    );
  for (const at of [0.5, 0.7, 0.8, 0.9])
    console.log(
      line(
        `buiten de groep geijkt, invullen vanaf ${at}`,
        apply(docs, (o, d) => fitted.get(d.group)!(o.key, o.evidence as Evidence) >= at),
      ),
    );
});
