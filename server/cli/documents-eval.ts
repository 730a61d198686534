// npm run documents:eval -- [--set holdout|dev|all|seeds] [--verbose] [--json] [--dir MAP] [--perturb]
// Reads every labelled real document (test/fixtures/documents/real/<set>/NAME.txt with
// NAME.expected.json) through the paste-import and prints how well it did: the type, the header
// fields (found of those the text states, and wrong of those reported) and the questions paired
// with their right answer. Figures count on the holdout set: the parser was never tuned on it.
// --perturb (dev and seeds only) scores the same documents in other forms (perturb.ts): hard-wrapped,
// labels in bold or in capitals above their value, extra blank lines, other list marks; with --verbose it
// lists the documents whose score changes.
import fs from 'node:fs';
import path from 'node:path';
import { scoreDocument, sumScores, type DocumentLabels, type DocumentScore, type SetScore } from '../documents/evaluation';
import { parseDocument } from '../documents/parse';
import { PERTURBATIONS } from '../documents/perturb';
import { parseFlags, runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run documents:eval -- [--set holdout|dev|all|seeds] [--verbose] [--json] [--dir MAP] [--perturb]';
const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'documents');

interface Scored {
  name: string;
  score: DocumentScore;
}

function scoreFolder(dir: string, form: (text: string) => string = (t) => t): Scored[] {
  if (!fs.existsSync(dir)) throw new UsageError(`Map niet gevonden: ${dir}. --dir MAP leest de sets uit MAP/dev en MAP/holdout.`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const labels = path.join(dir, f.replace(/\.txt$/, '.expected.json'));
      if (!fs.existsSync(labels)) throw new UsageError(`${f} heeft geen ${path.basename(labels)}.`);
      const want = JSON.parse(fs.readFileSync(labels, 'utf8')) as DocumentLabels;
      return { name: f, score: scoreDocument(parseDocument(form(fs.readFileSync(path.join(dir, f), 'utf8'))), want) };
    });
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} %` : '–');

function report(set: string, total: SetScore): string {
  return [
    `${set}: ${total.documents} documenten`,
    `  soort goed:            ${total.typesRight}/${total.documents} (${pct(total.typesRight, total.documents)})`,
    `  velden gevonden:       ${total.fieldsFound}/${total.fieldsExpected} (${pct(total.fieldsFound, total.fieldsExpected)})`,
    `  velden fout gemeld:    ${total.fieldsWrong}/${total.fieldsReported} (${pct(total.fieldsWrong, total.fieldsReported)})`,
    `  vragen met juist antwoord: ${total.pairsRight}/${total.questionsExpected} (${pct(total.pairsRight, total.questionsExpected)})`,
    `  voorstellen (niet ingevuld, niet meegeteld): ${total.suggestions}, waarvan juist ${total.suggestionsRight}`,
  ].join('\n');
}

runCommand(() => {
  const flags = parseFlags(process.argv.slice(2), ['set', 'verbose', 'json', 'dir', 'perturb']);
  const set = flags.set === undefined ? 'holdout' : String(flags.set);
  if (!['holdout', 'dev', 'all', 'seeds'].includes(set)) throw new UsageError(`Onbekende set "${set}".\n${USAGE}`);
  const root = typeof flags.dir === 'string' ? flags.dir : path.join(FIXTURES, 'real');
  const sets = set === 'all' ? ['dev', 'holdout'] : [set];
  const scoreSets = (form?: (text: string) => string) =>
    sets.flatMap((s) =>
      scoreFolder(s === 'seeds' ? path.join(FIXTURES, 'seeds') : path.join(root, s), form).map((d) => ({ ...d, name: `${s}/${d.name}` })),
    );
  const scored = scoreSets();
  if (flags.perturb) {
    // The holdout set is never looked at in any form but its plain figures.
    if (set !== 'dev' && set !== 'seeds') throw new UsageError(`--perturb werkt alleen op dev en seeds.\n${USAGE}`);
    if (flags.json) {
      const variants = Object.fromEntries(
        Object.entries(PERTURBATIONS).map(([name, form]) => [name, sumScores(scoreSets(form).map((d) => d.score))]),
      );
      console.log(JSON.stringify({ set, total: sumScores(scored.map((d) => d.score)), variants }, null, 2));
      return Promise.resolve();
    }
    console.log(report(set, sumScores(scored.map((d) => d.score))));
    for (const [name, form] of Object.entries(PERTURBATIONS)) {
      const variant = scoreSets(form);
      console.log(`\n${report(`${set}, ${name}`, sumScores(variant.map((d) => d.score)))}`);
      if (flags.verbose)
        variant.forEach((d, i) => {
          const before = new Set(scored[i].score.misses);
          const added = d.score.misses.filter((m) => !before.has(m));
          if (added.length) console.log(`  ${d.name}\n    ${added.join('\n    ')}`);
        });
    }
    return Promise.resolve();
  }
  const total = sumScores(scored.map((d) => d.score));
  if (flags.json) {
    console.log(JSON.stringify({ set, total, documents: scored }, null, 2));
    return Promise.resolve();
  }
  if (flags.verbose) {
    for (const d of scored.filter((x) => x.score.misses.length)) console.log(`${d.name}\n  ${d.score.misses.join('\n  ')}`);
    console.log('');
  }
  console.log(report(set, total));
  return Promise.resolve();
});
