// npm run import:document -- [--json] FILE   (FILE "-" reads standard input)
// Reads a council document pasted from a PDF or an e-mail and shows what the paste-import finds:
// the type, every field, the numbered questions and whether they are answered, the body's length.
import fs from 'node:fs';
import { formatIsoDate } from '../documents/dates';
import { parseDocument, type ParsedDocument } from '../documents/parse';
import { DOCUMENT_TYPES } from '../documents/types';
import { runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run import:document -- [--json] BESTAND   (BESTAND "-" leest van standaardinvoer)';

function parseArgs(argv: string[]): { file: string; json: boolean } {
  let file = '';
  let json = false;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) throw new UsageError(`Onbekende optie "${arg}".\n${USAGE}`);
    else if (!file) file = arg;
    else throw new UsageError(`Eén bestand tegelijk, niet ook "${arg}".\n${USAGE}`);
  }
  if (!file) throw new UsageError(USAGE);
  return { file, json };
}

function readInput(file: string): string {
  try {
    return fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Bestand niet gevonden: ${file}`);
    if (code === 'EISDIR') throw new UsageError(`Dit is een map, geen bestand: ${file}`);
    throw new UsageError(`Het bestand kon niet worden gelezen: ${file} (${code ?? (err as Error).message})`);
  }
}

function describe(doc: ParsedDocument, file: string): string {
  const type = DOCUMENT_TYPES[doc.type];
  const lines = [`Document uit ${file === '-' ? 'standaardinvoer' : file}`, `  Soort: ${type.label}`];
  if (type.fields.length) lines.push('  Velden:');
  for (const f of type.fields) {
    const value = doc.fields[f.key];
    const shown =
      value === undefined
        ? '(niet gevonden)'
        : Array.isArray(value)
          ? value.join(', ')
          : f.kind === 'date'
            ? formatIsoDate(String(value))
            : String(value);
    lines.push(`    ${f.label}: ${shown}`);
  }
  if (type.hasQuestions) {
    const answered = doc.questions.filter((q) => q.answer !== null).length;
    lines.push(`  Vragen: ${doc.questions.length}, waarvan ${answered} beantwoord`);
    for (const q of doc.questions) {
      const short = q.question.length > 80 ? `${q.question.slice(0, 77)}...` : q.question;
      lines.push(`    ${q.number}. ${short.replace(/\s+/g, ' ')} [${q.answer === null ? 'niet beantwoord' : 'beantwoord'}]`);
    }
  }
  lines.push(`  Tekst: ${doc.body.length.toLocaleString('nl-NL')} tekens`);
  return lines.join('\n');
}

runCommand(async () => {
  const { file, json } = parseArgs(process.argv.slice(2));
  const doc = parseDocument(readInput(file));
  console.log(json ? JSON.stringify(doc, null, 2) : describe(doc, file));
  await Promise.resolve();
});
