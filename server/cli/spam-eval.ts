// npm run spam:eval -- FILE.csv                 the day-one filter (local checks + built-in model) on FILE
// npm run spam:eval -- --train A.csv B.csv      the filter after moderators decided A, measured on B
// npm run spam:eval -- --folds 5 FILE.csv       k-fold cross-validation: learned from k-1 folds only, measured on the k-th
// A.csv,B.csv (for the file or --train): the rows of both files together, one after the other.
// Options: --json (one JSON object, nothing else), --author-column, --content-column, --label-column,
// --email-column, --url-column (the same for every file). No Akismet, no network.
import fs from 'node:fs';
import { CorpusError, readCorpus, type Columns } from '../spam/corpus';
import { crossValidate, evaluate, siteModelFrom, type Evaluation } from '../spam/evaluate';

const USAGE =
  'Gebruik: npm run spam:eval -- [--train TRAIN.csv[,MEER.csv] | --folds K] BESTAND.csv[,MEER.csv] [--json] [--author-column naam] [--content-column tekst] [--label-column spam] [--email-column email] [--url-column url]';

interface Args {
  file: string;
  train: string | null;
  folds: number | null;
  json: boolean;
  columns: Columns;
  explicit: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    file: '',
    train: null,
    folds: null,
    json: false,
    columns: { author: 'author', content: 'content', label: 'spam', email: 'email', url: 'url' },
    explicit: new Set<string>(),
  };
  const value = (i: number) => {
    const v = argv[i + 1];
    if (!v || v.startsWith('--')) throw new CorpusError(`${argv[i]} heeft een waarde nodig.\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(author|content|label|email|url)-column$/.exec(argv[i]);
    if (m) {
      args.columns[m[1] as keyof Columns] = value(i++);
      args.explicit.add(m[1]);
    } else if (argv[i] === '--train') {
      args.train = value(i++);
    } else if (argv[i] === '--folds') {
      const k = Number(value(i++));
      if (!Number.isInteger(k) || k < 2 || k > 20) throw new CorpusError(`--folds moet een geheel getal van 2 tot en met 20 zijn.`);
      args.folds = k;
    } else if (argv[i] === '--json') {
      args.json = true;
    } else if (!args.file && !argv[i].startsWith('--')) {
      args.file = argv[i];
    } else {
      throw new CorpusError(`Onbekende optie "${argv[i]}".\n${USAGE}`);
    }
  }
  if (!args.file) throw new CorpusError(USAGE);
  if (args.train && args.folds) throw new CorpusError(`Kies --train of --folds, niet allebei.\n${USAGE}`);
  return args;
}

/** One file, or several separated by commas (A.csv,B.csv): their rows one after the other. */
function load(files: string, args: Args) {
  const names = fs.existsSync(files) ? [files] : files.split(',');
  return names.flatMap((file) => {
    if (!fs.existsSync(file)) throw new CorpusError(`Bestand niet gevonden: ${file}`);
    return readCorpus(fs.readFileSync(file, 'utf8'), args.columns, args.explicit);
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (n: number, w: number) => String(n).padStart(w);

function report(result: Evaluation, what: string): string {
  const m = result.matrix;
  const lines = [
    ``,
    `Spamfilter (lokale controles en lerend filter, zonder Akismet): ${what}`,
    ``,
    `                    voorspeld: spam   vastgehouden   doorgelaten`,
    `  echt spam  (${pad(m.spam.spam + m.spam.hold + m.spam.pass, 4)})   ${pad(m.spam.spam, 12)}   ${pad(m.spam.hold, 12)}   ${pad(m.spam.pass, 11)}`,
    `  echt ham   (${pad(m.ham.spam + m.ham.hold + m.ham.pass, 4)})   ${pad(m.ham.spam, 12)}   ${pad(m.ham.hold, 12)}   ${pad(m.ham.pass, 11)}`,
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
  return lines.join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const corpus = load(args.file, args);
  const step = Math.max(1, Math.ceil(corpus.length / 10));
  const onProgress = args.json
    ? undefined
    : (done: number, total: number) => {
        if (done % step === 0 || done === total) process.stderr.write(`  ${done} van ${total} reacties beoordeeld\n`);
      };
  let result: Evaluation;
  let what: string;
  if (args.folds) {
    result = crossValidate(corpus, args.folds);
    what = `${args.folds}-voudige kruisvalidatie op ${result.rows} reacties uit ${args.file} (zonder ingebouwd model)`;
  } else if (args.train) {
    const train = load(args.train, args);
    result = evaluate(corpus, { site: siteModelFrom(train), onProgress });
    what = `geleerd van ${train.length} reacties uit ${args.train}, gemeten op ${result.rows} reacties uit ${args.file}`;
  } else {
    result = evaluate(corpus, { onProgress });
    what = `ingebouwd model (dag één), op ${result.rows} reacties uit ${args.file}`;
  }
  if (args.json) {
    const m = result.matrix;
    const cell = (r: Evaluation['matrix']['spam']) => ({ marked: r.spam, held: r.hold, passed: r.pass });
    process.stdout.write(`${JSON.stringify({ spam: cell(m.spam), ham: cell(m.ham) })}\n`);
  } else {
    console.log(report(result, what));
  }
}

try {
  main();
} catch (err) {
  if (err instanceof CorpusError) {
    console.error(err.message);
    process.exit(1);
  }
  const message = err instanceof Error ? err.message : String(err);
  console.error(`Het CSV-bestand kon niet worden gelezen: ${message}`);
  process.exit(1);
}
