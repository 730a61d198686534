// Texts the tests of the paste-import's review step share, and how they find a line in them.
import fs from 'node:fs';
import path from 'node:path';

/** Seed 002 as an editor pastes it: written questions (7), then the college's 7 answers. */
export const SEED_002 = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'documents', 'seeds', '002_3e7e3dd9611e8dcd.txt'), 'utf8');

/**
 * The index of the first line that starts with `start` once its Markdown marks (* and #) and <b> tags
 * are taken off, in a text's lines or a parse result's; -1 when none does.
 */
export function lineStarting(lines: ReadonlyArray<string | { text: string }>, start: string): number {
  return lines.findIndex((l) =>
    (typeof l === 'string' ? l : l.text)
      .replace(/[*#]|<\/?b>/g, '')
      .trim()
      .startsWith(start),
  );
}

/** Written questions whose first question runs over two lines and whose answers outnumber them: to split and join. */
export const TREES_QUESTIONS = [
  'Schriftelijke vragen',
  '',
  'Onderwerp: Bomen in Wyck',
  'Partij: D66',
  '',
  '1. Hoeveel bomen zijn er gekapt?',
  'Worden er nieuwe geplant?',
  '2. Wanneer begint het planten?',
  '',
  'Antwoord college:',
  '',
  '1. Twaalf bomen.',
  '2. Ja, twintig nieuwe.',
  '3. Volgend jaar in maart.',
].join('\n');

/**
 * A motie whose only onderwerp is a bare title line (no "Motie X" shape, which is evidence of its own): offered to the
 * editor as a suggestion, not filled in.
 */
export const BANKJES_MOTIE = [
  'Bankjes in het Wilhelminapark',
  '',
  'De raad van de gemeente Oosterlo, in vergadering bijeen op 3 juli 2023,',
  '',
  'constaterende dat er in het Wilhelminapark te weinig bankjes staan voor ouderen die er dagelijks wandelen;',
  '',
  'verzoekt het college om voor 1 januari 2024 tien bankjes te plaatsen,',
  '',
  'en gaat over tot de orde van de dag.',
  '',
  'Piet Jansen, CDA',
].join('\n');

/** A motie's body under whatever head a test gives it: the raad, its request, the closing formula. */
export const MOTIE_BODY = [
  'De raad van de gemeente Zandmeer, in vergadering bijeen op 12 maart 2024,',
  '',
  'Verzoekt het college om:',
  '- voor de zomer drie bankjes te plaatsen,',
  '',
  'en gaat over tot de orde van de dag.',
];
