// npm run import:document -- [--json | --text] FILE   (FILE "-" reads standard input)
// Reads a council document, as text pasted from a PDF or an e-mail or as the PDF itself, and shows
// what the paste-import finds: the type, every field, the numbered questions and whether they are
// answered, the body's length. --text prints the text that is recognised (a PDF's, as it was read).
import fs from 'node:fs';
import { formatIsoDate } from '../documents/dates';
import { parseDocument, type ParsedDocument } from '../documents/parse';
import { pdfText, PdfTextError } from '../documents/pdf-text';
import { DOCUMENT_TYPES } from '../documents/types';
import { runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run import:document -- [--json | --text] BESTAND   (BESTAND "-" leest van standaardinvoer; een pdf mag ook)';

function parseArgs(argv: string[]): { file: string; output: 'describe' | 'json' | 'text' } {
  let file = '';
  let output: 'describe' | 'json' | 'text' = 'describe';
  for (const arg of argv) {
    if (arg === '--json' || arg === '--text') {
      if (output !== 'describe') throw new UsageError(`Kies --json of --text, niet allebei.\n${USAGE}`);
      output = arg === '--json' ? 'json' : 'text';
    } else if (arg.startsWith('--')) throw new UsageError(`Onbekende optie "${arg}".\n${USAGE}`);
    else if (!file) file = arg;
    else throw new UsageError(`Eén bestand tegelijk, niet ook "${arg}".\n${USAGE}`);
  }
  if (!file) throw new UsageError(USAGE);
  return { file, output };
}

function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Bestand niet gevonden: ${file}`);
    if (code === 'EISDIR') throw new UsageError(`Dit is een map, geen bestand: ${file}`);
    throw new UsageError(`Het bestand kon niet worden gelezen: ${file} (${code ?? (err as Error).message})`);
  }
}

/** The document's text: a PDF (known by its first bytes, or by its name) is read as the import page reads it. */
async function documentText(file: string, bytes: Buffer): Promise<string> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-' && !/\.pdf$/i.test(file)) return bytes.toString('utf8');
  try {
    return await pdfText(bytes);
  } catch (err) {
    if (err instanceof PdfTextError) throw new UsageError(`${file}: ${err.message}`);
    throw err;
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
  const { file, output } = parseArgs(process.argv.slice(2));
  const text = await documentText(file, readInput(file));
  if (output === 'text') return console.log(text);
  const doc = parseDocument(text);
  console.log(output === 'json' ? JSON.stringify(doc, null, 2) : describe(doc, file));
});
