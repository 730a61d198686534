// A letterhead whose labels stand apart from their values (issue 20, round 14): a row of labels over a row
// of values, or the labels each on a line followed by the values in the same order; aligned by the kind of
// value each label takes, and given up where the alignment is not sure (parse/rows.ts).
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const letter = (head: string[]) =>
  [...head, '', 'Geachte leden van de raad,', '', 'Met deze brief informeren wij u over de herinrichting van het plein.'].join('\n');

describe('documents: a row of labels over a row of values', () => {
  it('reads a flattened table letterhead, with the columns apart by wide gaps', () => {
    const got = parseDocument(
      letter([
        'Gemeente Zwolle',
        'Datum      Ons kenmerk      Onderwerp',
        '5 maart 2015      2015.08141      Herinrichting van de Grote Markt',
      ]),
    );
    assert.equal(got.fields.datum, '2015-03-05');
    assert.equal(got.fields.kenmerk, '2015.08141');
    assert.equal(got.fields.onderwerp, 'Herinrichting van de Grote Markt');
    assert.ok(!got.body.includes('2015.08141'), got.body);
  });

  it('aligns values apart by single spaces by their kinds, past a line of colons and another label', () => {
    const got = parseDocument(
      letter([
        'Aan de leden van Provinciale Staten',
        'Datum Briefnummer Zaaknummer Behandeld door Telefoonnummer Antwoord op Bijlage',
        ': : : : : : :',
        'Onderwerp',
        ': Jeugdzorg in 2009',
        '3 april 2009 2009-11402/14/A.7, JZ 80211 P. de Jong (050) 316 4122',
      ]),
    );
    assert.equal(got.fields.datum, '2009-04-03');
    assert.equal(got.fields.kenmerk, '2009-11402/14/A.7, JZ');
    assert.equal(got.fields.behandeld_door, 'P. de Jong');
    assert.equal(got.fields.onderwerp, 'Jeugdzorg in 2009');
    assert.equal(got.fields.uw_referentie, undefined);
  });

  it('gives up a field that two alignments read differently, and keeps the sure ones', () => {
    const got = parseDocument(letter(['Gemeente Zwolle', 'Datum Ons kenmerk Uw kenmerk', '5 maart 2015 Z-123 AB-45']));
    assert.equal(got.fields.datum, '2015-03-05');
    assert.equal(got.fields.kenmerk, undefined);
    assert.equal(got.fields.uw_referentie, undefined);
  });

  it('reads labels each on a line followed by their values each on a line', () => {
    const got = parseDocument(
      letter([
        'Aan de leden van de gemeenteraad',
        '',
        'Datum',
        'Ons kenmerk',
        'Onderwerp',
        '12 mei 2020',
        'Z-20-1234',
        'Herinrichting van het Stationsplein',
      ]),
    );
    assert.equal(got.fields.datum, '2020-05-12');
    assert.equal(got.fields.kenmerk, 'Z-20-1234');
    assert.equal(got.fields.onderwerp, 'Herinrichting van het Stationsplein');
  });

  it('reads nothing from labels on lines when the values do not fit them one to one', () => {
    const got = parseDocument(
      letter(['Datum', 'Ons kenmerk', 'Onderwerp', 'Herinrichting van het Stationsplein', '12 mei 2020', 'Z-20-1234']),
    );
    assert.equal(got.fields.datum, undefined);
    assert.equal(got.fields.kenmerk, undefined);
    assert.equal(got.fields.onderwerp, undefined);
  });
});
