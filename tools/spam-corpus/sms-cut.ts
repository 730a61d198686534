// npm run spam:sms-cut -- SMSSpamCollection [--first N]: cuts the measuring files sms-holdout-c.csv and
// sms-holdout-d.csv from the SMS Spam Collection v.1 (the UCI file: one message a line, "ham" or
// "spam", a tab, the text). Messages 1–905 are already bundled (sms-train.csv, sms-holdout-a.csv,
// sms-holdout-b.csv) and stay as they are; of messages 906–5.574, every one whose text (ignoring case
// and surrounding spaces) occurs in a bundled file or earlier among 906–5.574 is dropped, and the
// others go alternately to C (1st, 3rd, …) and D (2nd, 4th, …), in the file's own order, texts
// unchanged. --first N: the file starts at message N (a part of the collection). Nothing is tuned here.
import fs from 'node:fs';
import path from 'node:path';
import { SPAM_CORPUS_DIR } from '../../server/paths';
import { readCorpus } from '../../server/spam/corpus';

const FIRST_CUT = 906;
const TOTAL = 5574;
const BUNDLED = ['sms-train.csv', 'sms-holdout-a.csv', 'sms-holdout-b.csv'];
const COLUMNS = { author: 'author', content: 'content', label: 'spam', url: 'url' };

interface Message {
  spam: boolean;
  text: string;
}

const norm = (text: string) => text.trim().toLowerCase();

function readCollection(file: string): Message[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => {
    const m = /^(ham|spam)\t(.*)$/s.exec(line.replace(/\r$/, ''));
    if (!m) throw new Error(`${file}, regel ${i + 1}: geen "ham" of "spam", een tab en de tekst`);
    return { spam: m[1] === 'spam', text: m[2] };
  });
}

/** The cut, pure: which messages of the collection (from message `first` on) go to C and to D. */
function cut(messages: Message[], first: number, bundled: Set<string>): { c: Message[]; d: Message[]; dropped: number } {
  const seen = new Set(bundled);
  const kept: Message[] = [];
  let dropped = 0;
  messages.forEach((m, i) => {
    if (first + i < FIRST_CUT) return;
    const key = norm(m.text);
    if (seen.has(key)) dropped++;
    else {
      seen.add(key);
      kept.push(m);
    }
  });
  return { c: kept.filter((_, i) => i % 2 === 0), d: kept.filter((_, i) => i % 2 === 1), dropped };
}

// The format of the other sms-*.csv files: LF line ends, a field quoted only when it must be.
function toCsv(messages: Message[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return ['author,email,url,content,spam', ...messages.map((m) => `,,,${field(m.text)},${m.spam ? 1 : 0}`)].join('\n') + '\n';
}

function main(argv: string[]): void {
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--first');
  const at = argv.indexOf('--first');
  const first = at === -1 ? 1 : Number(argv[at + 1]);
  if (!file || !Number.isInteger(first) || first < 1 || first > FIRST_CUT) {
    console.error(`Gebruik: npm run spam:sms-cut -- SMSSpamCollection [--first N] (N van 1 tot en met ${FIRST_CUT})`);
    process.exit(2);
  }
  const messages = readCollection(file);
  if (first + messages.length - 1 !== TOTAL)
    throw new Error(`${file}: berichten ${first}–${first + messages.length - 1}, verwacht tot en met ${TOTAL}`);
  const bundled = new Set(
    BUNDLED.flatMap((name) => readCorpus(fs.readFileSync(path.join(SPAM_CORPUS_DIR, name), 'utf8'), COLUMNS).map((r) => norm(r.content))),
  );
  const { c, d, dropped } = cut(messages, first, bundled);
  for (const [name, rows] of [
    ['sms-holdout-c.csv', c],
    ['sms-holdout-d.csv', d],
  ] as const) {
    fs.writeFileSync(path.join(SPAM_CORPUS_DIR, name), toCsv(rows));
    console.log(`${name}: ${rows.length} berichten, ${rows.filter((r) => r.spam).length} spam`);
  }
  console.log(`${dropped} berichten weggelaten: hun tekst komt al eerder voor`);
}

main(process.argv.slice(2));
