// Who sends a letter when its letterhead names a member of the college under the organisation: "gemeente X" /
// "wethouder" / "G. Slegers", or "gemeente X" / "Locoburgemeester H. van der Laan". The sender is the office
// and the name as they follow each other ("wethouder G. Slegers"), not the organisation.
import type { Line } from './lines';
import { looksLikeName } from './signatures';

const OFFICE = /^(?:wethouder|burgemeester|loco-?burgemeester|gedeputeerde|dijkgraaf|heemraad|portefeuillehouder)$/i;

/** The office holder on the lines right under the organisation's line `at`, or null. */
export function officeHolder(lines: Line[], at: number): { value: string; lines: number[] } | null {
  const next: number[] = [];
  for (let j = at + 1; j < lines.length && next.length < 2; j++) if (lines[j].text.trim()) next.push(j);
  const first = lines[next[0]]?.text.replace(/\t/g, ' ').trim() ?? '';
  const words = first.split(/\s+/);
  // "Locoburgemeester H. van der Laan": the office and the name on one line.
  if (OFFICE.test(words[0]) && words.length > 1 && looksLikeName(words.slice(1).join(' '))) return { value: first, lines: [next[0]] };
  const second = lines[next[1]]?.text.replace(/\t/g, ' ').trim() ?? '';
  if (OFFICE.test(first) && second && looksLikeName(second)) return { value: `${first} ${second}`, lines: next };
  return null;
}
