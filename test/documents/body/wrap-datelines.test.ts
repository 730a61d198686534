// A hard-wrapped text (parse/wrap.ts): a heading in capitals and a dateline under a title keep their own lines, a
// date that ends a sentence is joined to it (issue 20, session 16, rules30). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { wrappedLines } from '../../../server/documents/parse/wrap';
import { PERTURBATIONS } from '../../../server/documents/perturb';

const considerations = [
  'De Kamer,',
  '',
  'gehoord de beraadslaging,',
  '',
  'overwegende dat de bankjes in de parken van de gemeenten in het oosten van het land al jaren niet zijn onderhouden en dat bewoners daarover klagen bij hun gemeente en bij de provincie;',
  '',
  'overwegende dat het Rijk de gemeenten in het oosten van het land in de afgelopen jaren geen extra middelen heeft gegeven voor het onderhoud van de openbare ruimte;',
  '',
  'verzoekt de regering om met de gemeenten in het oosten van het land in gesprek te gaan over het onderhoud van de bankjes in hun parken en de Kamer daarover voor de zomer te informeren,',
  '',
  'en gaat over tot de orde van de dag.',
  '',
  'De Vries',
  'Bakker',
];
const MOTIE = [
  'Tweede Kamer der Staten-Generaal',
  '',
  'MOTIE VAN DE LEDEN DE VRIES, VAN DEN BERG EN BAKKER',
  'Voorgesteld 26 januari 2023',
  '',
  ...considerations,
];
const at60 = PERTURBATIONS['afgebroken op 60 tekens'];

describe('documents: headings and datelines in a hard-wrapped text', () => {
  it('keeps a heading in capitals apart from the dateline under it, and reads the motie as written', () => {
    const lines = wrappedLines(at60(MOTIE.join('\n'))).map((l) => l.text);
    assert.ok(lines.includes('MOTIE VAN DE LEDEN DE VRIES, VAN DEN BERG EN BAKKER'), lines.join('\n'));
    assert.ok(lines.includes('Voorgesteld 26 januari 2023'), lines.join('\n'));
    const wrapped = parseDocument(at60(MOTIE.join('\n')));
    assert.equal(wrapped.fields.datum, '2023-01-26');
    assert.deepEqual(wrapped.fields, parseDocument(MOTIE.join('\n')).fields);
  });

  it('keeps a title apart from a place-and-date line under it, and joins a date that ends a sentence', () => {
    const title = ['Motie Bankjes in het park voor alle inwoners van Zandmeer', 'Zandmeer, 6 november 2018', '', ...considerations];
    assert.ok(wrappedLines(at60(title.join('\n'))).some((l) => l.text === 'Zandmeer, 6 november 2018'));
    const meeting = ['De raad van de gemeente Zandmeer, in vergadering bijeen op', '17 mei 2023.', '', ...considerations];
    assert.ok(
      wrappedLines(at60(meeting.join('\n'))).some(
        (l) => l.text === 'De raad van de gemeente Zandmeer, in vergadering bijeen op 17 mei 2023.',
      ),
    );
  });
});
