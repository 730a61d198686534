// npm run spam:eval -- FILE.csv [--author-column NAME] [--content-column NAME] [--label-column NAME]
//                               [--email-column NAME] [--url-column NAME]
// Runs the local spam checks (no Akismet, no network) over a labelled CSV and prints the figures.
import fs from 'node:fs';
import { CorpusError, evaluate, readCorpus, type Columns } from '../spam/evaluate';

const USAGE =
  'Gebruik: npm run spam:eval -- BESTAND.csv [--author-column naam] [--content-column tekst] [--label-column spam] [--email-column email] [--url-column url]';

function parseArgs(argv: string[]): { file: string; columns: Columns; explicit: Set<string> } {
  const columns: Columns = { author: 'author', content: 'content', label: 'spam', email: 'email', url: 'url' };
  const explicit = new Set<string>();
  let file = '';
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(author|content|label|email|url)-column$/.exec(argv[i]);
    if (m) {
      const value = argv[++i];
      if (!value) throw new CorpusError(`${argv[i - 1]} heeft een kolomnaam nodig.\n${USAGE}`);
      columns[m[1] as keyof Columns] = value;
      explicit.add(m[1]);
    } else if (!file && !argv[i].startsWith('--')) {
      file = argv[i];
    } else {
      throw new CorpusError(`Onbekende optie "${argv[i]}".\n${USAGE}`);
    }
  }
  if (!file) throw new CorpusError(USAGE);
  return { file, columns, explicit };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function main(): void {
  const { file, columns, explicit } = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(file)) throw new CorpusError(`Bestand niet gevonden: ${file}`);
  const corpus = readCorpus(fs.readFileSync(file, 'utf8'), columns, explicit);
  const step = Math.max(1, Math.ceil(corpus.length / 10));
  const result = evaluate(corpus, undefined, (done, total) => {
    if (done % step === 0 || done === total) process.stderr.write(`  ${done} van ${total} reacties beoordeeld\n`);
  });
  const m = result.matrix;
  const lines = [
    ``,
    `Spamfilter (lokale controles, zonder Akismet) op ${result.rows} reacties uit ${file}`,
    ``,
    `                    voorspeld: spam   vastgehouden   doorgelaten`,
    `  echt spam  (${String(m.spam.spam + m.spam.hold + m.spam.pass).padStart(4)})   ${String(m.spam.spam).padStart(12)}   ${String(m.spam.hold).padStart(12)}   ${String(m.spam.pass).padStart(11)}`,
    `  echt ham   (${String(m.ham.spam + m.ham.hold + m.ham.pass).padStart(4)})   ${String(m.ham.spam).padStart(12)}   ${String(m.ham.hold).padStart(12)}   ${String(m.ham.pass).padStart(11)}`,
    ``,
    `  precisie spam (echt spam van alles wat spam heet):   ${result.spamPrecision.toFixed(3)}`,
    `  recall spam (als spam gemarkeerd):                   ${result.spamRecall.toFixed(3)}`,
    `  spam gemarkeerd of vastgehouden:                      ${result.caughtOrHeldRecall.toFixed(3)}`,
    `  ham ten onrechte als spam (false-positive rate):     ${pct(result.hamFalsePositiveRate)}`,
    `  ham vastgehouden voor moderatie:                      ${pct(result.hamHeldRate)}`,
  ];
  if (result.falsePositives.length) {
    lines.push(``, `  Ham die als spam werd gemarkeerd:`);
    for (const fp of result.falsePositives.slice(0, 20))
      lines.push(`    - ${fp.author}: "${fp.content.replace(/\s+/g, ' ')}" (${fp.why.join('; ')})`);
  }
  console.log(lines.join('\n'));
}

try {
  main();
} catch (err) {
  if (err instanceof CorpusError) {
    console.error(err.message);
    process.exit(1);
  }
  const message = (err as Error).message ?? String(err);
  console.error(`Het CSV-bestand kon niet worden gelezen: ${message}`);
  process.exit(1);
}
