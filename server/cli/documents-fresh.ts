// npm run documents:fresh -- [--round TEXT] [--verbose]
// The recogniser on documents it had never seen: each corpus round's documents read by the parser as it was just
// before the round's texts were committed, scored against today's labels by today's scorer (evaluation.ts). Those
// parsers were never tuned on these texts, dev or holdout, so these are the figures a new source gets; the holdout
// figures of `documents:eval` are kinder (a held-apart text often has a sibling in dev from the same site and round).
// Each older parser is taken from git (`git archive <commit> server`) into a folder under the system's temporary
// folder, once. Dev and holdout are printed apart, in aggregate; --verbose lists what went wrong on dev documents only
// (the holdout is never looked at but in its figures).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scoreDocument, sumScores, type DocumentLabels, type SetScore } from '../documents/evaluation';
import type { ParsedDocument } from '../documents/parse';
import { parseFlags, runCommand, UsageError } from './cli-support';
import { origins, REAL } from './corpus-rounds';

const USAGE = 'Gebruik: npm run documents:fresh -- [--round TEKST] [--verbose]';
const ROOT = path.join(__dirname, '..', '..');

/**
 * Each round (its heading in the corpus README) and the commit that first added its texts: the parser of that
 * commit's parent had seen none of them. Rounds one to ten came before the parser recorded its evidence and were
 * measured once by release (parse/confidence.ts FRESH).
 */
const ROUNDS: { round: string; texts: string }[] = [
  { round: 'Round eleven', texts: 'ad0e04b' },
  { round: 'Round twelve', texts: '5c481f7' },
  { round: 'Round thirteen', texts: '4097f84' },
  { round: 'Round fourteen', texts: '43e727e' },
  { round: 'Round fifteen', texts: 'b450106' },
  { round: 'Round sixteen', texts: 'da5d886' },
  { round: 'Round seventeen', texts: 'bb41030' },
  { round: 'Round eighteen', texts: 'ed42179' },
];

type Parse = (text: string) => Pick<ParsedDocument, 'type' | 'fields' | 'questions'> & Partial<Pick<ParsedDocument, 'suggestions'>>;

/** The parser of the commit before `texts`, unpacked once into the temporary folder. */
async function parserBefore(texts: string): Promise<Parse> {
  let parent: string;
  try {
    parent = execFileSync('git', ['rev-parse', `${texts}^`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new UsageError(
      `Commit ${texts} niet gevonden: documents:fresh leest oudere versies uit git en heeft de hele geschiedenis nodig (geen shallow clone).`,
    );
  }
  const dir = path.join(os.tmpdir(), `stadslog-parser-${parent.slice(0, 12)}`);
  const entry = path.join(dir, 'server', 'documents', 'parse.ts');
  if (!fs.existsSync(entry)) {
    const partial = `${dir}.partial`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    const tar = execFileSync('git', ['archive', parent, 'server'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', partial], { input: tar });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(partial, 'node_modules'));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(partial, dir);
  }
  const mod = (await import(entry)) as { parseDocument?: Parse };
  if (!mod.parseDocument) throw new UsageError(`De parser van ${parent.slice(0, 7)} heeft geen parseDocument.`);
  return mod.parseDocument;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} %` : '–');
const figures = (t: SetScore) =>
  `${t.documents} doc.; soort ${t.typesRight}/${t.documents} (${pct(t.typesRight, t.documents)}); gevonden ${t.fieldsFound}/${t.fieldsExpected} ` +
  `(${pct(t.fieldsFound, t.fieldsExpected)}); fout ${t.fieldsWrong}/${t.fieldsReported} (${pct(t.fieldsWrong, t.fieldsReported)}); ` +
  `paren ${t.pairsRight}/${t.questionsExpected} (${pct(t.pairsRight, t.questionsExpected)})`;

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), ['round', 'verbose']);
  const where = origins();
  const rounds = ROUNDS.filter((r) => typeof flags.round !== 'string' || r.round.toLowerCase().includes(flags.round.toLowerCase()));
  if (!rounds.length) throw new UsageError(`Geen ronde gevonden voor "${String(flags.round)}".\n${USAGE}`);
  const all: Record<'dev' | 'holdout', ReturnType<typeof scoreDocument>[]> = { dev: [], holdout: [] };
  for (const { round, texts } of rounds) {
    const parse = await parserBefore(texts);
    const byRound: typeof all = { dev: [], holdout: [] };
    for (const [key, o] of [...where].sort()) {
      if (!o.round.startsWith(`${round} `) && o.round !== round) continue;
      const set = key.startsWith('dev/') ? 'dev' : 'holdout';
      const file = path.join(REAL, `${key}.txt`);
      if (!fs.existsSync(file)) throw new UsageError(`${key}.txt staat in de README van het corpus maar niet in ${REAL}.`);
      const want = JSON.parse(fs.readFileSync(file.replace(/\.txt$/, '.expected.json'), 'utf8')) as DocumentLabels;
      const score = scoreDocument(parse(fs.readFileSync(file, 'utf8')), want);
      byRound[set].push(score);
      if (flags.verbose && set === 'dev' && score.misses.length) console.log(`  ${key}\n    ${score.misses.join('\n    ')}`);
    }
    console.log(`${round} (parser van vóór ${texts}):`);
    for (const set of ['dev', 'holdout'] as const) {
      if (byRound[set].length) console.log(`  ${set.padEnd(8)} ${figures(sumScores(byRound[set]))}`);
      all[set].push(...byRound[set]);
    }
  }
  console.log('Samen:');
  for (const set of ['dev', 'holdout'] as const) if (all[set].length) console.log(`  ${set.padEnd(8)} ${figures(sumScores(all[set]))}`);
  console.log(`  beide    ${figures(sumScores([...all.dev, ...all.holdout]))}`);
});
