// npm run spam:corpus [-- --out DIR]: writes the bundled spam corpus (CC0) where the classifier reads
// it, server/spam/corpus/: train.csv, holdout-a.csv and holdout-b.csv. The same fragments and seeds
// give the same files byte for byte, so a run without changes to banks.ts or generate.ts changes
// nothing (test/tools/spam-corpus.test.ts holds the committed files to that). --out writes elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SPAM_CORPUS_DIR } from '../../server/paths';
import { generateCorpus, toCsv, type CorpusRow } from './generate';

/** The hand-written rows that join the train part. */
const OLDER_CORPUS = path.join(__dirname, '..', '..', 'test', 'fixtures', 'spam-corpus.csv');

function readOlder(file: string): CorpusRow[] {
  // Read as Python's text mode did: every line end (CRLF or CR), also inside a quoted field, is "\n".
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const records = parse<Record<string, string>>(text, { columns: true });
  return records.map((x, i) => {
    if (x.spam !== '1' && x.spam !== '0') throw new Error(`${file}, rij ${i + 2}: spam is "${x.spam}", niet 1 of 0`);
    return [x.author, x.email, x.url, x.content, x.spam];
  });
}

function outDir(argv: string[]): string {
  const at = argv.indexOf('--out');
  if (at === -1) return SPAM_CORPUS_DIR;
  const dir = argv[at + 1];
  if (!dir) {
    console.error('Gebruik: npm run spam:corpus [-- --out MAP]');
    process.exit(2);
  }
  return path.resolve(dir);
}

const dir = outDir(process.argv.slice(2));
fs.mkdirSync(dir, { recursive: true });
for (const [name, rows] of Object.entries(generateCorpus(readOlder(OLDER_CORPUS)))) {
  fs.writeFileSync(path.join(dir, name), toCsv(rows));
  console.log(`${path.join(dir, name)}: ${rows.length} rijen`);
}
