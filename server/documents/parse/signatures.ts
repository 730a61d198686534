// Who signed: "Namens de PvdA-fractie," with the names on the next lines, "Namens D66, Jan Jansen"
// or "Jan Jansen, namens GroenLinks". The names become indieners, the parties partijen.
import type { Line } from './lines';
import { splitNames } from './values';

const NAME = /^(?:(?:dhr|mevr|mw|drs|dr|mr|ir|ing|prof)\.?\s+)*[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,4}$/u;
const NOT_A_NAME = /^(?:met|hoogachtend|geachte|de|het|een|namens|burgemeester|wethouder|college|gemeente|fractie)\b/i;

function looksLikeName(text: string): boolean {
  const t = text.replace(/[,.]$/, '').trim();
  return NAME.test(t) && !NOT_A_NAME.test(t) && /\s/.test(t) && /\p{Lu}[\p{L}'’-]*$/u.test(t);
}

/** "de fractie van de PvdA" → "PvdA"; "de PvdA-fractie" → "PvdA". */
function partiesOf(text: string): string[] {
  const t = text
    .replace(/^(?:de\s+)?(?:raads)?fracties?\s+(?:van\s+)?/i, '')
    .replace(/-?fracties?$/i, '')
    .replace(/[,.:]+$/, '');
  return splitNames(t);
}

export function signatures(lines: Line[], consumed: Set<number>): { names: string[]; parties: string[] } {
  const names: string[] = [];
  const parties: string[] = [];
  const free = lines.map((l, i) => (consumed.has(i) ? '' : l.text.replace(/\t/g, ' ')));
  for (let i = 0; i < free.length; i++) {
    const t = free[i];
    const after = /^namens\s+(.+?)[,:]?$/i.exec(t);
    const before = /^(.+?),?\s+namens\s+(.+?)[,.]?$/i.exec(t);
    if (before && looksLikeName(before[1])) {
      names.push(before[1].replace(/,$/, ''));
      parties.push(...partiesOf(before[2]));
    } else if (after) {
      const comma = after[1].lastIndexOf(',');
      if (comma > 0 && looksLikeName(after[1].slice(comma + 1).trim())) {
        parties.push(...partiesOf(after[1].slice(0, comma)));
        names.push(
          after[1]
            .slice(comma + 1)
            .trim()
            .replace(/[,.]$/, ''),
        );
        continue;
      }
      parties.push(...partiesOf(after[1]));
      for (let j = i + 1; j < free.length && j <= i + 6; j++) {
        if (!free[j]) {
          if (names.length) break;
          continue;
        }
        const candidates = splitNames(free[j]);
        if (!candidates.every(looksLikeName)) break;
        names.push(...candidates);
        i = j;
      }
    }
  }
  return { names: [...new Set(names)], parties: [...new Set(parties)] };
}
