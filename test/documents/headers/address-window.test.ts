// The addressee in a letter's address window, right above a postal address (issue 20, session 16, rules30).
// Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { addressWindow } from '../../../server/documents/parse/address-window';
import { toLines } from '../../../server/documents/parse/lines';

const window = (...text: string[]) => addressWindow(toLines(text.join('\n')), 20)?.value ?? null;

describe('documents: the addressee in the address window', () => {
  it('reads a body or an office right above a postal address, with the lines that go on with its name', () => {
    assert.equal(
      window(
        'Fractie Zandmeer Vooruit',
        '',
        'Het college van burgemeester en wethouders',
        'van de gemeente Zandmeer',
        'Postbus 12',
        '9999 ZZ ZANDMEER',
      ),
      'Het college van burgemeester en wethouders van de gemeente Zandmeer',
    );
    assert.equal(
      window('Aan de voorzitter van de Tweede Kamer', 'der Staten-Generaal', 'Plein 2', '2500 AA DEN HAAG'),
      'de voorzitter van de Tweede Kamer der Staten-Generaal',
    );
    // The States without an article, with the house they meet in between.
    assert.equal(
      window('Provinciale Staten van Zandland', 'Provinciehuis', 'Markt 1', '9999 ZZ Zandmeer'),
      'Provinciale Staten van Zandland',
    );
  });

  it('reads nothing from the sender’s own letterhead, a person or an address with an empty line above it', () => {
    assert.equal(window('Gemeente Zandmeer', 'Postbus 12', '9999 ZZ ZANDMEER'), null);
    assert.equal(window('Anna de Vries', 'Dorpsstraat 4', '9999 ZZ Zandmeer'), null);
    assert.equal(window('Het college van burgemeester en wethouders', '', 'Postbus 12', '9999 ZZ ZANDMEER'), null);
  });

  it('fills in the letter’s aan and keeps the window out of the body', () => {
    const doc = parseDocument(
      [
        'Het college van burgemeester en wethouders',
        'van de gemeente Zandmeer',
        'Postbus 12',
        '9999 ZZ ZANDMEER',
        '',
        'Betreft: bankjes in het park',
        '',
        'Geacht college,',
        '',
        'Wij vragen u om drie bankjes in het park te plaatsen.',
        '',
        'Met vriendelijke groet,',
        '',
        'Anna de Vries',
      ].join('\n'),
    );
    assert.equal(doc.fields.aan, 'Het college van burgemeester en wethouders van de gemeente Zandmeer');
    assert.ok(!doc.body.includes('van de gemeente Zandmeer'), doc.body);
  });
});
